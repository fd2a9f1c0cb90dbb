"""Attachments marked "Mật" open only for the handlers and leaders of the petition's agency and those it was assigned
to; the others who see the petition get 404 and never read their name. Every download of an attachment is logged."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from complaints.models import Attachment
from complaints.services.workflow import assign
from danvan.models import Agency, AuditEntry, Role
from tests.factories import AgencyFactory, staff_with_role

pytestmark = pytest.mark.django_db

SECRET_SCAN = b"%PDF-1.4 bien ban xac minh mat"
PLAIN_SCAN = b"%PDF-1.4 don khieu nai"


@pytest.fixture
def petition(receive):
    petition = receive()
    Attachment.objects.create(
        petition=petition,
        name="bien-ban-xac-minh.pdf",
        confidential=True,
        file=SimpleUploadedFile("bien-ban-xac-minh.pdf", SECRET_SCAN),
    )
    Attachment.objects.create(
        petition=petition, name="don-khieu-nai.pdf", file=SimpleUploadedFile("don-khieu-nai.pdf", PLAIN_SCAN)
    )
    return petition


@pytest.fixture
def secret(petition) -> Attachment:
    return petition.attachments.get(confidential=True)


@pytest.fixture
def plain(petition) -> Attachment:
    return petition.attachments.get(confidential=False)


@pytest.fixture
def department_of_ia_grai(committee_of_ia_grai):
    return AgencyFactory(
        unit=committee_of_ia_grai.unit, kind=Agency.Kind.DEPARTMENT, name="Văn phòng HĐND và UBND xã Ia Grai"
    )


def _open(client, staff, attachment: Attachment):
    client.force_login(staff)
    return client.get(attachment.petition.get_absolute_url(), {"tep": attachment.pk})


def _content(response) -> bytes:
    return b"".join(response.streaming_content)


def _page(client, staff, petition) -> str:
    client.force_login(staff)
    return client.get(petition.get_absolute_url()).content.decode()


def test_a_handler_of_the_petition_s_agency_opens_a_secret_attachment(client, secret, handler_of_ia_grai):
    response = _open(client, handler_of_ia_grai, secret)

    assert (response.status_code, _content(response)) == (200, SECRET_SCAN)


def test_a_leader_of_the_petition_s_agency_opens_a_secret_attachment(client, secret, committee_of_ia_grai):
    response = _open(client, staff_with_role(committee_of_ia_grai, Role.LEADER), secret)

    assert (response.status_code, _content(response)) == (200, SECRET_SCAN)


def test_a_receptionist_of_the_petition_s_agency_gets_404_on_a_secret_attachment(client, secret, committee_of_ia_grai):
    response = _open(client, staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST), secret)

    assert response.status_code == 404


def test_a_reporter_of_the_commune_gets_404_on_a_secret_attachment(client, secret, committee_of_ia_grai):
    response = _open(client, staff_with_role(committee_of_ia_grai, Role.REPORTER), secret)

    assert response.status_code == 404


def test_a_leader_of_the_commune_s_party_committee_gets_404_on_a_secret_attachment(
    client, secret, committee_of_ia_grai
):
    party = AgencyFactory(unit=committee_of_ia_grai.unit, kind=Agency.Kind.PARTY, name="Đảng ủy xã Ia Grai")

    response = _open(client, staff_with_role(party, Role.LEADER), secret)

    assert response.status_code == 404


def test_a_leader_of_the_province_gets_404_on_a_commune_s_secret_attachment(client, secret, committee_of_gia_lai):
    response = _open(client, staff_with_role(committee_of_gia_lai, Role.LEADER), secret)

    assert response.status_code == 404


def test_a_handler_of_the_department_the_petition_was_assigned_to_opens_a_secret_attachment(
    client, petition, secret, committee_of_ia_grai, department_of_ia_grai
):
    leader = staff_with_role(committee_of_ia_grai, Role.LEADER)
    assign(record=petition, by=leader, on=date(2026, 3, 3), agency=department_of_ia_grai)

    response = _open(client, staff_with_role(department_of_ia_grai, Role.HANDLER), secret)

    assert (response.status_code, _content(response)) == (200, SECRET_SCAN)


def test_a_handler_of_a_department_not_assigned_the_petition_gets_404_on_a_secret_attachment(
    client, secret, department_of_ia_grai
):
    response = _open(client, staff_with_role(department_of_ia_grai, Role.HANDLER), secret)

    assert response.status_code == 404


def test_a_receptionist_opens_an_attachment_not_marked_secret(client, plain, committee_of_ia_grai):
    response = _open(client, staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST), plain)

    assert (response.status_code, _content(response)) == (200, PLAIN_SCAN)


def test_the_petition_page_lists_no_secret_attachment_to_a_receptionist_only_their_number(
    client, petition, plain, secret, committee_of_ia_grai
):
    page = _page(client, staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST), petition)

    assert "bien-ban-xac-minh.pdf" not in page and f"tep={secret.pk}" not in page
    assert f'?tep={plain.pk}">don-khieu-nai.pdf</a>' in page
    assert (
        'Ngoài ra còn 1 tài liệu <span class="secret">Mật</span>: chỉ cán bộ xử lý, lãnh đạo Ủy ban nhân dân xã Ia '
        "Grai và người được giao xử lý đơn mở được."
    ) in page


def test_the_petition_page_lists_the_secret_attachment_to_a_handler(client, petition, secret, handler_of_ia_grai):
    page = _page(client, handler_of_ia_grai, petition)

    assert f'?tep={secret.pk}">bien-ban-xac-minh.pdf</a> <span class="secret">Mật</span>' in page
    assert "Ngoài ra còn" not in page


def test_the_download_of_a_secret_attachment_is_logged(client, petition, secret, handler_of_ia_grai):
    _open(client, handler_of_ia_grai, secret)

    assert [(entry.by, entry.summary, entry.subject) for entry in AuditEntry.objects.all()] == [
        (
            handler_of_ia_grai,
            f"Tài liệu mật kèm theo đơn {petition.receipt_code}. Tệp bien-ban-xac-minh.pdf",
            petition,
        )
    ]


def test_the_download_of_an_attachment_not_marked_secret_is_logged(client, petition, plain, committee_of_ia_grai):
    receptionist = staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)

    _open(client, receptionist, plain)

    assert [(entry.by, entry.summary) for entry in AuditEntry.objects.all()] == [
        (receptionist, f"Tài liệu kèm theo đơn {petition.receipt_code}. Tệp don-khieu-nai.pdf")
    ]


def test_a_refused_download_is_not_logged(client, secret, committee_of_ia_grai):
    _open(client, staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST), secret)

    assert not AuditEntry.objects.exists()
