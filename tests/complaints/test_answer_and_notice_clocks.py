"""The answer to a citizen after a reception (Luật Tiếp công dân 2013, Điều 28 khoản 1) and the notice of the result to
the body that forwarded a petition (Điều 27 khoản 2): the records, the calculator, the pages, the filters, the
dashboard — at Tết 2026."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from complaints.clock import due
from complaints.models import Handling, Outcome, Petition, Source
from complaints.selectors import LateClocks, late_clocks_in, notify_due_on, overdue_notifications
from complaints.services.handling import handle_petition, notify_forwarder
from complaints.services.resolution import decide_case
from danvan.citizens import CitizenDetails
from danvan.models import Classification, Role
from reception.models import Result, Visit
from reception.selectors import overdue_answers
from reception.services import receive_visit
from tests.factories import staff_with_role, verified

pytestmark = pytest.mark.django_db
ENTERED = datetime(2026, 1, 5, 8, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
CITIZEN = CitizenDetails(full_name="Nguyễn Văn An", cccd="064090001234", address="Thôn 1, xã Ia Grai")


@pytest.fixture
def visit(committee_of_ia_grai):
    """A visit at Ia Grai whose petition the desk received: visit(on, result=...)."""
    receptionist = staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)

    def _visit(on, result=Result.PETITION_RECEIVED):
        return receive_visit(
            agency=committee_of_ia_grai, by=receptionist, details=CITIZEN, received_on=on, content="Đề nghị cấp sổ đỏ",
            kind=Classification.RECOMMENDATION, result=result,
        )  # fmt: skip

    return _visit


@pytest.fixture
def forwarded(receive, accept, handler_of_ia_grai):
    """A complaint the provincial People's Council forwarded, entered on 05/01/2026, accepted and resolved on
    ``resolved_on``."""

    def _forwarded(resolved_on):
        petition = receive(on=date(2026, 1, 5), source=Source.ELECTED_BODY, forwarded_by_name="Thường trực HĐND tỉnh")
        Petition.objects.filter(pk=petition.pk).update(created_at=ENTERED)
        case = accept(petition, date(2026, 1, 6))
        decide_case(case=verified(case), by=handler_of_ia_grai, issued_on=resolved_on, number="15/QĐ-GQKN",
                    outcome=Outcome.UNFOUNDED)  # fmt: skip
        return Petition.objects.get(pk=petition.pk)

    return _forwarded


def test_a_visit_that_handed_on_a_petition_awaits_an_answer_ten_working_days_later_across_tet(visit):
    # Thursday 12/02/2026: Friday 13/02 counts, Tết (14/02–22/02) does not.
    assert visit(date(2026, 2, 12)).answer_due_on == date(2026, 3, 5)


def test_a_visit_answered_at_the_desk_has_no_answer_clock(visit):
    assert visit(date(2026, 2, 12), result=Result.GUIDED).answer_due_on is None


def test_the_calculator_gives_the_answer_deadline_the_visit_stores(visit):
    for on in (date(2026, 2, 12), date(2026, 1, 5), date(2025, 12, 31)):
        assert due("reception-answer", on).due == visit(on).answer_due_on


def test_handling_the_petition_made_at_the_visit_answers_the_citizen(visit, handler_of_ia_grai):
    received = visit(date(2026, 2, 12))

    handle_petition(petition=received.petitions.get(), by=handler_of_ia_grai, on=date(2026, 2, 24),
                    processable=True, in_competence=True, handling=Handling.ANSWER)  # fmt: skip

    received.refresh_from_db()
    assert received.answered_on == date(2026, 2, 24)


def test_a_visit_not_answered_is_overdue_the_day_after_its_deadline_only(visit):
    received = visit(date(2026, 2, 12))
    visits = Visit.objects.filter(pk=received.pk)

    assert (
        list(overdue_answers(visits, today=date(2026, 3, 5))),
        list(overdue_answers(visits, today=date(2026, 3, 6))),
    ) == ([], [received])


def test_the_visit_page_shows_the_answer_clock(client, visit):
    received = visit(date(2026, 2, 12))
    client.force_login(received.created_by)

    shown = client.get(received.get_absolute_url()).context["clock"]

    assert (shown.due_on, shown.state) == (date(2026, 3, 5), "overdue")


def test_the_visit_list_filters_the_visits_overdue_for_an_answer(client, visit):
    late = visit(date(2026, 2, 12))
    visit(date(2026, 2, 12), result=Result.GUIDED)
    client.force_login(late.created_by)

    page = client.get(reverse("reception:visit-list"), {"answer_overdue": "on"}).context["page"]

    assert list(page) == [late]


def test_the_forwarding_body_is_to_be_told_seven_working_days_after_the_resolution_across_tet(forwarded):
    # Friday 06/02/2026: 09/02–13/02 count, Tết (14/02–22/02) does not, then 23/02 and 24/02.
    assert (
        notify_due_on(forwarded(date(2026, 2, 6))) == date(2026, 2, 24) == due("notify-forwarder", date(2026, 2, 6)).due
    )


def test_a_result_not_told_is_overdue_the_day_after_its_deadline_only(forwarded):
    petition = forwarded(date(2026, 2, 6))
    petitions = Petition.objects.filter(pk=petition.pk)

    on_the_day = list(overdue_notifications(petitions, today=date(2026, 2, 24)))
    the_day_after = list(overdue_notifications(petitions, today=date(2026, 2, 25)))

    assert (on_the_day, the_day_after) == ([], [petition])


def test_the_notice_to_the_forwarding_body_is_recorded_with_its_number_and_stops_the_clock(
    forwarded, handler_of_ia_grai
):
    petition = forwarded(date(2026, 2, 6))

    notify_forwarder(petition=petition, by=handler_of_ia_grai, on=date(2026, 2, 23), number="20/TB-UBND")

    petition.refresh_from_db()
    assert (petition.forwarder_notified_on, petition.forwarder_notice_number) == (date(2026, 2, 23), "20/TB-UBND")
    assert list(overdue_notifications(Petition.objects.filter(pk=petition.pk), today=date(2026, 3, 2))) == []


def test_the_notice_is_refused_before_the_case_is_resolved(receive, accept, handler_of_ia_grai):
    petition = receive(on=date(2026, 1, 5), source=Source.FORWARDED, forwarded_by_name="Ban Tiếp công dân tỉnh")
    accept(petition, date(2026, 1, 6))
    petition.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        notify_forwarder(petition=petition, by=handler_of_ia_grai, on=date(2026, 2, 23), number="20/TB-UBND")

    assert refused.value.message_dict == {"on": ["Vụ việc của đơn chưa giải quyết xong: chưa có kết quả để thông báo."]}


def test_the_notice_is_refused_for_a_petition_no_body_forwarded(receive, accept, handler_of_ia_grai):
    petition = receive(on=date(2026, 1, 5))
    case = accept(petition, date(2026, 1, 6))
    decide_case(case=verified(case), by=handler_of_ia_grai, issued_on=date(2026, 2, 6), number="15/QĐ-GQKN",
                outcome=Outcome.UNFOUNDED)  # fmt: skip

    with pytest.raises(ValidationError) as refused:
        notify_forwarder(petition=Petition.objects.get(pk=petition.pk), by=handler_of_ia_grai, on=date(2026, 2, 9),
                         number="20/TB-UBND")  # fmt: skip

    assert refused.value.message_dict == {
        "on": ["Chỉ đơn do cơ quan khác, ĐBQH, HĐND chuyển đến mới thông báo kết quả."]
    }


def test_the_petition_page_records_the_notice_from_its_form(client, forwarded, handler_of_ia_grai):
    petition = forwarded(date(2026, 2, 6))
    client.force_login(handler_of_ia_grai)

    response = client.post(reverse("complaints:petition-notify", args=[petition.pk]),
                           {"on": "23/02/2026", "number": "20/TB-UBND"})  # fmt: skip

    petition.refresh_from_db()
    assert (response.status_code, petition.forwarder_notice_number) == (302, "20/TB-UBND")


def test_the_petition_page_shows_the_notice_clock_and_its_form(client, forwarded, handler_of_ia_grai):
    petition = forwarded(date(2026, 2, 6))
    client.force_login(handler_of_ia_grai)

    context = client.get(petition.get_absolute_url()).context

    assert (context["notify_clock"].due_on, context["notify_form"] is not None) == (date(2026, 2, 24), True)


def test_the_late_counts_of_an_area_count_each_clock(visit, forwarded, committee_of_ia_grai):
    visit(date(2026, 2, 12))
    forwarded(date(2026, 2, 6))

    assert late_clocks_in([committee_of_ia_grai.pk], today=date(2026, 3, 6)) == LateClocks(
        forwards=0, notices=1, answers=1, suspensions=0
    )


def test_the_queue_shows_the_late_counts_of_the_users_scope(client, visit, forwarded, handler_of_ia_grai):
    visit(date(2026, 2, 12))
    forwarded(date(2026, 2, 6))
    client.force_login(handler_of_ia_grai)

    assert client.get(reverse("complaints:queue")).context["late"] == LateClocks(
        forwards=0, notices=1, answers=1, suspensions=0
    )


def test_a_petition_entered_after_its_resolution_has_no_notice_clock(forwarded):
    petition = forwarded(date(2026, 2, 6))
    Petition.objects.filter(pk=petition.pk).update(created_at=datetime(2026, 12, 7, 9, tzinfo=ZoneInfo("UTC")))
    petition.refresh_from_db()

    late = list(overdue_notifications(Petition.objects.filter(pk=petition.pk), today=date(2026, 12, 8)))

    assert (notify_due_on(petition), late) == (None, [])
