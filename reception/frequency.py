"""How often heads must hold periodic reception (tiếp định kỳ), as dated rules, and whether each head met them.

The minimums are data: one ``FrequencyRule`` per head, level and period of validity. A month is judged by the rule in
force on its first day, so a rule that takes effect in the middle of a month governs from the next month on.
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models
from django.db.models import Q, QuerySet

from danvan.models import AdminUnit, Agency
from danvan.validity import REFORM, overlapping_q, within
from danvan.workdays import add_working_days
from reception.models import Mode, Receiver, ReceptionSession

# From this date heads may no longer delegate their periodic reception (Luật 136/2025/QH15, known from press
# reports, hence kept configurable here): a session held by a delegate on or after it no longer counts.
DELEGATION_BARRED_FROM = date(2026, 7, 1)
# What the pages say of that bar's source (Vietnamese, read by users): known from press reports, not from the text.
DELEGATION_BAR_SOURCE = "Luật số 136/2025/QH15 — theo thông tin báo chí, chưa đối chiếu với văn bản gốc"

Kind, Level = Agency.Kind, AdminUnit.Level

HEAD_TITLES = {Kind.COMMITTEE: "Chủ tịch UBND", Kind.PARTY: "Bí thư cấp ủy"}


class Per(models.TextChoices):
    MONTH = "month", "tháng"
    WEEK = "week", "tuần"


@dataclass(frozen=True)
class FrequencyRule:
    """At least ``days`` days of periodic reception per ``per`` for the head of ``kind`` at ``level``.

    ``valid_from`` and ``valid_to`` are inclusive; None is open-ended. ``verified`` is False for a minimum that is
    assumed rather than read in the legal text.
    """

    kind: str
    level: str
    days: int
    per: Per
    valid_from: date | None
    valid_to: date | None
    source: str
    verified: bool = True

    def in_force_on(self, on: date) -> bool:
        return within(on, self.valid_from, self.valid_to)

    @property
    def minimum(self) -> str:
        """The minimum as people say it: "2 ngày/tháng"."""
        return f"{self.days} ngày/{self.per.label}"


# Quy định 11-QĐi/TW of 18/02/2019 set the minimums of party secretaries (bí thư cấp ủy): province and district 1 day a
# month, commune 2 days a month. Kết luận 215-KL/TW of 23/11/2025 amended it for the two-tier structure: province 1 day,
# commune 2 days, no district level (its text is known from press reports only, hence not verified).
PARTY_RULES_FROM = date(2019, 2, 18)
PARTY_RULES_AMENDED = date(2025, 11, 23)
_QD_11 = "Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị"
_KL_215 = "Quy định 11-QĐi/TW, sửa đổi theo Kết luận 215-KL/TW ngày 23/11/2025 của Bộ Chính trị"


def _party_rule(level: str, days: int, valid_from: date, valid_to: date | None) -> FrequencyRule:
    amended = valid_from >= PARTY_RULES_AMENDED
    return FrequencyRule(
        Kind.PARTY,
        level,
        days,
        Per.MONTH,
        valid_from,
        valid_to,
        _KL_215 if amended else _QD_11,
        verified=not amended,
    )


_BEFORE_AMENDMENT = PARTY_RULES_AMENDED - timedelta(days=1)

RULES = (
    FrequencyRule(Kind.COMMITTEE, Level.PROVINCE, 1, Per.MONTH, None, None, "Luật Tiếp công dân, Điều 12 khoản 5"),
    FrequencyRule(
        Kind.COMMITTEE,
        Level.DISTRICT,
        2,
        Per.MONTH,
        None,
        REFORM - timedelta(days=1),
        "Luật Tiếp công dân, Điều 13 khoản 5",
    ),
    FrequencyRule(Kind.COMMITTEE, Level.COMMUNE, 1, Per.WEEK, None, None, "Luật Tiếp công dân, Điều 15 khoản 2 điểm d"),
    _party_rule(Level.PROVINCE, 1, PARTY_RULES_FROM, _BEFORE_AMENDMENT),
    _party_rule(Level.PROVINCE, 1, PARTY_RULES_AMENDED, None),
    # The district level ended with the reform, before the amendment removed it.
    _party_rule(Level.DISTRICT, 1, PARTY_RULES_FROM, REFORM - timedelta(days=1)),
    _party_rule(Level.COMMUNE, 2, PARTY_RULES_FROM, _BEFORE_AMENDMENT),
    _party_rule(Level.COMMUNE, 2, PARTY_RULES_AMENDED, None),
)


def rule_on(kind: str, level: str, on: date) -> FrequencyRule | None:
    """The minimum in force on ``on`` for the head of an agency of ``kind`` at ``level``; None when there is none."""
    return next((r for r in RULES if r.kind == kind and r.level == level and r.in_force_on(on)), None)


def counts_as_periodic(session: ReceptionSession) -> bool:
    """Whether the session counts as a day of the head's periodic reception: a periodic one, a delegate's only until
    the bar; an ad-hoc (đột xuất) one never."""
    return session.mode == Mode.PERIODIC and (
        session.receiver == Receiver.HEAD or session.date < DELEGATION_BARRED_FROM
    )


@dataclass(frozen=True)
class HeadCompliance:
    """One head's periodic reception in one month: ``required`` and ``held`` count days, or weeks for a weekly rule."""

    agency: Agency
    rule: FrequencyRule
    required: int
    held: int

    @property
    def head_title(self) -> str:
        return HEAD_TITLES[self.agency.kind]

    @property
    def met(self) -> bool:
        return self.held >= self.required

    @property
    def counted_in(self) -> str:
        return "tuần" if self.rule.per == Per.WEEK else "ngày"


