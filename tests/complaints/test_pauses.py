"""What stops a resolution clock besides a suspension of a denunciation: the time of an expert examination of a
denunciation (giám định, not counted: Nghị định 31/2019/NĐ-CP, Điều 15 khoản 4), and the deadline to send a complaint's
suspension decision to the parties (3 working days from 01/07/2026, Nghị định 124/2020/NĐ-CP, Điều 28b)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from complaints.clock import due
from complaints.models.resolution import PauseCause
from complaints.selectors import late_clocks_in, unsent_suspensions
from complaints.services.resolution import record_suspension_sent, resume_case, suspend_case
from danvan.models import Case, Classification, Role
from tests.factories import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def complaint(receive, accept):
    """A complaint accepted on Friday 03/07/2026."""
    return accept(receive(on=date(2026, 7, 3)), date(2026, 7, 3))


@pytest.fixture
def denunciation(receive, accept, committee_of_old_gia_lai):
    """A denunciation accepted on 20/02/2025 (by an agency of a unit of that time): 30 days end on Saturday
    22/03/2025, due Monday 24/03/2025."""
    received = receive(kind=Classification.DENUNCIATION, on=date(2025, 2, 20), agency=committee_of_old_gia_lai)
    return accept(received, date(2025, 2, 20))


@pytest.fixture
def handler_of_old_gia_lai(committee_of_old_gia_lai):
    return member_of(committee_of_old_gia_lai, Role.HANDLER)


def test_the_time_of_an_expert_examination_does_not_count(denunciation, handler_of_old_gia_lai):
    suspend_case(case=denunciation, by=handler_of_old_gia_lai, on=date(2025, 3, 3), number="5/TCGĐ",
                 cause=PauseCause.EXAMINATION)  # fmt: skip
    resume_case(case=denunciation, by=handler_of_old_gia_lai, on=date(2025, 3, 13), number="12/KQGĐ")

    denunciation.refresh_from_db()
    assert denunciation.due_on == date(2025, 4, 1)  # as ten suspended days: 22/03 + 10 = Tuesday 01/04/2025


def test_an_examination_before_01_07_2026_is_not_refused_for_a_denunciation(denunciation, handler_of_old_gia_lai):
    pause = suspend_case(case=denunciation, by=handler_of_old_gia_lai, on=date(2025, 3, 3), number="5/TCGĐ",
                         cause=PauseCause.EXAMINATION)  # fmt: skip

    assert (pause.cause, pause.send_due_on) == (PauseCause.EXAMINATION, None)


def test_an_examination_does_not_stop_a_complaints_clock(complaint, handler_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        suspend_case(case=complaint, by=handler_of_ia_grai, on=date(2026, 7, 10), number="5/TCGĐ",
                     cause=PauseCause.EXAMINATION)  # fmt: skip

    assert "Nghị định 31/2019/NĐ-CP, Điều 15 khoản 4" in refused.value.message_dict["cause"][0]


def test_a_complaints_suspension_decision_is_to_be_sent_within_three_working_days(complaint, handler_of_ia_grai):
    suspension = suspend_case(case=complaint, by=handler_of_ia_grai, on=date(2026, 7, 3), number="1/QĐ-TĐC")

    assert suspension.send_due_on == date(2026, 7, 8)  # Friday 03/07 → Monday 06, Tuesday 07, Wednesday 08


def test_the_calculator_gives_the_stored_sending_deadline(complaint, handler_of_ia_grai):
    suspension = suspend_case(case=complaint, by=handler_of_ia_grai, on=date(2026, 7, 3), number="1/QĐ-TĐC")

    assert due("suspension-notice", date(2026, 7, 3)).due == suspension.send_due_on


def test_the_calculator_has_no_sending_rule_before_01_07_2026():
    with pytest.raises(ValidationError) as refused:
        due("suspension-notice", date(2026, 6, 30))

    assert refused.value.message_dict == {"start": ["Chưa có quy định cho thời hạn này vào ngày 30/06/2026."]}


def test_a_denunciations_suspension_has_no_sending_deadline(denunciation, handler_of_old_gia_lai):
    suspension = suspend_case(case=denunciation, by=handler_of_old_gia_lai, on=date(2025, 3, 3), number="1/QĐ-TĐC")

    assert suspension.send_due_on is None


def test_an_unsent_suspension_is_overdue_the_day_after_its_deadline(complaint, handler_of_ia_grai):
    suspend_case(case=complaint, by=handler_of_ia_grai, on=date(2026, 7, 3), number="1/QĐ-TĐC")
    cases = Case.objects.all()

    on_the_day, after = (unsent_suspensions(cases, today=day).count() for day in (date(2026, 7, 8), date(2026, 7, 9)))

    assert (on_the_day, after) == (0, 1)
    assert late_clocks_in([complaint.agency_id], today=date(2026, 7, 9)).suspensions == 1


def test_sending_the_decision_is_recorded_once_and_stops_its_clock(complaint, handler_of_ia_grai):
    suspend_case(case=complaint, by=handler_of_ia_grai, on=date(2026, 7, 3), number="1/QĐ-TĐC")
    record_suspension_sent(case=complaint, by=handler_of_ia_grai, on=date(2026, 7, 7))

    with pytest.raises(ValidationError) as refused:
        record_suspension_sent(case=complaint, by=handler_of_ia_grai, on=date(2026, 7, 7))

    assert refused.value.message_dict == {"on": ["Không có quyết định tạm đình chỉ nào chờ gửi."]}
    assert unsent_suspensions(Case.objects.all(), today=date(2026, 7, 20)).count() == 0


def test_the_case_page_records_the_sending_from_its_form(client, complaint, handler_of_ia_grai):
    suspend_case(case=complaint, by=handler_of_ia_grai, on=date(2026, 7, 3), number="1/QĐ-TĐC")
    client.force_login(handler_of_ia_grai)
    url = reverse("complaints:case-suspension-sent", args=[complaint.pk])

    response = client.post(url, {"on": "09/07/2026"}, follow=True)

    assert [str(message) for message in response.context["messages"]] == ["Đã ghi ngày gửi quyết định tạm đình chỉ."]
    assert "Quá hạn" in response.content.decode()  # sent after 08/07/2026


def test_the_case_list_lists_the_cases_whose_suspension_is_not_sent(client, complaint, handler_of_ia_grai):
    suspend_case(case=complaint, by=handler_of_ia_grai, on=date(2026, 7, 3), number="1/QĐ-TĐC")
    client.force_login(handler_of_ia_grai)

    page = client.get(reverse("complaints:case-list"), {"deadline": "suspension_unsent"}).context["page"]

    assert list(page.object_list) == [complaint]
