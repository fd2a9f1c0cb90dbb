"""The petition book in the registers' Excel layout (sheet `Don`, registers.md): its columns, the labels of its
choices, and the export of petitions into it.

The layout is kept here once: the export writes it and the register import reads it back with the same definitions.
The general rules and the vocabularies shared with the reception book (agency kinds, classifications, subject fields)
come from reception.register.
"""

import logging
from collections.abc import Callable, Mapping
from datetime import date
from operator import attrgetter
from typing import IO, Any

from django.db.models import QuerySet

from complaints.models import Handling, Outcome, Petition, Source
from complaints.rules import TAKES_UP, vaults_signer
from danvan.models import Agency, Case, Classification, Staff
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

logger = logging.getLogger("complaints.export")

TITLE = "Sổ theo dõi đơn"
SHEET_NAME = "Don"
YES, NO = "Có", "Không"

# The register's vocabularies: a stored value and its label in the workbook.
SOURCES: Mapping[str, str] = {
    Source.RECEPTION: "Trực tiếp",
    Source.POST: "Bưu chính",
    Source.FORWARDED: "Cơ quan khác chuyển đến",
    Source.ELECTED_BODY: "ĐBQH, HĐND chuyển đến",
    Source.ONLINE: "Trực tuyến",
}
PROCESSABLE: Mapping[bool, str] = {True: YES, False: NO}
COMPETENCE: Mapping[bool, str] = {True: "Thuộc thẩm quyền", False: "Không thuộc thẩm quyền"}
HANDLINGS: Mapping[str, str] = {
    Handling.ACCEPT: "Thụ lý",
    Handling.ANSWER: "Xem xét, trả lời",
    Handling.CONSIDER: "Xem xét thụ lý",
    Handling.DECLINE: "Không thụ lý",
    Handling.GUIDE: "Hướng dẫn",
    Handling.FORWARD: "Chuyển đơn",
    Handling.URGE: "Đôn đốc",
    Handling.FILE: "Lưu đơn",
    Handling.RETURN: "Trả lại",
}
REPEAT_DENUNCIATION = "repeat_denunciation"
ROUNDS: Mapping[str, str] = {
    Case.Round.FIRST: "Lần đầu",
    Case.Round.SECOND: "Lần hai",
    REPEAT_DENUNCIATION: "Tố cáo tiếp",
}
# Whether the accepted case has been resolved. "Chưa giải quyết" is in the register's vocabulary too, but a case the
# portal has accepted is being resolved from that day on, so the export never writes it.
RESOLUTION_STATES: Mapping[bool, str] = {False: "Đang giải quyết", True: "Đã giải quyết"}
OUTCOMES: Mapping[str, str] = {
    Outcome.FOUNDED: "Đúng",
    Outcome.UNFOUNDED: "Sai",
    Outcome.PARTLY_FOUNDED: "Đúng một phần",
    Outcome.WITHDRAWN: "Rút đơn",
    Outcome.TERMINATED: "Đình chỉ",
    Outcome.UPHELD_FIRST: "Công nhận quyết định lần đầu",
    Outcome.OVERTURNED_FIRST: "Hủy, sửa quyết định lần đầu",
}
COMPLEX = (Case.Complexity.COMPLEX, Case.Complexity.ESPECIALLY_COMPLEX)

# What the export reads of each petition, in one query per chunk: the columns below read these names of its row.
# Never the denouncer vault (petition.denouncer): a denunciation's row names no one.
_CASE = "case__"
_DECISION = "case__decision__"
_CARRIED_OUT = "case__decision__enforcement__"
READS = (
    *("received_on", "agency__unit__code", *AGENCY_READS, "source", "anonymous", "kind", "citizen_id"),
    *("citizen__full_name", "citizen__cccd", "citizen__address", "citizen__phone", "signatories", "field"),
    *("given_name", "given_address", "given_phone"),
    *("content", "processable", "in_competence", "handling", "handled_on", "duplicate_of_id", "case_id"),
    *(f"{_CASE}{name}" for name in ("kind", "repeat_denunciation", "round", "complexity", "hotspot", "resolved_on")),
    *(f"{_DECISION}{name}" for name in ("id", "outcome", "issued_on", "money_due", "land_due")),
    *(f"{_CARRIED_OUT}{name}" for name in ("completed_on", "money_recovered", "land_recovered")),
    "receipt_code",
)


def identity_hidden(petition: Any) -> bool:
    """Whether the petitioner (of a petition, or of a row of the export) is a denouncer, whose name, CCCD, address and
    phone nobody may see."""
    return vaults_signer(petition.kind)


def _petitioner(row: Any) -> str:
    """The petitioner's name; empty for an anonymous petition, the hidden mark for a denouncer."""
    if row.anonymous:
        return ""
    if identity_hidden(row):
        return HIDDEN_DENOUNCER
    return shown_detail(row, "full_name") if row.citizen_id else ""


def _identity(name: str) -> Callable[[Any], str]:
    return lambda row: "" if identity_hidden(row) or row.citizen_id is None else shown_detail(row, name) or ""


def _owns_case(row: Any) -> bool:
    """Whether this row carries its case's resolution: only the row of the petition that was accepted, never a
    confirmed duplicate's, so a case and its amounts appear once in the book."""
    return row.case_id is not None and row.handling in TAKES_UP and row.duplicate_of_id is None


def _decided(row: Any) -> bool:
    return _owns_case(row) and row.case__decision__id is not None


