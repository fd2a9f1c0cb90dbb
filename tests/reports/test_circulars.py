"""The forms follow the window: a report whose window ends on or after 30/09/2025 is on TT 06/2025/TT-TTCP, an earlier
one on TT 01/2024/TT-TTCP, for every kind of period."""

from datetime import date

import pytest

from reports.circulars import TT01_2024, TT06_2025, circular_for
from reports.periods import window


@pytest.mark.parametrize(
    ("kind", "year", "month", "circular"),
    [
        ("q1", 2025, None, TT01_2024),
        ("q2", 2025, None, TT01_2024),
        ("h1", 2025, None, TT01_2024),
        ("q3", 2025, None, TT01_2024),  # 15/06 → 14/09/2025
        ("m9", 2025, None, TT01_2024),  # 15/12/2024 → 14/09/2025
        ("q4", 2025, None, TT06_2025),  # 15/09 → 14/12/2025
        ("year", 2025, None, TT06_2025),  # 15/12/2024 → 14/12/2025
        ("year", 2024, None, TT01_2024),
        ("month", 2025, 9, TT01_2024),  # 15/08 → 14/09/2025
        ("month", 2025, 10, TT06_2025),  # 15/09 → 14/10/2025
        ("q1", 2026, None, TT06_2025),
    ],
)
def test_each_kind_of_period_takes_the_circular_in_force_on_its_last_day(kind, year, month, circular):
    assert circular_for(window(kind, year=year, month=month).end) == circular


@pytest.mark.parametrize(
    ("end", "circular"),
    [(date(2025, 9, 29), TT01_2024), (date(2025, 9, 30), TT06_2025), (date(2026, 12, 14), TT06_2025)],
)
def test_a_custom_window_takes_the_circular_in_force_on_its_last_day(end, circular):
    assert circular_for(window("custom", start=date(2025, 9, 1), end=end).end) == circular
