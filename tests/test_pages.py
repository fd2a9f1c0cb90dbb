from datetime import date, timedelta

import pytest
from django.urls import reverse

from danvan.models import Role
from danvan.services import create_standard_agencies
from tests.factories import PetitionFactory, StaffFactory, current_unit, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def leader_of_gia_lai(gia_lai):
    create_standard_agencies(province=gia_lai)
    committee = gia_lai.agencies.get(kind="committee")
    return staff_with_role(committee, Role.LEADER, full_name="Phạm Minh Đức")


def test_the_login_page_is_in_vietnamese(client):
    page = client.get(reverse("login")).content.decode()

    assert '<html lang="vi">' in page
    assert "<h1>Đăng nhập</h1>" in page


def test_the_home_page_greets_the_staff_member_and_lists_their_roles(client, leader_of_gia_lai):
    client.force_login(leader_of_gia_lai)

    response = client.get(reverse("home"))

    assert "Xin chào, Phạm Minh Đức" in response.content.decode()
    assert [(m.agency.name, m.get_role_display()) for m in response.context["memberships"]] == [
        ("Ủy ban nhân dân tỉnh Gia Lai", "Lãnh đạo")
    ]


def test_a_handlers_home_page_opens_on_the_ten_most_urgent_items_of_their_queue(client, committee_of_ia_grai):
    handler = staff_with_role(committee_of_ia_grai, Role.HANDLER)
    petitions = [
        PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 20) - timedelta(days=n))
        for n in range(11)
    ]
    client.force_login(handler)

    response = client.get(reverse("home"))

    page = response.content.decode()
    queue = response.context["queue"]
    assert ([item.pk for item in queue.items], queue.total) == ([p.pk for p in reversed(petitions[1:])], 11)
    assert page.index("<h2>Việc của tôi</h2>") < page.index("<h2>Vai trò của bạn</h2>")


def test_a_receptionists_home_page_stays_without_the_queue(client, committee_of_ia_grai):
    receptionist = staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)
    PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 20))
    client.force_login(receptionist)

    response = client.get(reverse("home"))

    assert (response.context["queue"], "<h2>Việc của tôi</h2>" in response.content.decode()) == (None, False)


def test_the_home_page_tells_staff_without_a_role_whom_to_ask(client, db):
    client.force_login(StaffFactory())

    response = client.get(reverse("home"))

    assert "Tài khoản chưa được giao vai trò tại cơ quan nào." in response.content.decode()


def test_the_agency_list_shows_fifty_a_page(client, leader_of_gia_lai):
    client.force_login(leader_of_gia_lai)

    page = client.get(reverse("agency-list"), {"trang": 2}).context["page"]

    assert (page.number, len(page.object_list), page.paginator.count) == (2, 50, 6 + 3 * 135)


def test_the_agency_list_filters_by_level(client, leader_of_gia_lai):
    client.force_login(leader_of_gia_lai)

    page = client.get(reverse("agency-list"), {"level": "province"}).context["page"]

    assert page.paginator.count == 6


def test_an_unknown_filter_value_is_explained_and_the_list_stays_whole(client, leader_of_gia_lai):
    client.force_login(leader_of_gia_lai)

    response = client.get(reverse("agency-list"), {"level": "galaxy"})

    assert response.context["filter"].form.errors == {
        "level": ["Hãy chọn một lựa chọn hợp lệ. galaxy không phải là một trong các lựa chọn khả thi."]
    }
    assert response.context["page"].paginator.count == 6 + 3 * 135


def test_an_agency_page_shows_the_remote_area_flag_of_its_unit(client, leader_of_gia_lai):
    ia_grai = current_unit("23764")
    ia_grai.remote_area = True
    ia_grai.save()
    client.force_login(leader_of_gia_lai)

    response = client.get(ia_grai.agencies.get(kind="committee").get_absolute_url())

    assert "<dt>Vùng sâu, vùng xa</dt><dd>Có</dd>" in response.content.decode()


def test_the_agency_list_starts_with_the_province_agencies_in_their_usual_order(client, leader_of_gia_lai):
    client.force_login(leader_of_gia_lai)

    page = client.get(reverse("agency-list")).context["page"]

    assert [agency.name for agency in page.object_list[:7]] == [
        "Ủy ban nhân dân tỉnh Gia Lai",
        "Tỉnh ủy Gia Lai",
        "Hội đồng nhân dân tỉnh Gia Lai",
        "Đoàn đại biểu Quốc hội tỉnh Gia Lai",
        "Ban Tiếp công dân tỉnh Gia Lai",
        "Thanh tra tỉnh Gia Lai",
        "Ủy ban nhân dân phường Quy Nhơn Bắc",
    ]


def test_a_missing_page_is_explained_in_vietnamese(client, db):
    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    assert "<h1>Không tìm thấy trang</h1>" in response.content.decode()
