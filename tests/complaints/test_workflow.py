"""Assignment and approval: a leader assigns a petition or case, the assignee proposes, the leader approves or returns
it for rework; each staff member's queue of what waits for them."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from complaints.models import Assignment, Handling, Petition, Proposal, ProposalKind, ProposalStatus
from complaints.services.handling import handle_petition
from complaints.services.intake import receive_petition
from complaints.services.workflow import approve, assign, propose, return_for_rework
from danvan.models import Agency, Role
from danvan.selectors import timeline_of
from tests.factories import ACCEPTANCE, TYPED_ACCEPTANCE, AgencyFactory, staff_with_role

pytestmark = pytest.mark.django_db

QUEUE = reverse("complaints:queue")
ON = date(2026, 3, 3)


@pytest.fixture
def leader_of_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.LEADER, full_name="Rơ Châm Hùng")


@pytest.fixture
def petition(receive):
    return receive()


@pytest.fixture
def assigned(petition, leader_of_ia_grai, handler_of_ia_grai):
    return assign(record=petition, by=leader_of_ia_grai, on=ON, handler=handler_of_ia_grai, note="Xem xét, đề xuất")


@pytest.fixture
def proposed(assigned, petition, handler_of_ia_grai):
    return propose(
        record=petition,
        by=handler_of_ia_grai,
        kind=ProposalKind.HANDLING,
        text="Đề nghị thụ lý",
        handling=TYPED_ACCEPTANCE,
    )


@pytest.fixture
def elsewhere(committee_of_pleiku):
    """A petition of Pleiku, assigned to its handler, whose proposal waits for Pleiku's leader."""
    leader = staff_with_role(committee_of_pleiku, Role.LEADER)
    handler = staff_with_role(committee_of_pleiku, Role.HANDLER)
    petition = receive_petition(
        agency=committee_of_pleiku, by=handler, received_on=date(2026, 3, 2), source="post", kind="recommendation",
        content="Kiến nghị sửa đường", anonymous=True,
    )  # fmt: skip
    assign(record=petition, by=leader, on=ON, handler=handler)
    return propose(
        record=petition, by=handler, kind=ProposalKind.HANDLING, text="Đề nghị chuyển đơn", handling=TYPED_ACCEPTANCE
    )


def queued(client, staff, **params):
    client.force_login(staff)
    return list(client.get(QUEUE, params).context["page"].object_list)


# The services.


def test_a_leader_assigns_a_petition_to_a_handler(assigned, petition, leader_of_ia_grai, handler_of_ia_grai):
    stored = Assignment.objects.get()

    assert (stored.petition, stored.case, stored.handler, stored.agency) == (petition, None, handler_of_ia_grai, None)
    assert (stored.by, stored.on, stored.note, stored.done_on) == (leader_of_ia_grai, ON, "Xem xét, đề xuất", None)


def test_a_handler_cannot_assign(petition, handler_of_ia_grai):
    with pytest.raises(PermissionDenied):
        assign(record=petition, by=handler_of_ia_grai, on=ON, handler=handler_of_ia_grai)

    assert Assignment.objects.count() == 0


def test_a_leader_of_another_commune_cannot_assign(petition, committee_of_pleiku, handler_of_ia_grai):
    with pytest.raises(PermissionDenied):
        assign(record=petition, by=staff_with_role(committee_of_pleiku, Role.LEADER), on=ON, handler=handler_of_ia_grai)


