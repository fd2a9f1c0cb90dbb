"""Reads of the opening figures (reports.models.OpeningFigure): who keys them in and for which agencies, the form
columns that take one, what has been keyed in, and which agencies' openings a report added.

A form column takes an opening figure unless it is a formula column (1 = 4 + 13 + 22): that one adds up its parts,
openings included, so a figure keyed into it would be counted twice or not at all.
"""

from dataclasses import dataclass
from functools import cache

from django.db.models import F, QuerySet
from django.shortcuts import get_object_or_404

from danvan.models import Agency, Staff
from danvan.permissions import Action, agencies_granted, holds
from reports.circulars import TT01_2024
from reports.excel.layout import Form, FormColumn, form_columns
from reports.forms_data import FORMS
from reports.labels import LABELS, number
from reports.models import OpeningFigure
from reports.periods import Window


def opening_agencies(staff: Staff) -> QuerySet[Agency]:
    """The agencies whose opening figures ``staff`` keys in: those where they are a reporter, leader or unit admin;
    every agency for a superuser. Today's units first, then by code and name."""
    return (
        agencies_granted(staff, Action.OPEN)
        .select_related("unit")
        .order_by(F("unit__valid_from").desc(nulls_last=True), "unit__code", "name")
    )


def keys_openings(staff: Staff) -> bool:
    """Whether ``staff`` may use the opening figures' page."""
    return holds(staff, Action.OPEN)


def keyable_sections(template: str = TT01_2024) -> list[tuple[Form, list[FormColumn]]]:
    """The forms of ``template``, each with the columns that take an opening figure."""
    return [(form, [column for column in form_columns(form) if column.keyable]) for form in FORMS[template]]


@cache
def columns_by_code() -> dict[str, FormColumn]:
    """Every numbered column of every template by its code ("01/TCD:4"); the default template's wins a code that two
    templates share."""
    columns: dict[str, FormColumn] = {}
    for template in sorted(FORMS, key=lambda name: name == TT01_2024):
        for form in FORMS[template]:
            columns |= {column.code: column for column in form_columns(form)}
    return columns


def code_label(code: str) -> str:
    """What an opening figure's code means to its reader: "01/TCD, cột 4: Tiếp công dân thường xuyên › Số lượt", or
    the summary figure's label."""
    if code in LABELS:
        return LABELS[code]
    column = columns_by_code().get(code)
    if column is None:
        return code
    return f"Biểu {column.form.code}, cột {column.number}: {column.header}"


def openings_for(staff: Staff) -> QuerySet[OpeningFigure]:
    """The opening figures of the agencies ``staff`` keys them in for: by agency, latest days first, in the order
    they were keyed in (the grid's order)."""
    return (
        OpeningFigure.objects.filter(agency__in=opening_agencies(staff).values("pk"))
        .select_related("agency__unit", "entered_by")
        .order_by("agency__name", "agency__unit__code", "-start", "-end", "pk")
    )


def get_opening_for(staff: Staff, pk: int) -> OpeningFigure:
    """One opening figure of an agency ``staff`` keys them in for, or 404."""
    return get_object_or_404(openings_for(staff), pk=pk)


@dataclass(frozen=True)
class ReportOpenings:
    """The agencies whose opening figures a report added, and where: the figures (summary keys), the forms (columns)."""

    agencies: list[str]
    in_figures: bool
    in_forms: bool

    @property
    def sentence(self) -> str:
        """ "Đã cộng số liệu đầu kỳ của 2 cơ quan … vào bảng số liệu và biểu mẫu: A, B." """
        where = " và ".join(
            part for part, added in (("bảng số liệu", self.in_figures), ("biểu mẫu", self.in_forms)) if added
        )
        return (
            f"Đã cộng số liệu đầu kỳ của {number(len(self.agencies))} cơ quan (nhập cho những ngày của kỳ trước khi"
            f" dùng hệ thống) vào {where}: {', '.join(self.agencies)}."
        )


def report_openings(agencies: QuerySet[Agency], window: Window) -> ReportOpenings | None:
    """The opening figures of ``agencies`` for days inside ``window`` that a report adds (as reports.figures and
    reports.excel count them), or None."""
    openings = (
        OpeningFigure.objects.filter(agency__in=agencies.values("pk"), start__gte=window.start, end__lte=window.end)
        .exclude(value=0)
        .values_list("agency_id", "agency__name", "agency__unit__code", "code")
    )
    named, in_figures, in_forms = {}, False, False
    for agency_id, name, unit_code, code in openings:
        named[agency_id] = (name, unit_code)
        in_forms |= ":" in code
        in_figures |= ":" not in code
    if not named:
        return None
    names = [name for name, _ in named.values()]
    # Agencies of both eras may share a name (the committees of the old Gia Lai, 64, and the new, 52): the code tells
    # them apart.
    labels = sorted(f"{name} ({code})" if names.count(name) > 1 else name for name, code in named.values())
    return ReportOpenings(labels, in_figures, in_forms)
