"""Reading the `Don` sheet of a register import (registers.md): one petition per row, received and handled as the
complaints services would have done it (complaints.services.intake, handling, resolution), written in bulk.

A row handled by `Thụ lý` opens its case with its statutory clock; a resolved case carries its decision, and what was
recovered its completed enforcement. A denouncer's identity goes straight into the vault, never onto the petition or
the case; the name the export writes in its place (danvan.sheets.HIDDEN_DENOUNCER) is nobody's.

The import is the inverse of complaints.register, with what the register does not hold left as the services leave it
by default: no unprocessable reason, no forwarding letter, no decision number; an enforcement carried out is dated on
its decision's day; a complex case is `Phức tạp`, never `Đặc biệt phức tạp`.
"""

import secrets
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from complaints.deadlines import add_days, handling_rule, resolution_deadline
from complaints.models import Decision, DenouncerIdentity, Enforcement, Handling, Outcome, Petition, Source
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
from complaints.services.handling import IN_COMPETENCE, OUTSIDE_COMPETENCE, UNPROCESSABLE
from complaints.services.resolution import outcomes_for
from danvan.codes import ALPHABET
from danvan.models import Agency, Case, Classification
from danvan.registers.importer import Context, Record
from danvan.registers.inserts import insert_rows
from danvan.registers.places import row_agency
from danvan.registers.rows import Row, reverse_labels
from danvan.sheets import CLASSIFICATIONS, FIELDS, HIDDEN_DENOUNCER
from danvan.text import fold, headline
from reception.importer import citizens_of, read_cccd

RECEIPT_PREFIX = "DT"  # as complaints.services.intake gives them
RECEIPT_LENGTH = 8
# A forward whose recipient the register does not name (the model wants one).
UNNAMED_AGENCY = "Không ghi trong sổ"
NOT_RESOLVED = "Chưa giải quyết"  # in the register's vocabulary; the export writes "Đang giải quyết" instead

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

_SOURCES = reverse_labels(SOURCES)
_KINDS = reverse_labels(CLASSIFICATIONS)
_FIELDS = reverse_labels(FIELDS)
_COMPETENCE = reverse_labels(COMPETENCE)
_HANDLINGS = reverse_labels(HANDLINGS)
_ROUNDS = reverse_labels(ROUNDS)
_STATES = reverse_labels(RESOLUTION_STATES) | {fold(NOT_RESOLVED): False}
_OUTCOMES = reverse_labels(OUTCOMES)
_HIDDEN = fold(HIDDEN_DENOUNCER)
_ENDED = (Outcome.WITHDRAWN, Outcome.TERMINATED)  # no enforcement follows (Decision.to_enforce)
COMPLAINT, DENUNCIATION = Classification.COMPLAINT, Classification.DENUNCIATION
RECOMMENDATION = Classification.RECOMMENDATION


class CaseCells(NamedTuple):
    """What an accepted petition's row says of its case, its decision and what was recovered (a record keeps this, or
    None when the petition was not accepted: 10 values fewer in memory for most of 100,000 rows)."""

    round: str
    repeat_denunciation: bool
    complex: bool
    hotspot: bool
    outcome: str = ""
    resolved_on: date | None = None
    money_due: Decimal | None = None
    land_due: Decimal | None = None
    money_recovered: Decimal | None = None
    land_recovered: Decimal | None = None