def test_an_assignment_needs_an_assignee(petition, leader_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        assign(record=petition, by=leader_of_ia_grai, on=ON)

    assert refused.value.message_dict == {"handler": ["Hãy chọn cán bộ hoặc cơ quan, bộ phận được giao."]}


def test_the_assigned_handler_proposes_the_handling(proposed, handler_of_ia_grai, petition):
    stored = Proposal.objects.get()

    assert (stored.petition, stored.kind, stored.text, stored.by) == (
        petition, ProposalKind.HANDLING, "Đề nghị thụ lý", handler_of_ia_grai,
    )  # fmt: skip
    assert stored.status == ProposalStatus.PENDING


def test_a_handler_not_assigned_cannot_propose(assigned, petition, committee_of_ia_grai):
    colleague = staff_with_role(committee_of_ia_grai, Role.HANDLER)

    with pytest.raises(PermissionDenied):
        propose(
            record=petition, by=colleague, kind=ProposalKind.HANDLING, text="Đề nghị thụ lý", handling=TYPED_ACCEPTANCE
        )


def test_returning_a_proposal_needs_a_note(proposed, leader_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        return_for_rework(proposal=proposed, by=leader_of_ia_grai, note=" ")

    assert refused.value.message_dict == {"note": ["Hãy nêu ý kiến khi trả lại để làm lại."]}
    assert Proposal.objects.get().status == ProposalStatus.PENDING


def test_the_leader_returns_a_proposal_then_approves_the_next(
    proposed, petition, leader_of_ia_grai, handler_of_ia_grai
):
    return_for_rework(proposal=proposed, by=leader_of_ia_grai, note="Bổ sung căn cứ pháp lý")
    again = propose(
        record=petition,
        by=handler_of_ia_grai,
        kind=ProposalKind.HANDLING,
        text="Đề nghị thụ lý, có căn cứ",
        handling=TYPED_ACCEPTANCE,
    )

    approve(proposal=again, by=leader_of_ia_grai, handling=ACCEPTANCE)

    reviews = [(p.status, p.review_note, p.reviewed_by) for p in Proposal.objects.order_by("pk")]
    assert reviews == [
        (ProposalStatus.RETURNED, "Bổ sung căn cứ pháp lý", leader_of_ia_grai),
        (ProposalStatus.APPROVED, "", leader_of_ia_grai),
    ]


def test_approving_the_handling_completes_the_assignment(proposed, leader_of_ia_grai):
    approve(proposal=proposed, by=leader_of_ia_grai, handling=ACCEPTANCE)

    assert Assignment.objects.filter(done_on__isnull=True).count() == 0


def test_approving_the_proposed_handling_records_it_on_the_petition(proposed, petition, leader_of_ia_grai):
    approve(proposal=proposed, by=leader_of_ia_grai, handling=ACCEPTANCE)

    stored = Petition.objects.get(pk=petition.pk)
    assert (stored.handling, stored.handled_on, stored.case.accepted_on) == (
        Handling.ACCEPT,
        timezone.localdate(),
        timezone.localdate(),
    )


def test_a_handling_proposal_without_the_handling_is_refused(assigned, petition, handler_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        propose(record=petition, by=handler_of_ia_grai, kind=ProposalKind.HANDLING, text="Đề nghị thụ lý")

    assert refused.value.message_dict == {
        "kind": ['Đề xuất xử lý đơn phải kèm kết quả xử lý: điền mẫu "Xử lý đơn" rồi bấm "Trình lãnh đạo duyệt".']
    }


def test_a_handling_that_no_longer_holds_is_not_approved(proposed, petition, leader_of_ia_grai, handler_of_ia_grai):
    handle_petition(petition=petition, by=handler_of_ia_grai, on=ON, **ACCEPTANCE)

    with pytest.raises(ValidationError):
        approve(proposal=proposed, by=leader_of_ia_grai, handling=ACCEPTANCE)

    assert Proposal.objects.get().status == ProposalStatus.PENDING


def test_a_leader_assigns_only_to_staff_who_may_handle_for_the_petitions_agency(
    petition, leader_of_ia_grai, committee_of_ia_grai
):
    department = AgencyFactory(unit=committee_of_ia_grai.unit, kind=Agency.Kind.DEPARTMENT, name="Văn phòng xã")
    handler_of_department = staff_with_role(department, Role.HANDLER)

    with pytest.raises(ValidationError) as refused:
        assign(record=petition, by=leader_of_ia_grai, on=ON, handler=handler_of_department)

    assert refused.value.message_dict == {
        "handler": [f"Chỉ giao cho cán bộ được xử lý đơn, giải quyết vụ việc của {committee_of_ia_grai}."]
    }


def test_a_reviewed_proposal_is_not_reviewed_again(proposed, leader_of_ia_grai):
    approve(proposal=proposed, by=leader_of_ia_grai, handling=ACCEPTANCE)

    with pytest.raises(ValidationError):
        return_for_rework(proposal=proposed, by=leader_of_ia_grai, note="Làm lại")


def test_a_handler_cannot_approve(proposed, handler_of_ia_grai):
    with pytest.raises(PermissionDenied):
        approve(proposal=proposed, by=handler_of_ia_grai)


def test_the_steps_are_on_the_timeline(proposed, petition, leader_of_ia_grai):
    return_for_rework(proposal=proposed, by=leader_of_ia_grai, note="Bổ sung")

    assert [event.label for event in timeline_of(petition)] == [
        "Tiếp nhận đơn",
        "Giao xử lý cho Đặng Văn Tâm",
        "Trình duyệt: Đề xuất xử lý đơn",
        "Trả lại để làm lại: Đề xuất xử lý đơn",
    ]


def test_a_member_of_the_assigned_department_proposes_on_a_case(
    receive, accept, committee_of_ia_grai, leader_of_ia_grai
):
    case = accept(receive(), date(2026, 3, 5))
    department = AgencyFactory(unit=committee_of_ia_grai.unit, kind=Agency.Kind.DEPARTMENT, name="Văn phòng xã")
    inspector = staff_with_role(department, Role.HANDLER)
    assign(record=case, by=leader_of_ia_grai, on=date(2026, 3, 6), agency=department)

    report = propose(record=case, by=inspector, kind=ProposalKind.VERIFICATION_REPORT, text="Kết quả xác minh")

    assert (report.case, report.petition, report.by) == (case, None, inspector)


def test_a_case_takes_no_handling_proposal(receive, accept, leader_of_ia_grai, handler_of_ia_grai):
    case = accept(receive(), date(2026, 3, 5))
    assign(record=case, by=leader_of_ia_grai, on=date(2026, 3, 6), handler=handler_of_ia_grai)

    with pytest.raises(ValidationError) as refused:
        propose(
            record=case, by=handler_of_ia_grai, kind=ProposalKind.HANDLING, text="Đề nghị", handling=TYPED_ACCEPTANCE
        )

    assert refused.value.message_dict == {"kind": ["Loại văn bản trình không phù hợp với hồ sơ này."]}


# The queue.


def test_the_queue_shows_the_assignment_to_the_handler_and_nothing_of_another_commune(
    client, assigned, elsewhere, handler_of_ia_grai
):
    assert queued(client, handler_of_ia_grai) == [assigned]


def test_the_queue_shows_the_pending_proposal_to_the_leader_and_nothing_of_another_commune(
    client, proposed, elsewhere, leader_of_ia_grai
):
    assert queued(client, leader_of_ia_grai, muc="duyet") == [proposed]


def test_the_queue_drops_an_approved_proposal_and_its_completed_assignment(
    client, proposed, leader_of_ia_grai, handler_of_ia_grai
):
    approve(proposal=proposed, by=leader_of_ia_grai, handling=ACCEPTANCE)

    assert (queued(client, leader_of_ia_grai, muc="duyet"), queued(client, handler_of_ia_grai)) == ([], [])


def test_the_queue_links_to_the_petition(client, assigned, petition, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)

    assert petition.get_absolute_url() in client.get(QUEUE).content.decode()


# The panel and its steps.


def test_a_leader_assigns_from_the_petition_page(client, petition, leader_of_ia_grai, handler_of_ia_grai):
    client.force_login(leader_of_ia_grai)
    url = reverse("complaints:petition-assign", args=[petition.pk])

    response = client.post(url, {"handler": handler_of_ia_grai.pk, "on": "03/03/2026", "note": ""})

    assert response.url == petition.get_absolute_url()
    assert list(Assignment.objects.values_list("handler", "on")) == [(handler_of_ia_grai.pk, ON)]


def test_a_handler_posting_an_assignment_is_refused(client, petition, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)
    url = reverse("complaints:petition-assign", args=[petition.pk])

    response = client.post(url, {"handler": handler_of_ia_grai.pk, "on": "03/03/2026"})

    assert (response.status_code, Assignment.objects.count()) == (403, 0)


def test_the_petition_page_offers_the_leader_the_assign_form_and_the_assignee_to_propose_the_handling(
    client, assigned, petition, leader_of_ia_grai, handler_of_ia_grai
):
    client.force_login(leader_of_ia_grai)
    as_leader = client.get(petition.get_absolute_url()).context
    client.force_login(handler_of_ia_grai)
    as_handler = client.get(petition.get_absolute_url()).context

    shown = [(bool(page["workflow"]["assign_form"]), page["proposes_handling"]) for page in (as_leader, as_handler)]
    assert shown == [(True, False), (False, True)]


def test_the_assignee_proposes_the_handling_from_the_handling_form(client, assigned, petition, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)
    typed = {"on": "03/03/2026", "processable": "1", "in_competence": "1", "handling": "accept", "note": "Có căn cứ"}

    client.post(reverse("complaints:petition-propose", args=[petition.pk]), typed)

    stored = Proposal.objects.get()
    assert (stored.kind, stored.handling["handling"], stored.text) == (
        ProposalKind.HANDLING, "accept",
        "Đủ điều kiện xử lý: Đủ điều kiện\nThẩm quyền: Thuộc thẩm quyền\nHướng xử lý: Thụ lý\nGhi chú xử lý: Có căn cứ",
    )  # fmt: skip
    assert Petition.objects.get(pk=petition.pk).handling == ""


def test_a_department_member_assigned_the_petition_may_only_propose_its_handling(
    client, petition, committee_of_ia_grai, leader_of_ia_grai
):
    department = AgencyFactory(unit=committee_of_ia_grai.unit, kind=Agency.Kind.DEPARTMENT, name="Văn phòng xã")
    clerk = staff_with_role(department, Role.HANDLER)
    assign(record=petition, by=leader_of_ia_grai, on=ON, agency=department)
    client.force_login(clerk)

    page = client.get(petition.get_absolute_url()).context

    assert (bool(page["handling_form"]), page["records_handling"], page["proposes_handling"]) == (True, False, True)


def test_returning_without_a_note_on_the_page_shows_the_message(client, proposed, petition, leader_of_ia_grai):
    client.force_login(leader_of_ia_grai)
    url = reverse("complaints:proposal-review", args=[proposed.pk])

    response = client.post(url, {"quyet_dinh": "tra-lai", "note": ""})

    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Hãy nêu ý kiến khi trả lại để làm lại."
    ]
    assert Proposal.objects.get().status == ProposalStatus.PENDING


def test_the_leader_approves_on_the_page(client, proposed, petition, leader_of_ia_grai):
    client.force_login(leader_of_ia_grai)

    response = client.post(reverse("complaints:proposal-review", args=[proposed.pk]), {"quyet_dinh": "duyet"})

    assert (response.url, Proposal.objects.get().status) == (petition.get_absolute_url(), ProposalStatus.APPROVED)
    assert Petition.objects.get(pk=petition.pk).handling == Handling.ACCEPT


def test_a_proposal_of_another_commune_does_not_exist_for_a_leader(client, elsewhere, leader_of_ia_grai):
    client.force_login(leader_of_ia_grai)

    response = client.post(reverse("complaints:proposal-review", args=[elsewhere.pk]), {"quyet_dinh": "duyet"})

    assert (response.status_code, Proposal.objects.get().status) == (404, ProposalStatus.PENDING)
