"""The petition book in the registers' Excel layout (sheet `Don`, registers.md): its columns, the labels of its
choices, and the export of petitions into it.

The layout is kept here once: the export writes it and the register import reads it back with the same definitions.
The general rules and the vocabularies shared with the reception book (agency kinds, classifications, subject fields)
come from reception.register.
"""

import logging
from collections.abc import Callable, Mapping
from datetime import date
from typing import IO, Any

from django.db.models import QuerySet

from complaints.models import Decision, Enforcement, Handling, Outcome, Petition, Source
from complaints.rules import TAKES_UP, vaults_signer
from danvan.models import Agency, Case, Citizen, Classification, Staff
from danvan.sheets.vocabulary import AGENCY_KINDS, CLASSIFICATIONS, FIELDS, HIDDEN_DENOUNCER
from danvan.sheets.writer import (
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

# What the export reads with each petition, in one query per chunk. Never the denouncer vault (petition.denouncer):
# a denunciation's row names no one.
_READ = ("agency__unit", "citizen", "case__decision__enforcement")


def identity_hidden(petition: Petition) -> bool:
    """Whether the petitioner is a denouncer, whose name, CCCD, address and phone nobody may see."""
    return vaults_signer(petition.kind)


def _petitioner(petition: Petition) -> str:
    """The petitioner's name; empty for an anonymous petition, the hidden mark for a denouncer."""
    if petition.anonymous:
        return ""
    if identity_hidden(petition):
        return HIDDEN_DENOUNCER
    return petition.citizen.full_name if petition.citizen_id else ""


def _identity(value: Callable[[Citizen], str]) -> Callable[[Petition], str]:
    return lambda petition: "" if identity_hidden(petition) or petition.citizen_id is None else value(petition.citizen)


def owned_case(petition: Petition) -> Case | None:
    """The case whose resolution this petition's row carries: only on the row of the petition that was accepted, never
    on a confirmed duplicate's, so a case and its amounts appear once in the book."""
    if petition.handling in TAKES_UP and petition.duplicate_of_id is None:
        return petition.case
    return None


def _decision(petition: Petition) -> Decision | None:
    return getattr(owned_case(petition), "decision", None)


def _carried_out(petition: Petition) -> Enforcement | None:
    enforcement = getattr(_decision(petition), "enforcement", None)
    return enforcement if enforcement and enforcement.completed_on else None


def _of(source: Callable[[Petition], Any], value: Callable[[Any], Any]) -> Callable[[Petition], Any]:
    """``value`` of what ``source`` finds for the petition (its case, decision, enforcement), or empty."""

    def read(petition: Petition) -> Any:
        found = source(petition)
        return "" if found is None else value(found)

    return read


def _round(case: Case) -> str:
    if case.kind == Classification.RECOMMENDATION:
        return ""
    if case.kind == Classification.DENUNCIATION and case.repeat_denunciation:
        return ROUNDS[REPEAT_DENUNCIATION]
    return ROUNDS[case.round or Case.Round.FIRST]


def _complex(case: Case) -> str:
    return YES if case.complexity in COMPLEX else ""


def _hotspot(case: Case) -> str:
    return YES if case.hotspot else ""


def _state(case: Case) -> str:
    return RESOLUTION_STATES[case.resolved_on is not None]


def _outcome(decision: Decision) -> str:
    return OUTCOMES[decision.outcome]


# The columns after STT, in the order of registers.md.
COLUMNS: tuple[Column, ...] = (
    Column("Ngày nhận", True, lambda petition: petition.received_on, number_format=DATE_FORMAT, width=12),
    Column("Mã ĐVHC", True, lambda petition: petition.agency.unit.code, number_format=TEXT_FORMAT, width=10),
    Column("Cơ quan", True, agency_label, AGENCY_KINDS, TEXT_FORMAT),
    choice("Nguồn đơn", "source", SOURCES, required=True, width=24),
    # Required unless the petition is anonymous.
    Column("Người đứng đơn", False, _petitioner, width=26),
    Column("Số CCCD", False, _identity(lambda citizen: citizen.cccd or ""), number_format=TEXT_FORMAT, width=15),
    Column("Địa chỉ", False, _identity(lambda citizen: citizen.address), width=32),
    Column("Điện thoại", False, _identity(lambda citizen: citizen.phone), number_format=TEXT_FORMAT, width=13),
    Column("Số người đứng tên", False, lambda petition: petition.signatories, width=9),
    choice("Loại đơn", "kind", CLASSIFICATIONS, required=True),
    choice("Lĩnh vực", "field", FIELDS, required=False, width=30),
    Column("Nội dung", True, lambda petition: petition.content, width=60),
    # Empty while the petition is not handled: it has not been classified yet.
    choice("Đủ điều kiện xử lý", "processable", PROCESSABLE, required=True, width=10),
    choice("Thẩm quyền", "in_competence", COMPETENCE, required=False, width=22),
    choice("Hướng xử lý", "handling", HANDLINGS, required=False, width=12),
    Column("Ngày xử lý", False, lambda petition: petition.handled_on, number_format=DATE_FORMAT, width=12),
    Column("Lần giải quyết", False, _of(owned_case, _round), ROUNDS, TEXT_FORMAT, width=12),
    Column("Phức tạp", False, _of(owned_case, _complex), width=9),
    Column("Đông người, kéo dài", False, _of(owned_case, _hotspot), width=10),
    Column("Trạng thái giải quyết", False, _of(owned_case, _state), RESOLUTION_STATES, TEXT_FORMAT, width=16),
    Column("Kết quả giải quyết", False, _of(_decision, _outcome), OUTCOMES, TEXT_FORMAT),
    Column("Ngày giải quyết", False, _of(_decision, lambda decision: decision.issued_on), None, DATE_FORMAT, width=12),
    Column("Thu hồi tiền (triệu đồng)", False, _of(_decision, lambda decision: decision.money_due), width=12),
    Column("Thu hồi đất (m²)", False, _of(_decision, lambda decision: decision.land_due), width=12),
    Column("Đã thu tiền (triệu đồng)", False, _of(_carried_out, lambda done: done.money_recovered), width=12),
    Column("Đã thu đất (m²)", False, _of(_carried_out, lambda done: done.land_recovered), width=12),
    # The petition's receipt code, from whatever door it came in: importing the export finds the petition by it.
    Column("Mã hồ sơ", False, lambda petition: petition.receipt_code, number_format=TEXT_FORMAT, width=14),
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
    return SheetData(SHEET_NAME, COLUMNS, petitions.select_related(*_READ))


def scope_sheet(agencies: QuerySet[Agency], start: date, end: date) -> SheetData:
    """The sheet of the petitions of ``agencies`` from ``start`` to ``end``: the registers' export of this book."""
    petitions = Petition.objects.filter(agency__in=agencies.values("pk"), received_on__range=(start, end))
    return petitions_sheet(petitions.order_by("received_on", "pk"))