class PetitionSheet:
    name = SHEET_NAME
    headers = tuple((column.header, column.required) for column in COLUMNS)

    def parse(self, row: Row, context: Context) -> Record | None:
        received_on = row.date(RECEIVED, required=True)
        agency = row_agency(row, context, received_on)
        kind = row.label(KIND, _KINDS, required=True)
        record = {
            "agency": agency,
            "date": received_on,
            "reference": row.text("Mã hồ sơ", max_length=50),
            "source": row.label("Nguồn đơn", _SOURCES, required=True),
            "signatories": row.integer("Số người đứng tên", minimum=1, default=1),
            "kind": kind,
            "field": row.label("Lĩnh vực", _FIELDS),
            "content": row.text("Nội dung", required=True),
        }
        record |= _petitioner(row, kind)
        record |= _handling(row, kind, received_on, record["anonymous"])
        record["case"] = _case(row, kind, record["handling"], record["handled_on"])
        return record if agency is not None else None

    def write(self, records: list[Record], context: Context) -> None:
        """Writes what the services would have: the citizens, then the cases of the accepted rows, the petitions, the
        denouncers' identities, the decisions of the resolved cases and the enforcements they open."""
        if not records:
            return
        by = context.by.pk if context.by else None
        citizens = _citizens(records)
        accepted = [index for index, record in enumerate(records) if record["case"] is not None]
        clocks = _Clocks(
            Agency.objects.select_related("unit").in_bulk({records[index]["agency"] for index in accepted})
        )
        rows = (_case_row(records[index], citizens[index], clocks) for index in accepted)
        cases = dict(zip(accepted, insert_rows(Case, CASE_FIELDS, rows), strict=True))
        codes = _receipt_codes(len(records))
        rows = (
            _petition_row(record, citizens[index], cases.get(index), codes[index], clocks, by)
            for index, record in enumerate(records)
        )
        petitions = insert_rows(Petition, PETITION_FIELDS, rows)
        rows = (_identity_row(record, pk) for record, pk in zip(records, petitions, strict=True) if _vaulted(record))
        insert_rows(DenouncerIdentity, IDENTITY_FIELDS, rows)
        resolved = [index for index in accepted if records[index]["case"].resolved_on]
        decisions = insert_rows(
            Decision, DECISION_FIELDS, (_decision_row(records[i]["case"], cases[i], by) for i in resolved)
        )
        rows = (
            (pk, *_enforcement_values(records[index]["case"]))
            for index, pk in zip(resolved, decisions, strict=True)
            if records[index]["case"].outcome not in _ENDED
        )
        insert_rows(Enforcement, ENFORCEMENT_FIELDS, rows)


# Reading a row -----------------------------------------------------------------------------------------------------


def _petitioner(row: Row, kind: str) -> Record:
    """Who signed: a citizen, a denouncer (for the vault), the hidden mark of an exported denunciation (nobody), or no
    one (an anonymous petition)."""
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
    return {
        "name": "" if hidden else name,
        "cccd": cccd,
        "address": address,
        "phone": phone,
        "anonymous": not name,
    }


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


def _handling(row: Row, kind: str, received_on: date | None, anonymous: bool) -> Record:
    """The classification and the handling (handle_petition): recorded together, once; empty = not handled yet."""
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
        allowed = UNPROCESSABLE if not processable else IN_COMPETENCE if in_competence else OUTSIDE_COMPETENCE
        if handling not in allowed:
            labels = ", ".join(f"“{HANDLINGS[value]}”" for value in allowed)
            row.error(HANDLING, f"Hướng xử lý không phù hợp với kết quả phân loại đơn (chỉ có thể: {labels}).")
    if handling == Handling.ACCEPT and anonymous and kind and kind != RECOMMENDATION:
        row.error(HANDLING, "Không thụ lý đơn nặc danh (Luật Tố cáo, Điều 23).")
    return {
        "processable": processable,
        "in_competence": in_competence,
        "handling": handling,
        "handled_on": handled_on if handling else None,
    }


