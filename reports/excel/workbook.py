"""The statutory forms of a report as one Excel workbook: the template chosen, its rows and figures, its file name."""

from io import BytesIO

from django.db.models import QuerySet
from openpyxl import Workbook

from danvan.models import AdminUnit, Agency
from reports.excel import tt01_2024, tt06_2025
from reports.excel.layout import Form
from reports.excel.openings import column_openings
from reports.excel.writer import write_workbook
from reports.figures import scope_of
from reports.grouped import grouped_figures
from reports.periods import Window
from reports.rows import rows_of

TEMPLATES: dict[str, tuple[Form, ...]] = {"tt01_2024": tt01_2024.FORMS, "tt06_2025": tt06_2025.FORMS}
DEFAULT_TEMPLATE = "tt01_2024"


def issuer_of(unit: AdminUnit) -> str:
    """The agency that sends a unit's report: its People's Committee ("Ủy ban nhân dân tỉnh Gia Lai")."""
    return f"Ủy ban nhân dân {unit.name_in_sentence}"


def statutory_workbook(
    unit: AdminUnit,
    window: Window,
    *,
    agencies: QuerySet[Agency] | None = None,
    template: str = DEFAULT_TEMPLATE,
    issuer: str | None = None,
) -> Workbook:
    """The forms of ``template`` for ``unit`` over ``window``, one sheet each. ``agencies`` narrows the records counted
    to a user's scope, as ``reports.figures.report_data`` does."""
    rows = rows_of(unit)
    scope = scope_of(unit, agencies)
    return write_workbook(
        unit=unit,
        window=window,
        rows=rows,
        figures=grouped_figures(rows, window, scope),
        openings=column_openings(rows, window, scope),
        forms=TEMPLATES[template],
        issuer=issuer or issuer_of(unit),
    )


def workbook_bytes(workbook: Workbook) -> bytes:
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def filename(unit: AdminUnit, window: Window) -> str:
    """The download's name: "bieu-mau-64-2023-12-15-2024-12-14.xlsx" (ASCII, so every browser keeps it)."""
    return f"bieu-mau-{unit.code}-{window.start.isoformat()}-{window.end.isoformat()}.xlsx"
