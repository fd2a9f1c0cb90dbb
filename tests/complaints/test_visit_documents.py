"""A visit's documents on its page (reception offers what complaints provides, danvan.offers): the forms of the
visit's day, kept as issued, within the user's scope."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.citizens import CitizenDetails
from danvan.models import Classification, Role
from reception.models import Result
from reception.services import receive_visit
from tests.factories import member_of, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def guided(committee_of_ia_grai):
    """A citizen guided at the desk on 03/08/2026, who handed over a paper."""
    return receive_visit(
        agency=committee_of_ia_grai, by=member_of(committee_of_ia_grai, Role.HANDLER), received_on=date(2026, 8, 3),
        details=CitizenDetails(full_name="Nguyễn Văn Khiếu"), kind=Classification.COMPLAINT, result=Result.GUIDED,
        content="Khiếu nại việc đã giải quyết lần hai", documents="Bản sao quyết định giải quyết lần hai",
    )  # fmt: skip


def document_links(client, visit) -> list[str]:
    return [offer.label for offer in client.get(visit.get_absolute_url()).context["documents"]]


def test_a_visit_offers_its_documents_on_the_forms_of_its_day(client, guided):
    client.force_login(member_of(guided.agency, Role.HANDLER))

    assert document_links(client, guided) == [
        "Thông báo về việc từ chối tiếp công dân (Mẫu số 01/TCD, Nghị định 154/2026/NĐ-CP)",
        "Giấy biên nhận thông tin, tài liệu (Mẫu số 02/TCD, Nghị định 154/2026/NĐ-CP)",
    ]


def test_a_visits_document_is_kept_as_issued_and_can_be_made_again(client, guided):
    client.force_login(member_of(guided.agency, Role.HANDLER))
    url = reverse("visit_papers:document", args=[guided.pk, "tu-choi-tiep-2026"])

    first, second = client.get(url).content, client.get(url).content
    page = client.get(guided.get_absolute_url()).content.decode()

    assert (first == second, reverse("visit_papers:document-again", args=[guided.pk, "tu-choi-tiep-2026"]) in page) == (
        True, True,
    )  # fmt: skip


def test_another_communes_officer_gets_no_document_of_the_visit(client, guided, committee_of_pleiku):
    client.force_login(staff_with_role(committee_of_pleiku, Role.HANDLER))

    response = client.get(reverse("visit_papers:document", args=[guided.pk, "tu-choi-tiep-2026"]))

    assert response.status_code == 404


def test_a_document_of_another_day_is_not_offered(client, guided):
    client.force_login(member_of(guided.agency, Role.HANDLER))

    response = client.get(reverse("visit_papers:document", args=[guided.pk, "tu-choi-tiep"]))

    assert response.status_code == 404
