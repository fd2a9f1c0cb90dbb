"""Hand-over (bàn giao) of the open petitions and cases of an abolished agency to the agency that carries on its work:
what moves, what stays, the timeline, the clocks, who may do it, and where the figures count the records."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from complaints.figures import complaints_figures
from complaints.models import Handling, HandOver, Outcome, Petition
from complaints.services.handling import handle_petition
from complaints.services.handover import hand_over, pending_hand_over
from complaints.services.resolution import decide_case
from danvan.models import Agency, Case, Event, Role
from danvan.selectors import timeline_of
from reports.tallies import Received, received
from tests.factories import (
    AgencyFactory,
    CaseFactory,
    DecisionFactory,
    PetitionFactory,
    legacy_unit,
    staff_with_role,
    verified,
)

pytestmark = pytest.mark.django_db

ON = date(2025, 7, 15)  # the hand-over, after the district level was abolished on 01/07/2025
NOTHING_LEFT = "Ủy ban nhân dân huyện Ia Grai không còn đơn chưa xử lý hay vụ việc chưa giải quyết nào để bàn giao."


@pytest.fixture
def committee_of_old_ia_grai_district(db):
    """Ủy ban nhân dân huyện Ia Grai (district 628 of the old Tỉnh Gia Lai), until 30/06/2025."""
    return AgencyFactory(unit=legacy_unit("628"))


@pytest.fixture
def admin_of_gia_lai(committee_of_gia_lai):
    """A unit admin of the new Tỉnh Gia Lai, whose area holds the old district and the new Xã Ia Grai."""
    return staff_with_role(committee_of_gia_lai, Role.UNIT_ADMIN, full_name="Võ Quốc Bảo")


@pytest.fixture
def open_records(committee_of_old_ia_grai_district):
    """Two unhandled petitions and one accepted case not resolved of the old district, each with its deadline."""
    district = committee_of_old_ia_grai_district
    petitions = [
        PetitionFactory(agency=district, received_on=date(2025, 6, 20), handling_due_on=date(2025, 7, 4)),
        PetitionFactory(agency=district, received_on=date(2025, 6, 25), handling_due_on=date(2025, 7, 9)),
    ]
    case = CaseFactory(agency=district, opened_on=date(2025, 6, 2), accepted_on=date(2025, 6, 10))
    return petitions, case


def handing_over(giving, receiving, by, on=ON) -> HandOver:
    return hand_over(giving=giving, receiving=receiving, by=by, on=on)


def test_the_unhandled_petitions_and_unresolved_cases_move_to_the_receiving_agency_and_are_counted(
    committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai, open_records
):
    petitions, case = open_records

    done = handing_over(committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai)

    moved = Petition.objects.filter(agency=committee_of_ia_grai).order_by("pk")
    assert (list(moved), list(Case.objects.filter(agency=committee_of_ia_grai))) == (petitions, [case])
    assert (done.giving, done.receiving, done.on, done.petitions, done.cases, done.by) == (
        committee_of_old_ia_grai_district, committee_of_ia_grai, ON, 2, 1, admin_of_gia_lai
    )  # fmt: skip


def test_handled_petitions_and_resolved_cases_stay_with_the_abolished_agency(
    committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai, open_records
):
    district = committee_of_old_ia_grai_district
    handled = PetitionFactory(agency=district, received_on=date(2025, 3, 2), handling=Handling.GUIDE,
                              processable=True, in_competence=False, handled_on=date(2025, 3, 5))  # fmt: skip
    resolved = DecisionFactory(case__agency=district, case__opened_on=date(2025, 3, 1),
                               case__accepted_on=date(2025, 3, 5), issued_on=date(2025, 4, 1)).case  # fmt: skip

    handing_over(district, committee_of_ia_grai, admin_of_gia_lai)

    assert (list(Petition.objects.filter(agency=district)), list(Case.objects.filter(agency=district))) == (
        [handled], [resolved]
    )  # fmt: skip


def test_each_record_moved_has_one_timeline_entry_naming_both_agencies(
    committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai, open_records
):
    petitions, case = open_records

    done = handing_over(committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai)

    expected = (
        "handed_over",
        "Bàn giao từ Ủy ban nhân dân huyện Ia Grai sang Ủy ban nhân dân xã Ia Grai",
        ON,
        admin_of_gia_lai,
        {"agency": [committee_of_old_ia_grai_district.pk, committee_of_ia_grai.pk], "hand_over": done.pk},
    )
    entries = [[(e.kind, e.label, e.on, e.by, e.changes) for e in timeline_of(r)] for r in [*petitions, case]]
    assert entries == [[expected]] * 3
    assert Event.objects.filter(kind="handed_over").count() == 3


def test_the_deadlines_stay_as_they_were(
    committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai, open_records
):
    petitions, case = open_records
    before = ([p.handling_due_on for p in petitions], case.due_on, case.accepted_on)

    handing_over(committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai)

    for record in [*petitions, case]:
        record.refresh_from_db()
    assert ([p.handling_due_on for p in petitions], case.due_on, case.accepted_on) == before


def test_the_confirmation_counts_what_would_move_and_moves_nothing(
    committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai, open_records
):
    pending = pending_hand_over(
        giving=committee_of_old_ia_grai_district, receiving=committee_of_ia_grai, by=admin_of_gia_lai, on=ON
    )

    assert ((pending.petitions, pending.cases), Petition.objects.filter(agency=committee_of_ia_grai).count()) == (
        (2, 1), 0
    )  # fmt: skip


def test_a_second_submit_moves_nothing_more_and_is_refused(
    committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai, open_records
):
    handing_over(committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai)

    with pytest.raises(ValidationError) as refused:
        handing_over(committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai)

    assert refused.value.message_dict == {"giving": [NOTHING_LEFT]}
    assert (HandOver.objects.count(), Event.objects.filter(kind="handed_over").count()) == (1, 3)


def test_an_admin_of_a_commune_cannot_hand_over_the_district_s_records(
    committee_of_old_ia_grai_district, committee_of_ia_grai, open_records
):
    admin_of_ia_grai = staff_with_role(committee_of_ia_grai, Role.UNIT_ADMIN)

    with pytest.raises(PermissionDenied):
        handing_over(committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_ia_grai)

    assert Petition.objects.filter(agency=committee_of_ia_grai).count() == 0


def test_a_leader_of_the_province_is_not_a_unit_admin_and_cannot_hand_over(
    committee_of_old_ia_grai_district, committee_of_ia_grai, committee_of_gia_lai, open_records
):
    leader_of_gia_lai = staff_with_role(committee_of_gia_lai, Role.LEADER)

    with pytest.raises(PermissionDenied):
        handing_over(committee_of_old_ia_grai_district, committee_of_ia_grai, leader_of_gia_lai)


def test_admin_roles_over_each_agency_apart_are_not_enough(
    committee_of_old_ia_grai_district, committee_of_ia_grai, open_records
):
    """An admin of the old district and of the new commune, but of no unit holding both."""
    admin = staff_with_role(committee_of_ia_grai, Role.UNIT_ADMIN)
    staff_with_role(committee_of_old_ia_grai_district, Role.UNIT_ADMIN).memberships.update(staff=admin)

    with pytest.raises(PermissionDenied):
        handing_over(committee_of_old_ia_grai_district, committee_of_ia_grai, admin)


def test_a_superuser_may_hand_over(committee_of_old_ia_grai_district, committee_of_ia_grai, open_records):
    superuser = staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST, is_superuser=True)

    assert handing_over(committee_of_old_ia_grai_district, committee_of_ia_grai, superuser).petitions == 2


def refusal(giving, receiving, by) -> dict:
    with pytest.raises(ValidationError) as refused:
        handing_over(giving, receiving, by)
    return refused.value.message_dict


def test_handing_over_to_the_same_agency_is_refused(committee_of_old_ia_grai_district, admin_of_gia_lai, open_records):
    district = committee_of_old_ia_grai_district

    assert refusal(district, district, admin_of_gia_lai) == {
        "receiving": ["Cơ quan nhận bàn giao phải khác cơ quan bàn giao."]
    }


def test_an_agency_still_in_existence_is_not_handed_over(committee_of_pleiku, committee_of_ia_grai, admin_of_gia_lai):
    PetitionFactory(agency=committee_of_pleiku, received_on=date(2025, 7, 10), handling_due_on=date(2025, 7, 24))

    assert refusal(committee_of_pleiku, committee_of_ia_grai, admin_of_gia_lai) == {
        "giving": [
            "Ủy ban nhân dân phường Pleiku vẫn còn hoạt động vào ngày 15/07/2025: chỉ bàn giao đơn, vụ việc của cơ quan"
            " thuộc đơn vị hành chính đã kết thúc hoạt động."
        ]
    }


def test_an_agency_not_in_existence_cannot_receive(committee_of_old_ia_grai_district, admin_of_gia_lai, open_records):
    old_commune = AgencyFactory(unit=legacy_unit("23771"))  # Xã Ia Bă, merged into Xã Ia Grai

    assert refusal(committee_of_old_ia_grai_district, old_commune, admin_of_gia_lai) == {
        "receiving": [
            "Ủy ban nhân dân xã Ia Bă không hoạt động vào ngày 15/07/2025: hãy chọn cơ quan đang hoạt động để nhận"
            " bàn giao."
        ]
    }


def test_an_agency_with_nothing_open_has_nothing_to_hand_over(
    committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai
):
    assert refusal(committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai) == {
        "giving": [NOTHING_LEFT]
    }


def figures(agency: Agency, start: date, end: date) -> dict:
    keys = ("petitions.handled", "complaints.cases", "complaints.resolved")
    found = complaints_figures(agencies=Agency.objects.filter(pk=agency.pk), start=start, end=end)
    return {key: found[key] for key in keys}


def test_records_handled_and_resolved_after_the_hand_over_count_at_the_receiving_agency(
    committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai, open_records
):
    petitions, case = open_records
    handing_over(committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai)
    handler = staff_with_role(committee_of_ia_grai, Role.HANDLER)
    handle_petition(petition=petitions[0], by=handler, on=date(2025, 7, 20), processable=True, in_competence=False,
                    handling=Handling.GUIDE)  # fmt: skip
    verified(case)
    decide_case(case=case, by=handler, issued_on=date(2025, 8, 1), number="3/QĐ-UBND", outcome=Outcome.UNFOUNDED)

    window = (date(2025, 7, 15), date(2025, 9, 14))
    assert (figures(committee_of_ia_grai, *window), figures(committee_of_old_ia_grai_district, *window)) == (
        {"petitions.handled": 1, "complaints.cases": 1, "complaints.resolved": 1},
        {"petitions.handled": 0, "complaints.cases": 0, "complaints.resolved": 0},
    )


def test_the_province_s_figures_before_the_hand_over_do_not_change(
    committee_of_old_ia_grai_district, committee_of_ia_grai, committee_of_gia_lai, admin_of_gia_lai, open_records
):
    """The records leave the district's own figures of the earlier days but stay in those of every unit holding both
    agencies: the province of the hand-over's admin (docs/hand-over.md)."""
    province = Agency.objects.filter(pk__in=[committee_of_gia_lai.pk, committee_of_old_ia_grai_district.pk,
                                             committee_of_ia_grai.pk])  # fmt: skip
    window = (date(2025, 6, 1), date(2025, 6, 30))
    before = complaints_figures(agencies=province, start=window[0], end=window[1])

    handing_over(committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai)

    assert complaints_figures(agencies=province, start=window[0], end=window[1]) == before


def test_the_dashboard_s_tally_counts_the_petitions_moved_at_the_receiving_agency(
    committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai, open_records
):
    agencies = [committee_of_old_ia_grai_district.pk, committee_of_ia_grai.pk]

    handing_over(committee_of_old_ia_grai_district, committee_of_ia_grai, admin_of_gia_lai)

    assert received(agencies, date(2025, 6, 1), date(2025, 6, 30), by="agency") == {
        committee_of_old_ia_grai_district.pk: Received(),
        committee_of_ia_grai.pk: Received(petitions=2, complaints=2),
    }
