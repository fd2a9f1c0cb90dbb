"""The desk resolves a citizen only within the user's sight; a CCCD of a citizen outside it links the visit without
showing or changing them; a citizen's stored details never change by logging a visit (issue 20, point 1)."""

from datetime import date

import pytest
from django.urls import reverse

from complaints.models import DenouncerIdentity, Petition
from danvan.citizens import KNOWN_ELSEWHERE, PICKED_ELSEWHERE
from danvan.models import Citizen, Role
from reception.models import Visit
from tests.factories import CitizenFactory, VisitFactory, staff_with_role
from tests.identity import STORED, shows_any_stored_detail, stored_row
from tests.reception.test_desk import DESK, visit_form

pytestmark = pytest.mark.django_db

# What an officer types at the desk for the same CCCD.
TYPED = {"full_name": "Rah Lan Blong", "address": "thon Hoa Binh", "birth_date": "03/02/1990", "gender": "female"}
LOOKUP = reverse("reception:citizen-lookup")


@pytest.fixture
def desk_client(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))
    return client


@pytest.fixture
def citizen_of_pleiku(committee_of_pleiku):
    return VisitFactory(agency=committee_of_pleiku, citizen=CitizenFactory(**STORED)).citizen


@pytest.fixture
def citizen_of_ia_grai(committee_of_ia_grai):
    return VisitFactory(agency=committee_of_ia_grai, citizen=CitizenFactory(**STORED)).citizen


def test_a_posted_citizen_id_of_another_commune_is_refused_without_a_detail_of_theirs(
    desk_client, committee_of_ia_grai, citizen_of_pleiku
):
    before = stored_row(citizen_of_pleiku)

    response = desk_client.post(DESK, visit_form(committee_of_ia_grai, citizen=citizen_of_pleiku.pk, cccd=""))

    assert (response.status_code, response.context["form"].non_field_errors()) == (400, [PICKED_ELSEWHERE])
    assert not shows_any_stored_detail(response)
    assert (stored_row(citizen_of_pleiku), Visit.objects.filter(agency=committee_of_ia_grai).count()) == (before, 0)


def test_a_cccd_of_another_communes_citizen_links_the_visit_and_says_only_that_they_are_on_record(
    desk_client, committee_of_ia_grai, citizen_of_pleiku
):
    before = stored_row(citizen_of_pleiku)

    response = desk_client.post(
        DESK, visit_form(committee_of_ia_grai, cccd=STORED["cccd"], phone="0911000111", **TYPED), follow=True
    )

    visit = Visit.objects.get(agency=committee_of_ia_grai)
    assert [str(message) for message in response.context["messages"]] == [
        "Đã ghi lượt tiếp công dân Rah Lan Blong.",
        KNOWN_ELSEWHERE,
    ]
    assert not shows_any_stored_detail(response)
    assert (visit.citizen, stored_row(citizen_of_pleiku)) == (citizen_of_pleiku, before)
    assert (visit.given_name, visit.given_address, visit.given_phone, visit.given_birth_date) == (
        "Rah Lan Blong",
        "thon Hoa Binh",
        "0911000111",
        date(1990, 2, 3),
    )


def test_the_visit_linked_to_a_citizen_known_elsewhere_shows_them_as_given(
    desk_client, committee_of_ia_grai, citizen_of_pleiku
):
    desk_client.post(DESK, visit_form(committee_of_ia_grai, cccd=STORED["cccd"], **TYPED))
    visit = Visit.objects.get(agency=committee_of_ia_grai)

    response = desk_client.get(visit.get_absolute_url())

    assert "Rah Lan Blong" in response.content.decode()
    assert not shows_any_stored_detail(response, cccd_typed=True)


def test_after_the_link_the_lookup_and_the_picker_still_show_nothing_of_them(
    desk_client, committee_of_ia_grai, citizen_of_pleiku
):
    desk_client.post(DESK, visit_form(committee_of_ia_grai, cccd=STORED["cccd"], **TYPED))

    lookup = desk_client.post(LOOKUP, {"cccd": STORED["cccd"]})
    pick = desk_client.post(reverse("reception:citizen-pick"), {"citizen": citizen_of_pleiku.pk})

    assert (list(lookup.context["matches"]), lookup.context["known_elsewhere"], pick.status_code) == (
        [],
        KNOWN_ELSEWHERE,
        404,
    )
    assert not shows_any_stored_detail(lookup)


