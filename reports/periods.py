"""Report periods and their windows (reports.md): data are counted from the 15th to the 14th, so Quý I of 2024 runs from
15/12/2023 to 14/03/2024. The windows belong to a circular and are kept as data, one set per circular."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models


class PeriodKind(models.TextChoices):
    MONTH = "month", "Tháng"
    Q1 = "q1", "Quý I"
    Q2 = "q2", "Quý II"
    Q3 = "q3", "Quý III"
    Q4 = "q4", "Quý IV"
    H1 = "h1", "6 tháng"
    M9 = "m9", "9 tháng"
    YEAR = "year", "Năm"
    CUSTOM = "custom", "Tùy chọn"


# The periods a circular fixes (the others, month and custom, are the portal's).
FIXED_KINDS = (
    PeriodKind.Q1,
    PeriodKind.Q2,
    PeriodKind.H1,
    PeriodKind.Q3,
    PeriodKind.M9,
    PeriodKind.Q4,
    PeriodKind.YEAR,
)

# What a periodic report contains (TT 06/2025 Điều 4; reports.md): Quý I, 6 tháng, 9 tháng and năm the narrative (Mẫu
# số 02) and the forms; Quý II, III and IV the forms only.
FORMS_ONLY = frozenset({PeriodKind.Q2, PeriodKind.Q3, PeriodKind.Q4})


def with_narrative(kind: str) -> bool:
    """Whether a report of period ``kind`` has a narrative beside its forms."""
    return kind not in FORMS_ONLY


@dataclass(frozen=True)
class Bounds:
    """A fixed period's window: it starts on (month, day) of the report's year, or of the year before when
    ``from_previous_year``, and ends on (month, day) of the report's year."""

    start_month: int
    start_day: int
    end_month: int
    end_day: int
    from_previous_year: bool = False


# Every report window starts on the 15th of a month and ends on the 14th (TT 01/2024 Điều 3; TT 06/2025 keeps it).
CUTOFF_DAY = 15
_FROM, _TO = CUTOFF_DAY, CUTOFF_DAY - 1

# TT 01/2024/TT-TTCP. TT 06/2025/TT-TTCP replaced it: add its windows here under its name when they differ.
CIRCULAR = "TT 01/2024/TT-TTCP"
WINDOWS: dict[str, dict[str, Bounds]] = {
    CIRCULAR: {
        PeriodKind.Q1: Bounds(12, _FROM, 3, _TO, from_previous_year=True),
        PeriodKind.Q2: Bounds(3, _FROM, 6, _TO),
        PeriodKind.Q3: Bounds(6, _FROM, 9, _TO),
        PeriodKind.Q4: Bounds(9, _FROM, 12, _TO),
        PeriodKind.H1: Bounds(12, _FROM, 6, _TO, from_previous_year=True),
        PeriodKind.M9: Bounds(12, _FROM, 9, _TO, from_previous_year=True),
        PeriodKind.YEAR: Bounds(12, _FROM, 12, _TO, from_previous_year=True),
    }
}


@dataclass(frozen=True)
class Window:
    kind: str
    start: date
    end: date
    year: int | None = None
    month: int | None = None

    @property
    def label(self) -> str:
        """The period as reports name it: "Năm 2024", "Quý I năm 2024", "6 tháng đầu năm 2024"."""
        if self.kind == PeriodKind.CUSTOM:
            return f"Từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"
        if self.kind == PeriodKind.MONTH:
            return f"Tháng {self.month} năm {self.year}"
        if self.kind == PeriodKind.YEAR:
            return f"Năm {self.year}"
        if self.kind == PeriodKind.H1:
            return f"6 tháng đầu năm {self.year}"
        return f"{PeriodKind(self.kind).label} năm {self.year}"

    @property
    def span(self) -> str:
        """The line under a form's title: "Số liệu tính từ ngày 15/12/2023 đến ngày 14/12/2024"."""
        return f"Số liệu tính từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"

    def previous(self) -> "Window":
        """The same period one year earlier (cùng kỳ)."""
        if self.kind == PeriodKind.CUSTOM:
            return Window(self.kind, _year_before(self.start), _year_before(self.end))
        return window(self.kind, year=self.year - 1, month=self.month)


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29/02
        return day.replace(year=day.year - 1, day=28)


def month_of(day: date) -> Window:
    """The report month whose window holds ``day``: 15/01/2026 and 14/02/2026 are in Tháng 2/2026."""
    month = date(day.year, day.month, 1) if day.day < CUTOFF_DAY else (day.replace(day=28) + timedelta(days=4))
    return window(PeriodKind.MONTH, year=month.year, month=month.month)


def window(
    kind: str,
    *,
    year: int | None = None,
    month: int | None = None,
    start: date | None = None,
    end: date | None = None,
    circular: str = CIRCULAR,
) -> Window:
    """The window of a period: ``year`` (and ``month`` for a month) for the fixed ones, ``start``/``end`` for a custom
    one. Raises ValueError with a Vietnamese message when the arguments do not make a period."""
    if kind == PeriodKind.CUSTOM:
        if start is None or end is None or start > end:
            raise ValueError("Kỳ tùy chọn cần ngày bắt đầu và ngày kết thúc, ngày bắt đầu không sau ngày kết thúc.")
        return Window(kind, start, end)
    if year is None:
        raise ValueError("Cần năm của kỳ báo cáo.")
    if kind == PeriodKind.MONTH:
        if month is None or not 1 <= month <= 12:
            raise ValueError("Kỳ tháng cần tháng từ 1 đến 12.")
        first = date(year, month, 1)
        start = (first - timedelta(days=1)).replace(day=CUTOFF_DAY)
        return Window(kind, start, first.replace(day=CUTOFF_DAY - 1), year, month)
    try:
        bounds = WINDOWS[circular][PeriodKind(kind)]
    except (KeyError, ValueError):
        raise ValueError(f"Không có kỳ báo cáo “{kind}”.") from None
    start_year = year - 1 if bounds.from_previous_year else year
    return Window(
        kind, date(start_year, bounds.start_month, bounds.start_day), date(year, bounds.end_month, bounds.end_day), year
    )
