"""Where staff meet the codes: the visit page and the desk slip name the petition a visit handed over, the lists find
a code typed without its prefix, and intake warns of a petition nobody could look up."""

from datetime import date

import pytest
from django.urls import reverse

from complaints.models import Petition
from complaints.views.petitions import NO_LOOKUP_DIGITS
from danvan.citizens import CitizenDetails
from danvan.models import Classification, Role
from reception.models import Result
from reception.services import receive_visit
from tests.complaints.test_petition_pages import intake
from tests.factories import VisitFactory, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_of_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)


@pytest.fixture
def visit_with_documents_and_petition(committee_of_ia_grai):
    return receive_visit(
        agency=committee_of_ia_grai, by=None, received_on=date(2026, 3, 12), content="Khiếu nại việc thu hồi đất",
        details=CitizenDetails(full_name="Nguyễn Văn Khiếu", phone="0912345678"), kind=Classification.COMPLAINT,
        result=Result.PETITION_RECEIVED, documents_received=True, notes="Bản sao quyết định thu hồi đất",
    )  # fmt: skip


def page_of(client, staff, url, **params):
    client.force_login(staff)
    return client.get(url, params).content.decode()


def test_the_visit_page_names_the_petition_it_handed_over(
    client, officer_of_ia_grai, visit_with_documents_and_petition
):
    visit = visit_with_documents_and_petition
    petition = visit.petitions.get()

    page = page_of(client, officer_of_ia_grai, visit.get_absolute_url())

    link = f'<a href="{petition.get_absolute_url()}" class="code">{petition.receipt_code}</a>'
    assert (f'<dd class="code">{visit.receipt_code}</dd>' in page, link in page) == (True, True)


def test_the_desk_slip_names_the_petition_it_handed_over(client, officer_of_ia_grai, visit_with_documents_and_petition):
    visit = visit_with_documents_and_petition
    petition = visit.petitions.get()

    page = page_of(client, officer_of_ia_grai, reverse("reception:visit-receipt", args=[visit.pk]))

    assert f"<dd>mã tra cứu <strong>{petition.receipt_code}</strong></dd>" in page


def test_the_visit_list_finds_a_code_typed_without_its_prefix(client, officer_of_ia_grai, committee_of_ia_grai):
    wanted = VisitFactory(agency=committee_of_ia_grai, receipt_code="TD-K7M2Q9XA")
    VisitFactory(agency=committee_of_ia_grai)
    client.force_login(officer_of_ia_grai)

    listed = client.get(reverse("reception:visit-list"), {"q": "k7m2q9xa"}).context["page"].object_list

    assert list(listed) == [wanted]


def test_the_petition_list_finds_a_code_typed_without_its_prefix(client, receive, handler_of_ia_grai):
    wanted = receive()
    receive()
    client.force_login(handler_of_ia_grai)

    response = client.get(reverse("complaints:petition-list"), {"q": wanted.receipt_code[3:].lower()})

    assert list(response.context["page"].object_list) == [wanted]


def test_intake_warns_of_a_petition_without_phone_or_cccd_and_receives_it(client, handler_of_ia_grai):
    response = intake(client, handler_of_ia_grai, cccd="", phone="")

    shown = [str(message) for message in response.wsgi_request._messages]
    assert (Petition.objects.count(), shown[1:]) == (1, [NO_LOOKUP_DIGITS])


def test_intake_does_not_warn_when_the_petitioner_gave_a_phone(client, handler_of_ia_grai):
    response = intake(client, handler_of_ia_grai, cccd="", phone="0912345678")

    assert [str(message) for message in response.wsgi_request._messages][1:] == []