def _case(row: Row, kind: str, handling: str, accepted_on: date | None) -> CaseCells | None:
    """The accepted case: its round, complexity and hotspot mark; once resolved, its decision and what was recovered."""
    if handling != Handling.ACCEPT:
        for column in CASE_COLUMNS + DECISION_COLUMNS:
            if row.raw(column) is not None:
                row.error(column, "Chỉ ghi cho đơn được thụ lý (Hướng xử lý “Thụ lý”).")
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
    elif outcome and kind in (COMPLAINT, DENUNCIATION) and outcome not in _outcomes(kind, round_):
        allowed = ", ".join(f"“{OUTCOMES[value]}”" for value in _outcomes(kind, round_))
        row.error(OUTCOME, f"Kết quả không phù hợp với loại vụ việc và lần giải quyết (chỉ có thể: {allowed}).")
    resolved_on = row.date(RESOLVED)
    if row.raw(RESOLVED) is None:
        row.error(RESOLVED, "Vụ việc đã giải quyết phải ghi ngày giải quyết.")
    elif resolved_on and accepted_on and resolved_on < accepted_on:
        row.error(RESOLVED, "Ngày giải quyết không được trước ngày thụ lý (Ngày xử lý).")
    amounts = {column: _amount(row, column) for column in PLACES}
    if outcome in _ENDED:
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


@cache
def _outcomes(kind: str, round_: str) -> tuple[str, ...]:
    return outcomes_for(Case(kind=kind, round=round_))


# Writing ------------------------------------------------------------------------------------------------------------


def _citizens(records: list[Record]) -> list[int | None]:
    """The citizen of each row: none for an anonymous petition and for a denunciation (its denouncer goes to the
    vault); else found or created by CCCD, or once per name and address (reception.importer.citizens_of)."""
    signed = [index for index, record in enumerate(records) if record["name"] and record["kind"] != DENUNCIATION]
    found = citizens_of(
        [records[index] for index in signed],
        lambda record: (record["name"], record["cccd"], record["address"], record["phone"]),
    )
    citizens: list[int | None] = [None] * len(records)
    for index, citizen in zip(signed, found, strict=True):
        citizens[index] = citizen
    return citizens


def _receipt_codes(count: int) -> list[str]:
    """``count`` new receipt codes like intake's ("DT-K7M2Q9XA"), none already in use: drawn at once, then checked
    against the database in chunks."""
    table = bytes(ord(ALPHABET[byte % len(ALPHABET)]) for byte in range(256))  # 32 letters: 256 % 32 == 0, uniform
    codes: list[str] = []
    taken: set[str] = set()
    while len(codes) < count:
        wanted = count - len(codes)
        letters = secrets.token_bytes(wanted * RECEIPT_LENGTH).translate(table).decode()
        drawn = {
            f"{RECEIPT_PREFIX}-{letters[start : start + RECEIPT_LENGTH]}"
            for start in range(0, len(letters), RECEIPT_LENGTH)
        } - taken
        for chunk in _chunks(sorted(drawn)):
            drawn -= set(Petition.objects.filter(receipt_code__in=chunk).values_list("receipt_code", flat=True))
        taken |= drawn
        codes.extend(drawn)
    return codes[:count]


class _Clocks:
    """The deadlines the services set, each computed once per rule and day within this import (the calendar reads the
    admin's days off, so nothing is kept from one import to the next)."""

    def __init__(self, agencies: dict[int, Agency]) -> None:
        self.agencies = agencies
        self._handling: dict[tuple, date] = {}
        self._resolution: dict[tuple, date] = {}

    def handling_due(self, kind: str, received_on: date) -> date:
        """complaints.deadlines.handling_deadline, as intake sets it."""
        rule = handling_rule(kind=kind, received_on=received_on)
        key = (received_on, rule.days, rule.day_type)
        if key not in self._handling:
            self._handling[key] = add_days(*key)
        return self._handling[key]

    def resolution_due(self, agency: int, kind: str, round_: str, complexity: str, accepted_on: date) -> date:
        """complaints.deadlines.resolution_deadline of a case just accepted (no extension, no suspension)."""
        unit = self.agencies[agency].unit
        key = (kind, round_, complexity, accepted_on, unit.remote_area)
        if key not in self._resolution:
            case = Case(agency=self.agencies[agency], kind=kind, round=round_, complexity=complexity)
            case.accepted_on = accepted_on
            self._resolution[key] = resolution_deadline(case)
        return self._resolution[key]