def weeks_of(year: int, month: int) -> list[date]:
    """The Mondays of the month: each starts a week (Monday–Sunday) that belongs to that month."""
    first_monday = date(year, month, 1 + (7 - date(year, month, 1).weekday()) % 7)
    return [
        first_monday + timedelta(weeks=n)
        for n in range((calendar.monthrange(year, month)[1] - first_monday.day) // 7 + 1)
    ]


def working_weeks_of(year: int, month: int) -> list[date]:
    """The Mondays of the month whose week holds a working day: a week with none (Tết) requires no reception."""
    return [
        monday
        for monday in weeks_of(year, month)
        if add_working_days(monday - timedelta(days=1), 1) <= monday + timedelta(days=6)
    ]


def frequency_compliance(*, agencies: QuerySet[Agency], year: int, month: int) -> list[HeadCompliance]:
    """Every committee and party head among ``agencies`` whose unit exists in the month and who has a minimum.

    Those who fell short come first, then province before commune, committee before party. Two queries, and the
    calendar's for the weeks, however many the agencies.
    """
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    mondays = working_weeks_of(year, month)
    eligible = agencies.filter(
        overlapping_q(first, last, "unit__"),
        kind__in=list(HEAD_TITLES),
    )
    days = _session_days(eligible, first, max([last, *(monday + timedelta(days=6) for monday in mondays)]))
    rows = []
    for agency in eligible.select_related("unit"):
        rule = rule_on(agency.kind, agency.unit.level, first)
        if rule is None:
            continue
        if rule.per == Per.WEEK:
            weeks = [_days_between(days[agency.pk], monday, monday + timedelta(days=6)) for monday in mondays]
            required, held = len(mondays), sum(1 for count in weeks if count >= rule.days)
        else:
            required, held = rule.days, _days_between(days[agency.pk], first, last)
        rows.append(HeadCompliance(agency=agency, rule=rule, required=required, held=held))
    return sorted(rows, key=_order)


def _session_days(agencies: QuerySet[Agency], start: date, end: date) -> defaultdict[int, set[date]]:
    """The days from ``start`` to ``end`` on which each agency held a session counting as periodic reception."""
    counting = Q(receiver=Receiver.HEAD) | Q(receiver=Receiver.DELEGATE, date__lt=DELEGATION_BARRED_FROM)
    sessions = ReceptionSession.objects.filter(
        counting, mode=Mode.PERIODIC, agency__in=agencies.values("pk"), date__range=(start, end)
    )
    days = defaultdict(set)
    for agency_id, day in sessions.values_list("agency_id", "date").distinct().order_by():
        days[agency_id].add(day)
    return days


def _days_between(days: set[date], start: date, end: date) -> int:
    return sum(1 for day in days if start <= day <= end)


_LEVEL_ORDER = {level: position for position, level in enumerate(Level.values)}
_KIND_ORDER = {kind: position for position, kind in enumerate(Kind.values)}


def _order(row: HeadCompliance) -> tuple:
    agency = row.agency
    return (row.met, _LEVEL_ORDER[agency.unit.level], agency.unit.code, _KIND_ORDER[agency.kind], agency.name)
