"""Writes of the shared core: the standard agencies of a unit, staff accounts and their roles, the timeline, row
locks and the refusal of a write two requests made at once."""

from collections.abc import Callable, Iterable
from datetime import date
from functools import wraps
from typing import ParamSpec, TypeVar

from django.contrib.auth.password_validation import validate_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model

from danvan.models import AdminUnit, Agency, Event, Membership, Role, Staff
from danvan.selectors import units_under
from danvan.sheets.inserts import insert_rows
from danvan.structure import forget_structure

Kind, Type = Agency.Kind, AdminUnit.Type
P = ParamSpec("P")
T = TypeVar("T")

# Every unit has a People's Committee, a party committee and a People's Council; a province has more.
STANDARD_KINDS = {
    AdminUnit.Level.PROVINCE: (
        Kind.COMMITTEE,
        Kind.PARTY,
        Kind.COUNCIL,
        Kind.ASSEMBLY_DELEGATION,
        Kind.RECEPTION_OFFICE,
        Kind.INSPECTORATE,
    ),
    AdminUnit.Level.DISTRICT: (Kind.COMMITTEE, Kind.PARTY, Kind.COUNCIL),
    AdminUnit.Level.COMMUNE: (Kind.COMMITTEE, Kind.PARTY, Kind.COUNCIL),
}

# The party committee of a province is a "Tỉnh ủy", of a city a "Thành ủy", of a commune an "Đảng ủy xã …".
_PARTY_COMMITTEE_OF_TYPE = {
    Type.PROVINCE: "Tỉnh ủy",
    Type.MUNICIPALITY: "Thành ủy",
    Type.PROVINCIAL_CITY: "Thành ủy",
    Type.RURAL_DISTRICT: "Huyện ủy",
    Type.URBAN_DISTRICT: "Quận ủy",
    Type.TOWN: "Thị ủy",
}

_NAME_PREFIX_OF_KIND = {
    Kind.COMMITTEE: "Ủy ban nhân dân",
    Kind.COUNCIL: "Hội đồng nhân dân",
    Kind.ASSEMBLY_DELEGATION: "Đoàn đại biểu Quốc hội",
    Kind.RECEPTION_OFFICE: "Ban Tiếp công dân",
    Kind.INSPECTORATE: "Thanh tra",
}


def standard_agency_name(kind: str, unit: AdminUnit) -> str:
    if kind == Kind.PARTY:
        committee = _PARTY_COMMITTEE_OF_TYPE.get(unit.type)
        return f"{committee} {unit.bare_name}" if committee else f"Đảng ủy {unit.name_in_sentence}"
    return f"{_NAME_PREFIX_OF_KIND[kind]} {unit.name_in_sentence}"


@transaction.atomic
def create_standard_agencies(*, province: AdminUnit) -> int:
    """Creates the standard agencies that are missing in a province and every unit under it; returns how many."""
    units = list(units_under(province))
    existing = set(Agency.objects.filter(unit__in=units, kind__in=Agency.ONE_PER_UNIT).values_list("unit_id", "kind"))
    missing = [
        Agency(unit=unit, kind=kind, name=standard_agency_name(kind, unit))
        for unit in units
        for kind in STANDARD_KINDS[unit.level]
        if (unit.pk, kind) not in existing
    ]
    Agency.objects.bulk_create(missing, batch_size=2000)
    forget_structure()  # a bulk write sends no signal
    return len(missing)


def record_event(
    subject: Model,
    *,
    by: Staff | None,
    kind: str,
    label: str,
    on: date,
    changes: dict | None = None,
    reason: str = "",
) -> Event:
    """Adds a step to the timeline of ``subject``: who, when, what (``label``, in Vietnamese), what changed and, for a
    correction, why.

    Never put a denouncer's identity in ``label`` or ``changes``: the timeline is shown to everyone in scope.
    """
    return Event.objects.create(
        subject=subject, by=by, kind=kind, label=label[:300], on=on, changes=changes or {}, reason=reason
    )


# A step as a bulk writer gives it: the subject's id, the kind, the label and the day it was taken.
Step = tuple[int, str, str, date]


def record_events(model: type[Model], steps: Iterable[Step], *, by: int | None, changes: dict | None = None) -> None:
    """Adds the steps of many records of ``model`` at once (a register import, the day's escalations), each dated the
    day it was taken, as ``record_event`` would one by one; ``changes`` are the same for every step."""
    subject_type = ContentType.objects.get_for_model(model).pk
    fields = ("subject_type_id", "subject_id", "kind", "label", "on", "by_id", "changes")
    changed = changes or {}
    insert_rows(Event, fields, ((subject_type, pk, kind, label, on, by, changed) for pk, kind, label, on in steps))


# The refusal of a write that the database found already made: another request made it in the meantime.
CONFLICT = "Thao tác này vừa được người khác ghi nhận cùng lúc với bạn: hãy tải lại trang để xem kết quả."


def refusing_conflicts(service: Callable[P, T]) -> Callable[P, T]:
    """``service`` (atomic itself: its transaction is rolled back first) refusing with ``CONFLICT`` the row a unique
    constraint forbids, instead of failing: what two requests at the same moment both found missing and both wrote,
    where no row lock orders them (or as a second guard behind one)."""

    @wraps(service)
    def refusing(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return service(*args, **kwargs)
        except IntegrityError as error:
            if not _is_duplicate(error):
                raise
            raise ValidationError(CONFLICT, code="conflict") from error

    return refusing


def _is_duplicate(error: IntegrityError) -> bool:
    """Whether the database refused a row as a duplicate: PostgreSQL's unique violation, SQLite's UNIQUE failure."""
    return getattr(error.__cause__, "sqlstate", None) == "23505" or str(error).startswith("UNIQUE constraint failed")


def lock(record: Model) -> None:
    """Locks the row of ``record`` until the transaction ends and reloads it as stored (inside a transaction): the
    state a service then checks holds until its write lands, and a second submit of the same step waits for the first
    and is refused by what it wrote."""
    record.refresh_from_db(from_queryset=type(record)._base_manager.select_for_update())


@transaction.atomic
def provision_staff(
    *, username: str, password: str, agency: Agency, role: Role, full_name: str = "", title: str = ""
) -> Staff:
    """Creates the account (or updates its password and name) and gives it ``role`` in ``agency``."""
    staff, _ = Staff.objects.get_or_create(username=username)
    validate_password(password, staff)
    staff.set_password(password)
    staff.full_name = full_name or staff.full_name
    staff.title = title or staff.title
    staff.save()
    Membership.objects.get_or_create(staff=staff, agency=agency, role=role)
    return staff
