"""Acceptance considered or declined (03/GQKN, 04/GQTC columns 3 and 5): a petition within competence is accepted,
its acceptance considered, or declined; a considered one is then accepted or declined."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from complaints.deadlines import resolution_deadline
from complaints.models import Handling
from complaints.services.handling import decide_acceptance, handle_petition
from danvan.models import Case, Classification, Role
from tests.factories import member_of

pytestmark = pytest.mark.django_db

REVIEWED = date(2026, 3, 4)


@pytest.fixture
def review(handler_of_ia_grai):
    """Handles a petition within competence on REVIEWED: review(petition, handling, **more)."""

    def _review(petition, handling, **more):
        return handle_petition(
            petition=petition, by=handler_of_ia_grai, on=more.pop("on", REVIEWED), processable=True,
            in_competence=True, handling=handling, **more,
        )  # fmt: skip

    return _review


@pytest.fixture
def considered(receive, review):
    """A complaint received on 02/03/2026 whose acceptance is being considered since REVIEWED."""
    return review(receive(on=date(2026, 3, 2)), Handling.CONSIDER, complexity=Case.Complexity.COMPLEX)


def test_considering_opens_the_matter_as_a_case_without_a_clock(considered):
    case = considered.case

    assert (considered.handling, considered.handled_on, considered.in_competence) == (
        Handling.CONSIDER, REVIEWED, True,
    )  # fmt: skip
    assert (case.accepted_on, case.declined_on, case.due_on, case.complexity) == (
        None, None, None, Case.Complexity.COMPLEX,
    )  # fmt: skip


def test_declining_on_handling_dates_the_case_s_refusal(receive, review):
    petition = review(receive(), Handling.DECLINE, note="Đã có quyết định giải quyết lần hai.")

    assert (petition.handling, petition.case.declined_on, petition.case.accepted_on) == (
        Handling.DECLINE, REVIEWED, None,
    )  # fmt: skip


def test_declining_on_handling_needs_a_reason(receive, review):
    with pytest.raises(ValidationError) as refused:
        review(receive(), Handling.DECLINE, note="  ")

    assert refused.value.message_dict == {"note": ["Hãy ghi lý do không thụ lý."]}
    assert Case.objects.count() == 0


def test_an_anonymous_denunciation_cannot_be_considered_for_acceptance(receive, review):
    petition = receive(kind=Classification.DENUNCIATION, details=None, anonymous=True)

    with pytest.raises(ValidationError) as refused:
        review(petition, Handling.CONSIDER)

    assert refused.value.message_dict == {"handling": ["Không thụ lý đơn nặc danh (Luật Tố cáo, Điều 23)."]}


def test_accepting_a_considered_petition_starts_the_clock_on_the_day_of_the_decision(considered, handler_of_ia_grai):
    decided = date(2026, 3, 10)

    petition = decide_acceptance(
        petition=considered, by=handler_of_ia_grai, on=decided, accept=True, complexity=Case.Complexity.COMPLEX
    )

    case = Case.objects.get(pk=petition.case_id)
    assert (petition.handling, petition.handled_on) == (Handling.ACCEPT, REVIEWED)
    assert (case.accepted_on, case.declined_on, case.due_on) == (decided, None, resolution_deadline(case))
    assert case.due_on is not None


def test_declining_a_considered_petition_dates_the_refusal_and_keeps_its_reason(considered, handler_of_ia_grai):
    petition = decide_acceptance(
        petition=considered, by=handler_of_ia_grai, on=date(2026, 3, 10), accept=False,
        note="Người khiếu nại không có quyền, lợi ích liên quan.",
    )  # fmt: skip

    petition.refresh_from_db()
    assert (petition.handling, petition.handled_on, petition.handling_note) == (
        Handling.DECLINE, REVIEWED, "Người khiếu nại không có quyền, lợi ích liên quan.",
    )  # fmt: skip
    assert (petition.case.declined_on, petition.case.accepted_on, petition.case.due_on) == (
        date(2026, 3, 10), None, None,
    )  # fmt: skip


def test_declining_a_considered_petition_needs_a_reason(considered, handler_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        decide_acceptance(petition=considered, by=handler_of_ia_grai, on=date(2026, 3, 10), accept=False)

    considered.refresh_from_db()
    assert refused.value.message_dict == {"note": ["Hãy ghi lý do không thụ lý."]}
    assert (considered.handling, considered.case.declined_on) == (Handling.CONSIDER, None)


def test_deciding_on_a_petition_not_being_considered_is_refused(receive, accept, handler_of_ia_grai):
    petition = receive()
    accept(petition, REVIEWED)

    with pytest.raises(ValidationError) as refused:
        decide_acceptance(petition=petition, by=handler_of_ia_grai, on=date(2026, 3, 10), accept=False, note="Lý do")

    assert refused.value.message_dict == {"accept": ["Chỉ quyết định thụ lý cho đơn đang xem xét điều kiện thụ lý."]}


def test_deciding_before_the_review_is_refused(considered, handler_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        decide_acceptance(petition=considered, by=handler_of_ia_grai, on=date(2026, 3, 3), accept=True)

    assert refused.value.message_dict == {"on": ["Ngày quyết định không được trước ngày xử lý đơn (04/03/2026)."]}


def test_deciding_after_today_is_refused(considered, handler_of_ia_grai):
    tomorrow = timezone.localdate() + timedelta(days=1)

    with pytest.raises(ValidationError) as refused:
        decide_acceptance(petition=considered, by=handler_of_ia_grai, on=tomorrow, accept=True)

    assert refused.value.message_dict == {"on": ["Ngày quyết định không được sau hôm nay."]}


def test_staff_of_another_agency_cannot_decide(considered, committee_of_pleiku):
    outsider = member_of(committee_of_pleiku, Role.HANDLER)

    with pytest.raises(PermissionDenied):
        decide_acceptance(petition=considered, by=outsider, on=date(2026, 3, 10), accept=True)

    considered.refresh_from_db()
    assert (considered.handling, considered.case.accepted_on) == (Handling.CONSIDER, None)


# The pages.


def test_the_handling_form_offers_considering_and_declining(client, receive, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)

    response = client.get(receive().get_absolute_url())

    choices = [value for value, _ in response.context["handling_form"].fields["handling"].choices]
    assert (response.status_code, Handling.CONSIDER in choices, Handling.DECLINE in choices) == (200, True, True)


def test_a_considered_petition_s_page_shows_the_acceptance_decision_form(client, considered, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)

    response = client.get(considered.get_absolute_url())

    assert response.status_code == 200
    assert response.context["handling_form"] is None
    assert reverse("complaints:petition-decide", args=[considered.pk]) in response.content.decode()


def test_posting_the_acceptance_decision_accepts_the_petition(client, considered, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)

    response = client.post(
        reverse("complaints:petition-decide", args=[considered.pk]), {"accept": "1", "on": "10/03/2026"}
    )

    considered.refresh_from_db()
    assert (response.status_code, response.url) == (302, considered.get_absolute_url())
    assert (considered.handling, considered.case.accepted_on) == (Handling.ACCEPT, date(2026, 3, 10))


def test_posting_a_refusal_without_a_reason_shows_the_message_on_the_form(client, considered, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)

    response = client.post(
        reverse("complaints:petition-decide", args=[considered.pk]), {"accept": "0", "on": "10/03/2026"}
    )

    assert response.status_code == 400
    assert response.context["acceptance_form"].errors == {"note": ["Hãy ghi lý do không thụ lý."]}
