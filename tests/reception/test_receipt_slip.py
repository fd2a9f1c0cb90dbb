"""The receipt slip of a visit: what was handed over, how many people came and how the citizen looks the code up."""

import pytest
from django.urls import reverse

from danvan.models import Role
from reception.models import Visit
from tests.factories import VisitFactory, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))


def slip_of(client, visit: Visit) -> str:
    return client.get(reverse("reception:visit-receipt", args=[visit.pk])).content.decode()


def test_the_slip_lists_the_documents_received_one_per_line(client, officer, committee_of_ia_grai):
    visit = VisitFactory(
        agency=committee_of_ia_grai, documents_received=True, documents="Đơn đề nghị\nBản sao sổ đỏ", notes="Ghi chú"
    )

    page = slip_of(client, visit)

    assert "<dt>Giấy tờ, tài liệu đã nhận</dt><dd>Đơn đề nghị<br>Bản sao sổ đỏ</dd>" in page


def test_the_slip_gives_the_size_of_a_group(client, officer, committee_of_ia_grai):
    visit = VisitFactory(agency=committee_of_ia_grai, documents_received=True, documents="Đơn tập thể", people=12)

    page = slip_of(client, visit)

    assert "<dt>Số người</dt><dd>12 (đoàn đông người)</dd>" in page


def test_the_slip_tells_where_and_with_what_to_look_the_code_up(client, officer, committee_of_ia_grai):
    visit = VisitFactory(
        agency=committee_of_ia_grai, documents_received=True, documents="Đơn", receipt_code="TD-ABCD2345"
    )

    page = slip_of(client, visit)

    assert (
        '<p class="receipt-lookup">Công dân tra cứu kết quả tiếp tại <strong>http://testserver/tra-cuu/</strong>: '
        "nhập mã <strong>TD-ABCD2345</strong> và 4 chữ số cuối của số điện thoại hoặc số CCCD đã khai.</p>"
    ) in page
