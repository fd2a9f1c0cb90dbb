"""Corrections of saved records (sửa thông tin): one mechanism for every kind of record.

Each app says, for each kind of record it keeps, who may correct it, which fields may change in its state, what is
refused and what follows (a ``Correctable``); ``correct`` then does the rest alike for all: it locks the record, refuses
a correction without a reason, one that changes nothing or one outside the rules, saves, lets the derived data follow,
and writes what changed, old → new, with who, when and why, once on the record's timeline and once in the audit log.
Then it sends ``corrected``, so that the reports sent over the record's days can show the correction.
"""

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.dispatch import Signal
from django.utils import timezone

from danvan.audit import audit
from danvan.models import Agency, AuditEntry, Staff
from danvan.services import lock, record_event, refusing_conflicts
from danvan.versions import ensure_current, stored_version

KIND = "corrected"
REASON_MISSING = "Hãy ghi lý do sửa."
NOTHING_CHANGED = "Không có thông tin nào thay đổi: không có gì để sửa."
SECRET = "(thông tin được giữ bí mật)"
EMPTY = "—"

# Sent after a correction was saved: ``record`` as corrected, its ``agency``, the ``days`` whose figures the record
# counts in before and after it (a report sent over one of them shows the correction) and the audit ``entry``.
corrected = Signal()

# A changed field: its value before and after.
Change = tuple[object, object]
Changes = dict[str, Change]


def _nothing(*_args) -> None:
    return None


def _itself(record: Model) -> Model:
    return record


def _no_secret(_record: Model) -> Collection[str]:
    return ()


def _full_clean(record: Model, _changes: Changes, _staff: Staff | None) -> None:
    record.full_clean()


@dataclass(frozen=True)
class Rule:
    """``fields`` may not change while ``holds(record, staff)``, on the record as stored, for the reason ``refusal``."""

    fields: tuple[str, ...]
    holds: Callable[[Model, Staff | None], bool]
    refusal: str


@dataclass(frozen=True)
class Correctable:
    """How one kind of record is corrected.

    ``what`` names it in a sentence ("lượt tiếp"); ``code`` is how the audit log names one (its code, never a person);
    ``ensure(staff, record)`` refuses (``PermissionDenied``) who may not act on it; ``fields`` are those a correction
    may change, in the order of its form, and ``rules`` those it may not change in some states or by some people;
    ``check(record, changes, staff)`` validates the record as corrected (``ValidationError``); ``follow(record, changes,
    staff)`` brings its derived data along after it is saved; ``timeline(record)`` is the record whose timeline shows
    the correction (a case's step shows on the case); ``secret(record)`` are the fields whose values never leave the
    record (a denouncer's companions), before or after the correction; ``agency`` and ``days`` are the agency and the
    days whose figures the record counts in."""

    what: str
    code: Callable[[Model], str]
    ensure: Callable[[Staff | None, Model], None]
    fields: tuple[str, ...]
    agency: Callable[[Model], Agency]
    days: Callable[[Model], Iterable[date | None]]
    rules: tuple[Rule, ...] = ()
    check: Callable[[Model, Changes, Staff | None], None] = _full_clean
    follow: Callable[[Model, Changes, Staff | None], object] = _nothing
    timeline: Callable[[Model], Model] = _itself
    secret: Callable[[Model], Collection[str]] = field(default=_no_secret)

    def refusal(self, name: str, record: Model, staff: Staff | None) -> str | None:
        """Why ``staff`` may not correct ``name`` on ``record`` now; None when they may."""
        if name not in self.fields:
            return f"Không sửa được {record._meta.get_field(name).verbose_name} của {self.what}."
        return next((rule.refusal for rule in self.rules if name in rule.fields and rule.holds(record, staff)), None)

    def fields_for(self, record: Model, staff: Staff | None) -> tuple[str, ...]:
        """The fields ``staff`` may correct on ``record`` now, in the order of the form."""
        return tuple(name for name in self.fields if self.refusal(name, record, staff) is None)

    def version(self, record: Model, staff: Staff | None) -> str:
        """The version (danvan.versions) of what ``staff``'s correction form of ``record`` shows: its fields they may
        correct now, as stored."""
        return stored_version(record, self.fields_for(record, staff))


