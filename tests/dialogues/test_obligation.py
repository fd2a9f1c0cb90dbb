from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.models import Agency
from dialogues.models import Host, Kind
from dialogues.selectors import communes_without_dialogue
from tests.factories import AgencyFactory, DialogueFactory, current_unit, legacy_unit

pytestmark = pytest.mark.django_db

OBLIGATION = reverse("dialogues:obligation")


def this_year() -> int:
    return timezone.localdate().year


def missing(staff, year=None) -> list[str]:
    """The codes of the communes whose committee has held no dialogue in ``year`` (this year unless given)."""
    communes = communes_without_dialogue(staff, year=year or this_year(), today=timezone.localdate())
    return [committee.unit.code for committee in communes]


@pytest.fixture
def committee_of_quy_nhon_bac(db):
    return AgencyFactory(unit=current_unit("21553"))


@pytest.fixture
def communes_of_gia_lai(committee_of_quy_nhon_bac, committee_of_pleiku, committee_of_ia_grai):
    return [committee_of_quy_nhon_bac, committee_of_pleiku, committee_of_ia_grai]


def test_the_communes_without_a_dialogue_this_year_are_listed_by_code(leader_of_gia_lai, communes_of_gia_lai):
    assert missing(leader_of_gia_lai) == ["21553", "23575", "23764"]


def test_a_commune_that_held_a_dialogue_this_year_is_not_listed(
    hold, leader_of_gia_lai, communes_of_gia_lai, committee_of_pleiku
):
    hold(committee_of_pleiku, timezone.localdate())

    assert missing(leader_of_gia_lai) == ["21553", "23764"]


def test_a_voter_meeting_does_not_satisfy_the_obligation(hold, leader_of_gia_lai, committee_of_ia_grai):
    council_of_ia_grai = AgencyFactory(unit=current_unit("23764"), kind=Agency.Kind.COUNCIL, name="HĐND xã Ia Grai")
    today = timezone.localdate()
    hold(committee_of_ia_grai, today, kind=Kind.VOTER_MEETING)
    hold(council_of_ia_grai, today, kind=Kind.VOTER_MEETING, host=Host.COUNCIL_DEPUTY)

    assert missing(leader_of_gia_lai) == ["23764"]


def test_a_dialogue_of_last_year_does_not_count_for_this_year(hold, leader_of_gia_lai, committee_of_ia_grai):
    hold(committee_of_ia_grai, date(this_year() - 1, 12, 15))

    assert (missing(leader_of_gia_lai), missing(leader_of_gia_lai, this_year() - 1)) == (["23764"], [])


def test_a_commune_outside_the_scope_is_absent(leader_of_gia_lai, committee_of_ia_grai, committee_of_ba_dinh):
    assert missing(leader_of_gia_lai) == ["23764"]


def test_only_commune_people_s_committees_are_listed(leader_of_gia_lai, committee_of_ia_grai):
    AgencyFactory(unit=current_unit("23764"), kind=Agency.Kind.PARTY, name="Đảng ủy xã Ia Grai")

    assert missing(leader_of_gia_lai) == ["23764"]


def test_a_commune_leader_sees_only_their_own_commune(leader_of_ia_grai, communes_of_gia_lai):
    assert missing(leader_of_ia_grai) == ["23764"]


def test_a_past_year_is_judged_on_the_communes_of_that_year(hold, leader_of_gia_lai, committee_of_ia_grai):
    AgencyFactory(unit=legacy_unit("23764"))  # Thị trấn Ia Kha
    hold(AgencyFactory(unit=legacy_unit("23771")), date(2024, 10, 2))  # Xã Ia Bă

    assert missing(leader_of_gia_lai, 2024) == ["23764"]


@pytest.fixture
def viewing(client, leader_of_gia_lai):
    client.force_login(leader_of_gia_lai)
    return client


def test_the_page_lists_the_communes_under_their_province_with_the_law(viewing, hold, communes_of_gia_lai):
    hold(communes_of_gia_lai[0], timezone.localdate())

    response = viewing.get(OBLIGATION)

    page = response.content.decode()
    year = this_year()
    assert response.status_code == 200
    assert [(parent.code, count, [c.unit.code for c in committees]) for parent, count, committees in
            response.context["groups"]] == [("52", 2, ["23575", "23764"])]  # fmt: skip
    assert f"<h1>Xã chưa tổ chức đối thoại năm {year}</h1>" in page
    assert "Tỉnh Gia Lai — 2 xã chưa tổ chức đối thoại" in page
    assert "Ủy ban nhân dân phường Pleiku" in page and "Ủy ban nhân dân xã Ia Grai" in page
    assert "Luật Thực hiện dân chủ ở cơ sở năm 2022, Điều 32" in page
    assert "Ủy ban nhân dân phường Quy Nhơn Bắc" not in page


