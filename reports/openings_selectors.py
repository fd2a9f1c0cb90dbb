"""Reads of the opening figures (reports.models.OpeningFigure): who keys them in and for which agencies, the form
columns that take one (those of the circular in force at a month's end), what has been keyed in, and which openings a
report added or left out.

A form column takes an opening figure unless it is a formula column (1 = 4 + 13 + 22): that one adds up its parts,
openings included, so a figure keyed into it would be counted twice or not at all.
"""

from dataclasses import dataclass
from datetime import date
from functools import cache

from django.db.models import F, QuerySet
from django.shortcuts import get_object_or_404

from danvan.models import Agency, Staff
from danvan.permissions import Action, agencies_granted, holds
from reports.circulars import NAMES, circular_for
from reports.excel.layout import Form, FormColumn, form_columns
from reports.forms_data import FORMS
from reports.labels import LABELS, number
from reports.models import OpeningFigure
from reports.opening_keys import columns_in, summary_keys_of
from reports.periods import Window
from reports.qlkntc import FORM as MANAGEMENT


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


def keyable_sections(circular: str) -> list[tuple[Form, list[FormColumn]]]:
    """The forms of ``circular`` counted from the records, each with the columns that take an opening figure. Biểu
    06/QLKNTC takes none: its figures are keyed for a whole window (reports/qlkntc.py), the days before the portal
    included."""
    return [
        (form, [column for column in form_columns(form) if column.keyable])
        for form in FORMS[circular]
        if form.code != MANAGEMENT.code
    ]


@cache
def columns_by_code(circular: str) -> dict[str, FormColumn]:
    """Every numbered column of ``circular``'s forms counted from the records by its code ("01/TCD:4")."""
    return {
        column.code: column for form in FORMS[circular] if form.code != MANAGEMENT.code for column in form_columns(form)
    }


def code_label(code: str, end: date) -> str:
    """What an opening figure's code means to its reader, read in the circular in force at its last day ``end``:
    "Biểu 01/TCD, cột 4: Tiếp công dân thường xuyên › Số lượt", or the summary figure's label."""
    if code in LABELS:
        return LABELS[code]
    column = columns_by_code(circular_for(end)).get(code)
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
    """What a report did with the opening figures of its agencies: whose it added, and where (the figures: summary keys
    and the columns that make them; the forms: the columns of the report's circular); those it left out, each a
    sentence naming the agency and the days."""

    agencies: list[str]
    in_figures: bool
    in_forms: bool
    left_out: list[str]

    @property
    def sentence(self) -> str:
        """ "Đã cộng số liệu đầu kỳ của 2 cơ quan … vào bảng số liệu và biểu mẫu: A, B." ("" when none was added)"""
        if not self.agencies:
            return ""
        where = " và ".join(
            part for part, added in (("bảng số liệu", self.in_figures), ("biểu mẫu", self.in_forms)) if added
        )
        return (
            f"Đã cộng số liệu đầu kỳ của {number(len(self.agencies))} cơ quan (nhập cho những ngày của kỳ trước khi"
            f" dùng hệ thống) vào {where}: {', '.join(self.agencies)}."
        )


def report_openings(agencies: QuerySet[Agency], window: Window) -> ReportOpenings | None:
    """The opening figures of ``agencies`` that a report of ``window`` adds (as reports.figures and reports.excel count
    them: those keyed for days wholly inside it) and those it leaves out (keyed for days partly inside it; keyed in a
    column of another circular's forms that makes no summary figure there), or None when there are none."""
    openings = (
        OpeningFigure.objects.filter(agency__in=agencies.values("pk"), start__lte=window.end, end__gte=window.start)
        .exclude(value=0)
        .values_list("agency_id", "agency__name", "agency__unit__code", "code", "start", "end")
        .order_by("agency__name", "start", "end", "code")
    )
    circular = circular_for(window.end)
    named, added, in_figures, in_forms, left_out = {}, set(), False, False, {}
    for agency_id, name, unit_code, code, start, end in openings:
        named[agency_id] = (name, unit_code)
        days = f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
        if start < window.start or end > window.end:
            left_out[agency_id, days] = "không được cộng vì chỉ một phần nằm trong kỳ báo cáo"
            continue
        figures = ":" not in code or bool(summary_keys_of(code, end))
        forms = ":" in code and bool(columns_in(circular, code, end))
        if not (figures or forms):
            left_out[agency_id, days] = (
                f"nhập theo biểu mẫu của {NAMES[circular_for(end)]} nên không được cộng vào biểu mẫu của kỳ báo cáo"
                f" ({NAMES[circular]})"
            )
            continue
        added.add(agency_id)
        in_figures |= figures
        in_forms |= forms
    if not named:
        return None
    label = _labels(named)
    return ReportOpenings(
        sorted(label[agency_id] for agency_id in added),
        in_figures,
        in_forms,
        [f"Số liệu đầu kỳ của {label[agency_id]} {days} {why}." for (agency_id, days), why in left_out.items()],
    )


def _labels(named: dict[int, tuple[str, str]]) -> dict[int, str]:
    """Each agency's name; agencies of both eras may share a name (the committees of the old Gia Lai, 64, and the
    new, 52): the code tells them apart."""
    names = [name for name, _ in named.values()]
    return {pk: f"{name} ({code})" if names.count(name) > 1 else name for pk, (name, code) in named.items()}
