"""The desk's case picker: it searches the cases within scope by citizen, code, day or content, diacritics optional."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.models import Role
from reception.selectors import cases_matching
from tests.factories import CaseFactory, CitizenFactory, VisitFactory, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def receptionist(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)


@pytest.fixture
def land_case(committee_of_ia_grai):
    citizen = CitizenFactory(full_name="Rơ Châm Thị Hiền")
    case = CaseFactory(agency=committee_of_ia_grai, citizen=citizen, summary="Tranh chấp ranh giới đất rẫy")
    VisitFactory(
        agency=committee_of_ia_grai,
        citizen=citizen,
        case=case,
        received_on=date(2026, 3, 12),
        content="Tranh chấp ranh giới đất rẫy với hộ liền kề",
        receipt_code="TD-K7M2Q9XA",
    )
    CaseFactory(agency=committee_of_ia_grai, summary="Đề nghị sửa đường liên thôn")
    return case


@pytest.mark.parametrize(
    "query",
    ["cham thi hien", "RƠ CHÂM", "TD-K7M2Q9XA", "k7m2q9xa", "12/03/2026", "hien ranh gioi"],
)
def test_the_picker_finds_a_case_by_citizen_code_day_or_content(receptionist, land_case, query):
    assert list(cases_matching(query, receptionist)) == [land_case]


def test_the_picker_finds_a_case_by_its_number(receptionist, land_case):
    assert list(cases_matching(f"VV{land_case.pk}", receptionist)) == [land_case]


def test_the_picker_lists_open_cases_before_closed_ones(receptionist, committee_of_ia_grai):
    citizen = CitizenFactory(full_name="Ksor Y Ble")
    closed = CaseFactory(agency=committee_of_ia_grai, citizen=citizen, opened_on=date(2026, 3, 20), status="closed")
    opened = CaseFactory(agency=committee_of_ia_grai, citizen=citizen, opened_on=date(2026, 1, 5))

    assert list(cases_matching("ksor y ble", receptionist)) == [opened, closed]


def test_the_picker_never_offers_a_case_of_another_commune(receptionist, committee_of_pleiku):
    CaseFactory(agency=committee_of_pleiku, citizen=CitizenFactory(full_name="Rơ Châm Thị Hiền"))

    assert list(cases_matching("cham thi hien", receptionist)) == []


def test_the_picker_page_lists_the_matches_to_pick(client, receptionist, land_case):
    client.force_login(receptionist)

    page = client.post(reverse("reception:case-search"), {"case_query": "cham thi hien"}).content.decode()

    assert f"VV{land_case.pk}</span> Tranh chấp ranh giới đất rẫy</strong>" in page


def test_with_no_query_the_picker_lists_the_cases_of_the_citizen_picked(client, receptionist, land_case):
    client.force_login(receptionist)

    response = client.post(reverse("reception:case-search"), {"case_query": "", "citizen": land_case.citizen.pk})

    assert list(response.context["cases"]) == [land_case]


def test_picking_a_case_shows_it_chosen_in_the_form(client, receptionist, land_case):
    client.force_login(receptionist)

    page = client.post(reverse("reception:case-pick"), {"case": land_case.pk}).content.decode()

    assert f'<input type="hidden" name="case" value="{land_case.pk}" id="id_case">' in page
    assert f'Đã chọn <strong class="code">VV{land_case.pk}</strong> Tranh chấp ranh giới đất rẫy' in page


def test_picking_a_case_of_another_commune_is_404(client, receptionist, committee_of_pleiku):
    client.force_login(receptionist)

    response = client.post(reverse("reception:case-pick"), {"case": CaseFactory(agency=committee_of_pleiku).pk})

    assert response.status_code == 404
