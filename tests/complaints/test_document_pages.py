"""Every document of a step prints as LibreOffice lays it out: one A4 page (two for a decision), no blank page."""

from datetime import date

import pytest
from django.urls import reverse

from complaints.models import Handling
from complaints.services.handling import handle_petition
from complaints.services.resolution import extend_case
from danvan.models import Case, Classification
from tests.office import blank_pages, printed_pages, requires_office

pytestmark = [pytest.mark.django_db, requires_office]


@pytest.fixture
def handler_client(client, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)
    return client


def documents_of_every_step(client, receive, accept, handler, pleiku) -> dict[str, bytes]:
    """The documents of a complaint decided with everything filled, of a denunciation extended and concluded, of a
    petition forwarded and of one guided elsewhere, downloaded as staff do."""

    def get(name, pk, slug):
        return client.get(reverse(f"complaints:{name}-document", args=[pk, slug])).content

    complaint = receive(on=date(2026, 3, 2))
    case = accept(complaint, date(2026, 3, 5))
    forwarded = receive(on=date(2026, 3, 2))
    handle_petition(
        petition=forwarded, by=handler, on=date(2026, 3, 3), processable=True, in_competence=False,
        handling=Handling.FORWARD, forwarded_to=pleiku, letter_number="45/PC-UBND", letter_date=date(2026, 3, 3),
    )  # fmt: skip
    guided = receive(on=date(2026, 3, 2))
    handle_petition(
        petition=guided, by=handler, on=date(2026, 3, 3), processable=True, in_competence=False,
        handling=Handling.GUIDE, note="Tòa án nhân dân khu vực 1 - Gia Lai",
    )  # fmt: skip
    denunciation = receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2))
    denounced = accept(denunciation, date(2026, 3, 5), complexity=Case.Complexity.COMPLEX)
    extend_case(case=denounced, by=handler, decided_on=date(2026, 3, 30), number="10/QĐ-UBND", days=30)
    return {
        "giay-bien-nhan": get("petition", complaint.pk, "giay-bien-nhan"),
        "thong-bao-thu-ly": get("petition", complaint.pk, "thong-bao-thu-ly"),
        "phieu-chuyen-don": get("petition", forwarded.pk, "phieu-chuyen-don"),
        "phieu-huong-dan": get("petition", guided.pk, "phieu-huong-dan"),
        "giao-xac-minh": get("case", case.pk, "giao-xac-minh"),
        "gia-han": get("case", denounced.pk, "gia-han"),
    }


def test_every_document_prints_on_one_page(handler_client, receive, accept, handler_of_ia_grai, committee_of_pleiku):
    documents = documents_of_every_step(handler_client, receive, accept, handler_of_ia_grai, committee_of_pleiku)

    pages = printed_pages(documents)

    assert {name: (len(printed), blank_pages(printed)) for name, printed in pages.items()} == {
        name: (1, []) for name in documents
    }
