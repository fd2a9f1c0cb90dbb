"""When a periodic report is due at the unit above, and which of a unit's reports are due soon and not yet sent.

The deadline is a dated rule of the circular in force at the window's end: TT 06/2025/TT-TTCP Điều 7.2.a (in force from
30/09/2025) — the province by the 20th of the period's last month, a commune (and a province's departments) by the
17th. The portal holds no deadline for earlier windows or for month and custom periods.
"""

from dataclasses import dataclass
from datetime import date

from danvan.models import AdminUnit
from danvan.workdays import add_working_days
from reports.models import SentReport
from reports.periods import FIXED_KINDS, Window, window

SOON = 5  # working days


@dataclass(frozen=True)
class SendingRule:
    valid_from: date
    province_day: int
    other_day: int
    source: str


RULES = (SendingRule(date(2025, 9, 30), 20, 17, "Thông tư 06/2025/TT-TTCP, Điều 7 khoản 2 điểm a"),)


@dataclass(frozen=True)
class Due:
    window: Window
    on: date
    source: str
    sent: SentReport | None


def _rule_for(on: date) -> SendingRule | None:
    in_force = [rule for rule in RULES if rule.valid_from <= on]
    return max(in_force, key=lambda rule: rule.valid_from) if in_force else None


def _due_on(unit: AdminUnit, span: Window) -> tuple[date, str] | None:
    rule = _rule_for(span.end)
    if rule is None or span.kind not in FIXED_KINDS:
        return None
    day = rule.province_day if unit.level == AdminUnit.Level.PROVINCE else rule.other_day
    return span.end.replace(day=day), rule.source


def _sent(unit: AdminUnit, span: Window) -> SentReport | None:
    return SentReport.objects.filter(unit=unit, kind=span.kind, start=span.start, end=span.end).first()


def sending_due(unit: AdminUnit, span: Window) -> Due | None:
    """When ``unit``'s report of ``span`` is due, and the sending marked for it; None where no rule sets a day."""
    due = _due_on(unit, span)
    return Due(span, *due, _sent(unit, span)) if due else None


def unsent(unit: AdminUnit, *, since: date, until: date) -> list[Due]:
    """``unit``'s periodic reports due from ``since`` to ``until`` (both included) and not marked sent, soonest first
    (a year's last month closes several at once: Quý IV and năm)."""
    found = []
    for year in range(since.year, until.year + 2):
        for kind in FIXED_KINDS:
            span = window(kind, year=year)
            due = _due_on(unit, span)
            if due and since <= due[0] <= until:
                found.append(Due(span, *due, None))
    if found:  # the sendings of those windows, read at once
        ends = [due.window.end for due in found]
        sent = set(
            SentReport.objects.filter(unit=unit, end__gte=min(ends), end__lte=max(ends)).values_list(
                "kind", "start", "end"
            )
        )
        found = [due for due in found if (due.window.kind, due.window.start, due.window.end) not in sent]
    return sorted(found, key=lambda due: (due.on, due.window.start))


def due_soon(unit: AdminUnit, *, today: date) -> list[Due]:
    """``unit``'s periodic reports due from ``today`` to ``SOON`` working days later and not marked sent."""
    return unsent(unit, since=today, until=add_working_days(today, SOON))
