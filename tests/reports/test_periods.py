"""Report windows run from the 15th to the 14th (TT 01/2024/TT-TTCP)."""

from datetime import date

import pytest

from reports.periods import window


@pytest.mark.parametrize(
    ("kind", "start", "end"),
    [
        ("q1", date(2023, 12, 15), date(2024, 3, 14)),
        ("q2", date(2024, 3, 15), date(2024, 6, 14)),
        ("q3", date(2024, 6, 15), date(2024, 9, 14)),
        ("q4", date(2024, 9, 15), date(2024, 12, 14)),
        ("h1", date(2023, 12, 15), date(2024, 6, 14)),
        ("m9", date(2023, 12, 15), date(2024, 9, 14)),
        ("year", date(2023, 12, 15), date(2024, 12, 14)),
    ],
)
def test_each_period_of_2024_has_its_window(kind, start, end):
    span = window(kind, year=2024)

    assert (span.start, span.end) == (start, end)


def test_quarter_one_starts_on_15_december_of_the_previous_year():
    assert window("q1", year=2025).start == date(2024, 12, 15)


def test_a_month_runs_from_the_15th_of_the_previous_month():
    span = window("month", year=2024, month=1)

    assert (span.start, span.end) == (date(2023, 12, 15), date(2024, 1, 14))


def test_the_same_period_a_year_earlier():
    previous = window("year", year=2024).previous()

    assert (previous.start, previous.end) == (date(2022, 12, 15), date(2023, 12, 14))


def test_a_custom_window_a_year_earlier_keeps_its_days():
    previous = window("custom", start=date(2024, 2, 29), end=date(2024, 3, 31)).previous()

    assert (previous.start, previous.end) == (date(2023, 2, 28), date(2023, 3, 31))


def test_a_custom_window_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="ngày bắt đầu không sau ngày kết thúc"):
        window("custom", start=date(2024, 3, 1), end=date(2024, 2, 1))


@pytest.mark.parametrize(
    ("kind", "label"),
    [("year", "Năm 2024"), ("q1", "Quý I năm 2024"), ("h1", "6 tháng đầu năm 2024"), ("m9", "9 tháng năm 2024")],
)
def test_a_period_is_named_as_reports_name_it(kind, label):
    assert window(kind, year=2024).label == label


def test_the_window_line_of_a_form():
    assert window("year", year=2024).span == "Số liệu tính từ ngày 15/12/2023 đến ngày 14/12/2024"
