"""A report's statutory forms as values: for a unit, a window and the circular in force for it (reports/circulars.py),
each form's rows and total row, column by column, as the workbook prints them; and the report's machine-readable data
with the total rows added ("forms"), which the page, the JSON, the command and a sent snapshot all read."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db.models import QuerySet

from danvan.models import AdminUnit, Agency
from reports.circulars import NAMES, TT01_2024, TT06_2025, circular_for
from reports.excel import tt01_2024, tt06_2025
from reports.excel.layout import Form, FormColumn, form_columns, is_zero
from reports.excel.openings import column_openings, total_openings
from reports.figures import report_data, scope_ids
from reports.grouped import Number, RowFigures, grouped_figures, total
from reports.kept import kept
from reports.periods import Window
from reports.rows import ReportRow, RowKind, Rows, rows_of
from reports.tt06_figures import tt06_figures

FORMS: dict[str, tuple[Form, ...]] = {TT01_2024: tt01_2024.FORMS, TT06_2025: tt06_2025.FORMS}
FIGURES: dict[str, Callable[[Rows, Window, QuerySet[Agency]], list[RowFigures]]] = {
    TT01_2024: grouped_figures,
    TT06_2025: tt06_figures,
}
Values = list[Number | None]


@dataclass(frozen=True)
class FormTable:
    """One form's values: a line per row, then the total row."""

    form: Form
    lines: list[tuple[ReportRow, Values]]
    total: Values
    opened: dict  # the opening figures added to the total row, "01/TCD:4" → value

    def columns(self) -> list[tuple[FormColumn, Number | None]]:
        """Each numbered column with its header path and the total row's value in it, for a page."""
        return list(zip(form_columns(self.form), self.total, strict=True))

    @property
    def printed(self) -> list[tuple[ReportRow, Values]]:
        """The lines a form prints: a row of abolished units' agencies with nothing in it is left out."""
        return [(row, values) for row, values in self.lines if row.kind != RowKind.LEGACY or not is_zero(values)]


@dataclass(frozen=True)
class FormSet:
    circular: str  # "tt06_2025"
    tables: list[FormTable]

    @property
    def name(self) -> str:
        return NAMES[self.circular]

    def totals(self) -> dict[str, Values]:
        return {table.form.code: table.total for table in self.tables}


def form_set(
    unit: AdminUnit, window: Window, agencies: QuerySet[Agency] | None = None, *, circular: str | None = None
) -> FormSet:
    """The forms of ``circular`` (by default the one in force for ``window``) for ``unit`` over ``window``, counting the
    agencies of ``agencies`` only when given (a user's scope)."""
    circular = circular or circular_for(window.end)
    ids = scope_ids(unit, agencies)

    def count() -> FormSet:
        rows, scope = rows_of(unit), Agency.objects.filter(pk__in=ids)
        figures = FIGURES[circular](rows, window, scope)
        openings = column_openings(rows, window, scope, circular)
        return FormSet(circular, tables_of(FORMS[circular], rows, figures, openings))

    return kept("forms", (unit.pk, window.start, window.end, circular, tuple(ids)), count)


def tables_of(
    forms: Sequence[Form], rows: Rows, figures: list[RowFigures], openings: list[dict] | None = None
) -> list[FormTable]:
    """Each of ``forms`` from the figures of ``rows`` (one dict per row) and the opening figures keyed in per column
    for each row (reports/excel/openings.py): a line per row and the total row."""
    openings = openings or [{} for _ in rows]
    all_openings = total_openings(openings)
    tables = []
    for form in forms:
        lines = [(row, form.values(row_figures, row_openings))
                 for row, row_figures, row_openings in zip(rows, figures, openings, strict=True)]  # fmt: skip
        tables.append(FormTable(form, lines, form.values(total(figures), all_openings), all_openings))
    return tables


def form_totals(unit: AdminUnit, window: Window, agencies: QuerySet[Agency] | None = None) -> dict[str, Values]:
    """Each form's total row, column by column, for the circular in force for ``window``: {"01/TCD": [c1, …], …}."""
    return form_set(unit, window, agencies).totals()


def report_json(unit: AdminUnit, window: Window, agencies: QuerySet[Agency] | None = None) -> dict:
    """reports.md's machine-readable report with the circular of its forms and their total rows."""
    forms = form_set(unit, window, agencies)
    return report_data(unit, window, agencies) | {"circular": forms.name, "forms": jsonable(forms.totals())}


def jsonable(totals: dict[str, Values]) -> dict[str, list]:
    """Total rows as JSON numbers: counts as integers, amounts as floats, blank columns as null."""
    return {code: [value if value is None or isinstance(value, int) else float(value) for value in values]
            for code, values in totals.items()}  # fmt: skip