def _carried_out(row: Any) -> bool:
    return _decided(row) and row.case__decision__enforcement__completed_on is not None


def _of(present: Callable[[Any], bool], value: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``value`` of the row when it has what ``present`` asks (its case, decision, enforcement), or empty."""
    return lambda row: value(row) if present(row) else ""


def _decision(name: str) -> Callable[[Any], Any]:
    return _of(_decided, attrgetter(_DECISION + name))


def _recovered(name: str) -> Callable[[Any], Any]:
    return _of(_carried_out, attrgetter(_CARRIED_OUT + name))


def _round(row: Any) -> str:
    if row.case__kind == Classification.RECOMMENDATION:
        return ""
    if row.case__kind == Classification.DENUNCIATION and row.case__repeat_denunciation:
        return ROUNDS[REPEAT_DENUNCIATION]
    return ROUNDS[row.case__round or Case.Round.FIRST]


def _complex(row: Any) -> str:
    return YES if row.case__complexity in COMPLEX else ""


def _hotspot(row: Any) -> str:
    return YES if row.case__hotspot else ""


def _state(row: Any) -> str:
    return RESOLUTION_STATES[row.case__resolved_on is not None]


def _outcome(row: Any) -> str:
    return OUTCOMES[row.case__decision__outcome]


# The columns after STT, in the order of registers.md.
COLUMNS: tuple[Column, ...] = (
    Column("Ngày nhận", True, attrgetter("received_on"), number_format=DATE_FORMAT, width=12),
    Column("Mã ĐVHC", True, attrgetter("agency__unit__code"), number_format=TEXT_FORMAT, width=10),
    Column("Cơ quan", True, agency_label, AGENCY_KINDS, TEXT_FORMAT),
    choice("Nguồn đơn", "source", SOURCES, required=True, width=24),
    # Required unless the petition is anonymous.
    Column("Người đứng đơn", False, _petitioner, width=26),
    Column("Số CCCD", False, _identity("cccd"), number_format=TEXT_FORMAT, width=15),
    Column("Địa chỉ", False, _identity("address"), width=32),
    Column("Điện thoại", False, _identity("phone"), number_format=TEXT_FORMAT, width=13),
    Column("Số người đứng tên", False, attrgetter("signatories"), width=9),
    choice("Loại đơn", "kind", CLASSIFICATIONS, required=True),
    choice("Lĩnh vực", "field", FIELDS, required=False, width=30),
    Column("Nội dung", True, attrgetter("content"), width=60),
    # Empty while the petition is not handled: it has not been classified yet.
    choice("Đủ điều kiện xử lý", "processable", PROCESSABLE, required=True, width=10),
    choice("Thẩm quyền", "in_competence", COMPETENCE, required=False, width=22),
    choice("Hướng xử lý", "handling", HANDLINGS, required=False, width=12),
    Column("Ngày xử lý", False, attrgetter("handled_on"), number_format=DATE_FORMAT, width=12),
    Column("Lần giải quyết", False, _of(_owns_case, _round), ROUNDS, TEXT_FORMAT, width=12),
    Column("Phức tạp", False, _of(_owns_case, _complex), width=9),
    Column("Đông người, kéo dài", False, _of(_owns_case, _hotspot), width=10),
    Column("Trạng thái giải quyết", False, _of(_owns_case, _state), RESOLUTION_STATES, TEXT_FORMAT, width=16),
    Column("Kết quả giải quyết", False, _of(_decided, _outcome), OUTCOMES, TEXT_FORMAT),
    Column("Ngày giải quyết", False, _decision("issued_on"), None, DATE_FORMAT, width=12),
    Column("Thu hồi tiền (triệu đồng)", False, _decision("money_due"), width=12),
    Column("Thu hồi đất (m²)", False, _decision("land_due"), width=12),
    Column("Đã thu tiền (triệu đồng)", False, _recovered("money_recovered"), width=12),
    Column("Đã thu đất (m²)", False, _recovered("land_recovered"), width=12),
    # The petition's receipt code, from whatever door it came in: importing the export finds the petition by it.
    Column("Mã hồ sơ", False, attrgetter("receipt_code"), number_format=TEXT_FORMAT, width=14),
)
HEADERS: tuple[str, ...] = headers(COLUMNS)


def export_petitions(*, petitions: QuerySet[Petition], out: IO[bytes], by: Staff, criteria: Mapping[str, Any]) -> int:
    """Writes ``petitions`` as a workbook of the petition book into ``out``; returns how many rows it holds."""
    count = write_petitions(petitions, out)
    log_export(logger, by=by, count=count, book="petition book", criteria=criteria)
    return count


def write_petitions(petitions: QuerySet[Petition], out: IO[bytes]) -> int:
    return write_book([petitions_sheet(petitions)], out)[SHEET_NAME]


def petitions_sheet(petitions: QuerySet[Petition]) -> SheetData:
    """The petition book's sheet holding ``petitions``, streamed when the workbook is written."""
    return SheetData(SHEET_NAME, COLUMNS, petitions, READS)


def scope_sheet(agencies: QuerySet[Agency], start: date, end: date) -> SheetData:
    """The sheet of the petitions of ``agencies`` from ``start`` to ``end``: the registers' export of this book."""
    petitions = Petition.objects.filter(agency__in=agencies.values("pk"), received_on__range=(start, end))
    return petitions_sheet(petitions.order_by("received_on", "pk"))
