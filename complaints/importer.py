"""Reading the `Don` sheet of a register import (registers.md): one petition per row, received and handled as the
complaints services would have done it (complaints.services.intake, handling, resolution), written in bulk by
complaints.importer_write.

A row handled by `Thụ lý` opens its case with its statutory clock; one by `Xem xét thụ lý` or `Không thụ lý` opens
its case without a clock (declined on `Ngày xử lý`), as handle_petition does; a resolved case carries its decision,
and what was recovered its completed enforcement. A denouncer's identity goes straight into the vault, never onto the
petition or the case; the name the export writes in its place (danvan.sheets.HIDDEN_DENOUNCER) is nobody's.

The import is the inverse of complaints.register, with what the register does not hold left as the services leave it
by default: no unprocessable reason, no reason for declining, no forwarding letter, no decision number; an
enforcement carried out is dated on its decision's day; a complex case is `Phức tạp`, never `Đặc biệt phức tạp`.
"""

from datetime import date
from decimal import Decimal

from complaints.import_records import CaseCells, PetitionRecord
from complaints.importer_write import insert_petitions
from complaints.models import Petition
from complaints.register import (
    COLUMNS,
    COMPETENCE,
    HANDLINGS,
    OUTCOMES,
    REPEAT_DENUNCIATION,
    RESOLUTION_STATES,
    ROUNDS,
    SHEET_NAME,
    SOURCES,
)
from complaints.rules import (
    ENDING,
    OPENS_CASE,
    TAKES_UP,
    handlings_for,
    may_accept,
    needs_acceptance_check,
    outcomes_for,
)
from danvan.citizens import read_cccd
from danvan.models import Case, Classification
from danvan.sheets.codes import recorded_rows
from danvan.sheets.matching import Vocabulary
from danvan.sheets.places import row_agency
from danvan.sheets.registry import Context
from danvan.sheets.rows import Row
from danvan.sheets.vocabulary import CLASSIFICATIONS, FIELDS, HIDDEN_DENOUNCER
from danvan.text import fold

RECEIVED, PETITIONER, KIND = "Ngày nhận", "Người đứng đơn", "Loại đơn"
PROCESSABLE, COMPETENT, HANDLING, HANDLED = "Đủ điều kiện xử lý", "Thẩm quyền", "Hướng xử lý", "Ngày xử lý"
ROUND, COMPLEX, HOTSPOT = "Lần giải quyết", "Phức tạp", "Đông người, kéo dài"
STATE, OUTCOME, RESOLVED = "Trạng thái giải quyết", "Kết quả giải quyết", "Ngày giải quyết"
MONEY_DUE, LAND_DUE = "Thu hồi tiền (triệu đồng)", "Thu hồi đất (m²)"
MONEY_RECOVERED, LAND_RECOVERED = "Đã thu tiền (triệu đồng)", "Đã thu đất (m²)"
# Columns of the case, read only on an accepted petition's row; those of its decision, only once it is resolved.
CASE_COLUMNS = (ROUND, COMPLEX, HOTSPOT, STATE)
DECISION_COLUMNS = (OUTCOME, RESOLVED, MONEY_DUE, LAND_DUE, MONEY_RECOVERED, LAND_RECOVERED)
# Decimal places and the largest amount each column's field holds (max_digits 14).
PLACES = {MONEY_DUE: 3, MONEY_RECOVERED: 3, LAND_DUE: 1, LAND_RECOVERED: 1}

_SOURCES = Vocabulary("Nguồn đơn", SOURCES)
_KINDS = Vocabulary("Phân loại", CLASSIFICATIONS)
_FIELDS = Vocabulary("Lĩnh vực", FIELDS)
_COMPETENCE = Vocabulary(COMPETENT, COMPETENCE)
_HANDLINGS = Vocabulary(HANDLING, HANDLINGS)
_ROUNDS = Vocabulary(ROUND, ROUNDS)
_STATES = Vocabulary(STATE, RESOLUTION_STATES)
_OUTCOMES = Vocabulary(OUTCOME, OUTCOMES)
_HIDDEN = fold(HIDDEN_DENOUNCER)
COMPLAINT, DENUNCIATION = Classification.COMPLAINT, Classification.DENUNCIATION
RECOMMENDATION = Classification.RECOMMENDATION


