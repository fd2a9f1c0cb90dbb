"""Writing the petitions of a `Don` sheet once every row is checked (complaints.importer reads them): what the services
would have written, in bulk — the citizens, the cases of the rows accepted, considered or declined, the petitions, the
denouncers' identities, the decisions of the resolved cases and the enforcements they open."""

from __future__ import annotations

from datetime import date
from itertools import chain

from complaints.deadlines import DeadlineKey, handling_key, resolution_key
from complaints.import_records import CaseCells, PetitionRecord
from complaints.import_steps import case_steps, enforced_step, petition_steps
from complaints.models import Decision, DenouncerIdentity, Enforcement, Handling, Petition, Source
from complaints.models.petitions import UNNAMED_AGENCY
from complaints.rules import (
    RECEIPT_PREFIX,
    TAKES_UP,
    case_status,
    enforcement_follows,
    runs_resolution_clock,
    vaults_signer,
)
from danvan.citizens import cccds_known_elsewhere, citizens_of
from danvan.models import Agency, Case
from danvan.services import record_events
from danvan.sheets.codes import codes_of_rows
from danvan.sheets.inserts import insert_rows
from danvan.sheets.registry import Context
from danvan.text import fold, headline


def insert_petitions(records: list[PetitionRecord], context: Context) -> None:
    if not records:
        return
    by = context.by.pk if context.by else None
    # Before _citizens creates the citizens new to the portal, which nobody sees yet.
    elsewhere = cccds_known_elsewhere((record["cccd"] for record in records), context.by)
    citizens = _citizens(records)
    given = [_given(record, citizen, elsewhere) for record, citizen in zip(records, citizens, strict=True)]
    with_case = [index for index, record in enumerate(records) if record.case is not None]
    clocks = _Clocks(Agency.objects.select_related("unit").in_bulk({records[index].agency for index in with_case}))
    # A citizen known elsewhere stays off the case, as a visit's case keeps them (GivenDetails.citizen_of_case).
    case_rows = [_case_row(records[i], None if given[i][0] else citizens[i], clocks) for i in with_case]
    cases = dict(zip(with_case, insert_rows(Case, CASE_FIELDS, case_rows), strict=True))
    held = Petition.objects.all()
    codes = codes_of_rows([record["reference"] for record in records], held, code="receipt_code", prefix=RECEIPT_PREFIX)
    rows = (
        _petition_row(record, citizens[index], given[index], cases.get(index), codes[index], clocks, by)
        for index, record in enumerate(records)
    )
    petitions = insert_rows(Petition, PETITION_FIELDS, context.counted(rows))
    rows = (_identity_row(record, pk) for record, pk in zip(records, petitions, strict=True) if _vaulted(record))
    insert_rows(DenouncerIdentity, IDENTITY_FIELDS, rows)
    resolved = [index for index in with_case if records[index].case.resolved_on]
    decisions = insert_rows(Decision, DECISION_FIELDS, (_decision_row(records[i].case, cases[i], by) for i in resolved))
    enforcements = {
        index: (pk, *_enforcement_values(records[index].case))
        for index, pk in zip(resolved, decisions, strict=True)
        if enforcement_follows(records[index].case.outcome)
    }
    insert_rows(Enforcement, ENFORCEMENT_FIELDS, enforcements.values())
    _record_steps(records, petitions, with_case, case_rows, cases, enforcements, by)


def _record_steps(records, petitions, with_case, case_rows, cases, enforcements, by) -> None:
    """The timeline the services would have left, each step on the register's day (complaints.import_steps)."""
    record_events(Petition, petition_steps(records, petitions), by=by)
    due = CASE_FIELDS.index("due_on")
    taken = (
        step
        for index, row in zip(with_case, case_rows, strict=True)
        for step in case_steps(records[index], cases[index], row[due])
    )
    completed = (
        enforced_step(cases[index], values[1]) for index, values in enforcements.items() if values[1] is not None
    )
    record_events(Case, chain(taken, completed), by=by)


def _citizens(records: list[PetitionRecord]) -> list[int | None]:
    """The citizen of each row: none for an anonymous petition and for a denunciation (its denouncer goes to the
    vault); else found or created by CCCD, or once per name and address (danvan.citizens.citizens_of)."""
    signed = [index for index, record in enumerate(records) if not vaults_signer(record.kind) and record["name"]]
    found = citizens_of([records[index] for index in signed], lambda record: record.texts()[2:])
    citizens: list[int | None] = [None] * len(records)
    for index, citizen in zip(signed, found, strict=True):
        citizens[index] = citizen
    return citizens


def _given(record: PetitionRecord, citizen: int | None, elsewhere: set[str]) -> tuple[str, str, str]:
    """The petitioner's name, address and phone as the row gives them, kept on the petition when its citizen is known
    elsewhere (danvan.models.GivenDetails); empty otherwise."""
    _, _, name, cccd, address, phone = record.texts()
    return (name, address, phone) if citizen is not None and cccd in elsewhere else ("", "", "")