def _same(old: object, new: object) -> bool:
    if isinstance(old, FieldFile) or isinstance(new, FieldFile):
        return (not old and not new) or (bool(old) and bool(new) and getattr(new, "name", new) == old.name)
    return old == new


def label_of(model_field: models.Field) -> str:
    name = str(model_field.verbose_name)
    return name[:1].upper() + name[1:]


def _figure(value: int | Decimal) -> str:
    """A number as agencies write it: thousands grouped by dots, decimals after a comma (1.720,25)."""
    whole, _, decimals = f"{abs(value):f}".partition(".")
    grouped = ("-" if value < 0 else "") + f"{int(whole):,}".replace(",", ".")
    decimals = decimals.rstrip("0")
    return f"{grouped},{decimals}" if decimals else grouped


def rendered(model_field: models.Field, value: object) -> str:
    """A value as a page shows it: dates dd/mm/yyyy, a choice by its label, a record by its name, yes or no."""
    if value is None or value == "" or (isinstance(value, FieldFile) and not value):
        return EMPTY
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, datetime):
        return f"{timezone.localtime(value):%H:%M %d/%m/%Y}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, int | Decimal):
        return _figure(value)
    if hasattr(value, "name") and not isinstance(value, Model):
        return str(value.name).rsplit("/", 1)[-1] or EMPTY
    return str(value)


def shown_changes(record: Model, changes: Changes, *, secret: Collection[str] = ()) -> dict[str, list[str]]:
    """``{field label: [old, new]}`` as the timeline and the audit log show them; a secret field's values hidden."""
    shown = {}
    for name, (old, new) in changes.items():
        model_field = record._meta.get_field(name)
        values = [SECRET, SECRET] if name in secret else [rendered(model_field, old), rendered(model_field, new)]
        shown[label_of(model_field)] = values
    return shown


def _days(spec: Correctable, record: Model) -> set[date]:
    return {day for day in spec.days(record) if day is not None}


@refusing_conflicts
@transaction.atomic
def correct(
    spec: Correctable, record: Model, values: dict, *, by: Staff | None, reason: str, version: str | None = None
) -> dict[str, list[str]]:
    """Corrects ``record`` to ``values`` for the reason given; returns what changed as shown. Refuses
    (``ValidationError``, nothing saved) a form opened before the record's last correction (``version``, that of the
    form, is no longer ``spec.version``), a correction without a reason, one that changes nothing and one outside
    ``spec``'s rules; ``PermissionDenied`` who may not act on the record."""
    lock(record)
    spec.ensure(by, record)
    ensure_current(version, spec.version(record, by))
    stored = {name: getattr(record, name) for name in values}
    changes = {name: (stored[name], new) for name, new in values.items() if not _same(stored[name], new)}
    if not changes:
        raise ValidationError(NOTHING_CHANGED)
    errors = {name: refusal for name in changes if (refusal := spec.refusal(name, record, by))}
    if not reason.strip():
        errors["reason"] = REASON_MISSING
    if errors:
        raise ValidationError(errors)
    days, secret = _days(spec, record), set(spec.secret(record))
    for name, (_, new) in changes.items():
        setattr(record, name, new)
    try:
        spec.check(record, changes, by)
    except Exception:
        for name, (was, _) in changes.items():  # the caller's record stays as stored
            setattr(record, name, was)
        raise
    record.save()
    spec.follow(record, changes, by)
    shown = shown_changes(record, changes, secret=secret | set(spec.secret(record)))
    label = f"Sửa thông tin {spec.what}: " + ", ".join(name[:1].lower() + name[1:] for name in shown)
    subject = spec.timeline(record)
    today = timezone.localdate()
    record_event(subject, by=by, kind=KIND, label=label, on=today, changes=shown, reason=reason.strip())
    entry = audit(
        by=by,
        action=AuditEntry.Action.CORRECTION,
        summary=f"{label} ({spec.code(record)})",
        subject=subject,
        changes=shown,
        reason=reason.strip(),
    )
    days |= _days(spec, record)
    corrected.send(sender=type(record), record=record, agency=spec.agency(record), days=days, entry=entry)
    return shown
