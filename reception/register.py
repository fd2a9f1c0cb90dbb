"""The reception book in the registers' Excel layout (sheet `TiepCongDan`, registers.md): its columns, the labels of
its choices, and the export of visits into it.

The layout is kept here once: the export writes it and the register import reads it back with the same definitions.
"""

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import IO, Any

from django.db.models import Q, QuerySet
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from danvan.models import Agency, Classification, Staff, SubjectField
from reception.models import Mode, Receiver, Result, Visit

logger = logging.getLogger("reception.export")

SHEET_NAME = "TiepCongDan"
# Every register's header row is the first row whose first cell is STT (registers.md, general rules).
NUMBER_HEADER = "STT"
TEXT_FORMAT = "@"
DATE_FORMAT = "dd/mm/yyyy"
EXPORT_CHUNK = 2000

# The register's vocabularies: a stored value and its label in the workbook.
AGENCY_KINDS: Mapping[str, str] = {
    Agency.Kind.COMMITTEE: "UBND",
    Agency.Kind.PARTY: "Cấp ủy",
    Agency.Kind.COUNCIL: "HĐND",
    Agency.Kind.ASSEMBLY_DELEGATION: "Đoàn ĐBQH",
    Agency.Kind.RECEPTION_OFFICE: "Ban Tiếp công dân",
    Agency.Kind.INSPECTORATE: "Thanh tra",
}
MODES: Mapping[str, str] = {
    Mode.REGULAR: "Thường xuyên",
    Mode.PERIODIC: "Định kỳ",
    Mode.AD_HOC: "Đột xuất",
}
RECEIVERS: Mapping[str, str] = {
    Receiver.OFFICER: "Cán bộ tiếp công dân",
    Receiver.HEAD: "Thủ trưởng",
    Receiver.DELEGATE: "Ủy quyền",
}
CLASSIFICATIONS: Mapping[str, str] = {
    Classification.COMPLAINT: "Khiếu nại",
    Classification.DENUNCIATION: "Tố cáo",
    Classification.RECOMMENDATION: "Kiến nghị, phản ánh",
}
RESULTS: Mapping[str, str] = {
    Result.GUIDED: "Hướng dẫn, giải thích",
    Result.PETITION_RECEIVED: "Tiếp nhận đơn",
    Result.FORWARDED: "Chuyển đơn",
    Result.ANSWERED: "Trả lời trực tiếp",
}
FIELDS: Mapping[str, str] = dict(SubjectField.choices)


@dataclass(frozen=True)
class Column:
    """One column of the sheet: its header, whether a row must fill it, and what the export writes for a visit."""

    header: str
    required: bool
    value: Callable[[Visit], Any]
    labels: Mapping[str, str] | None = None  # a choice column: stored value → label in the workbook
    number_format: str | None = None
    width: int = 14


# A denouncer's identity is kept from view (TC Điều 8, law.md). No one holds a permission to see it yet, so it is
# hidden from everyone: in lists, on pages, in search and in exports.
DENOUNCER_VISITS = Q(classification=Classification.DENUNCIATION)
# What stands in the name column of a denunciation's row.
HIDDEN_DENOUNCER = "Người tố cáo (thông tin được bảo mật)"


def identity_hidden(visit: Visit) -> bool:
    """Whether the citizen of ``visit`` is a denouncer, whose name, CCCD and address nobody may see."""
    return visit.classification == Classification.DENUNCIATION


def _choice(header: str, attribute: str, labels: Mapping[str, str], *, required: bool, width: int = 18) -> Column:
    return Column(header, required, lambda visit: labels.get(getattr(visit, attribute), ""), labels, TEXT_FORMAT, width)


def _identity(value: Callable[[Visit], str], hidden: str = "") -> Callable[[Visit], str]:
    return lambda visit: hidden if identity_hidden(visit) else value(visit)


def _session_code(visit: Visit) -> str:
    if visit.session_id is None:
        return ""
    return visit.session.reference or f"KT{visit.session_id}"


