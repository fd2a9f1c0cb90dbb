"""Which citizens a user sees (danvan.scope.citizens_seen_by): those of whom their agencies have a record."""

import pytest

from danvan.models import Classification, Role
from danvan.permissions import Action
from danvan.scope import citizens_seen_by
from tests.factories import CaseFactory, CitizenFactory, PetitionFactory, VisitFactory, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def receptionist_of_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)


def seen(staff, action=Action.SEE) -> set:
    return set(citizens_seen_by(staff, action))


def test_a_citizen_with_a_visit_at_ones_agency_is_seen(receptionist_of_ia_grai, committee_of_ia_grai):
    visit = VisitFactory(agency=committee_of_ia_grai)

    assert seen(receptionist_of_ia_grai) == {visit.citizen}


def test_a_citizen_with_a_petition_received_or_forwarded_at_ones_agency_is_seen(
    receptionist_of_ia_grai, committee_of_ia_grai, committee_of_pleiku
):
    received = PetitionFactory(agency=committee_of_ia_grai, case=None)
    forwarded = PetitionFactory(agency=committee_of_pleiku, forwarded_to=committee_of_ia_grai, case=None)

    assert seen(receptionist_of_ia_grai) == {received.citizen, forwarded.citizen}


def test_a_citizen_of_a_case_at_ones_agency_is_seen(receptionist_of_ia_grai, committee_of_ia_grai):
    case = CaseFactory(agency=committee_of_ia_grai)

    assert seen(receptionist_of_ia_grai) == {case.citizen}


def test_a_citizen_known_only_to_another_commune_is_not_seen(receptionist_of_ia_grai, committee_of_pleiku):
    VisitFactory(agency=committee_of_pleiku)
    PetitionFactory(agency=committee_of_pleiku)

    assert seen(receptionist_of_ia_grai) == set()


def test_a_denouncers_visit_does_not_make_them_seen(receptionist_of_ia_grai, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, kind=Classification.DENUNCIATION, case__citizen=None)

    assert seen(receptionist_of_ia_grai) == set()


def test_a_record_linked_to_a_citizen_known_elsewhere_does_not_make_them_seen(
    receptionist_of_ia_grai, committee_of_ia_grai, committee_of_pleiku
):
    elsewhere = VisitFactory(agency=committee_of_pleiku).citizen
    VisitFactory(agency=committee_of_ia_grai, citizen=elsewhere, given_name="Nguyễn Văn Khai", case__citizen=None)
    PetitionFactory(agency=committee_of_ia_grai, citizen=elsewhere, given_name="Nguyễn Văn Khai")

    assert seen(receptionist_of_ia_grai) == set()


def test_a_leader_sees_the_citizens_of_the_communes_below_but_corrects_only_those_of_their_agency(
    committee_of_gia_lai, committee_of_ia_grai
):
    leader_of_province = staff_with_role(committee_of_gia_lai, Role.LEADER)
    of_province = VisitFactory(agency=committee_of_gia_lai).citizen
    of_commune = VisitFactory(agency=committee_of_ia_grai).citizen

    assert (seen(leader_of_province), seen(leader_of_province, Action.RECORD)) == (
        {of_province, of_commune},
        {of_province},
    )


def test_the_citizens_seen_are_each_listed_once(receptionist_of_ia_grai, committee_of_ia_grai):
    citizen = CitizenFactory()
    VisitFactory.create_batch(2, agency=committee_of_ia_grai, citizen=citizen)
    PetitionFactory(agency=committee_of_ia_grai, citizen=citizen)

    assert list(citizens_seen_by(receptionist_of_ia_grai)) == [citizen]