# The values written, in the order of each model's fields below; what a model has besides keeps its default.
CASE_FIELDS = ("agency_id", "citizen_id", "summary", "kind", "field", "opened_on", "round", "repeat_denunciation",
               "complexity", "hotspot", "accepted_on", "due_on", "resolved_on", "status")  # fmt: skip
PETITION_FIELDS = ("agency_id", "received_on", "source", "forwarded_by_name", "citizen_id", "anonymous",
                   "signatories", "kind", "field", "content", "search_text", "reference", "receipt_code",
                   "handling_due_on", "processable", "in_competence", "handling", "handled_on", "forwarded_to_name",
                   "case_id", "created_by_id")  # fmt: skip
IDENTITY_FIELDS = ("petition_id", "full_name", "search_name", "cccd", "address", "phone")
DECISION_FIELDS = ("case_id", "issued_on", "number", "outcome", "money_due", "land_due", "by_id")
ENFORCEMENT_FIELDS = ("decision_id", "completed_on", "money_recovered", "land_recovered")


def _case_row(record: Record, citizen: int | None, clocks: _Clocks) -> tuple:
    """The case acceptance opens (handling._accept), closed by its decision (resolution.decide_case) if resolved."""
    cells: CaseCells = record["case"]
    kind, accepted_on, resolved_on = record["kind"], record["handled_on"], cells.resolved_on
    complexity = Case.Complexity.COMPLEX if cells.complex else Case.Complexity.NORMAL
    due_on = None
    if kind != RECOMMENDATION:
        due_on = clocks.resolution_due(record["agency"], kind, cells.round, complexity, accepted_on)
    return (
        record["agency"], citizen, headline(record["content"]), kind, record["field"], record["date"], cells.round,
        cells.repeat_denunciation, complexity, cells.hotspot, accepted_on, due_on, resolved_on,
        Case.Status.CLOSED if resolved_on else Case.Status.OPEN,
    )  # fmt: skip


def _petition_row(
    record: Record, citizen: int | None, case: int | None, code: str, clocks: _Clocks, by: int | None
) -> tuple:
    source, handling = record["source"], record["handling"]
    return (
        record["agency"], record["date"], source, UNNAMED_AGENCY if source == Source.FORWARDED else "", citizen,
        record["anonymous"], record["signatories"], record["kind"], record["field"], record["content"],
        fold(record["content"]), record["reference"], code, clocks.handling_due(record["kind"], record["date"]),
        record["processable"], record["in_competence"], handling, record["handled_on"],
        UNNAMED_AGENCY if handling == Handling.FORWARD else "", case, by,
    )  # fmt: skip


def _vaulted(record: Record) -> bool:
    """Whether the row names a denouncer: not an anonymous denunciation, nor one whose denouncer the register hides."""
    return record["kind"] == DENUNCIATION and bool(record["name"])


def _identity_row(record: Record, petition: int) -> tuple:
    name = record["name"]
    return (petition, name, fold(name), record["cccd"], record["address"], record["phone"])


def _decision_row(cells: CaseCells, case: int, by: int | None) -> tuple:
    """The decision as decide_case stores it; the register holds no document number."""
    return (case, cells.resolved_on, "", cells.outcome, cells.money_due or 0, cells.land_due or 0, by)


def _enforcement_values(cells: CaseCells) -> tuple:
    """The enforcement decide_case opens for a decision on the merits; completed (on the decision's day: the register
    has no date for it) when the row says what was recovered."""
    recovered = cells.money_recovered is not None or cells.land_recovered is not None
    return (cells.resolved_on if recovered else None, cells.money_recovered or 0, cells.land_recovered or 0)


def _chunks(values: list, size: int = 900) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


PETITIONS = PetitionSheet()
