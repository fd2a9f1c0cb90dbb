"""The search pickers (danvan/pickers.py): a long choice is a search within the user's scope, and a page ships the
record chosen, not the list."""

import pytest
from django.urls import reverse

from danvan.models import Agency, Role
from danvan.pickers import Picker
from tests.factories import AgencyFactory, staff_with_role

PICK = reverse("pick", args=["co-quan"])


@pytest.fixture
def leader_of_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.LEADER)


@pytest.fixture
def leader_of_gia_lai(committee_of_gia_lai):
    return staff_with_role(committee_of_gia_lai, Role.LEADER)


def matches(client, query: str, picker: str = "co-quan") -> list[str]:
    response = client.get(reverse("pick", args=[picker]), {"field": "agency", "id": "id_agency", "tim": query})
    return [label for _, label in response.context["matches"]]


def test_a_search_without_diacritics_finds_the_agency(client, leader_of_gia_lai, committee_of_ia_grai):
    client.force_login(leader_of_gia_lai)

    assert matches(client, "ia grai") == ["Ủy ban nhân dân xã Ia Grai (Tỉnh Gia Lai)"]


def test_the_short_form_staff_type_finds_the_name_spelled_out(client, leader_of_gia_lai, committee_of_ia_grai):
    client.force_login(leader_of_gia_lai)

    assert matches(client, "ubnd ia grai") == ["Ủy ban nhân dân xã Ia Grai (Tỉnh Gia Lai)"]


def test_names_whose_words_begin_as_typed_come_first():
    listed = [Agency(pk=1, name="Ủy ban nhân dân xã Bình Khê"), Agency(pk=2, name="Ủy ban nhân dân phường An Khê")]
    picker = Picker("thu", choices=lambda staff: listed, label=lambda agency: agency.name)

    assert picker.matches(None, "an khe") == (
        [(2, "Ủy ban nhân dân phường An Khê"), (1, "Ủy ban nhân dân xã Bình Khê")],
        0,
    )


def test_an_agency_outside_the_scope_is_never_offered(client, leader_of_ia_grai, committee_of_pleiku):
    client.force_login(leader_of_ia_grai)

    assert matches(client, "") == ["Ủy ban nhân dân xã Ia Grai (Tỉnh Gia Lai)"]


def test_picking_an_agency_outside_the_scope_leaves_the_field_empty(client, leader_of_ia_grai, committee_of_pleiku):
    client.force_login(leader_of_ia_grai)

    field = client.get(PICK, {"field": "agency", "id": "id_agency", "chon": committee_of_pleiku.pk}).content.decode()

    assert ('name="agency" value=""' in field, "Pleiku" in field) == (True, False)


def test_picking_an_agency_renders_the_field_with_it(client, leader_of_ia_grai, committee_of_ia_grai):
    client.force_login(leader_of_ia_grai)

    field = client.get(PICK, {"field": "agency", "id": "id_agency", "chon": committee_of_ia_grai.pk}).content.decode()

    assert (f'name="agency" value="{committee_of_ia_grai.pk}"' in field, "Ủy ban nhân dân xã Ia Grai" in field) == (
        True,
        True,
    )


@pytest.mark.parametrize(
    ("picker", "field"), [("khong-co", "agency"), ("co-quan", 'x"><script>'), ("co-quan", "")], ids=str
)
def test_an_unknown_picker_or_a_field_name_that_is_none_is_not_found(client, leader_of_ia_grai, picker, field):
    client.force_login(leader_of_ia_grai)

    response = client.get(reverse("pick", args=[picker]), {"field": field, "id": "id_agency", "tim": "a"})

    assert response.status_code == 404


def test_the_matches_stop_at_twenty_and_say_how_many_more(client, leader_of_gia_lai, committee_of_ia_grai):
    for number in range(25):
        AgencyFactory(unit=committee_of_ia_grai.unit, kind=Agency.Kind.DEPARTMENT, name=f"Phòng số {number}")
    client.force_login(leader_of_gia_lai)

    response = client.get(PICK, {"field": "agency", "id": "id_agency", "tim": ""})

    assert (len(response.context["matches"]), response.context["more"] > 0) == (20, True)


def test_a_list_ships_the_agency_chosen_not_every_agency_of_the_province(
    client, leader_of_gia_lai, committee_of_ia_grai, committee_of_pleiku
):
    client.force_login(leader_of_gia_lai)

    page = client.get(reverse("complaints:petition-list"), {"agency": committee_of_ia_grai.pk}).content.decode()

    assert ("xã Ia Grai" in page, "Pleiku" in page) == (True, False)
