"""The data of the report benchmark: a province's records over both eras of the administrative structure, written
with PostgreSQL's COPY (a million rows in seconds, where saving models one by one would take an hour).

Rows are spread over the agencies of the old Gia Lai (code 64) before 01/07/2025 and of the new Gia Lai (code 52)
from that day, by level (a province's agencies receive more than a commune's), over every day from ``FIRST_DAY`` to
yesterday. Visits: mostly regular receptions by officers, some by heads in periodic or ad hoc sessions or by their
delegates in sessions of their own, a few groups of 5 people or more; a third belong to a case, some cases received
again. Petitions of every kind and subject field: most handled within days, in every way a classification allows; of
the processable complaints and denunciations within competence most are accepted as cases (some second-round
complaints and repeat denunciations), a few are still being considered or were declined. Most accepted cases end in a
decision or conclusion of every outcome their round allows, ordering recovery, returns, sanctions and referrals; most
of those on the merits are carried out, recording what was recovered, returned, sanctioned and prosecuted. Dialogues
and voter meetings at every level; 06/QLKNTC's figures keyed in by every agency of today's units for each year's
report window since the reform (what the TT 01/2024 and TT 06/2025 forms read, docs/reports.md).
"""

import random
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.db.models import Model
from django.utils import timezone

from bench.common import GIA_LAI, GIVEN_NAMES, MIDDLE_NAMES, OLD_GIA_LAI, REFORM, SURNAMES
from complaints.models import Decision, Enforcement, Handling, Outcome, Petition, Source
from complaints.rules import ENDING, OUTSIDE_COMPETENCE, UNPROCESSABLE, enforcement_follows, outcomes_for
from danvan.codes import ALPHABET, DIALOGUE_PREFIX, LENGTH, PETITION_PREFIX, VISIT_PREFIX
from danvan.models import AdminUnit, Agency, Case, Citizen, Classification, Staff, SubjectField
from danvan.selectors import units_under
from danvan.text import fold
from dialogues.models import Dialogue, Host, Kind
from reception.models import Mode, Receiver, ReceptionSession, Visit
from reports.dashboard import report_year
from reports.models import ManagementFigure
from reports.periods import PeriodKind, window
from reports.qlkntc import COLUMNS
from reports.tallies import rebuild_tallies

FIRST_DAY = date(2024, 1, 1)
SEED = 2026
# How often each level's agencies receive, against a commune's.
LEVEL_WEIGHTS = {AdminUnit.Level.PROVINCE: 20, AdminUnit.Level.DISTRICT: 6, AdminUnit.Level.COMMUNE: 1}
KINDS = [Classification.COMPLAINT] * 3 + [Classification.DENUNCIATION] + [Classification.RECOMMENDATION] * 6
FIELDS = list(SubjectField.values)
CASE_KINDS = (Classification.COMPLAINT, Classification.DENUNCIATION)
# Of the processable complaints and denunciations within competence, the shares accepted and (cumulative) still being
# considered; the rest were declined.
ACCEPTED, CONSIDERED = 0.75, 0.87
# The share of decisions that end a case (withdrawn, terminated) rather than rule on the merits.
ENDED = 0.08
# A decision on the merits that found something orders each of these now and then (a count of 1 to 3).
ORDERED = ("returned_organisations", "returned_individuals", "sanctioned_organisations", "referred_cases")
CONTENT = "Đề nghị xem xét giải quyết việc cấp giấy chứng nhận quyền sử dụng đất của hộ gia đình tại thôn {n}."
DIALOGUE_TOPIC = "Đối thoại về bồi thường, hỗ trợ tái định cư"
FOLDED_DIALOGUE = fold(f"Nguyễn Văn Bình {DIALOGUE_TOPIC}")
FOLDED_CONTENT = [fold(CONTENT.format(n=n)) for n in range(31)]
# Codes as the portal issues them (danvan.codes), one per id: the id times an odd number, plus an offset of the
# prefix's, modulo 32⁸ (a bijection, so no two of a kind collide), written in the codes' alphabet. They look random, as
# issued codes do, and a visit's letters are not those of the petition of the same id.
_SCRAMBLE = 0x9E3779B97
_OFFSETS = {VISIT_PREFIX: 0, PETITION_PREFIX: 0x5BD1E995_37, DIALOGUE_PREFIX: 0xC2B2AE35_11}


