from datetime import date, timedelta

import pytest

from danvan.models import DayOverride
from danvan.workdays import Calendar, add_calendar_days, add_working_days, days_left, days_off, is_working_day

pytestmark = pytest.mark.django_db


def test_saturday_and_sunday_are_days_off():
    assert [is_working_day(date(2024, 3, day)) for day in (8, 9, 10, 11)] == [True, False, False, True]


def test_every_day_of_the_tet_2025_break_is_a_day_off():
    tet_break = [date(2025, 1, 25) + timedelta(days=offset) for offset in range(9)]

    assert tet_break[-1] == date(2025, 2, 2)
    assert [is_working_day(day) for day in tet_break] == [False] * 9


def test_one_working_day_after_the_friday_before_tet_2025_is_the_monday_after_it():
    assert add_working_days(date(2025, 1, 24), 1) == date(2025, 2, 3)


def test_ten_working_days_from_receipt_just_before_tet_2025_skip_the_break():
    # Received Thu 23/01: 24/01, then 03/02–07/02 and 10/02–13/02.
    assert add_working_days(date(2025, 1, 23), 10) == date(2025, 2, 13)


def test_30_april_and_1_may_2025_are_days_off_with_the_announced_swap():
    days = {
        day: is_working_day(day) for day in (date(2025, 4, 26), date(2025, 4, 30), date(2025, 5, 1), date(2025, 5, 2))
    }

    # Friday 02/05 was given off in exchange for working Saturday 26/04.
    assert days == {date(2025, 4, 26): True, date(2025, 4, 30): False, date(2025, 5, 1): False, date(2025, 5, 2): False}


def test_national_day_2_september_2024_and_the_day_before_are_days_off():
    assert add_working_days(date(2024, 8, 30), 1) == date(2024, 9, 4)


def test_an_admin_announced_day_off_stops_the_clock():
    DayOverride.objects.create(date=date(2024, 3, 11), kind=DayOverride.Kind.DAY_OFF, note="Nghỉ bù")

    assert add_working_days(date(2024, 3, 8), 1) == date(2024, 3, 12)


def test_an_admin_announced_make_up_saturday_counts_as_a_working_day():
    DayOverride.objects.create(date=date(2024, 3, 9), kind=DayOverride.Kind.WORKING_DAY, note="Làm bù")

    assert add_working_days(date(2024, 3, 8), 1) == date(2024, 3, 9)


def test_zero_working_days_is_the_start_itself():
    assert add_working_days(date(2024, 3, 9), 0) == date(2024, 3, 9)


def test_calendar_days_count_weekends():
    assert add_calendar_days(date(2024, 3, 1), 20) == date(2024, 3, 21)


def test_a_calendar_period_ending_on_a_day_off_ends_on_the_next_working_day():
    # 30 days after 01/04/2025 is Thursday 01/05/2025 (a holiday, then the swapped Friday and the weekend).
    assert add_calendar_days(date(2025, 4, 1), 30) == date(2025, 5, 5)


def test_a_negative_period_is_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2024, 3, 1), -1)


def test_working_days_left_count_only_working_days():
    assert days_left(date(2025, 2, 4), today=date(2025, 1, 24), working_days=True) == 2


def test_working_days_left_is_zero_on_the_due_day():
    assert days_left(date(2025, 2, 4), today=date(2025, 2, 4), working_days=True) == 0


def test_working_days_left_is_negative_once_overdue():
    assert days_left(date(2025, 1, 24), today=date(2025, 2, 4), working_days=True) == -2


def test_a_count_across_years_is_the_working_days_one_by_one_overrides_included():
    DayOverride.objects.create(date=date(2025, 3, 10), kind=DayOverride.Kind.DAY_OFF, note="Nghỉ bù")
    DayOverride.objects.create(date=date(2025, 3, 8), kind=DayOverride.Kind.WORKING_DAY, note="Làm bù")
    start, end = date(2023, 12, 30), date(2026, 1, 6)
    one_by_one = sum(is_working_day(start + timedelta(days=n)) for n in range(1, (end - start).days + 1))

    assert (Calendar().working_days_between(start, end), Calendar().working_days_between(end, start)) == (one_by_one, 0)


def test_calendar_days_left_count_every_day():
    assert days_left(date(2025, 2, 4), today=date(2025, 1, 24), working_days=False) == 11


def test_the_days_off_of_a_span_say_why_each_is_off():
    DayOverride.objects.create(date=date(2024, 3, 11), kind=DayOverride.Kind.DAY_OFF, note="Nghỉ bù theo thông báo")

    assert days_off(date(2024, 3, 8), date(2024, 3, 11)) == [
        (date(2024, 3, 9), "Thứ Bảy"),
        (date(2024, 3, 10), "Chủ Nhật"),
        (date(2024, 3, 11), "Nghỉ bù theo thông báo"),
    ]


def test_a_day_of_tet_is_off_under_its_name():
    assert days_off(date(2025, 1, 29), date(2025, 1, 29)) == [(date(2025, 1, 29), "Tết Nguyên Đán")]


# The announced calendar of 2026: the swaps the holidays package lacks are shipped as data (danvan migration 0014),
# the others come from the package pinned in pyproject.toml.


def test_friday_2_january_2026_is_given_off_after_tet_duong_lich():
    assert is_working_day(date(2026, 1, 2)) is False


def test_saturday_10_january_2026_is_worked_in_exchange():
    assert is_working_day(date(2026, 1, 10)) is True


def test_a_working_day_count_across_tet_duong_lich_2026_skips_the_2nd_and_counts_the_10th():
    # Received Wed 31/12/2025: 05/01–09/01, Sat 10/01, 12/01–15/01.
    assert add_working_days(date(2025, 12, 31), 10) == date(2026, 1, 15)


def test_a_calendar_period_ending_on_2_january_2026_ends_on_monday_5_january():
    assert add_calendar_days(date(2025, 12, 3), 30) == date(2026, 1, 5)


def test_monday_31_august_2026_is_given_off_for_saturday_22_august():
    days = {day: is_working_day(day) for day in (date(2026, 8, 22), date(2026, 8, 31))}

    assert days == {date(2026, 8, 22): True, date(2026, 8, 31): False}


def test_24_november_2026_vietnamese_culture_day_is_a_day_off():
    assert add_working_days(date(2026, 11, 23), 1) == date(2026, 11, 25)


def test_the_shipped_swaps_name_their_source():
    notes = dict(DayOverride.objects.filter(date__year=2026, date__month=1).values_list("date", "note"))

    assert notes == {
        date(2026, 1, 2): "Nghỉ thay cho thứ Bảy 10/01/2026 (Tết Dương lịch 2026, Công văn 12729/VPCP-KGVX)",
        date(2026, 1, 10): "Làm bù cho thứ Sáu 02/01/2026 (Tết Dương lịch 2026, Công văn 12729/VPCP-KGVX)",
    }
