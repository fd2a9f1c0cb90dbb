"""Statutory clocks as dated rules (law.md): each rule says from when it applies, how many days, and which days count.

A clock uses the rule in force on the day it starts. Day types: working days run on the working-day calendar
(danvan.workdays); calendar days count every day, a period ending on a day off ending on the next working day.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from danvan.models import Case, Classification
from danvan.validity import within
from danvan.workdays import Calendar, add_calendar_days, add_working_days, days_left, last_start_before


class DayType(StrEnum):
    WORKING = "working"
    CALENDAR = "calendar"


class Step(StrEnum):
    HANDLE_PETITION = "handle_petition"  # classify and handle a petition (xử lý đơn)
    HANDLE_DENUNCIATION = "handle_denunciation"  # initial handling of a denunciation
    ACCEPT_COMPLAINT = "accept_complaint"  # accept (thụ lý) a complaint
    RESOLVE_COMPLAINT = "resolve_complaint"
    RESOLVE_DENUNCIATION = "resolve_denunciation"
    FORWARD_REPLY = "forward_reply"  # the receiving agency's reply to a forwarded petition
    ANSWER_RECEPTION = "answer_reception"  # answer the citizen on what a reception received
    FORWARD_DENUNCIATION = "forward_denunciation"  # forward a denunciation outside competence, notify the denouncer
    NOTIFY_FORWARDER = "notify_forwarder"  # tell the body that forwarded a petition the result of its resolution
    SEND_SUSPENSION = "send_suspension"  # send the decision suspending a complaint's resolution to the parties


@dataclass(frozen=True)
class DeadlineRule:
    step: Step
    days: int
    day_type: DayType
    source: str
    valid_from: date | None = None
    valid_to: date | None = None
    round: str = ""  # for complaints: Case.Round, "" for any
    disciplinary: bool = False
    complex_days: int | None = None
    remote_days: int | None = None
    remote_complex_days: int | None = None
    several_places_days: int | None = None  # checked in several places
    verified: bool = True

    def in_force_on(self, on: date) -> bool:
        return within(on, self.valid_from, self.valid_to)

    @property
    def citation(self) -> str:
        """The source as a page shows it: one not checked against the text itself says so."""
        return self.source if self.verified else f"{self.source} (căn cứ chưa được kiểm chứng)"

    def days_for(self, *, complex_: bool, remote: bool, several_places: bool = False) -> int:
        if several_places and self.several_places_days:
            return self.several_places_days
        if remote and complex_ and self.remote_complex_days:
            return self.remote_complex_days
        if remote and self.remote_days:
            return self.remote_days
        if complex_ and self.complex_days:
            return self.complex_days
        return self.days


W, C = DayType.WORKING, DayType.CALENDAR
NEW_DECREES = date(2026, 7, 1)

RULES = (
    DeadlineRule(Step.HANDLE_PETITION, 10, W, "Thông tư 05/2021/TT-TTCP", verified=False),
    DeadlineRule(Step.HANDLE_DENUNCIATION, 7, W, "Luật Tố cáo 2018, Điều 24 khoản 1", several_places_days=10),
    DeadlineRule(Step.FORWARD_DENUNCIATION, 5, W, "Luật Tố cáo 2018, Điều 24 khoản 2"),
    DeadlineRule(Step.ANSWER_RECEPTION, 10, W, "Luật Tiếp công dân 2013, Điều 28 khoản 1"),
    DeadlineRule(Step.NOTIFY_FORWARDER, 7, W, "Luật Tiếp công dân 2013, Điều 27 khoản 2"),
    DeadlineRule(Step.FORWARD_REPLY, 10, W, "Thông tư 05/2021/TT-TTCP", verified=False),
    DeadlineRule(
        Step.ACCEPT_COMPLAINT, 10, W,
        "Luật Khiếu nại 2011, Điều 27, 36; ngày làm việc: Thông tư 07/2013/TT-TTCP, Điều 5 và "
        "Nghị định 124/2020/NĐ-CP, Điều 16 khoản 1",
        valid_to=date(2026, 6, 30),
    ),
    DeadlineRule(Step.ACCEPT_COMPLAINT, 7, W, "Nghị định 155/2026/NĐ-CP, Điều 10", valid_from=NEW_DECREES),
    # Calendar or working days for complaint resolution is not settled in the sources: change day_type here.
    DeadlineRule(
        Step.RESOLVE_COMPLAINT, 30, C, "Luật Khiếu nại, Điều 28", round=Case.Round.FIRST,
        complex_days=45, remote_days=45, remote_complex_days=60, verified=False,
    ),
    DeadlineRule(
        Step.RESOLVE_COMPLAINT, 45, C, "Luật Khiếu nại, Điều 37", round=Case.Round.SECOND,
        complex_days=60, remote_days=60, remote_complex_days=70, verified=False,
    ),
    DeadlineRule(
        Step.RESOLVE_COMPLAINT, 30, C, "Luật Khiếu nại, Điều 50", disciplinary=True, complex_days=45, verified=False
    ),
    DeadlineRule(Step.RESOLVE_DENUNCIATION, 30, C, "Luật Tố cáo 2018, Điều 30"),
    DeadlineRule(
        Step.SEND_SUSPENSION, 3, W, "Nghị định 124/2020/NĐ-CP, Điều 28b (bổ sung bởi Nghị định 155/2026/NĐ-CP)",
        valid_from=NEW_DECREES,
    ),
)  # fmt: skip

# Denunciations (Luật Tố cáo 2018, Điều 30): a complex case may be extended once, an especially complex one twice,
# each time by at most 30 days. The Law on Complaints provides no extension: a complex complaint has a longer period.
EXTENSION_MAX_DAYS = 30
MAX_EXTENSIONS = {
    Case.Complexity.NORMAL: 0,
    Case.Complexity.COMPLEX: 1,
    Case.Complexity.ESPECIALLY_COMPLEX: 2,
}


@cache  # RULES never changes while the process runs; a register import asks for a rule per row
def rule_for(step: Step, on: date, *, round: str = "", disciplinary: bool = False) -> DeadlineRule:
    """The rule of ``step`` in force on ``on`` (for complaints: of that round, or for disciplinary decisions)."""
    candidates = [r for r in RULES if r.step == step and r.in_force_on(on) and r.disciplinary == disciplinary]
    if round:
        candidates = [r for r in candidates if r.round in ("", round)] or candidates
    if not candidates:
        raise LookupError(f"No {step} rule in force on {on}")
    return candidates[0]


def add_days(start: date, days: int, day_type: DayType, *, calendar: Calendar | None = None) -> date:
    if day_type == DayType.WORKING:
        return add_working_days(start, days, calendar=calendar)
    return add_calendar_days(start, days, calendar=calendar)


def stood_still(pauses: Iterable[tuple[date, date]], day_type: DayType) -> int:
    """The days the clock did not count during the (suspended, resumed) intervals: resumed − suspended calendar days
    (Luật Tố cáo 2018, Điều 34 khoản 2), or the working days among them on a working-day clock."""
    working = day_type == DayType.WORKING
    return sum(days_left(resumed_on, today=suspended_on, working_days=working) for suspended_on, resumed_on in pauses)


def run_clock(start: date, days: int, day_type: DayType, pauses: Iterable[tuple[date, date]] = ()) -> date:
    """The day a clock of ``days`` started on ``start`` ends, the suspended days added to the end of the period itself;
    only the final day moves off a day off (Bộ luật Dân sự 2015, Điều 148 khoản 5), never the end of the period
    before the suspension."""
    return add_days(start, days + stood_still(pauses, day_type), day_type)


class DeadlineKey(NamedTuple):
    """What a deadline is computed from: the day its clock starts, how many days it runs and which days count. Equal
    keys give equal deadlines, so a bulk writer computes each deadline once (complaints.importer_write)."""

    start: date
    days: int
    day_type: DayType

    def deadline(self) -> date:
        return add_days(self.start, self.days, self.day_type)


_HANDLING_STEP = {
    Classification.COMPLAINT: Step.ACCEPT_COMPLAINT,
    Classification.DENUNCIATION: Step.HANDLE_DENUNCIATION,
    Classification.RECOMMENDATION: Step.HANDLE_PETITION,
}


def handling_rule(*, kind: str, received_on: date) -> DeadlineRule:
    """The rule a petition is handled by: a complaint is accepted or not within 10 working days (7 from 01/07/2026),
    a denunciation handled within 7 (10 when it must be checked in several places or its handling is delegated), any
    other petition within 10."""
    return rule_for(_HANDLING_STEP[kind], received_on)


def handling_key(*, kind: str, received_on: date, several_places: bool = False) -> DeadlineKey:
    rule = handling_rule(kind=kind, received_on=received_on)
    return DeadlineKey(received_on, rule.days_for(complex_=False, remote=False, several_places=several_places),
                       rule.day_type)  # fmt: skip


def handling_deadline(*, kind: str, received_on: date, several_places: bool = False) -> date:
    return handling_key(kind=kind, received_on=received_on, several_places=several_places).deadline()


def _deadline(step: Step, start: date, *, calendar: Calendar | None = None) -> date:
    rule = rule_for(step, start)
    return add_days(start, rule.days, rule.day_type, calendar=calendar)


def forward_deadline(*, received_on: date) -> date:
    """When a denunciation outside competence must be forwarded, and its denouncer told, by (5 working days from its
    receipt)."""
    return _deadline(Step.FORWARD_DENUNCIATION, received_on)


def answer_deadline(*, received_on: date) -> date:
    """When the citizen must be answered on what a reception received (10 working days from the visit)."""
    return _deadline(Step.ANSWER_RECEPTION, received_on)


def notify_deadline(*, resolved_on: date, calendar: Calendar | None = None) -> date:
    """When the body that forwarded a petition must be told the result (7 working days from the resolution)."""
    return _deadline(Step.NOTIFY_FORWARDER, resolved_on, calendar=calendar)


def suspension_send_deadline(*, kind: str, suspended_on: date) -> date | None:
    """When the decision suspending a complaint's resolution must be sent to the parties (3 working days from its
    issue, from 01/07/2026); None for a denunciation, whose decree sets no such period in the sources here."""
    if kind != Classification.COMPLAINT:
        return None
    try:
        return _deadline(Step.SEND_SUSPENSION, suspended_on)
    except LookupError:
        return None


def last_start_overdue(step: Step, *, today: date) -> date:
    """The latest day a clock of ``step`` may have started on and be past its deadline on ``today``: a clock started
    on that day or before it is overdue. One date, so that "overdue" stays a date comparison an index answers for a
    deadline that is not stored (the rule in force on that day, as every clock uses the rule of its start)."""
    rule = rule_for(step, today)
    start = last_start_before(today, rule.days, working_days=rule.day_type == DayType.WORKING)
    if (earlier := rule_for(step, start)) != rule:
        start = last_start_before(today, earlier.days, working_days=earlier.day_type == DayType.WORKING)
    return start


def reply_deadline(*, forwarded_on: date) -> date:
    return _deadline(Step.FORWARD_REPLY, forwarded_on)


def _resolution_rule(kind: str, round: str, disciplinary: bool, accepted_on: date) -> DeadlineRule:
    if kind == Classification.DENUNCIATION:
        return rule_for(Step.RESOLVE_DENUNCIATION, accepted_on)
    return rule_for(Step.RESOLVE_COMPLAINT, accepted_on, round=round, disciplinary=disciplinary)


def resolution_rule(case: Case) -> DeadlineRule:
    return _resolution_rule(case.kind, case.round, case.disciplinary, case.accepted_on)


def resolution_key(
    *, kind: str, round: str, disciplinary: bool, complexity: str, remote: bool, accepted_on: date
) -> DeadlineKey:
    """The resolution clock of a case accepted on ``accepted_on``, before any extension or suspension: the period of
    its rule, longer for a complex complaint and in a remote area."""
    rule = _resolution_rule(kind, round, disciplinary, accepted_on)
    complex_ = complexity != Case.Complexity.NORMAL and kind != Classification.DENUNCIATION
    return DeadlineKey(accepted_on, rule.days_for(complex_=complex_, remote=remote), rule.day_type)


def resolution_deadline(case: Case, *, extension_days: int = 0, suspended: Iterable[tuple[date, date]] = ()) -> date:
    """The resolution deadline of an accepted case: the period of its rule (complex, remote area), plus extensions,
    plus the time the clock stood still during each (suspended, resumed) interval (``run_clock``)."""
    start, days, day_type = resolution_key(
        kind=case.kind,
        round=case.round,
        disciplinary=case.disciplinary,
        complexity=case.complexity,
        remote=case.agency.unit.remote_area,
        accepted_on=case.accepted_on,
    )
    return run_clock(start, days + extension_days, day_type, suspended)
