"""Reading the `TiepCongDan` sheet of a register import (registers.md): one visit per row, its citizen found by CCCD
(or one per name and address in the file), heads' rows grouped into sessions, rows with the same Mã vụ việc into one
case."""

from datetime import date

from danvan.citizens import cccds_known_elsewhere, citizens_of, read_cccd
from danvan.codes import VISIT_PREFIX
from danvan.models import Case, Classification
from danvan.sheets.codes import codes_of_rows, recorded_rows
from danvan.sheets.inserts import chunks, insert_rows
from danvan.sheets.matching import Vocabulary
from danvan.sheets.places import row_agency
from danvan.sheets.records import CompactRecord
from danvan.sheets.registry import Context, Record
from danvan.sheets.rows import Row
from danvan.sheets.vocabulary import CLASSIFICATIONS, FIELDS
from danvan.text import fold, headline
from reception.models import ENDED_ON_THE_SPOT, HEAD_RECEIVERS, Mode, Receiver, ReceptionSession, Visit
from reception.register import COLUMNS, MODES, RECEIVERS, RESULTS, SHEET_NAME

_MODES = Vocabulary("Hình thức tiếp", MODES)
_RECEIVERS = Vocabulary("Người tiếp", RECEIVERS)
_RESULTS = Vocabulary("Kết quả tiếp", RESULTS)
_CLASSIFICATIONS = Vocabulary("Phân loại", CLASSIFICATIONS)
_FIELDS = Vocabulary("Lĩnh vực", FIELDS)
# What the import sets of each record it creates, in this order; every other field takes its default.
SESSION_FIELDS = ("agency_id", "date", "mode", "receiver", "reference", "host_name", "host_title")
CASE_FIELDS = ("agency_id", "citizen_id", "summary", "kind", "field", "opened_on", "status")
VISIT_FIELDS = (
    *("agency_id", "received_on", "mode", "receiver", "citizen_id", "given_name", "given_address", "people"),
    *("content", "search_text", "kind", "field", "case_id", "result", "session_id", "receipt_code", "reference"),
    "created_by_id",
)


class VisitRecord(CompactRecord):
    """A visit row as read, until it is written: the mapping of plain values the engine wants, kept compact (with its
    four free texts as ``str`` in slots it took 0.3 KiB a row more: 30 MiB of a 100,000-row import's peak)."""

    FIELDS = ("agency", "date", "mode", "receiver", "session", "people", "kind", "field", "case", "result", "reference")
    TEXTS = ("name", "cccd", "address", "content")
    __slots__ = FIELDS

    agency: int | None
    date: date | None
    mode: str
    receiver: str
    session: str
    people: int | None
    kind: str
    field: str
    case: str
    result: str
    reference: str


class VisitSheet:
    name = SHEET_NAME
    headers = tuple((column.header, column.required) for column in COLUMNS)

    def parse(self, row: Row, context: Context) -> VisitRecord | None:
        on = row.date("Ngày tiếp", required=True)
        agency = row_agency(row, context, on)
        mode = row.label("Hình thức tiếp", _MODES, required=True)
        receiver = row.label("Người tiếp", _RECEIVERS, required=True)
        if mode and receiver and (mode == Mode.REGULAR) != (receiver == Receiver.OFFICER):
            row.error(
                "Người tiếp",
                "Tiếp thường xuyên do cán bộ tiếp công dân tiếp; tiếp định kỳ, đột xuất do thủ trưởng hoặc người được "
                "ủy quyền tiếp.",
            )
        session = row.text("Mã kỳ tiếp", max_length=50)
        name = row.text("Họ tên", required=True, max_length=150)
        cccd = read_cccd(row)
        address = row.text("Địa chỉ", max_length=300)
        people = row.integer("Số người", required=True, minimum=1)
        content = row.text("Nội dung", required=True)
        kind = row.label("Phân loại", _CLASSIFICATIONS, required=True)
        field = row.label("Lĩnh vực", _FIELDS)
        case = row.text("Mã vụ việc", max_length=50)
        result = row.label("Kết quả tiếp", _RESULTS)
        reference = row.text("Mã hồ sơ", max_length=50)
        if agency is None:
            return None
        return VisitRecord(
            (name, cccd, address, content),
            *(agency, on, mode, receiver, session, people, kind, field, case, result, reference),
        )

    def recorded(self, records: list[Record]) -> set[int]:
        return recorded_rows(records, Visit.objects.all(), code="receipt_code", day="received_on")

    def write(self, records: list[VisitRecord], context: Context) -> None:
        # Before citizens_of creates the citizens new to the portal, which nobody sees yet.
        elsewhere = cccds_known_elsewhere((record["cccd"] for record in records), context.by)
        citizens = citizens_of(records, lambda record: record.texts()[:3])
        sessions = _sessions(records)
        cases = _cases(records, citizens, elsewhere)
        codes = codes_of_rows(
            [record["reference"] for record in records], Visit.objects.all(), code="receipt_code", prefix=VISIT_PREFIX
        )
        by = context.by.pk if context.by else None
        rows = (
            (*_visit_row(record, citizen, elsewhere, cases, sessions), *code, by)
            for record, citizen, code in zip(records, citizens, codes, strict=True)
        )
        insert_rows(Visit, VISIT_FIELDS, context.counted(rows))


