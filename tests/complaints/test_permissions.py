"""Every write service of the complaints app refuses, by itself, staff outside its permission: handling a petition is
for its agency's handlers and leaders, resolving a case too, reviewing for its leaders, revealing for the permitted in
scope. Nothing is written on a refusal."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied

from complaints.models import Handling, IdentityReveal, Outcome, Petition, ProposalKind, ProposalStatus
from complaints.services.handling import confirm_duplicate, handle_petition, record_reply
from complaints.services.resolution import (
    complete_enforcement,
    complete_hotspot_plan,
    decide_case,
    extend_case,
    mark_hotspot,
    resume_case,
    suspend_case,
)
from complaints.services.vault import reveal_denouncer
from complaints.services.workflow import assign, propose, return_for_rework
from danvan.citizens import CitizenDetails
from danvan.models import Case, Classification, Role, Staff
from tests.factories import TYPED_ACCEPTANCE, AgencyFactory, current_unit, staff_with_role, verified

pytestmark = pytest.mark.django_db

ACCEPTED = date(2026, 3, 5)
ON = date(2026, 3, 20)


@pytest.fixture
def handler_of_pleiku(committee_of_pleiku):
    return staff_with_role(committee_of_pleiku, Role.HANDLER, full_name="Lê Văn Ngoài")


@pytest.fixture
def reporter_of_ia_grai(committee_of_ia_grai):
    """Sees every record of Ia Grai, records and resolves none."""
    return staff_with_role(committee_of_ia_grai, Role.REPORTER)


@pytest.fixture
def petition(receive):
    return receive()


@pytest.fixture
def case(receive, accept):
    return accept(receive(kind=Classification.DENUNCIATION, anonymous=False), ACCEPTED)


@pytest.fixture
def forwarded(petition, handler_of_ia_grai, committee_of_pleiku):
    """Forwarded by Ia Grai to Pleiku, waiting for the reply."""
    return handle_petition(
        petition=petition, by=handler_of_ia_grai, on=ON, processable=True, in_competence=False,
        handling=Handling.FORWARD, forwarded_to=committee_of_pleiku, letter_number="3/PC", letter_date=ON,
    )  # fmt: skip


def stored(record):
    return type(record).objects.get(pk=record.pk)


def test_a_receptionist_of_another_commune_cannot_receive_a_petition_there(receive, committee_of_pleiku):
    receptionist_of_pleiku = staff_with_role(committee_of_pleiku, Role.RECEPTIONIST)

    with pytest.raises(PermissionDenied):
        receive(by=receptionist_of_pleiku)

    assert list(Petition.objects.all()) == []


def test_a_handler_of_another_commune_cannot_handle_a_petition(petition, handler_of_pleiku):
    with pytest.raises(PermissionDenied):
        handle_petition(
            petition=petition, by=handler_of_pleiku, on=ON, processable=True, in_competence=True,
            handling=Handling.ACCEPT,
        )  # fmt: skip

    assert (stored(petition).handling, stored(petition).case) == ("", None)


def test_a_reporter_cannot_handle_a_petition_of_their_agency(petition, reporter_of_ia_grai):
    with pytest.raises(PermissionDenied):
        handle_petition(
            petition=petition, by=reporter_of_ia_grai, on=ON, processable=False, in_competence=None,
            handling=Handling.FILE, reason="duplicate",
        )  # fmt: skip

    assert stored(petition).handling == ""


def test_the_agency_a_petition_was_forwarded_to_records_its_reply(forwarded, handler_of_pleiku):
    record_reply(petition=forwarded, by=handler_of_pleiku, on=ON, number="45/PĐ")

    assert (stored(forwarded).replied_on, stored(forwarded).reply_number) == (ON, "45/PĐ")


def test_a_third_agency_cannot_record_the_reply_to_a_forwarded_petition(forwarded):
    outsider = staff_with_role(AgencyFactory(unit=current_unit("52")), Role.HANDLER)

    with pytest.raises(PermissionDenied):
        record_reply(petition=forwarded, by=outsider, on=ON, number="45/PĐ")

    assert (stored(forwarded).replied_on, stored(forwarded).reply_number) == (None, "")


def test_a_handler_of_another_commune_cannot_mark_a_duplicate(receive, handler_of_pleiku):
    first, second = receive(), receive(on=date(2026, 3, 10))

    with pytest.raises(PermissionDenied):
        confirm_duplicate(petition=second, of=first, by=handler_of_pleiku)

    assert stored(second).duplicate_of is None


def test_a_handler_cannot_return_a_proposal_for_rework(petition, committee_of_ia_grai, handler_of_ia_grai):
    leader = staff_with_role(committee_of_ia_grai, Role.LEADER)
    assign(record=petition, by=leader, on=ON, handler=handler_of_ia_grai)
    proposal = propose(
        record=petition,
        by=handler_of_ia_grai,
        kind=ProposalKind.HANDLING,
        text="Đề nghị thụ lý",
        handling=TYPED_ACCEPTANCE,
    )

    with pytest.raises(PermissionDenied):
        return_for_rework(proposal=proposal, by=handler_of_ia_grai, note="Làm lại")

    assert stored(proposal).status == ProposalStatus.PENDING


def test_a_reporter_cannot_extend_a_case(case, reporter_of_ia_grai):
    with pytest.raises(PermissionDenied):
        extend_case(case=case, by=reporter_of_ia_grai, decided_on=ON, number="10/QĐ-GH", days=30)

    assert list(case.extensions.all()) == []


def test_a_handler_of_another_commune_cannot_suspend_a_case(case, handler_of_pleiku):
    with pytest.raises(PermissionDenied):
        suspend_case(case=case, by=handler_of_pleiku, on=ON, number="2/QĐ-TĐC")

    assert (stored(case).suspended_since, list(case.suspensions.all())) == (None, [])


def test_a_reporter_cannot_resume_a_case(case, handler_of_ia_grai, reporter_of_ia_grai):
    suspend_case(case=case, by=handler_of_ia_grai, on=ACCEPTED, number="2/QĐ-TĐC")

    with pytest.raises(PermissionDenied):
        resume_case(case=case, by=reporter_of_ia_grai, on=ON, number="3/QĐ-TT")

    assert stored(case).suspended_since == ACCEPTED


def test_a_handler_of_another_commune_cannot_decide_a_case(case, handler_of_pleiku):
    with pytest.raises(PermissionDenied):
        decide_case(case=verified(case), by=handler_of_pleiku, issued_on=ON, number="15/KL", outcome=Outcome.FOUNDED)

    assert (stored(case).resolved_on, stored(case).status) == (None, Case.Status.OPEN)


def test_a_reporter_cannot_record_that_a_decision_was_carried_out(case, handler_of_ia_grai, reporter_of_ia_grai):
    decision = decide_case(
        case=verified(case), by=handler_of_ia_grai, issued_on=ON, number="15/KL", outcome=Outcome.FOUNDED,
        money_due=Decimal(50),
    )  # fmt: skip

    with pytest.raises(PermissionDenied):
        complete_enforcement(
            enforcement=decision.enforcement, by=reporter_of_ia_grai, on=ON, money_recovered=Decimal(50),
            land_recovered=Decimal(0),
        )  # fmt: skip

    assert stored(decision.enforcement).completed_on is None


def test_a_handler_of_another_commune_cannot_mark_a_hotspot(case, handler_of_pleiku):
    with pytest.raises(PermissionDenied):
        mark_hotspot(case=case, by=handler_of_pleiku, plan="Đối thoại với các hộ dân")

    assert (stored(case).hotspot, stored(case).hotspot_plan) == (False, "")


def test_a_reporter_cannot_complete_a_hotspots_plan(case, handler_of_ia_grai, reporter_of_ia_grai):
    mark_hotspot(case=case, by=handler_of_ia_grai, plan="Đối thoại với các hộ dân")

    with pytest.raises(PermissionDenied):
        complete_hotspot_plan(case=case, by=reporter_of_ia_grai, on=ON)

    assert stored(case).hotspot_plan_done_on is None


def test_the_reveal_permission_does_not_reach_a_petition_outside_the_scope(receive, handler_of_pleiku):
    details = CitizenDetails(full_name="Trần Thị Tố Giác", cccd="064190004321", address="Thôn 2, xã Ia Grai")
    denunciation = receive(kind=Classification.DENUNCIATION, details=details)
    handler_of_pleiku.user_permissions.add(Permission.objects.get(codename="reveal_denouncer"))
    permitted_outsider = Staff.objects.get(pk=handler_of_pleiku.pk)

    with pytest.raises(PermissionDenied):
        reveal_denouncer(petition=denunciation, by=permitted_outsider, reason="Xác minh theo chỉ đạo của Chủ tịch")

    assert list(IdentityReveal.objects.all()) == []
