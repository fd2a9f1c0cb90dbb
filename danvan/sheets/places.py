"""A row's place: its unit code resolved by the row's date, and the agency of a kind at that unit, within the agencies
the importer may write for."""

from datetime import date

from danvan.sheets.lookups import UnitEntry
from danvan.sheets.matching import Vocabulary
from danvan.sheets.registry import Context
from danvan.sheets.rows import Row
from danvan.sheets.vocabulary import AGENCY_KINDS

UNIT = "Mã ĐVHC"
AGENCY = "Cơ quan"
_AGENCY_KINDS = Vocabulary(AGENCY, AGENCY_KINDS)


def row_unit(row: Row, context: Context, on: date | None) -> UnitEntry | None:
    """The unit of the row's `Mã ĐVHC` on the row's date (three tiers before 01/07/2025, two since)."""
    code = row.unit_code(UNIT)
    if code is None or on is None:
        return None
    text, bare = code
    unit = context.lookups.unit(text, on) if len(text) in (2, 3, 5) else None
    if unit is None:
        if bare:
            row.error(
                UNIT, f"Mã “{text}” không đúng: hãy nhập mã đơn vị hành chính dưới dạng văn bản (giữ số 0 ở đầu)."
            )
        else:
            row.error(UNIT, f"Không có đơn vị hành chính mã “{text}” vào ngày {on:%d/%m/%Y}.")
    return unit


def row_agency(row: Row, context: Context, on: date | None) -> int | None:
    """The agency of the row's `Cơ quan` kind at the row's unit."""
    unit = row_unit(row, context, on)
    kind = row.label(AGENCY, _AGENCY_KINDS, required=True)
    if unit is None or not kind:
        return None
    return writable_agency(row, context, context.lookups.agency(unit.pk, kind), AGENCY)


def writable_agency(row: Row, context: Context, agency: int | None, column: str) -> int | None:
    if agency is None:
        row.error(column, "Đơn vị hành chính này chưa có cơ quan loại đó trong hệ thống.")
        return None
    if context.writable is not None and agency not in context.writable:
        row.error(column, "Bạn không có quyền nhập số liệu cho cơ quan này.")
        return None
    return agency
