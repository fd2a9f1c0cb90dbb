"""What a document was: the file generated for a step is kept with it, with its template version; later downloads
give that file even after the record is corrected, until it is generated again."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from complaints.models import IssuedDocument
from complaints.services.resolution import extend_case
from complaints.services.templates import publish_template, upload_template
from danvan.models import Case, Classification, Role
from tests.complaints.test_document_templates import edited
from tests.factories import staff_with_role

pytestmark = pytest.mark.django_db


def receipt(client, petition):
    response = client.get(reverse("complaints:petition-document", args=[petition.pk, "giay-bien-nhan"]))
    return "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)


@pytest.fixture
def handler_client(client, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)
    return client


def test_a_stored_document_does_not_change_when_the_record_is_corrected(handler_client, receive):
    petition = receive(content="Nội dung ban đầu")
    first = receipt(handler_client, petition)
    petition.content = "Nội dung đã sửa"
    petition.save(update_fields=["content"])

    later = receipt(handler_client, petition)

    assert (later == first, "Nội dung ban đầu" in later) == (True, True)


def test_generating_again_takes_the_corrected_record_and_keeps_the_earlier_file(handler_client, receive):
    petition = receive(content="Nội dung ban đầu")
    receipt(handler_client, petition)
    petition.content = "Nội dung đã sửa"
    petition.save(update_fields=["content"])

    handler_client.post(reverse("complaints:petition-document-again", args=[petition.pk, "giay-bien-nhan"]))

    assert ("Nội dung đã sửa" in receipt(handler_client, petition), IssuedDocument.objects.count()) == (True, 2)


def test_the_issued_file_names_the_template_version_it_was_filled_from(
    handler_client, receive, committee_of_ia_grai, handler_of_ia_grai
):
    admin = staff_with_role(committee_of_ia_grai, Role.UNIT_ADMIN)
    version = upload_template(
        agency=committee_of_ia_grai, slug="giay-bien-nhan", filename="mau.docx", by=admin,
        content=edited(committee_of_ia_grai, "Hạn xử lý đơn", "Theo mẫu đã sửa"),
    )  # fmt: skip
    publish_template(template=version, by=admin)
    petition = receive()

    text = receipt(handler_client, petition)

    kept = IssuedDocument.objects.get()
    assert ("Theo mẫu đã sửa" in text, kept.template, kept.issued_by, kept.petition) == (
        True, version, handler_of_ia_grai, petition,
    )  # fmt: skip


def test_the_petition_page_shows_when_the_document_was_issued_and_offers_to_generate_it_again(handler_client, receive):
    petition = receive()
    receipt(handler_client, petition)

    page = handler_client.get(reverse("complaints:petition-detail", args=[petition.pk])).content.decode()

    assert reverse("complaints:petition-document-again", args=[petition.pk, "giay-bien-nhan"]) in page


def test_a_second_extension_has_its_own_decision_not_the_first_ones(
    handler_client, receive, accept, handler_of_ia_grai
):
    case = accept(
        receive(kind=Classification.DENUNCIATION), date(2026, 3, 5), complexity=Case.Complexity.ESPECIALLY_COMPLEX
    )
    extend_case(case=case, by=handler_of_ia_grai, decided_on=date(2026, 3, 30), number="10/QĐ-UBND", days=30)
    url = reverse("complaints:case-document", args=[case.pk, "gia-han"])
    handler_client.get(url)
    extend_case(case=case, by=handler_of_ia_grai, decided_on=date(2026, 5, 4), number="21/QĐ-UBND", days=30)

    header = Document(BytesIO(handler_client.get(url).content)).tables[0].rows[0].cells[0]
    text = "\n".join(p.text for p in header.paragraphs)

    assert "Số: 21/QĐ-UBND" in text
