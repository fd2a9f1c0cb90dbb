"""Suspension (tạm đình chỉ): the suspended days are added to the end of the period itself, and only the final day
moves off a day off (issue 15, point 1); a complaint can be suspended only from 01/07/2026 (point 2)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from complaints.services.resolution import resume_case, suspend_case
from danvan.models import Classification, Role
from tests.factories import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def pause():
    """Suspends a case on a day and resumes it on another, by a handler of its agency; returns the stored deadline:
    pause(case, on, until)."""

    def _pause(case, on, until):
        handler = member_of(case.agency, Role.HANDLER)
        suspend_case(case=case, by=handler, on=on, number=f"{on:%d%m}/QĐ-TĐC")
        resume_case(case=case, by=handler, on=until, number=f"{until:%d%m}/QĐ-TT")
        case.refresh_from_db()
        return case.due_on

    return _pause


def test_a_denunciation_suspended_ten_days_is_due_ten_days_after_the_saturday_its_period_ends_on(
    receive, accept, pause, committee_of_old_gia_lai
):
    received = receive(kind=Classification.DENUNCIATION, on=date(2025, 2, 20), agency=committee_of_old_gia_lai)
    case = accept(received, date(2025, 2, 20))

    # 30 days end on Saturday 22/03/2025; + 10 suspended days = Tuesday 01/04/2025 (not 24/03 + 10 = 03/04).
    assert pause(case, date(2025, 3, 3), date(2025, 3, 13)) == date(2025, 4, 1)


def test_a_complaint_suspended_five_days_is_due_five_days_after_the_sunday_its_period_ends_on(receive, accept, pause):
    case = accept(receive(on=date(2026, 7, 3)), date(2026, 7, 3))

    # 30 days end on Sunday 02/08/2026; + 5 suspended days = Friday 07/08/2026 (not 03/08 + 5 → 10/08).
    assert pause(case, date(2026, 7, 10), date(2026, 7, 15)) == date(2026, 8, 7)


def test_a_denunciation_whose_period_ends_in_tet_is_due_on_the_first_working_day_after_the_suspended_days(
    receive, accept, pause
):
    case = accept(receive(kind=Classification.DENUNCIATION, on=date(2026, 1, 17)), date(2026, 1, 17))

    # 30 days end on 16/02/2026 (Tết); + 5 suspended days = 21/02/2026, still Tết: Monday 23/02/2026.
    assert pause(case, date(2026, 1, 26), date(2026, 1, 31)) == date(2026, 2, 23)


def test_two_pauses_in_a_row_move_the_deadline_by_their_days_together(receive, accept, pause, committee_of_old_gia_lai):
    received = receive(kind=Classification.DENUNCIATION, on=date(2025, 2, 20), agency=committee_of_old_gia_lai)
    case = accept(received, date(2025, 2, 20))

    pause(case, date(2025, 3, 3), date(2025, 3, 8))

    assert pause(case, date(2025, 3, 8), date(2025, 3, 13)) == date(2025, 4, 1)


def test_a_pause_across_tet_adds_its_calendar_days_to_the_period_ending_in_tet(receive, accept, pause):
    case = accept(receive(kind=Classification.DENUNCIATION, on=date(2026, 1, 20)), date(2026, 1, 20))

    # 30 days end on 19/02/2026 (Tết); + 12 suspended days (12/02–24/02) = Tuesday 03/03/2026.
    assert pause(case, date(2026, 2, 12), date(2026, 2, 24)) == date(2026, 3, 3)


def test_a_complaint_cannot_be_suspended_before_1_july_2026(receive, accept, handler_of_ia_grai):
    case = accept(receive(on=date(2026, 6, 1)), date(2026, 6, 1))

    with pytest.raises(ValidationError) as refused:
        suspend_case(case=case, by=handler_of_ia_grai, on=date(2026, 6, 30), number="01/QĐ-TĐC")

    case.refresh_from_db()
    assert (case.suspended_since, case.suspensions.count()) == (None, 0)
    assert refused.value.message_dict == {
        "on": [
            "Chỉ được tạm đình chỉ giải quyết khiếu nại từ ngày 01/07/2026 (Luật Khiếu nại, Điều 11a (sửa đổi, bổ "
            "sung); Nghị định 155/2026/NĐ-CP, Điều 22 khoản 1); trước ngày này pháp luật về khiếu nại chưa quy định "
            "tạm đình chỉ."
        ]
    }


def test_a_complaint_accepted_before_1_july_2026_can_be_suspended_from_that_day(receive, accept, handler_of_ia_grai):
    case = accept(receive(on=date(2026, 6, 1)), date(2026, 6, 1))

    suspend_case(case=case, by=handler_of_ia_grai, on=date(2026, 7, 1), number="01/QĐ-TĐC")

    case.refresh_from_db()
    assert case.suspended_since == date(2026, 7, 1)


def test_a_denunciation_can_be_suspended_before_1_july_2026(receive, accept, handler_of_ia_grai):
    case = accept(receive(kind=Classification.DENUNCIATION, on=date(2026, 6, 1)), date(2026, 6, 1))

    suspend_case(case=case, by=handler_of_ia_grai, on=date(2026, 6, 30), number="01/QĐ-TĐC")

    case.refresh_from_db()
    assert case.suspended_since == date(2026, 6, 30)