class PetitionSheet:
    name = SHEET_NAME
    headers = tuple((column.header, column.required) for column in COLUMNS)

    def parse(self, row: Row, context: Context) -> PetitionRecord | None:
        received_on = row.date(RECEIVED, required=True)
        agency = row_agency(row, context, received_on)
        kind = row.label(KIND, _KINDS, required=True)
        reference = row.text("Mã hồ sơ", max_length=50)
        source = row.label("Nguồn đơn", _SOURCES, required=True)
        signatories = row.integer("Số người đứng tên", minimum=1, default=1)
        field = row.label("Lĩnh vực", _FIELDS)
        content = row.text("Nội dung", required=True)
        name, cccd, address, phone, anonymous = _petitioner(row, kind)
        processable, in_competence, handling, handled_on = _handling(row, kind, received_on, anonymous)
        case = _case(row, kind, handling, handled_on)
        if agency is None:
            return None
        return PetitionRecord(
            (reference, content, name, cccd, address, phone),
            *(agency, received_on, source, signatories, kind, field, anonymous, processable, in_competence),
            *(handling, handled_on, case),
        )

    def recorded(self, records: list[PetitionRecord]) -> set[int]:
        return recorded_rows(records, Petition.objects.all(), code="receipt_code", day="received_on")

    def write(self, records: list[PetitionRecord], context: Context) -> None:
        """Writes what the services would have (complaints.importer_write)."""
        insert_petitions(records, context)


# Reading a row -----------------------------------------------------------------------------------------------------


def _petitioner(row: Row, kind: str) -> tuple[str, str, str, str, bool]:
    """Who signed: a citizen, a denouncer (for the vault), the hidden mark of an exported denunciation (nobody), or no
    one (an anonymous petition). Name, CCCD, address, phone, and whether anonymous."""
    name = row.text(PETITIONER, max_length=150)
    cccd = read_cccd(row)
    address = row.text("Địa chỉ", max_length=300)
    phone = _phone(row)
    hidden = fold(name) == _HIDDEN
    if hidden and kind and kind != DENUNCIATION:
        row.error(PETITIONER, "Chỉ người tố cáo mới được ghi là bảo mật; hãy ghi họ tên người đứng đơn.")
    elif hidden and (cccd or address or phone):
        row.error(PETITIONER, "Hãy ghi họ tên người tố cáo cùng số CCCD, địa chỉ, điện thoại; hoặc để trống cả bốn.")
    elif not name and (cccd or address or phone):
        row.error(PETITIONER, "Thiếu họ tên người đứng đơn (đơn nặc danh: để trống cả số CCCD, địa chỉ, điện thoại).")
    return ("" if hidden else name, cccd, address, phone, not name)


def _phone(row: Row) -> str:
    """A phone number as text; a bare number that lost its leading zero in Excel gets it back."""
    value = row.raw("Điện thoại")
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        value = f"0{int(value)}"
    text = str(value)
    if len(text) > 20:
        row.error("Điện thoại", "Dài quá 20 ký tự.")
        return ""
    return text


def _handling(
    row: Row, kind: str, received_on: date | None, anonymous: bool
) -> tuple[bool | None, bool | None, str, date | None]:
    """The classification and the handling (handle_petition): recorded together, once; empty = not handled yet.
    Processable, in competence, handling, handled on."""
    handling = row.label(HANDLING, _HANDLINGS)
    handled_on = row.date(HANDLED)
    processable = row.yes_no(PROCESSABLE)
    in_competence = row.label(COMPETENT, _COMPETENCE)
    in_competence = in_competence if processable and in_competence != "" else None
    if handling:
        if row.raw(HANDLED) is None:
            row.error(HANDLED, "Đơn đã có hướng xử lý phải ghi ngày xử lý.")
        if row.raw(PROCESSABLE) is None:
            row.error(PROCESSABLE, "Đơn đã có hướng xử lý phải ghi đủ điều kiện xử lý hay không.")
        elif processable and row.raw(COMPETENT) is None:
            row.error(COMPETENT, "Đơn đủ điều kiện xử lý phải ghi thuộc thẩm quyền hay không.")
    elif row.raw(HANDLED) is not None and row.raw(HANDLING) is None:
        row.error(HANDLED, "Chỉ ghi ngày xử lý khi đã có hướng xử lý.")
    if handled_on and received_on and handled_on < received_on:
        row.error(HANDLED, "Ngày xử lý không được trước ngày nhận đơn.")
    if handling and processable is not None and (processable is False or in_competence is not None):
        allowed = handlings_for(kind=kind, processable=processable, in_competence=in_competence)
        if handling not in allowed:
            labels = ", ".join(f"“{HANDLINGS[value]}”" for value in allowed)
            row.error(HANDLING, f"Hướng xử lý không phù hợp với kết quả phân loại đơn (chỉ có thể: {labels}).")
    if needs_acceptance_check(handling) and not may_accept(anonymous=anonymous):
        row.error(HANDLING, "Không thụ lý đơn nặc danh (Luật Tố cáo, Điều 23).")
    return (processable, in_competence, handling, handled_on if handling else None)


