"""What the desk warns of while the officer types, before the visit is saved."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.models import Role
from reception.models import Visit
from tests.factories import CitizenFactory, VisitFactory, staff_with_role
from tests.reception.test_desk import visit_form

pytestmark = pytest.mark.django_db

WARNINGS = reverse("reception:desk-warnings")


@pytest.fixture
def desk_client(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))
    return client


def warnings_for(client, data) -> list[str]:
    return client.post(WARNINGS, data).context["warnings"]


def test_a_cccd_that_contradicts_the_birth_date_typed_is_flagged_before_saving(desk_client, committee_of_ia_grai):
    warnings = warnings_for(desk_client, visit_form(committee_of_ia_grai, birth_date="17/05/1985"))

    assert (warnings, Visit.objects.count()) == (["Lưu ý: số CCCD không khớp với ngày sinh hoặc giới tính đã nhập."], 0)


def test_a_half_typed_form_warns_of_nothing_and_saves_nothing(desk_client):
    response = desk_client.post(WARNINGS, {"cccd": "0640", "full_name": "Ng"})

    assert (response.status_code, response.context["warnings"], Visit.objects.count()) == (200, [], 0)


def test_a_visit_like_one_the_citizen_made_recently_is_flagged_as_a_likely_duplicate(desk_client, committee_of_ia_grai):
    today = timezone.localdate()
    citizen = CitizenFactory(full_name="Nguyễn Văn An", cccd="064090001234")
    VisitFactory(
        agency=committee_of_ia_grai, citizen=citizen, received_on=today, receipt_code="TD-ABCD2345",
        content="Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho gia đình",
    )  # fmt: skip

    warnings = warnings_for(desk_client, visit_form(committee_of_ia_grai))

    assert warnings == [
        f"Có thể trùng: Nguyễn Văn An đã được tiếp ngày {today:%d/%m/%Y} về nội dung tương tự (mã TD-ABCD2345)."
    ]


def test_a_like_visit_long_ago_or_of_someone_else_is_no_duplicate(desk_client, committee_of_ia_grai):
    content = "Đề nghị cấp giấy chứng nhận quyền sử dụng đất"
    VisitFactory(
        agency=committee_of_ia_grai, received_on=date(2020, 1, 6), content=content,
        citizen=CitizenFactory(full_name="Nguyễn Văn An", cccd="064090001234"),
    )  # fmt: skip
    VisitFactory(
        agency=committee_of_ia_grai, received_on=timezone.localdate(), content=content,
        citizen=CitizenFactory(full_name="Trần Thị Bình", cccd="064190005678"),
    )  # fmt: skip

    assert warnings_for(desk_client, visit_form(committee_of_ia_grai)) == []
