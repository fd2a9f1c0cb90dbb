"""An id typed in a query or a form is ASCII digits within a big integer's range; other scripts' digits ("²", "٣"),
which pass ``str.isdigit``, and numbers past the database's range name nothing: never a 500."""

import pytest
from django.urls import reverse

from danvan.inputs import id_in
from danvan.models import Role
from tests.factories import PetitionFactory, staff_with_role

# Each passes str.isdigit() but is no id here.
NOT_IDS = ["²", "٣", "１２", "9" * 19]


@pytest.mark.parametrize("value", ["7", " 42 ", 42])
def test_ascii_digits_name_an_id(value):
    assert id_in(value) == int(str(value).strip())


@pytest.mark.parametrize("value", [*NOT_IDS, "", None, "-1", "1.5", "12a"])
def test_anything_else_names_no_id(value):
    assert id_in(value) is None


@pytest.fixture
def leader(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.LEADER)


@pytest.mark.parametrize("value", NOT_IDS)
def test_an_attachment_asked_for_by_another_scripts_digits_is_not_found(client, leader, committee_of_ia_grai, value):
    petition = PetitionFactory(agency=committee_of_ia_grai)
    client.force_login(leader)

    response = client.get(petition.get_absolute_url(), {"tep": value})

    assert response.status_code == 404


@pytest.mark.parametrize("value", NOT_IDS)
def test_the_dashboard_asked_for_a_unit_by_another_scripts_digits_is_not_found(client, leader, value):
    client.force_login(leader)

    response = client.get(reverse("reports:dashboard"), {"unit": value})

    assert response.status_code == 404


@pytest.mark.parametrize("value", NOT_IDS)
def test_the_desk_picking_a_citizen_by_another_scripts_digits_finds_none(client, committee_of_ia_grai, value):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))

    response = client.post(reverse("reception:citizen-pick"), {"citizen": value})

    assert response.status_code == 404


@pytest.mark.parametrize("value", NOT_IDS)
def test_the_queue_on_a_page_of_another_scripts_digits_shows_the_first(client, leader, value):
    client.force_login(leader)

    response = client.get(reverse("worklist:mine"), {"trang": value})

    assert (response.status_code, response.context["number"]) == (200, 1)


def test_the_queue_on_a_page_past_any_queue_shows_an_empty_last_page(client, leader):
    client.force_login(leader)

    response = client.get(reverse("worklist:mine"), {"trang": "9" * 18})

    assert (response.status_code, response.context["number"], response.context["queue"].items) == (200, 10_000, [])
