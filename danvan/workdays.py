"""The working-day calendar that statutory clocks run on.

A working day is Monday to Friday, minus Vietnam's public holidays (the ``holidays`` package: Tết by the lunar
calendar, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9 and the announced bridge days), adjusted by the admin-editable table of
official days off and make-up working days (``DayOverride``), which wins over the package.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays

from danvan.models import DayOverride

ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=32)
def _public_holidays(year: int) -> holidays.HolidayBase:
    return holidays.VN(years=year, language="vi")


class Calendar:
    """Reads the admin's overrides once per year touched, so a long count costs one or two queries; one calendar passed
    to many counts (a page of clocks) reads them once for all, and counts each year's working days once: a count
    across years (a record overdue since last year) adds up running totals instead of testing every day."""

    def __init__(self) -> None:
        self._overrides: dict[date, str] = {}
        self._years: set[int] = set()
        self._running: dict[int, list[int]] = {}

    def is_working_day(self, day: date) -> bool:
        if day.year not in self._years:
            self._years.add(day.year)
            self._overrides.update(DayOverride.objects.filter(date__year=day.year).values_list("date", "kind"))
        kind = self._overrides.get(day)
        if kind is not None:
            return kind == DayOverride.Kind.WORKING_DAY
        return _public_holidays(day.year).is_working_day(day)

    def next_working_day(self, day: date) -> date:
        """``day`` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def _running_totals(self, year: int) -> list[int]:
        """The working days of ``year`` from 1 January up to and including each of its days, in order."""
        if year not in self._running:
            totals, total, day = [], 0, date(year, 1, 1)
            while day.year == year:
                total += self.is_working_day(day)
                totals.append(total)
                day += ONE_DAY
            self._running[year] = totals
        return self._running[year]

    def _working_days_through(self, day: date) -> int:
        return self._running_totals(day.year)[day.timetuple().tm_yday - 1]

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when ``end`` is not after ``start``)."""
        if end <= start:
            return 0
        whole_years = sum(self._running_totals(year)[-1] for year in range(start.year, end.year))
        return whole_years + self._working_days_through(end) - self._working_days_through(start)


def is_working_day(day: date) -> bool:
    return Calendar().is_working_day(day)


def add_working_days(start: date, days: int, *, calendar: Calendar | None = None) -> date:
    """The day on which a period of ``days`` working days that starts after ``start`` ends."""
    if days < 0:
        raise ValueError("days must not be negative")
    calendar, day = calendar or Calendar(), start
    for _ in range(days):
        day = calendar.next_working_day(day + ONE_DAY)
    return day


def add_calendar_days(start: date, days: int, *, calendar: Calendar | None = None) -> date:
    """The day on which a period of ``days`` calendar days that starts after ``start`` ends.

    When that day is a day off, the period ends on the next working day (Bộ luật Dân sự 2015, Điều 148(5)).
    """
    if days < 0:
        raise ValueError("days must not be negative")
    return (calendar or Calendar()).next_working_day(start + timedelta(days=days))


def last_start_before(end: date, days: int, *, working_days: bool) -> date:
    """The latest day a period of ``days`` may start on and still end before ``end``: the inverse of
    ``add_working_days`` (``working_days``) and of ``add_calendar_days`` (whose last day moves off a day off)."""
    if days < 0:
        raise ValueError("days must not be negative")
    calendar, day = Calendar(), end - ONE_DAY
    if not working_days:
        while not calendar.is_working_day(day):
            day -= ONE_DAY
        return day - timedelta(days=days)
    counted = 0
    while counted < days:
        counted += calendar.is_working_day(day)
        day -= ONE_DAY
    return day


def days_left(due: date, *, today: date, working_days: bool, calendar: Calendar | None = None) -> int:
    """Days left until ``due`` (0 on the day itself); negative once overdue, counting the days past it."""
    if not working_days:
        return (due - today).days
    calendar = calendar or Calendar()
    if due >= today:
        return calendar.working_days_between(today, due)
    return -calendar.working_days_between(due, today)


WEEKEND = {5: "Thứ Bảy", 6: "Chủ Nhật"}


def days_off(first: date, last: date) -> list[tuple[date, str]]:
    """The days off from ``first`` to ``last`` (both inclusive), each with why: the official override's note, the
    public holiday's name, or the weekend."""
    calendar = Calendar()
    notes = dict(
        DayOverride.objects.filter(date__range=(first, last), kind=DayOverride.Kind.DAY_OFF).values_list("date", "note")
    )
    found, day = [], first
    while day <= last:
        if not calendar.is_working_day(day):
            reason = notes.get(day) or _public_holidays(day.year).get(day) or WEEKEND.get(day.weekday(), "Ngày nghỉ")
            found.append((day, reason))
        day += ONE_DAY
    return found
