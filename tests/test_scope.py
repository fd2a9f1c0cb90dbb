import pytest
from django.http import Http404
from django.urls import reverse

from danvan.models import Agency, Membership, Role
from danvan.scope import agencies_for, get_scoped_or_404, scoped, visible_agency_ids
from tests.factories import AgencyFactory, StaffFactory, current_unit, legacy_unit, staff_with_role

pytestmark = pytest.mark.django_db


def test_an_officer_of_one_commune_gets_404_on_an_agency_of_another_commune(
    client, committee_of_ia_grai, committee_of_pleiku
):
    officer_in_ia_grai = staff_with_role(committee_of_ia_grai, Role.HANDLER)
    client.force_login(officer_in_ia_grai)

    response = client.get(committee_of_pleiku.get_absolute_url())

    assert response.status_code == 404


def test_an_officer_of_a_commune_opens_the_agency_of_their_own_commune(
    client, committee_of_ia_grai, committee_of_pleiku
):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.HANDLER, full_name="Đặng Văn Tâm"))

    response = client.get(committee_of_ia_grai.get_absolute_url())

    assert response.context["agency"] == committee_of_ia_grai
    assert "Đặng Văn Tâm" in response.content.decode()


def test_the_agency_list_of_a_commune_officer_holds_only_their_commune(
    client, committee_of_ia_grai, committee_of_pleiku, committee_of_gia_lai
):
    party_of_ia_grai = AgencyFactory(unit=committee_of_ia_grai.unit, kind=Agency.Kind.PARTY, name="Đảng ủy xã Ia Grai")
    client.force_login(staff_with_role(committee_of_ia_grai, Role.LEADER))

    response = client.get(reverse("agency-list"))

    assert set(response.context["page"].object_list) == {committee_of_ia_grai, party_of_ia_grai}


def test_a_province_leader_sees_the_agencies_of_every_commune_in_the_province(
    committee_of_gia_lai, committee_of_ia_grai, committee_of_pleiku
):
    committee_elsewhere = AgencyFactory(unit=current_unit("01"))
    leader_of_province = staff_with_role(committee_of_gia_lai, Role.LEADER)

    visible = set(agencies_for(leader_of_province))

    assert visible == {committee_of_gia_lai, committee_of_ia_grai, committee_of_pleiku}
    assert committee_elsewhere not in visible


def test_a_province_leader_since_the_reform_sees_the_old_agencies_that_went_into_the_province(
    committee_of_gia_lai, committee_of_old_gia_lai
):
    committee_of_old_pleiku = AgencyFactory(unit=legacy_unit("64").children.get(code="622"))
    committee_of_old_hanoi = AgencyFactory(unit=legacy_unit("01"))

    visible = set(agencies_for(staff_with_role(committee_of_gia_lai, Role.REPORTER)))

    assert visible == {committee_of_gia_lai, committee_of_old_gia_lai, committee_of_old_pleiku}
    assert committee_of_old_hanoi not in visible


def test_a_receptionist_sees_only_their_own_agency(committee_of_gia_lai, committee_of_ia_grai):
    reception_office = AgencyFactory(
        unit=committee_of_gia_lai.unit, kind=Agency.Kind.RECEPTION_OFFICE, name="Ban Tiếp công dân tỉnh Gia Lai"
    )
    receptionist = staff_with_role(reception_office, Role.RECEPTIONIST)

    assert list(agencies_for(receptionist)) == [reception_office]


def test_staff_without_a_role_see_no_agency(committee_of_gia_lai):
    assert list(agencies_for(StaffFactory())) == []


# Any model with an agency is scoped the same way; memberships stand in for a record type below.


def test_records_are_scoped_through_their_agency(committee_of_ia_grai, committee_of_pleiku):
    handler_in_ia_grai = staff_with_role(committee_of_ia_grai, Role.HANDLER)
    staff_with_role(committee_of_pleiku, Role.HANDLER)

    visible = scoped(Membership.objects.all(), handler_in_ia_grai)

    assert list(visible) == [handler_in_ia_grai.memberships.get()]


def test_fetching_a_record_outside_the_scope_raises_404(committee_of_ia_grai, committee_of_pleiku):
    record_in_pleiku = staff_with_role(committee_of_pleiku, Role.HANDLER).memberships.get()
    leader_of_ia_grai = staff_with_role(committee_of_ia_grai, Role.LEADER)

    with pytest.raises(Http404):
        get_scoped_or_404(Membership.objects.all(), leader_of_ia_grai, pk=record_in_pleiku.pk)


# The ids read once for a page (danvan.scope.visible_agency_ids): the same agencies, an area's kept in the cache.


def test_the_visible_agency_ids_are_those_of_the_visible_agencies(
    committee_of_gia_lai, committee_of_old_gia_lai, committee_of_ia_grai, committee_of_pleiku
):
    reception_office = AgencyFactory(
        unit=committee_of_pleiku.unit, kind=Agency.Kind.RECEPTION_OFFICE, name="Ban Tiếp công dân xã"
    )
    staff = StaffFactory()
    Membership.objects.create(staff=staff, agency=committee_of_ia_grai, role=Role.LEADER)
    Membership.objects.create(staff=staff, agency=reception_office, role=Role.RECEPTIONIST)
    superuser = StaffFactory(is_superuser=True)

    assert [visible_agency_ids(s).values for s in (staff, superuser)] == [
        tuple(sorted([committee_of_ia_grai.pk, reception_office.pk])),
        tuple(Agency.objects.order_by("pk").values_list("pk", flat=True)),
    ]


def test_an_agency_added_to_an_area_is_visible_at_once_though_the_areas_ids_are_kept(
    committee_of_gia_lai, committee_of_ia_grai
):
    leader = staff_with_role(committee_of_gia_lai, Role.LEADER)
    before = visible_agency_ids(leader).values

    added = AgencyFactory(unit=committee_of_ia_grai.unit, kind=Agency.Kind.PARTY, name="Đảng ủy xã Ia Grai")

    assert (before, visible_agency_ids(leader).values) == (
        tuple(sorted([committee_of_gia_lai.pk, committee_of_ia_grai.pk])),
        tuple(sorted([committee_of_gia_lai.pk, committee_of_ia_grai.pk, added.pk])),
    )
