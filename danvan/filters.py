"""The filter base every list shares: the date range (checked for order), the diacritics-blind search box, the sort by
date, the "Tất cả" choice; and the agency list's filter."""

from collections.abc import Iterator
from datetime import date

import django_filters
from django import forms
from django.db.models import QuerySet

from danvan.forms import DATE_ERRORS, DayField, Form
from danvan.models import AdminUnit, Agency

ALL = "Tất cả"
NEWEST, OLDEST = "newest", "oldest"


class DateRangeForm(Form):
    """The form of a filter with ``date_from`` and ``date_to``: the range must be in order."""

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "“Đến ngày” phải từ “Từ ngày” trở về sau.")
        return data


class DayFilter(django_filters.DateFilter):
    field_class = DayField


def date_filter(field_name: str, lookup: str, label: str) -> django_filters.DateFilter:
    """One end of a date range (``lookup`` "gte" or "lte") typed as dd/mm/yyyy."""
    return DayFilter(
        field_name=field_name,
        lookup_expr=lookup,
        label=label,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages=DATE_ERRORS,
    )


def search_filter(label: str) -> django_filters.CharFilter:
    """The search box; the filterset's ``filter_text`` method reads it (folded: no diacritics needed)."""
    return django_filters.CharFilter(
        label=label,
        method="filter_text",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Không cần gõ dấu"}),
    )


def sort_filter(newest: str, oldest: str) -> django_filters.ChoiceFilter:
    """The order of a list by date, newest first by default; the filterset's ``sort_by_date`` method applies it."""
    return django_filters.ChoiceFilter(
        label="Sắp xếp", choices=[(NEWEST, newest), (OLDEST, oldest)], empty_label=None, method="sort_by_date"
    )


class AgencyFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(
        field_name="unit__level", label="Cấp", choices=AdminUnit.Level.choices, empty_label=ALL
    )
    kind = django_filters.ChoiceFilter(label="Loại cơ quan", choices=Agency.Kind.choices, empty_label=ALL)

    class Meta:
        model = Agency
        fields = ["level", "kind"]
        form = Form


def _criteria(filterset: django_filters.FilterSet) -> Iterator[tuple[str, object]]:
    """A list's valid filter, field by field, without the fields left empty (nor those not valid)."""
    filterset.is_valid()
    for name, value in filterset.form.cleaned_data.items():
        if value not in (None, "", False) and not (isinstance(value, list | tuple | QuerySet) and not value):
            yield name, value


def criteria_for_log(filterset: django_filters.FilterSet) -> dict[str, object]:
    """A list's valid filter as an export log records it; the searched text is left out, it may name a citizen."""
    criteria = {}
    for name, value in _criteria(filterset):
        if name == "q":
            value = "<hidden>"
        elif isinstance(value, date):
            value = f"{value:%d/%m/%Y}"
        criteria[name] = getattr(value, "pk", value)
    return criteria


def criteria_text(filterset: django_filters.FilterSet) -> str:
    """A list's valid filter as the audit log shows it, in the form's words ("Từ ngày: 01/01/2026; Cơ quan: …"); a
    searched text only as "có", it may name a citizen."""
    parts = []
    for name, value in _criteria(filterset):
        field = filterset.form.fields[name]
        if name == "q":
            shown = "có"
        elif isinstance(value, bool):
            shown = "Có"
        elif isinstance(value, date):
            shown = f"{value:%d/%m/%Y}"
        elif isinstance(value, list | tuple | QuerySet):
            shown = ", ".join(_choice_label(field, item) for item in value)
        else:
            shown = _choice_label(field, value)
        parts.append(f"{field.label}: {shown}")
    return "; ".join(parts)


def _choice_label(field: forms.Field, value: object) -> str:
    """A chosen value as its field offers it: a choice's label, a record's name."""
    if isinstance(value, str) and hasattr(field, "choices"):
        return str(dict(field.choices).get(value, value))
    return str(value)