def test_a_past_year_groups_the_communes_under_their_districts(viewing):
    AgencyFactory(unit=legacy_unit("23764"))  # Huyện Ia Grai (628)
    AgencyFactory(unit=legacy_unit("23575"))  # Thành phố Pleiku (622)

    response = viewing.get(OBLIGATION, {"year": 2024})

    assert [(parent.code, count) for parent, count, _ in response.context["groups"]] == [("622", 1), ("628", 1)]
    assert "<h1>Xã chưa tổ chức đối thoại năm 2024</h1>" in response.content.decode()


def test_a_future_year_is_refused_and_this_year_shown(viewing, committee_of_ia_grai):
    response = viewing.get(OBLIGATION, {"year": this_year() + 1})

    assert response.context["year"] == this_year()
    assert response.context["form"].errors == {"year": ["Năm được chọn chưa đến."]}
    assert "Năm được chọn chưa đến." in response.content.decode()


def test_when_every_commune_held_its_dialogue_the_page_says_so(viewing, hold, committee_of_ia_grai):
    hold(committee_of_ia_grai, timezone.localdate())

    response = viewing.get(OBLIGATION)

    assert response.context["page"].paginator.count == 0
    assert f"Mọi xã trong phạm vi của bạn đã tổ chức hội nghị đối thoại với Nhân dân trong năm {this_year()}." in (
        response.content.decode()
    )


def test_the_page_needs_a_login(client):
    response = client.get(OBLIGATION)

    assert (response.status_code, response.url.split("?")[0]) == (302, reverse("login"))


def test_a_year_that_is_not_a_number_is_explained(viewing):
    response = viewing.get(OBLIGATION, {"year": "năm nay"})

    assert "Hãy nhập năm, ví dụ 2025." in response.content.decode()


@pytest.fixture
def committee_of_old_quy_nhon_bac(db):
    """Phường Quy Nhơn Bắc (21553) was formed on 01/07/2025 from the former communes 21553 and 21559."""
    return AgencyFactory(unit=legacy_unit("21553"))


def test_a_dialogue_of_a_former_commune_before_the_reform_meets_the_new_commune_s_duty_for_2025(
    hold, leader_of_gia_lai, committee_of_quy_nhon_bac, committee_of_old_quy_nhon_bac
):
    AgencyFactory(unit=legacy_unit("21559"))  # the other former commune, which held none
    hold(committee_of_old_quy_nhon_bac, date(2025, 3, 14))

    assert missing(leader_of_gia_lai, 2025) == []


def test_a_dialogue_of_a_former_commune_in_2025_does_not_meet_the_duty_of_2026(
    hold, leader_of_gia_lai, committee_of_quy_nhon_bac, committee_of_old_quy_nhon_bac
):
    hold(committee_of_old_quy_nhon_bac, date(2025, 3, 14))
    communes = communes_without_dialogue(leader_of_gia_lai, year=2026, today=date(2026, 12, 31))

    assert [committee.unit.code for committee in communes] == ["21553"]


def test_a_dialogue_dated_after_the_reform_by_a_former_commune_does_not_count_for_the_new_one(
    leader_of_gia_lai, committee_of_quy_nhon_bac, committee_of_old_quy_nhon_bac
):
    DialogueFactory(agency=committee_of_old_quy_nhon_bac, date=date(2025, 7, 1))

    assert missing(leader_of_gia_lai, 2025) == ["21553"]


def test_a_dialogue_of_another_kind_of_agency_of_a_former_commune_does_not_count(
    hold, leader_of_gia_lai, committee_of_quy_nhon_bac
):
    party = AgencyFactory(unit=legacy_unit("21553"), kind=Agency.Kind.PARTY, name="Đảng ủy phường Quy Nhơn Bắc cũ")
    DialogueFactory(agency=party, date=date(2025, 3, 14), host=Host.PARTY_SECRETARY)

    assert missing(leader_of_gia_lai, 2025) == ["21553"]


def test_the_page_of_2025_says_that_the_former_communes_dialogues_count(viewing):
    response = viewing.get(OBLIGATION, {"year": 2025})

    assert (
        "hội nghị đối thoại do Ủy ban nhân dân các xã, phường, thị trấn trước sắp xếp tổ chức trước ngày 01/07/2025"
        " được tính cho đơn vị mới." in response.content.decode()
    )