def code_of(prefix: str, pk: int) -> str:
    number = (pk * _SCRAMBLE + _OFFSETS[prefix]) % len(ALPHABET) ** LENGTH
    letters = []
    for _ in range(LENGTH):
        number, digit = divmod(number, len(ALPHABET))
        letters.append(ALPHABET[digit])
    return f"{prefix}-{''.join(letters)}"


def copy_rows(model: type[Model], rows: Iterable[dict]) -> int:
    """Writes ``rows`` (attribute name → value, the id included) into ``model``'s table with COPY; columns a row does
    not give take the field's default. Returns the number of rows."""
    fields = [f for f in model._meta.concrete_fields]
    now = timezone.now()
    stamped = ("auto_now", "auto_now_add")
    defaults = {f.attname: now if any(getattr(f, name, False) for name in stamped) else f.get_default() for f in fields}
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    count = 0
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[f.attname] if f.attname in row else defaults[f.attname] for f in fields])
                count += 1
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{model._meta.db_table}', 'id'), "
            f"coalesce((SELECT max(id) FROM {model._meta.db_table}), 1))"
        )
    return count


@dataclass
class Era:
    """The agencies that received records in one era, each as often as its level's weight."""

    first: date
    last: date
    agencies: list[Agency]
    weighted: list[Agency] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.weighted = [agency for agency in self.agencies for _ in range(LEVEL_WEIGHTS[agency.unit.level])]


def eras(last_day: date) -> list[Era]:
    result = []
    old = AdminUnit.objects.get(code=OLD_GIA_LAI, valid_from__isnull=True)
    new = AdminUnit.objects.get(code=GIA_LAI, valid_from=REFORM)
    for province, first, last in ((old, FIRST_DAY, REFORM - timedelta(days=1)), (new, REFORM, last_day)):
        agencies = Agency.objects.filter(unit__in=units_under(province)).select_related("unit").order_by("pk")
        result.append(Era(first, last, list(agencies)))
    return result


