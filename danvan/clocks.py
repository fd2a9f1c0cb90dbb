"""A deadline seen from today, as every record page and list marks it: days left, due soon (within 5 working days) or
overdue. The deadlines themselves are computed by the app that owns each clock's rule (complaints.deadlines)."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from danvan.workdays import Calendar, add_working_days, days_left

# "Sắp đến hạn": the deadline falls within this many working days from today.
DUE_SOON_WORKING_DAYS = 5


def due_soon_until(today: date, *, calendar: Calendar | None = None) -> date:
    """One date computed once (5 working days from today), so that every "due soon" filter stays a date comparison the
    database answers from an index."""
    return add_working_days(today, DUE_SOON_WORKING_DAYS, calendar=calendar)


@dataclass(frozen=True)
class Clock:
    """A deadline seen from today, counted as its rule counts: days left, negative once overdue."""

    due_on: date
    days_left: int
    working_days: bool
    state: str  # "overdue", "soon" (within 5 working days) or "running": the CSS class of its mark

    @property
    def overdue(self) -> bool:
        return self.state == "overdue"

    @property
    def label(self) -> str:
        unit = "ngày làm việc" if self.working_days else "ngày"
        if self.days_left > 0:
            return f"Còn {self.days_left} {unit}"
        if self.days_left == 0:
            return "Hôm nay là hạn cuối"
        return f"Quá hạn {-self.days_left} {unit}"


def clock(due_on: date, *, working_days: bool, today: date | None = None, calendar: Calendar | None = None) -> Clock:
    """``due_on`` seen from ``today``; a page of clocks passes one ``calendar`` so that the days off are read once."""
    today, calendar = today or timezone.localdate(), calendar or Calendar()
    state = "overdue" if due_on < today else "soon" if due_on <= due_soon_until(today, calendar=calendar) else "running"
    left = days_left(due_on, today=today, working_days=working_days, calendar=calendar)
    return Clock(due_on, left, working_days, state)
