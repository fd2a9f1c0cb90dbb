"""The reception book on NĐ 154/2026/NĐ-CP Mẫu số 03/TCD (Sổ tiếp công dân): the visits of a window in its 13
columns, printable as a register (A4 landscape, the header on every page). What the desk records fills columns 1–7
and 13; what became of the petition a visit handed on (its competence, where it was guided or forwarded and under
which number, its resolution) fills 9–12, from the first petition made from the visit. Column 8, the body that had
already resolved the matter, is not recorded and stays empty for the officer to fill in."""

from collections.abc import Sequence
from operator import attrgetter
from typing import IO, Any

from django.db.models import OuterRef, QuerySet, Subquery

from complaints.models import Petition
from complaints.rules import Handling, Outcome
from danvan.models import Case, Classification
from danvan.models.given import shown_detail
from danvan.sheets.vocabulary import CLASSIFICATIONS, HIDDEN_DENOUNCER
from danvan.sheets.writer import DATE_FORMAT, TEXT_FORMAT, Column, SheetData, choice, write_book
from reception.models import Result, Visit
from reception.register import RESULTS

TITLE = "Sổ tiếp công dân"
FORM = "Mẫu số 03/TCD, Nghị định 154/2026/NĐ-CP"
SHEET_NAME = "SoTiepCongDan"
_TAKEN_UP = (Handling.ACCEPT, Handling.CONSIDER, Handling.ANSWER)
# What the book reads of the first petition made from each visit.
_PETITION = {
    "p_competent": "in_competence", "p_handling": "handling", "p_note": "handling_note",
    "p_to": "forwarded_to__name", "p_to_name": "forwarded_to_name", "p_letter": "forward_letter_number",
    "p_agency": "agency__name", "p_status": "case__status", "p_number": "case__decision__number",
    "p_outcome": "case__decision__outcome", "p_decided": "case__decision__issued_on", "p_code": "receipt_code",
    "p_reply": "reply_number", "p_replied": "replied_on",
}  # fmt: skip
READS = (
    "received_on", "kind", "citizen__full_name", "citizen__cccd", "citizen__address", "given_name", "given_address",
    "content", "people", "result", "notes", *_PETITION,
)  # fmt: skip


def _hidden(row: Any) -> bool:
    """A denouncer's name, papers and address are never printed (Luật Tố cáo, Điều 8)."""
    return row.kind == Classification.DENUNCIATION


def _who(row: Any) -> str:
    if _hidden(row):
        return HIDDEN_DENOUNCER
    # As given at the visit when its citizen is on record elsewhere (danvan.models.given), else as stored.
    return "\n".join(part for part in (shown_detail(row, "full_name"), shown_detail(row, "address")) if part)


def _guided(row: Any) -> str:
    """Where the citizen was guided: as the handler noted it on the petition, or guided at the desk."""
    if row.p_handling == Handling.GUIDE:
        return row.p_note.strip() or Handling.GUIDE.label
    return RESULTS[Result.GUIDED] if row.result == Result.GUIDED else ""


def _taken_up(row: Any) -> str:
    """The body that takes the petition up: the agency itself, or the one it was forwarded to, with the slip's
    number."""
    if row.p_handling == Handling.FORWARD:
        to = row.p_to or row.p_to_name
        return f"{to} (phiếu chuyển số {row.p_letter})" if row.p_letter else to
    return row.p_agency if row.p_handling in _TAKEN_UP else ""


def _followed(row: Any) -> str:
    """How far the petition went: the decision on it, the reply of the body it was forwarded to, its handling (and
    the state of its case), or, with no petition, what came of the visit at the desk."""
    if row.p_number:
        return f"{Outcome(row.p_outcome).label}: văn bản số {row.p_number} ngày {row.p_decided:%d/%m/%Y}"
    if row.p_replied:
        return f"Đã có văn bản phúc đáp số {row.p_reply or '…'} ngày {row.p_replied:%d/%m/%Y}"
    if row.p_handling in _TAKEN_UP and row.p_status:
        return f"{Handling(row.p_handling).label}: {Case.Status(row.p_status).label.lower()}"
    if row.p_handling:
        return Handling(row.p_handling).label
    if row.p_code:
        return f"Đang xử lý đơn {row.p_code}"
    return RESULTS.get(row.result, "")


COLUMNS: tuple[Column, ...] = (
    Column("Ngày tiếp", True, attrgetter("received_on"), number_format=DATE_FORMAT, width=11),
    Column("Họ tên, địa chỉ", True, _who, width=26),
    Column("CCCD/CMND/Hộ chiếu", False, lambda row: "" if _hidden(row) else row.citizen__cccd or "",
           number_format=TEXT_FORMAT, width=14),
    Column("Nội dung đơn", True, attrgetter("content"), width=40),
    choice("Loại đơn (KN/TC/KN/PA)", "kind", CLASSIFICATIONS, required=True, width=12),
    Column("Số người cùng nội dung", True, attrgetter("people"), width=9),
    Column("Cơ quan đã giải quyết", False, lambda row: "", width=16),
    Column("Thuộc thẩm quyền (x)", False, lambda row: "x" if row.p_competent else "", width=9),
    Column("Hướng dẫn công dân đến cơ quan có thẩm quyền", False, _guided, width=20),
    Column("Cơ quan, đơn vị thụ lý", False, _taken_up, width=20),
    Column("Theo dõi kết quả giải quyết", False, _followed, width=22),
    Column("Ghi chú", False, attrgetter("notes"), width=14),
)  # fmt: skip


def book_rows(visits: QuerySet[Visit]) -> QuerySet[Visit]:
    """``visits`` in the book's order (the oldest first), each with what it reads of its first petition."""
    first = Petition.objects.filter(visit=OuterRef("pk")).order_by("pk")
    petition = {name: Subquery(first.values(path)[:1]) for name, path in _PETITION.items()}
    return visits.annotate(**petition).order_by("received_on", "received_time", "pk")


def write_reception_book(visits: QuerySet[Visit], out: IO[bytes], *, heading: Sequence[str]) -> int:
    """Writes the book of ``visits`` into ``out``, its form, unit and period (``heading``) under its title; returns
    how many visits it holds."""
    sheet = SheetData(SHEET_NAME, COLUMNS, book_rows(visits), READS, title=TITLE)
    return write_book([sheet], out, heading=[FORM, *heading])[SHEET_NAME]