def _visit_row(
    record: VisitRecord, citizen: int, elsewhere: set[str], cases: dict[str, int], sessions: dict[tuple, int]
) -> tuple:
    """A visit's values in the order of VISIT_FIELDS, up to its codes; a citizen known elsewhere as the row gives
    them (danvan.models.GivenDetails)."""
    name, cccd, address, content = record.texts()
    given = (name, address) if cccd in elsewhere else ("", "")
    return (
        *(record.agency, record.date, record.mode, record.receiver, citizen, *given, record.people, content),
        *(fold(content), record.kind, record.field, cases.get(record.case), record.result),
        sessions.get(_session_key(record)),
    )


def _session_key(record: VisitRecord) -> tuple | None:
    """Rows of a head or delegate in one mode (periodic or ad hoc) form a session: by Mã kỳ tiếp when given, else by
    agency, date and receiver."""
    if record.receiver not in HEAD_RECEIVERS:
        return None
    return (record.agency, record.date, record.session or record.receiver, record.mode)


def _sessions(records: list[Record]) -> dict[tuple, int]:
    first = {}
    for record in records:
        key = _session_key(record)
        if key is not None:
            first.setdefault(key, record)
    found: dict[tuple, int] = {}
    days = {(agency, on) for agency, on, _, _ in first}
    if days:
        # The sessions already held by these agencies over the file's days, kept when on one of the rows' (agency,
        # day): a few statements where an OR of every pair would be thousands deep (SQLite stops at 1000).
        window = (min(on for _, on in days), max(on for _, on in days))
        for chunk in chunks(sorted({agency for agency, _ in days})):
            held = ReceptionSession.objects.filter(agency_id__in=chunk, date__range=window)
            for pk, agency, on, mode, receiver, reference in held.values_list(
                "pk", "agency_id", "date", "mode", "receiver", "reference"
            ):
                if (agency, on) in days:
                    found[(agency, on, reference or receiver, mode)] = pk
    new = {key: record for key, record in first.items() if key not in found}
    rows = (
        (
            record["agency"],
            record["date"],
            record["mode"],
            record["receiver"],
            record["session"],
            "",
            RECEIVERS[record["receiver"]],
        )
        for record in new.values()
    )
    return found | dict(zip(new, insert_rows(ReceptionSession, SESSION_FIELDS, rows), strict=True))


def _cases(records: list[Record], citizens: list[int], elsewhere: set[str]) -> dict[str, int]:
    """One case per Mã vụ việc in the file, opened by its first row; closed when each of its rows ended on the spot
    (as the desk closes it, reception.services.receive_visit). Its citizen as a visit's case names them
    (GivenDetails.citizen_of_case): none for a denouncer or a citizen known elsewhere."""
    first: dict[str, tuple[Record, int]] = {}
    open_codes: set[str] = set()
    for index, record in enumerate(records):
        if record["case"]:
            first.setdefault(record["case"], (record, citizens[index]))
            if record["result"] not in ENDED_ON_THE_SPOT:
                open_codes.add(record["case"])
    rows = (
        (
            record["agency"],
            None if record["kind"] == Classification.DENUNCIATION or record["cccd"] in elsewhere else citizen,
            headline(record["content"]),
            record["kind"],
            record["field"],
            record["date"],
            Case.Status.OPEN if code in open_codes else Case.Status.CLOSED,
        )
        for code, (record, citizen) in first.items()
    )
    return dict(zip(first, insert_rows(Case, CASE_FIELDS, rows), strict=True))


VISITS = VisitSheet()
