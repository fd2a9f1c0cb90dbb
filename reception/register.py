"""The reception book in the registers' Excel layout (sheet `TiepCongDan`, registers.md): its columns, the labels of
its choices, and the export of visits into it.

The layout is kept here once: the export writes it and the register import reads it back with the same definitions.
"""

import logging
from collections.abc import Callable, Mapping
from datetime import date
from operator import attrgetter
from typing import IO, Any

from django.db.models import Q, QuerySet

from danvan.models import Agency, Classification, Staff
from danvan.models.given import shown_detail
from danvan.sheets.vocabulary import AGENCY_KINDS, CLASSIFICATIONS, FIELDS, HIDDEN_DENOUNCER
from danvan.sheets.writer import (
    AGENCY_READS,
    DATE_FORMAT,
    TEXT_FORMAT,
    Column,
    SheetData,
    agency_label,
    choice,
    headers,
    log_export,
    write_book,
)
from reception.models import Mode, Receiver, Result, Visit

logger = logging.getLogger("reception.export")

TITLE = "Sổ tiếp công dân"
SHEET_NAME = "TiepCongDan"

# The register's vocabularies: a stored value and its label in the workbook.
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
RESULTS: Mapping[str, str] = {
    Result.GUIDED: "Hướng dẫn, giải thích",
    Result.PETITION_RECEIVED: "Tiếp nhận đơn",
    Result.FORWARDED: "Chuyển đơn",
    Result.ANSWERED: "Trả lời trực tiếp",
}


# A denouncer's identity is kept from view (TC Điều 8, law.md). No one holds a permission to see it yet, so it is
# hidden from everyone: in lists, on pages, in search and in exports.
DENOUNCER_VISITS = Q(kind=Classification.DENUNCIATION)


def identity_hidden(visit: Any) -> bool:
    """Whether the citizen of ``visit`` (a visit, or a row of the export) is a denouncer, whose name, CCCD and address
    nobody may see."""
    return visit.kind == Classification.DENUNCIATION


def _identity(value: Callable[[Any], str], hidden: str = "") -> Callable[[Any], str]:
    return lambda row: hidden if identity_hidden(row) else value(row)


def _session_code(row: Any) -> str:
    if row.session_id is None:
        return ""
    return row.session__reference or f"KT{row.session_id}"


def case_code(visit: Any) -> str:
    """The case's code in the register (Mã vụ việc): rows with the same code are one case."""
    return f"VV{visit.case_id}" if visit.case_id else ""


# What the export reads of each visit, in one query per chunk: the columns below read these names of its row.
READS = (
    *("received_on", "agency__unit__code", *AGENCY_READS, "mode", "receiver", "session_id", "session__reference"),
    *("kind", "citizen__full_name", "citizen__cccd", "citizen__address", "people", "content", "field", "case_id"),
    *("result", "receipt_code", "given_name", "given_address"),
)

# The columns after STT, in the order of registers.md.
COLUMNS: tuple[Column, ...] = (
    Column("Ngày tiếp", True, attrgetter("received_on"), number_format=DATE_FORMAT, width=12),
    Column("Mã ĐVHC", True, attrgetter("agency__unit__code"), number_format=TEXT_FORMAT, width=10),
    Column("Cơ quan", True, agency_label, AGENCY_KINDS, TEXT_FORMAT),
    choice("Hình thức tiếp", "mode", MODES, required=True, width=14),
    choice("Người tiếp", "receiver", RECEIVERS, required=True, width=22),
    Column("Mã kỳ tiếp", False, _session_code, number_format=TEXT_FORMAT, width=12),
    Column("Họ tên", True, _identity(lambda row: shown_detail(row, "full_name"), HIDDEN_DENOUNCER), width=26),
    Column("Số CCCD", False, _identity(lambda row: row.citizen__cccd or ""), number_format=TEXT_FORMAT, width=15),
    Column("Địa chỉ", False, _identity(lambda row: shown_detail(row, "address")), width=32),
    Column("Số người", True, attrgetter("people"), width=9),
    Column("Nội dung", True, attrgetter("content"), width=60),
    choice("Phân loại", "kind", CLASSIFICATIONS, required=True),
    choice("Lĩnh vực", "field", FIELDS, required=False, width=30),
    Column("Mã vụ việc", False, case_code, number_format=TEXT_FORMAT, width=12),
    choice("Kết quả tiếp", "result", RESULTS, required=False, width=22),
    # The visit's own code, from whatever door it came in: importing the export finds the visit by it.
    Column("Mã hồ sơ", False, lambda row: row.receipt_code or "", number_format=TEXT_FORMAT, width=14),
)
HEADERS: tuple[str, ...] = headers(COLUMNS)


def export_visits(*, visits: QuerySet[Visit], out: IO[bytes], by: Staff, criteria: Mapping[str, Any]) -> int:
    """Writes ``visits`` as a workbook of the reception book into ``out``; returns how many rows it holds."""
    count = write_visits(visits, out)
    log_export(logger, by=by, count=count, book="reception book", criteria=criteria)
    return count


def write_visits(visits: QuerySet[Visit], out: IO[bytes]) -> int:
    return write_book([visits_sheet(visits)], out)[SHEET_NAME]


def visits_sheet(visits: QuerySet[Visit]) -> SheetData:
    """The reception book's sheet holding ``visits``, streamed when the workbook is written."""
    return SheetData(SHEET_NAME, COLUMNS, visits, READS)


def scope_sheet(agencies: QuerySet[Agency], start: date, end: date) -> SheetData:
    """The sheet of the visits of ``agencies`` from ``start`` to ``end``: the registers' export of this book."""
    visits = Visit.objects.filter(agency__in=agencies.values("pk"), received_on__range=(start, end))
    return visits_sheet(visits.order_by("received_on", "pk"))
