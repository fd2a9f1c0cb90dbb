"""A choice among many records (a province's thousand agencies, its five hundred units) as a search, not a select that
ships every option in every page: the field shows the record chosen and a search box; typing asks the server for the
records that match, and picking one renders the field again with it (htmx, as the desk's case picker).

Each kind of choice is a ``Picker`` registered by name: what a user may pick (their scope, as the form's own queryset)
and how a record is labelled. The form's field keeps its queryset, which validates the value posted; the widget names
the picker that searches the same records. Apps register their pickers in their ``AppConfig.ready()``.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db.models import F, Model, QuerySet
from django.db.models.functions import Length
from django.template.loader import render_to_string

from danvan.accounts.selectors import offered_agencies, staff_in_scope
from danvan.inputs import id_in
from danvan.models import AdminUnit, Agency, Staff
from danvan.scope import agencies_for, agencies_nearby
from danvan.text import fold

MATCHES = 20
ALL = "Tất cả"


@dataclass(frozen=True)
class Picker:
    name: str
    choices: Callable[[Staff], QuerySet]  # what ``staff`` may pick, in the order a list shows them
    label: Callable[[Model], str] = str

    def matches(self, staff: Staff, query: str) -> tuple[list[tuple[int, str]], int]:
        """The records whose label holds every word of ``query`` (no diacritics needed), the first ``MATCHES`` of them
        as (id, label), and how many more there are."""
        words = fold(query).split()
        found = []
        for record in self.choices(staff):
            label = self.label(record)
            searched = _searched(label)
            if all(word in searched for word in words):
                found.append((not _starts_words(searched, words), record.pk, label))
        found.sort(key=lambda match: match[0])  # stable: those whose words begin as typed first, in the list's order
        return [(pk, label) for _, pk, label in found[:MATCHES]], max(len(found) - MATCHES, 0)

    def chosen(self, staff: Staff, value: object) -> Model | None:
        """The record ``value`` names among those ``staff`` may pick, or None."""
        pk = id_in(value)
        return None if pk is None else self.choices(staff).filter(pk=pk).first()


# The short forms staff type for the words agencies' names spell out ("ubnd ia grai").
_SHORT_FORMS = {
    "uy ban nhan dan": "ubnd",
    "hoi dong nhan dan": "hdnd",
    "dai bieu quoc hoi": "dbqh",
    "tiep cong dan": "tcd",
}


def _searched(label: str) -> str:
    """``label`` folded (no diacritics, lower case), with the short forms of what it spells out."""
    folded = fold(label)
    return " ".join([folded, *(short for long, short in _SHORT_FORMS.items() if long in folded)])


def _starts_words(searched: str, words: list[str]) -> bool:
    """Whether every word typed begins a word of the label ("an khe" begins "An Khê", not "Bình Khê")."""
    return all(f" {word}" in f" {searched}" for word in words)


PICKERS: dict[str, Picker] = {}


def register(picker: Picker) -> Picker:
    PICKERS[picker.name] = picker
    return picker


def place_of(unit: AdminUnit) -> str:
    """What tells apart units of one name ("Phường 1" was in many towns): the unit above and the end of its era."""
    parts = [unit.parent.name] if unit.parent_id else []
    if unit.valid_to:
        parts.append(f"đến {unit.valid_to:%d/%m/%Y}")
    return f" ({', '.join(parts)})" if parts else ""


def agency_label(agency: Agency) -> str:
    return agency.name + place_of(agency.unit)


def unit_label(unit: AdminUnit) -> str:
    return unit.name + place_of(unit)


def rendered(picker: str, *, name: str, field_id: str, value: object, label: str, placeholder: str) -> str:
    """The field: the chosen record's id in a hidden input, its label in the search box."""
    context = {
        "picker": picker,
        "name": name,
        "id": field_id,
        "value": "" if value in (None, "") else value,
        "label": label,
        "placeholder": placeholder,
    }
    return render_to_string("forms/picker.html", context)


class SearchPicker(forms.Widget):
    """The widget of a ``ModelChoiceField`` whose records the picker ``picker`` searches: only the chosen record is
    read (from the field's queryset, so within the user's scope), never the whole list."""

    def __init__(self, picker: str, *, placeholder: str = "Gõ tên để tìm, không cần dấu", attrs=None) -> None:
        super().__init__(attrs)
        self.picker, self.placeholder = picker, placeholder
        self.choices = ()  # the field's ModelChoiceIterator, set by ModelChoiceField

    def render(self, name, value, attrs=None, renderer=None) -> str:
        attrs = self.build_attrs(self.attrs, attrs)
        record = self._record(value)
        label = PICKERS[self.picker].label(record) if record is not None else ""
        return rendered(
            self.picker,
            name=name,
            field_id=attrs.get("id", f"id_{name}"),
            value=record.pk if record is not None else "",
            label=label,
            placeholder=self.placeholder,
        )

    def _record(self, value: object) -> Model | None:
        if isinstance(value, Model):
            return value
        queryset = getattr(self.choices, "queryset", None)
        pk = id_in(value)
        return None if queryset is None or pk is None else queryset.filter(pk=pk).first()


def _agencies(staff: Staff) -> QuerySet[Agency]:
    return agencies_for(staff).select_related("unit__parent")


def _units(staff: Staff) -> QuerySet[AdminUnit]:
    """The units of the agencies in scope: today's first, each province before its communes."""
    return (
        AdminUnit.objects.filter(pk__in=agencies_for(staff).values("unit"))
        .select_related("parent")
        .order_by(F("valid_from").desc(nulls_last=True), Length("code"), "code")
    )


def _nearby(staff: Staff) -> QuerySet[Agency]:
    return agencies_nearby(staff).select_related("unit__parent")


def _agency_name(agency: Agency) -> str:
    return agency.name


# The agencies and units of the user's scope (the lists' filters), the agencies a record comes from or goes to; a unit
# admin's agencies and staff.
AGENCIES = register(Picker("co-quan", _agencies, agency_label))
UNITS = register(Picker("don-vi", _units, unit_label))
NEARBY_AGENCIES = register(Picker("co-quan-lan-can", _nearby, agency_label))
ADMINISTERED_AGENCIES = register(Picker("co-quan-quan-tri", offered_agencies, _agency_name))
STAFF = register(Picker("can-bo", staff_in_scope))
