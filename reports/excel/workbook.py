"""The statutory forms of a report as one Excel workbook: the template chosen, its rows and figures, its file name."""

from io import BytesIO

from django.db.models import QuerySet
from openpyxl import Workbook

from danvan.models import AdminUnit, Agency
from reports.excel.writer import write_workbook
from reports.forms_data import form_set
from reports.periods import Window


def issuer_of(unit: AdminUnit) -> str:
    """The agency that sends a unit's report: its People's Committee ("Ủy ban nhân dân tỉnh Gia Lai")."""
    return f"Ủy ban nhân dân {unit.name_in_sentence}"


def statutory_workbook(
    unit: AdminUnit,
    window: Window,
    *,
    agencies: QuerySet[Agency] | None = None,
    template: str | None = None,
    reference: str = "",
) -> Workbook:
    """The forms of ``template`` (by default those of the circular in force for ``window``, reports/circulars.py) for
    ``unit`` over ``window``, one sheet each. ``agencies`` narrows the records counted to a user's scope, as
    ``reports.figures.report_data`` does; ``reference``: the report the forms go with ("15/BC-UBND ngày 16/12/2026")."""
    forms = form_set(unit, window, agencies, circular=template)
    return write_workbook(unit=unit, window=window, tables=forms.tables, issuer=issuer_of(unit), reference=reference)


def workbook_bytes(workbook: Workbook) -> bytes:
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def filename(unit: AdminUnit, window: Window) -> str:
    """The download's name: "bieu-mau-64-2023-12-15-2024-12-14.xlsx" (ASCII, so every browser keeps it)."""
    return f"bieu-mau-{unit.code}-{window.start.isoformat()}-{window.end.isoformat()}.xlsx"