def case_code(visit: Visit) -> str:
    """The case's code in the register (Mã vụ việc): rows with the same code are one case."""
    return f"VV{visit.case_id}" if visit.case_id else ""


def _agency_label(visit: Visit) -> str:
    # Departments and fronts have no label in registers.md; their name at least says which agency received.
    return AGENCY_KINDS.get(visit.agency.kind, visit.agency.name)


# The columns after STT, in the order of registers.md.
COLUMNS: tuple[Column, ...] = (
    Column("Ngày tiếp", True, lambda visit: visit.received_on, number_format=DATE_FORMAT, width=12),
    Column("Mã ĐVHC", True, lambda visit: visit.agency.unit.code, number_format=TEXT_FORMAT, width=10),
    Column("Cơ quan", True, _agency_label, AGENCY_KINDS, TEXT_FORMAT),
    _choice("Hình thức tiếp", "mode", MODES, required=True, width=14),
    _choice("Người tiếp", "receiver", RECEIVERS, required=True, width=22),
    Column("Mã kỳ tiếp", False, _session_code, number_format=TEXT_FORMAT, width=12),
    Column("Họ tên", True, _identity(lambda visit: visit.citizen.full_name, HIDDEN_DENOUNCER), width=26),
    Column("Số CCCD", False, _identity(lambda visit: visit.citizen.cccd or ""), number_format=TEXT_FORMAT, width=15),
    Column("Địa chỉ", False, _identity(lambda visit: visit.citizen.address), width=32),
    Column("Số người", True, lambda visit: visit.people, width=9),
    Column("Nội dung", True, lambda visit: visit.content, width=60),
    _choice("Phân loại", "classification", CLASSIFICATIONS, required=True),
    _choice("Lĩnh vực", "field", FIELDS, required=False, width=30),
    Column("Mã vụ việc", False, case_code, number_format=TEXT_FORMAT, width=12),
    _choice("Kết quả tiếp", "result", RESULTS, required=False, width=22),
    Column("Mã hồ sơ", False, lambda visit: visit.reference, number_format=TEXT_FORMAT, width=14),
)
HEADERS: tuple[str, ...] = (NUMBER_HEADER, *(column.header for column in COLUMNS))


def export_visits(*, visits: QuerySet[Visit], out: IO[bytes], by: Staff, criteria: Mapping[str, Any]) -> int:
    """Writes ``visits`` as a workbook of the reception book into ``out``; returns how many rows it holds.

    The sheet carries full CCCD numbers (it is a register), so every export is logged: who, how many rows and with
    which filter (law.md, personal data) — never a citizen's data.
    """
    count = write_visits(visits, out)
    logger.info("%s exported %d visits of the reception book; filter: %s", by.get_username(), count, dict(criteria))
    return count


def write_visits(visits: QuerySet[Visit], out: IO[bytes]) -> int:
    """Streams ``visits`` row by row into a write-only workbook saved to ``out``: memory stays flat at any size."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_NAME)
    sheet.column_dimensions["A"].width = 6
    for index, column in enumerate(COLUMNS, start=2):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_cell(sheet, header, font=bold) for header in HEADERS])
    count = 0
    for count, visit in enumerate(visits.iterator(chunk_size=EXPORT_CHUNK), start=1):
        sheet.append([count, *(_cell(sheet, column.value(visit), column.number_format) for column in COLUMNS)])
    workbook.save(out)
    return count


def _cell(sheet: WriteOnlyWorksheet, value: Any, number_format: str | None = None, font: Font | None = None) -> Any:
    """A value as the sheet takes it: text always stays text (a content starting with "=" is no formula)."""
    if value == "":
        return None
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"
    elif number_format is None and font is None:
        return value
    else:
        cell = WriteOnlyCell(sheet, value)
    if number_format:
        cell.number_format = number_format
    if font:
        cell.font = font
    return cell