def test_the_case_a_visit_of_a_citizen_known_elsewhere_opens_does_not_name_them(
    desk_client, committee_of_ia_grai, citizen_of_pleiku
):
    desk_client.post(DESK, visit_form(committee_of_ia_grai, cccd=STORED["cccd"], **TYPED))

    assert Visit.objects.get(agency=committee_of_ia_grai).case.citizen is None


def test_a_petition_handed_on_from_such_a_visit_keeps_the_details_given_at_the_desk(
    desk_client, committee_of_ia_grai, citizen_of_pleiku
):
    form = visit_form(committee_of_ia_grai, cccd=STORED["cccd"], kind="complaint", result="petition_received", **TYPED)

    desk_client.post(DESK, form)

    petition = Petition.objects.get(agency=committee_of_ia_grai)
    assert (petition.citizen, petition.person.full_name, petition.person.address) == (
        citizen_of_pleiku,
        "Rah Lan Blong",
        "thon Hoa Binh",
    )


def test_a_denunciation_handed_on_from_such_a_visit_vaults_the_details_given_at_the_desk(
    desk_client, committee_of_ia_grai, citizen_of_pleiku
):
    form = visit_form(
        committee_of_ia_grai, cccd=STORED["cccd"], kind="denunciation", result="petition_received", **TYPED
    )

    desk_client.post(DESK, form)

    identity = DenouncerIdentity.objects.get(petition__agency=committee_of_ia_grai)
    assert (identity.full_name, identity.address, identity.cccd) == ("Rah Lan Blong", "thon Hoa Binh", STORED["cccd"])


def test_the_lookup_says_a_cccd_of_another_communes_citizen_is_on_record_without_a_detail(
    desk_client, citizen_of_pleiku
):
    response = desk_client.post(LOOKUP, {"cccd": STORED["cccd"]})

    assert KNOWN_ELSEWHERE in response.content.decode()
    assert not shows_any_stored_detail(response)


def test_the_lookup_says_nothing_of_a_cccd_nobody_holds(desk_client, citizen_of_pleiku):
    response = desk_client.post(LOOKUP, {"cccd": "064190009999"})

    assert (list(response.context["matches"]), response.context["known_elsewhere"]) == ([], "")


def test_another_spelling_typed_for_a_known_cccd_leaves_the_citizen_as_stored_and_warns(
    desk_client, committee_of_ia_grai, citizen_of_ia_grai
):
    earlier = citizen_of_ia_grai.visits.get()
    before = stored_row(citizen_of_ia_grai)

    response = desk_client.post(DESK, visit_form(committee_of_ia_grai, cccd=STORED["cccd"], **TYPED), follow=True)

    assert (stored_row(citizen_of_ia_grai), Visit.objects.latest("pk").citizen) == (before, citizen_of_ia_grai)
    assert [str(message) for message in response.context["messages"]][-1] == (
        "Thông tin vừa nhập khác thông tin đã lưu của công dân (họ và tên, địa chỉ): thông tin đã lưu được giữ "
        "nguyên. Nếu thông tin đã lưu chưa đúng, hãy dùng “Sửa công dân” (ghi lý do) trên trang hồ sơ."
    )
    assert "Rah Lan Blơng" in desk_client.get(earlier.get_absolute_url()).content.decode()


def test_an_empty_stored_detail_is_not_filled_in_by_a_visit(desk_client, committee_of_ia_grai, citizen_of_ia_grai):
    Citizen.objects.filter(pk=citizen_of_ia_grai.pk).update(phone="")
    form = visit_form(committee_of_ia_grai, citizen=citizen_of_ia_grai.pk, cccd=STORED["cccd"], phone="0911000111")

    desk_client.post(DESK, form | {name: value for name, value in STORED.items() if name in ("full_name", "address")})

    citizen_of_ia_grai.refresh_from_db()
    assert citizen_of_ia_grai.phone == ""
