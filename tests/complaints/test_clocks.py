"""The statutory clocks at their edges (law.md): Tết, month ends, the 01/07/2026 change, extensions, remote areas."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from complaints.deadlines import handling_deadline
from complaints.services.resolution import extend_case, resume_case, suspend_case
from danvan.models import Case, Classification

pytestmark = pytest.mark.django_db


def _mark_remote(agency):
    agency.unit.remote_area = True
    agency.unit.save()


def test_a_complaint_received_on_the_friday_before_tet_2025_must_be_accepted_ten_working_days_after_the_break():
    # 24/01/2025 is a Friday; Tết runs 25/01–02/02: the ten working days are 03/02–14/02.
    assert handling_deadline(kind=Classification.COMPLAINT, received_on=date(2025, 1, 24)) == date(2025, 2, 14)


def test_a_complaint_accepted_on_the_friday_before_tet_2025_is_due_thirty_days_later_on_a_working_day(
    receive, accept, committee_of_old_gia_lai
):
    case = accept(receive(on=date(2025, 1, 24), agency=committee_of_old_gia_lai), date(2025, 1, 24))

    # 30 days after 24/01/2025 is Sunday 23/02/2025: the period ends on Monday 24/02/2025.
    assert case.due_on == date(2025, 2, 24)


def test_a_suspension_across_a_month_end_moves_the_deadline_by_the_days_the_clock_stood_still(
    receive, accept, handler_of_ia_grai
):
    case = accept(receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2)), date(2026, 3, 2))
    assert case.due_on == date(2026, 4, 1)

    suspend_case(case=case, by=handler_of_ia_grai, on=date(2026, 3, 25), number="01/QĐ-TĐC")
    resume_case(case=case, by=handler_of_ia_grai, on=date(2026, 4, 6), number="02/QĐ-TT")

    case.refresh_from_db()
    assert (case.due_on, case.suspended_since) == (date(2026, 4, 13), None)


def test_complaints_received_until_30_june_2026_have_ten_working_days_to_be_accepted():
    assert handling_deadline(kind=Classification.COMPLAINT, received_on=date(2026, 6, 30)) == date(2026, 7, 14)


def test_complaints_received_from_1_july_2026_have_seven_working_days_to_be_accepted():
    assert handling_deadline(kind=Classification.COMPLAINT, received_on=date(2026, 7, 1)) == date(2026, 7, 10)


def test_a_denunciation_has_seven_working_days_of_initial_handling():
    assert handling_deadline(kind=Classification.DENUNCIATION, received_on=date(2026, 3, 2)) == date(2026, 3, 11)


def test_an_especially_complex_denunciation_is_extended_twice_and_refused_a_third_time(
    receive, accept, handler_of_ia_grai
):
    petition = receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2))
    case = accept(petition, date(2026, 3, 5), complexity=Case.Complexity.ESPECIALLY_COMPLEX)
    assert case.due_on == date(2026, 4, 6)  # 30 days: Saturday 04/04 → Monday 06/04

    extend_case(case=case, by=handler_of_ia_grai, decided_on=date(2026, 3, 30), number="10/QĐ-GH", days=30)
    extend_case(case=case, by=handler_of_ia_grai, decided_on=date(2026, 5, 4), number="11/QĐ-GH", days=30)
    with pytest.raises(ValidationError) as refused:
        extend_case(case=case, by=handler_of_ia_grai, decided_on=date(2026, 6, 1), number="12/QĐ-GH", days=10)

    case.refresh_from_db()
    assert (case.extensions.count(), case.due_on) == (2, date(2026, 6, 3))
    assert refused.value.message_dict == {
        "days": ["Vụ việc đặc biệt phức tạp được gia hạn tối đa 2 lần (Luật Tố cáo, Điều 30)."]
    }


def test_a_complex_denunciation_is_extended_only_once(receive, accept, handler_of_ia_grai):
    case = accept(receive(kind=Classification.DENUNCIATION), date(2026, 3, 5), complexity=Case.Complexity.COMPLEX)
    extend_case(case=case, by=handler_of_ia_grai, decided_on=date(2026, 3, 30), number="10/QĐ-GH", days=30)

    with pytest.raises(ValidationError):
        extend_case(case=case, by=handler_of_ia_grai, decided_on=date(2026, 4, 20), number="11/QĐ-GH", days=30)


def test_an_extension_of_more_than_thirty_days_is_refused(receive, accept, handler_of_ia_grai):
    case = accept(receive(kind=Classification.DENUNCIATION), date(2026, 3, 5), complexity=Case.Complexity.COMPLEX)

    with pytest.raises(ValidationError) as refused:
        extend_case(case=case, by=handler_of_ia_grai, decided_on=date(2026, 3, 30), number="10/QĐ-GH", days=31)

    assert refused.value.message_dict == {"days": ["Mỗi lần gia hạn không quá 30 ngày."]}


def test_a_complaint_cannot_be_extended(receive, accept, handler_of_ia_grai):
    case = accept(receive(), date(2026, 3, 2), complexity=Case.Complexity.COMPLEX)

    with pytest.raises(ValidationError):
        extend_case(case=case, by=handler_of_ia_grai, decided_on=date(2026, 3, 20), number="10/QĐ-GH", days=15)


def test_a_complex_complaint_in_a_remote_area_has_sixty_days(receive, accept, committee_of_ia_grai):
    _mark_remote(committee_of_ia_grai)

    case = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 2), complexity=Case.Complexity.COMPLEX)

    # 60 days after 02/03/2026 is Friday 01/05/2026, Labour Day: the period ends on Monday 04/05/2026.
    assert case.due_on == date(2026, 5, 4)


def test_a_second_round_complaint_has_forty_five_days(receive, accept):
    case = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 2), round=Case.Round.SECOND)

    assert case.due_on == date(2026, 4, 16)


def test_a_complex_second_round_complaint_in_a_remote_area_has_seventy_days(receive, accept, committee_of_ia_grai):
    _mark_remote(committee_of_ia_grai)

    case = accept(
        receive(on=date(2026, 3, 2)), date(2026, 3, 2), round=Case.Round.SECOND, complexity=Case.Complexity.COMPLEX
    )

    assert case.due_on == date(2026, 5, 11)