def _case(row: Row, kind: str, handling: str, accepted_on: date | None) -> CaseCells | None:
    """The accepted case: its round, complexity and hotspot mark; once resolved, its decision and what was recovered.
    A case considered or declined holds none of these: the ordinary values."""
    if handling not in TAKES_UP:
        for column in CASE_COLUMNS + DECISION_COLUMNS:
            if row.raw(column) is not None:
                row.error(column, "Chỉ ghi cho đơn được thụ lý (Hướng xử lý “Thụ lý”).")
        if handling in OPENS_CASE:
            return CaseCells(round=Case.Round.FIRST, repeat_denunciation=False, complex=False, hotspot=False)
        return None
    round_ = row.label(ROUND, _ROUNDS)
    if round_ and kind == RECOMMENDATION:
        row.error(ROUND, "Kiến nghị, phản ánh không có lần giải quyết.")
    elif round_ == Case.Round.SECOND and kind and kind != COMPLAINT:
        row.error(ROUND, f"“{ROUNDS[Case.Round.SECOND]}” chỉ dành cho khiếu nại.")
    elif round_ == REPEAT_DENUNCIATION and kind and kind != DENUNCIATION:
        row.error(ROUND, f"“{ROUNDS[REPEAT_DENUNCIATION]}” chỉ dành cho tố cáo.")
    complex_ = bool(row.yes_no(COMPLEX))
    if complex_ and kind == RECOMMENDATION:
        row.error(COMPLEX, "Kiến nghị, phản ánh không xác định tính chất phức tạp.")
    case = CaseCells(
        round=Case.Round.SECOND if round_ == Case.Round.SECOND else Case.Round.FIRST,
        repeat_denunciation=round_ == REPEAT_DENUNCIATION,
        complex=complex_,
        hotspot=bool(row.yes_no(HOTSPOT)),
    )
    resolved = row.label(STATE, _STATES)
    if resolved == "" and row.raw(STATE) is not None:
        return case  # a state not in the vocabulary, reported as such
    if resolved is not True:
        for column in DECISION_COLUMNS:
            if row.raw(column) is not None:
                row.error(column, f"Chỉ ghi khi trạng thái giải quyết là “{RESOLUTION_STATES[True]}”.")
        return case
    return case._replace(**_decision_cells(row, kind, case.round, accepted_on))


def _decision_cells(row: Row, kind: str, round_: str, accepted_on: date | None) -> dict:
    if kind == RECOMMENDATION:
        row.error(STATE, "Kiến nghị, phản ánh không có quyết định giải quyết; trạng thái chỉ là “Đang giải quyết”.")
    outcome = row.label(OUTCOME, _OUTCOMES)
    if row.raw(OUTCOME) is None:
        row.error(OUTCOME, "Vụ việc đã giải quyết phải ghi kết quả giải quyết.")
    elif outcome and kind in (COMPLAINT, DENUNCIATION) and outcome not in outcomes_for(kind=kind, round=round_):
        allowed = ", ".join(f"“{OUTCOMES[value]}”" for value in outcomes_for(kind=kind, round=round_))
        row.error(OUTCOME, f"Kết quả không phù hợp với loại vụ việc và lần giải quyết (chỉ có thể: {allowed}).")
    resolved_on = row.date(RESOLVED)
    if row.raw(RESOLVED) is None:
        row.error(RESOLVED, "Vụ việc đã giải quyết phải ghi ngày giải quyết.")
    elif resolved_on and accepted_on and resolved_on < accepted_on:
        row.error(RESOLVED, "Ngày giải quyết không được trước ngày thụ lý (Ngày xử lý).")
    amounts = {column: _amount(row, column) for column in PLACES}
    if outcome in ENDING:
        for column in (MONEY_RECOVERED, LAND_RECOVERED):
            if row.raw(column) is not None:
                row.error(column, "Rút đơn, đình chỉ không có quyết định phải thi hành: để trống.")
    return {
        "outcome": outcome,
        "resolved_on": resolved_on,
        "money_due": amounts[MONEY_DUE],
        "land_due": amounts[LAND_DUE],
        "money_recovered": amounts[MONEY_RECOVERED],
        "land_recovered": amounts[LAND_RECOVERED],
    }


def _amount(row: Row, column: str) -> Decimal | None:
    """An amount as its field keeps it: at most ``PLACES`` decimals, 14 digits in all."""
    amount = row.amount(column)
    if amount is None:
        return None
    places = PLACES[column]
    if amount.as_tuple().exponent < -places and amount != amount.quantize(Decimal(1).scaleb(-places)):
        row.error(column, f"Chỉ ghi tối đa {places} chữ số thập phân.")
        return None
    if amount >= Decimal(10) ** (14 - places):
        row.error(column, "Số quá lớn.")
        return None
    return amount


PETITIONS = PetitionSheet()
