"""The templates page of a unit admin: the refusal of an upload names the unknown placeholders; a draft is previewed
with a real record and put in use; another unit's agency is not there."""

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from complaints.documents import DOCUMENTS
from complaints.models import DocumentTemplate
from danvan.citizens import CitizenDetails
from danvan.models import Classification, Role
from reception.models import Result
from reception.services import receive_visit
from tests.complaints.test_document_templates import edited
from tests.factories import member_of, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.UNIT_ADMIN))
    return client


def detail(agency, slug="giay-bien-nhan"):
    return reverse("complaints:template-detail", args=[agency.pk, slug])


def docx_file(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("mau.docx", content)


def test_an_upload_with_an_unknown_placeholder_is_refused_on_the_page_naming_it(admin_client, committee_of_ia_grai):
    content = edited(committee_of_ia_grai, "Hạn xử lý đơn", "Hạn: {{ han_xu_ly }}")

    response = admin_client.post(detail(committee_of_ia_grai), {"file": docx_file(content)})

    assert response.status_code == 400
    assert "Mẫu dùng trường không có trong văn bản này: han_xu_ly." in response.content.decode()
    assert DocumentTemplate.objects.count() == 0


def test_a_draft_is_previewed_with_the_agencys_latest_record(admin_client, committee_of_ia_grai, receive):
    receive(content="Đơn mới nhất để xem thử")
    admin_client.post(
        detail(committee_of_ia_grai), {"file": docx_file(edited(committee_of_ia_grai, "Hạn xử lý đơn", "Đã sửa"))}
    )

    preview = admin_client.get(
        reverse("complaints:template-preview", args=[committee_of_ia_grai.pk, "giay-bien-nhan", 1])
    )

    text = "\n".join(p.text for p in Document(BytesIO(preview.content)).paragraphs)
    assert ("Nội dung đơn: Đơn mới nhất để xem thử" in text, "Đã sửa" in text) == (True, True)


def test_putting_a_draft_in_use_is_recorded_with_who_and_when(admin_client, committee_of_ia_grai):
    admin_client.post(
        detail(committee_of_ia_grai), {"file": docx_file(edited(committee_of_ia_grai, "Hạn xử lý đơn", "Đã sửa"))}
    )

    admin_client.post(reverse("complaints:template-publish", args=[committee_of_ia_grai.pk, "giay-bien-nhan", 1]))

    version = DocumentTemplate.objects.get()
    assert (version.published_at is not None, version.published_by == version.uploaded_by) == (True, True)


def test_another_units_agency_has_no_templates_page(admin_client, committee_of_pleiku):
    assert admin_client.get(detail(committee_of_pleiku)).status_code == 404


def test_a_handler_has_no_templates_page(client, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)

    assert client.get(reverse("complaints:template-list")).status_code == 403


def test_the_list_offers_each_documents_template_in_use(admin_client, committee_of_ia_grai):
    page = admin_client.get(reverse("complaints:template-list")).content.decode()

    assert page.count("Mẫu của cổng") == len(DOCUMENTS)
    assert reverse("complaints:template-download", args=[committee_of_ia_grai.pk, "giai-quyet", 0]) in page


@pytest.mark.parametrize("value", ["²", "abc", "9" * 30])
def test_the_list_asked_for_an_agency_that_is_no_id_shows_the_first(admin_client, committee_of_ia_grai, value):
    response = admin_client.get(reverse("complaints:template-list"), {"co_quan": value})

    assert (response.status_code, response.context["agency"]) == (200, response.context["agencies"].first())


def test_a_visits_document_is_previewed_with_the_agencys_latest_visit_at_its_step(admin_client, committee_of_ia_grai):
    receive_visit(
        agency=committee_of_ia_grai, by=member_of(committee_of_ia_grai, Role.HANDLER), received_on=date(2026, 8, 3),
        details=CitizenDetails(full_name="Nguyễn Văn Khiếu"), kind=Classification.COMPLAINT, result=Result.GUIDED,
        content="Khiếu nại việc thu hồi đất", documents="Bản sao quyết định thu hồi đất",
    )  # fmt: skip

    preview = admin_client.get(
        reverse("complaints:template-preview", args=[committee_of_ia_grai.pk, "bien-nhan-tai-lieu-2026", 0])
    )

    assert "- Bản sao quyết định thu hồi đất" in [p.text for p in Document(BytesIO(preview.content)).paragraphs]