class Generator:
    """Generates the rows; ids are given here, so that visits can point at cases, cases at citizens."""

    def __init__(self, visits: int, petitions: int) -> None:
        self.random = random.Random(SEED)
        self.last_day = date.today() - timedelta(days=1)
        self.eras = eras(self.last_day)
        self.days = (self.last_day - FIRST_DAY).days + 1
        self.visits, self.petitions = visits, petitions
        self.citizens = max(visits // 8, 100)
        self.cases: list[dict] = []
        self.decisions: list[dict] = []
        self.enforcements: list[dict] = []
        self.sessions: dict[tuple[int, date, str], int] = {}
        self.recent_cases: dict[int, list[int]] = defaultdict(list)

    def _day(self) -> date:
        return FIRST_DAY + timedelta(days=self.random.randrange(self.days))

    def _agency(self, on: date) -> Agency:
        era = self.eras[0] if on < REFORM else self.eras[1]
        return self.random.choice(era.weighted)

    def citizen_rows(self) -> Iterator[dict]:
        pick = self.random.choice
        for pk in range(1, self.citizens + 1):
            name = f"{pick(SURNAMES)} {pick(MIDDLE_NAMES)} {pick(GIVEN_NAMES)}".replace("  ", " ")
            cccd = f"064{pk:09d}" if self.random.random() < 0.7 else None
            yield {"id": pk, "full_name": name, "search_name": fold(name), "cccd": cccd}

    def _case(self, agency: Agency, on: date, kind: str, citizen: int | None, **clock) -> int:
        pk = len(self.cases) + 1
        summary = CONTENT.format(n=pk % 30 + 1)[:120]
        self.cases.append(
            {"id": pk, "agency_id": agency.pk, "citizen_id": citizen, "summary": summary, "kind": kind}
            | {"field": self.random.choice(FIELDS), "opened_on": on, **clock}
        )
        return pk

    def _visit_case(self, agency: Agency, on: date, kind: str, citizen: int) -> int | None:
        """A third of visits belong to a case; of those, one in four comes back about a case of the same agency."""
        if self.random.random() >= 1 / 3:
            return None
        recent = self.recent_cases[agency.pk]
        if recent and self.random.random() < 0.25:
            return self.random.choice(recent)
        pk = self._case(agency, on, kind, citizen)
        recent.append(pk)
        del recent[:-20]
        return pk

    def _session(self, agency: Agency, on: date, receiver: str) -> int:
        key = (agency.pk, on, receiver)
        if key not in self.sessions:
            self.sessions[key] = len(self.sessions) + 1
        return self.sessions[key]

    def visit_rows(self) -> Iterator[dict]:
        rnd = self.random.random
        for pk in range(1, self.visits + 1):
            on = self._day()
            agency = self._agency(on)
            citizen = self.random.randrange(1, self.citizens + 1)
            kind = self.random.choice(KINDS)
            row = {"id": pk, "agency_id": agency.pk, "citizen_id": citizen, "kind": kind}
            row |= {"content": CONTENT.format(n=pk % 30 + 1), "people": 1, "field": self.random.choice(FIELDS)}
            row |= {"search_text": FOLDED_CONTENT[pk % 30 + 1], "receipt_code": code_of(VISIT_PREFIX, pk)}
            draw = rnd()
            if draw < 0.08:  # a head's periodic reception, on the 15th of the month, in a session
                on = min(on.replace(day=15), self.last_day)
                agency = self._agency(on)
                row |= {"agency_id": agency.pk, "mode": Mode.PERIODIC, "receiver": Receiver.HEAD}
                row["session_id"] = self._session(agency, on, Receiver.HEAD)
            elif draw < 0.12:  # ad hoc, by the head (a quarter) or a delegate, in a session of the day
                receiver = Receiver.HEAD if draw < 0.09 else Receiver.DELEGATE
                row |= {"mode": Mode.AD_HOC, "receiver": receiver, "session_id": self._session(agency, on, receiver)}
            if rnd() < 0.02:
                row["people"] = self.random.randrange(5, 40)
            row |= {"received_on": on, "case_id": self._visit_case(agency, on, kind, citizen)}
            yield row

    def session_rows(self) -> Iterator[dict]:
        for (agency, on, receiver), pk in self.sessions.items():
            yield {"id": pk, "agency_id": agency, "date": on, "receiver": receiver}

    def petition_rows(self) -> Iterator[dict]:
        rnd = self.random.random
        for pk in range(1, self.petitions + 1):
            on = self._day()
            agency = self._agency(on)
            kind = self.random.choice(KINDS)
            anonymous = kind == Classification.DENUNCIATION and rnd() < 0.1
            citizen = None if anonymous else self.random.randrange(1, self.citizens + 1)
            row = {"id": pk, "agency_id": agency.pk, "received_on": on, "kind": kind, "citizen_id": citizen}
            row |= {"source": Source.POST, "anonymous": anonymous, "content": CONTENT.format(n=pk % 30 + 1)}
            row |= {"search_text": FOLDED_CONTENT[pk % 30 + 1], "receipt_code": code_of(PETITION_PREFIX, pk)}
            row |= {"handling_due_on": on + timedelta(days=14)}
            row |= {"field": self.random.choice(FIELDS)}
            handled_on = on + timedelta(days=self.random.randrange(0, 20))
            if handled_on <= self.last_day and rnd() < 0.995:  # a few old ones never handled, and the latest
                row |= self._handling(agency, on, handled_on, kind, citizen)
            yield row

    def _handling(self, agency: Agency, on: date, handled_on: date, kind: str, citizen: int | None) -> dict:
        """A handling its classification allows (complaints.rules.handlings_for); an anonymous petition is never
        processable. Within competence a recommendation is considered and answered (a case with no resolution clock);
        a complaint or denunciation is accepted, still considered or declined."""
        rnd = self.random.random
        handling = {"handled_on": handled_on, "processable": citizen is not None and rnd() < 0.85}
        if not handling["processable"]:
            reason = "anonymous" if citizen is None else "unclear"
            return handling | {"handling": self.random.choice(UNPROCESSABLE), "unprocessable_reason": reason}
        handling["in_competence"] = rnd() < 0.45
        if not handling["in_competence"]:
            chosen = self.random.choice(OUTSIDE_COMPETENCE)
            if chosen == Handling.FORWARD:
                handling["forwarded_to_name"] = "Ủy ban nhân dân cấp trên"
            return handling | {"handling": chosen}
        if kind not in CASE_KINDS:
            return handling | {"handling": Handling.ANSWER, "case_id": self._answered(agency, on, handled_on, citizen)}
        draw = rnd()
        if draw < ACCEPTED:
            return handling | {
                "handling": Handling.ACCEPT,
                "case_id": self._accepted(agency, handled_on, kind, citizen),
            }
        declined = {"declined_on": handled_on} if draw >= CONSIDERED else {}
        case = self._case(agency, on, kind, citizen, **self._round(kind), **declined)
        return handling | {"handling": Handling.DECLINE if declined else Handling.CONSIDER, "case_id": case}

    def _answered(self, agency: Agency, on: date, accepted_on: date, citizen: int | None) -> int:
        """A recommendation taken up within competence: no clock, no decision; most answered within two months."""
        clock = {"accepted_on": accepted_on}
        answered = accepted_on + timedelta(days=self.random.randrange(5, 60))
        if answered <= self.last_day and self.random.random() < 0.95:
            clock |= {"resolved_on": answered, "status": Case.Status.CLOSED}
        return self._case(agency, on, Classification.RECOMMENDATION, citizen, **clock)

    def _accepted(self, agency: Agency, on: date, kind: str, citizen: int | None) -> int:
        """A case accepted ``on``: most are resolved, a few late, with a decision; most decisions are carried out."""
        due = on + timedelta(days=self.random.choice((30, 45, 60)))
        clock = self._round(kind) | {"accepted_on": on, "due_on": due}
        resolved = on + timedelta(days=self.random.randrange(10, 75))
        if resolved <= self.last_day and self.random.random() < 0.9:
            clock |= {"resolved_on": resolved, "status": Case.Status.CLOSED}
        clock["hotspot"] = self.random.random() < 0.01
        pk = self._case(agency, on, kind, citizen, **clock)
        if "resolved_on" in clock:
            self._decision(pk, resolved, kind, clock["round"])
        return pk

    def _round(self, kind: str) -> dict:
        """A complaint's round (one in seven a second round), a denunciation's repeat (one in ten)."""
        if kind == Classification.COMPLAINT:
            return {"round": Case.Round.SECOND if self.random.random() < 1 / 7 else Case.Round.FIRST}
        return {"round": "", "repeat_denunciation": self.random.random() < 0.1}

    def _decision(self, case: int, on: date, kind: str, round_: str) -> None:
        """The decision or conclusion of every outcome its case allows; one on the merits orders amounts, returns,
        sanctions and referrals now and then, and most are carried out, recording what was done."""
        pick, rnd = self.random.choice, self.random.random
        outcomes = outcomes_for(kind=kind, round=round_)
        ending = rnd() < ENDED
        outcome = pick([outcome for outcome in outcomes if (outcome in ENDING) == ending])
        pk = len(self.decisions) + 1
        decision = {"id": pk, "case_id": case, "issued_on": on, "number": f"{pk}/QĐ-UBND", "outcome": outcome}
        if outcome not in (Outcome.UNFOUNDED, Outcome.UPHELD_FIRST, *ENDING):
            decision |= {
                "money_due": Decimal(self.random.randrange(0, 500)),
                "land_due": Decimal(self.random.randrange(0, 300)),
            }
            decision |= {"returned_money": Decimal(self.random.randrange(0, 200)) if rnd() < 0.3 else Decimal(0)}
            decision |= {"returned_land": Decimal(self.random.randrange(0, 100)) if rnd() < 0.2 else Decimal(0)}
            decision |= {name: self.random.randrange(1, 4) if rnd() < 0.2 else 0 for name in ORDERED}
            decision |= self._people("sanctioned", 0.2) | self._people("referred", 0.05)
        self.decisions.append(decision)
        if enforcement_follows(outcome):
            done = on + timedelta(days=self.random.randrange(5, 90))
            completed = done if done <= self.last_day and rnd() < 0.7 else None
            enforcement = {"id": pk, "decision_id": pk, "completed_on": completed}
            if completed:
                enforcement |= {name: decision.get(name, Decimal(0)) for name in ("returned_money", "returned_land")}
                enforcement |= {"money_recovered": decision.get("money_due", Decimal(0))}
                enforcement |= {"land_recovered": decision.get("land_due", Decimal(0)) * Decimal("0.8")}
                enforcement |= {"sanctioned_organisations": decision.get("sanctioned_organisations", 0)}
                enforcement |= self._people("sanctioned", 0.15) | self._people("prosecuted", 0.03)
                enforcement["prosecuted_cases"] = 1 if enforcement["prosecuted_people"] else 0
            self.enforcements.append(enforcement)

    def _people(self, prefix: str, share: float) -> dict[str, int]:
        """``share`` of the time 1 to 4 people ``prefix`` (sanctioned, referred, prosecuted), of whom some officials."""
        people = self.random.randrange(1, 5) if self.random.random() < share else 0
        return {f"{prefix}_people": people, f"{prefix}_officials": self.random.randrange(0, people + 1)}

    def dialogue_rows(self) -> Iterator[dict]:
        """About two dialogues and one voter meeting a year per agency of a party committee, people's committee or
        council, more at the levels above."""
        hosts = {Agency.Kind.PARTY: Host.PARTY_SECRETARY, Agency.Kind.COMMITTEE: Host.COMMITTEE_CHAIR}
        hosts[Agency.Kind.COUNCIL] = Host.COUNCIL_DEPUTY
        pk = 0
        for era in self.eras:
            years = (era.last - era.first).days / 365
            for agency in era.agencies:
                if agency.kind not in hosts:
                    continue
                for _ in range(round(3 * years * LEVEL_WEIGHTS[agency.unit.level] ** 0.5)):
                    pk += 1
                    on = era.first + timedelta(days=self.random.randrange((era.last - era.first).days + 1))
                    kind = Kind.VOTER_MEETING if agency.kind == Agency.Kind.COUNCIL else Kind.DIALOGUE
                    code = code_of(DIALOGUE_PREFIX, pk)
                    yield {"id": pk, "code": code, "kind": kind, "date": on, "unit_id": agency.unit_id} | {
                        "agency_id": agency.pk,
                        "host": hosts[agency.kind], "host_name": "Nguyễn Văn Bình", "host_title": "Chủ trì",
                        "topic": DIALOGUE_TOPIC, "participants": 60, "search_text": FOLDED_DIALOGUE,
                    }  # fmt: skip

    def management_rows(self, reporter: int) -> Iterator[dict]:
        """06/QLKNTC's figures keyed in by every agency of today's units for each year's report window since the
        reform, a few per column (the conclusions issued, column 8, never above the inspections, column 6)."""
        pk = 0
        for year in range(REFORM.year, report_year(self.last_day) + 1):
            span = window(PeriodKind.YEAR, year=year)
            for agency in self.eras[1].agencies:
                values = {column: self.random.randrange(0, 4) for column in COLUMNS}
                values[8] = min(values[8], values[6])
                for column, value in values.items():
                    pk += 1
                    yield {"id": pk, "agency_id": agency.pk, "start": span.start, "end": span.end} | {
                        "column": column, "value": value, "entered_by_id": reporter,
                    }  # fmt: skip


def generate(visits: int, petitions: int) -> dict[str, int]:
    """Writes the whole dataset; returns the number of rows per table. Visits and petitions make their cases and
    sessions as they go, so those are written after them: the load runs as a replica would (no foreign-key checks,
    no triggers; the rows are consistent by construction), then the monthly tally is counted from the records."""
    generator = Generator(visits, petitions)
    counts = {}
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
    counts["citizens"] = copy_rows(Citizen, generator.citizen_rows())
    counts["visits"] = copy_rows(Visit, generator.visit_rows())
    counts["petitions"] = copy_rows(Petition, generator.petition_rows())
    counts["sessions"] = copy_rows(ReceptionSession, generator.session_rows())
    counts["cases"] = copy_rows(Case, generator.cases)
    counts["decisions"] = copy_rows(Decision, generator.decisions)
    counts["enforcements"] = copy_rows(Enforcement, generator.enforcements)
    counts["dialogues"] = copy_rows(Dialogue, generator.dialogue_rows())
    reporter = Staff.objects.create(username="bench-reporter", first_name="Cán bộ tổng hợp")
    counts["06/QLKNTC figures"] = copy_rows(ManagementFigure, generator.management_rows(reporter.pk))
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = DEFAULT")
    counts["half-month tallies"] = rebuild_tallies()
    return counts