class _Clocks:
    """The deadlines the services set, each computed once per key within this import (the calendar reads the admin's
    days off, so nothing is kept from one import to the next)."""

    def __init__(self, agencies: dict[int, Agency]) -> None:
        self.agencies = agencies
        self._deadlines: dict[DeadlineKey, date] = {}

    def _due(self, key: DeadlineKey) -> date:
        if key not in self._deadlines:
            self._deadlines[key] = key.deadline()
        return self._deadlines[key]

    def handling_due(self, kind: str, received_on: date) -> date:
        """complaints.deadlines.handling_deadline, as intake sets it."""
        return self._due(handling_key(kind=kind, received_on=received_on))

    def resolution_due(self, agency: int, kind: str, round_: str, complexity: str, accepted_on: date) -> date:
        """complaints.deadlines.resolution_deadline of a case just accepted (no extension, no suspension)."""
        clock = {"kind": kind, "round": round_, "complexity": complexity, "accepted_on": accepted_on}
        return self._due(resolution_key(**clock, disciplinary=False, remote=self.agencies[agency].unit.remote_area))


# The values written, in the order of each model's fields below; what a model has besides keeps its default.
CASE_FIELDS = ("agency_id", "citizen_id", "summary", "kind", "field", "opened_on", "round", "repeat_denunciation",
               "complexity", "hotspot", "accepted_on", "declined_on", "due_on", "resolved_on", "status")  # fmt: skip
PETITION_FIELDS = ("agency_id", "received_on", "source", "forwarded_by_name", "citizen_id", "given_name",
                   "given_address", "given_phone", "anonymous", "signatories", "kind", "field", "content",
                   "search_text", "reference", "receipt_code", "handling_due_on", "processable", "in_competence",
                   "handling", "handled_on", "forwarded_to_name", "case_id", "created_by_id")  # fmt: skip
IDENTITY_FIELDS = ("petition_id", "full_name", "search_name", "cccd", "address", "phone")
DECISION_FIELDS = ("case_id", "issued_on", "number", "outcome", "money_due", "land_due", "by_id")
ENFORCEMENT_FIELDS = ("decision_id", "completed_on", "money_recovered", "land_recovered")


def _case_row(record: PetitionRecord, citizen: int | None, clocks: _Clocks) -> tuple:
    """The case acceptance opens (handling._accept), closed by its decision (resolution.decide_case) if resolved; or
    the case considered or declined (handling._open), without a clock."""
    cells: CaseCells = record.case
    kind, resolved_on = record.kind, cells.resolved_on
    accepted_on = record.handled_on if record.handling in TAKES_UP else None
    declined_on = record.handled_on if record.handling == Handling.DECLINE else None
    complexity = Case.Complexity.COMPLEX if cells.complex else Case.Complexity.NORMAL
    due_on = None
    if accepted_on and runs_resolution_clock(kind):
        due_on = clocks.resolution_due(record.agency, kind, cells.round, complexity, accepted_on)
    return (
        record.agency, citizen, headline(record["content"]), kind, record.field, record.date, cells.round,
        cells.repeat_denunciation, complexity, cells.hotspot, accepted_on, declined_on, due_on, resolved_on,
        case_status(resolved_on=resolved_on),
    )  # fmt: skip


def _petition_row(
    record: PetitionRecord,
    citizen: int | None,
    given: tuple[str, str, str],
    case: int | None,
    codes: tuple[str, str],
    clocks: _Clocks,
    by: int | None,
) -> tuple:
    source, handling = record.source, record.handling
    code, reference = codes
    content = record.texts()[1]
    return (
        record.agency, record.date, source, UNNAMED_AGENCY if source == Source.FORWARDED else "", citizen, *given,
        record.anonymous, record.signatories, record.kind, record.field, content, fold(content), reference, code,
        clocks.handling_due(record.kind, record.date), record.processable, record.in_competence, handling,
        record.handled_on, UNNAMED_AGENCY if handling == Handling.FORWARD else "", case, by,
    )  # fmt: skip


def _vaulted(record: PetitionRecord) -> bool:
    """Whether the row names a denouncer: not an anonymous denunciation, nor one whose denouncer the register hides."""
    return vaults_signer(record.kind) and bool(record["name"])


def _identity_row(record: PetitionRecord, petition: int) -> tuple:
    name, cccd, address, phone = record.texts()[2:]
    return (petition, name, fold(name), cccd, address, phone)


def _decision_row(cells: CaseCells, case: int, by: int | None) -> tuple:
    """The decision as decide_case stores it; the register holds no document number."""
    return (case, cells.resolved_on, "", cells.outcome, cells.money_due or 0, cells.land_due or 0, by)


def _enforcement_values(cells: CaseCells) -> tuple:
    """The enforcement decide_case opens for a decision on the merits; completed (on the decision's day: the register
    has no date for it) when the row says what was recovered."""
    recovered = cells.money_recovered is not None or cells.land_recovered is not None
    return (cells.resolved_on if recovered else None, cells.money_recovered or 0, cells.land_recovered or 0)
