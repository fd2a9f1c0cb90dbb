"""The personal queue: each kind of item enters on time and leaves when acted on; days left across weekends and Tết;
scope."""

import re
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from complaints.models import Handling, Petition, ProposalStatus, Source, Suspension
from complaints.services.handling import notify_forwarder
from danvan.models import Role
from dialogues.models import DirectiveStatus, OpinionStatus
from tests.factories import (
    CaseFactory,
    DialogueFactory,
    DirectiveFactory,
    OpinionFactory,
    PetitionFactory,
    VisitFactory,
    staff_with_role,
)
from worklist.kinds import Kind
from worklist.selectors import OVERDUE, SOON, Filters, queue_for

pytestmark = pytest.mark.django_db

FRIDAY_BEFORE_TET = date(2026, 2, 13)  # Tết 2026: 14/02–22/02 are days off
MONDAY_AFTER_TET = date(2026, 2, 23)


@pytest.fixture
def handler_in_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.HANDLER)


def _seen(staff, *, today, **filters) -> list[tuple[str, int, str]]:
    return [
        (item.kind, item.pk, item.clock.label)
        for item in queue_for(staff, filters=Filters(**filters), today=today).items
    ]


def _due(staff, *, today) -> list[tuple[str, int, date]]:
    return [(item.kind, item.pk, item.clock.due_on) for item in queue_for(staff, today=today).items]


def test_a_petition_due_after_tet_has_one_working_day_left_on_the_friday_before(
    handler_in_ia_grai, committee_of_ia_grai
):
    petition = PetitionFactory(
        agency=committee_of_ia_grai, received_on=date(2026, 2, 5), handling_due_on=MONDAY_AFTER_TET
    )

    assert _seen(handler_in_ia_grai, today=FRIDAY_BEFORE_TET) == [(Kind.PETITION, petition.pk, "Còn 1 ngày làm việc")]


def test_a_petition_due_before_tet_is_two_working_days_late_on_the_monday_after(
    handler_in_ia_grai, committee_of_ia_grai
):
    petition = PetitionFactory(
        agency=committee_of_ia_grai, received_on=date(2026, 2, 2), handling_due_on=date(2026, 2, 12)
    )

    assert _seen(handler_in_ia_grai, today=MONDAY_AFTER_TET) == [
        (Kind.PETITION, petition.pk, "Quá hạn 2 ngày làm việc")
    ]


def test_a_handled_petition_leaves_the_queue(handler_in_ia_grai, committee_of_ia_grai):
    PetitionFactory(agency=committee_of_ia_grai, handling=Handling.GUIDE, handled_on=date(2026, 3, 4))

    assert _seen(handler_in_ia_grai, today=date(2026, 3, 5)) == []


def test_the_most_urgent_item_comes_first(handler_in_ia_grai, committee_of_ia_grai):
    later = PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 20))
    sooner = PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 10))

    assert [pk for _, pk, _ in _seen(handler_in_ia_grai, today=date(2026, 3, 9))] == [sooner.pk, later.pk]


def test_an_accepted_case_waits_for_its_verification_and_leaves_when_decided(handler_in_ia_grai, committee_of_ia_grai):
    case = CaseFactory(agency=committee_of_ia_grai, accepted=True)
    items = queue_for(handler_in_ia_grai, today=date(2026, 3, 6)).items

    assert [(item.kind, item.pk, item.action) for item in items] == [(Kind.CASE, case.pk, "Giao nhiệm vụ xác minh")]
    case.resolved_on = date(2026, 3, 20)
    case.save()
    assert _seen(handler_in_ia_grai, today=date(2026, 3, 21)) == []


def test_a_forwarded_petition_awaits_its_reply_until_it_is_recorded(handler_in_ia_grai, committee_of_ia_grai):
    petition = PetitionFactory(
        agency=committee_of_ia_grai,
        handling=Handling.FORWARD,
        handled_on=date(2026, 3, 4),
        forward_letter_date=date(2026, 3, 4),
        reply_due_on=date(2026, 3, 18),
        forwarded_to_name="Sở Tài nguyên và Môi trường",
    )

    assert [kind for kind, _, _ in _seen(handler_in_ia_grai, today=date(2026, 3, 5))] == [Kind.REPLY]
    petition.replied_on = date(2026, 3, 10)
    petition.save()
    assert _seen(handler_in_ia_grai, today=date(2026, 3, 11)) == []


def test_a_denunciation_to_forward_enters_with_its_deadline_and_leaves_once_forwarded(
    handler_in_ia_grai, committee_of_ia_grai
):
    petition = PetitionFactory(
        agency=committee_of_ia_grai,
        handling=Handling.GUIDE,
        handled_on=date(2026, 3, 3),
        forward_due_on=date(2026, 3, 9),
    )

    assert [kind for kind, _, _ in _seen(handler_in_ia_grai, today=date(2026, 3, 5))] == [Kind.FORWARD]
    petition.forward_letter_date = date(2026, 3, 6)
    petition.save()
    assert _seen(handler_in_ia_grai, today=date(2026, 3, 6)) == []


def test_a_visit_awaits_the_answer_to_the_citizen(handler_in_ia_grai, committee_of_ia_grai):
    visit = VisitFactory(agency=committee_of_ia_grai, answer_due_on=date(2026, 3, 26))

    assert _seen(handler_in_ia_grai, today=date(2026, 3, 24)) == [(Kind.ANSWER, visit.pk, "Còn 2 ngày làm việc")]
    visit.answered_on = date(2026, 3, 25)
    visit.save()
    assert _seen(handler_in_ia_grai, today=date(2026, 3, 25)) == []


def test_a_notice_to_the_forwarding_body_enters_with_its_deadline_and_leaves_once_recorded(
    handler_in_ia_grai, committee_of_ia_grai
):
    petition = PetitionFactory(
        agency=committee_of_ia_grai,
        accepted=True,
        source=Source.ELECTED_BODY,
        forwarded_by_name="Thường trực HĐND tỉnh",
    )
    petition.case.resolved_on = date(2026, 3, 20)  # a Friday: 7 working days end on Tuesday 31/03
    petition.case.save()
    # Entered before its case was resolved: a resolution the portal saw (an imported one says nothing of the notice).
    Petition.objects.filter(pk=petition.pk).update(created_at=datetime(2026, 3, 2, 8, tzinfo=UTC))

    assert _due(handler_in_ia_grai, today=date(2026, 3, 23)) == [(Kind.NOTICE, petition.pk, date(2026, 3, 31))]
    assert _due(handler_in_ia_grai, today=date(2026, 4, 1)) == [(Kind.NOTICE, petition.pk, date(2026, 3, 31))]
    notify_forwarder(petition=petition, by=handler_in_ia_grai, on=date(2026, 4, 1), number="20/TB-UBND")
    assert _due(handler_in_ia_grai, today=date(2026, 4, 1)) == []


def test_a_suspension_decision_to_send_leaves_when_sent(handler_in_ia_grai, committee_of_ia_grai):
    case = CaseFactory(agency=committee_of_ia_grai, accepted=True, suspended_since=date(2026, 7, 6))
    suspension = Suspension.objects.create(
        case=case, suspended_on=date(2026, 7, 6), number="5/QĐ-TĐC", send_due_on=date(2026, 7, 9)
    )

    assert _seen(handler_in_ia_grai, today=date(2026, 7, 7)) == [
        (Kind.SUSPENSION, suspension.pk, "Còn 2 ngày làm việc")
    ]
    suspension.sent_on = date(2026, 7, 8)
    suspension.save()
    assert _seen(handler_in_ia_grai, today=date(2026, 7, 8)) == []


def test_an_opinion_and_a_directive_given_to_the_agency_are_its_work_until_done(
    handler_in_ia_grai, committee_of_ia_grai
):
    dialogue = DialogueFactory(agency=committee_of_ia_grai)
    opinion = OpinionFactory(
        dialogue=dialogue, status=OpinionStatus.ASSIGNED, assignee=committee_of_ia_grai, due_on=date(2026, 4, 10)
    )
    directive = DirectiveFactory(dialogue=dialogue, due_on=date(2026, 4, 30))

    assert [(kind, pk) for kind, pk, _ in _seen(handler_in_ia_grai, today=date(2026, 4, 1))] == [
        (Kind.OPINION, opinion.pk),
        (Kind.DIRECTIVE, directive.pk),
    ]
    directive.status, directive.done_on, directive.result = DirectiveStatus.DONE, date(2026, 4, 2), "Đã rà soát"
    directive.save()
    assert [kind for kind, _, _ in _seen(handler_in_ia_grai, today=date(2026, 4, 3))] == [Kind.OPINION]


def test_a_proposal_waits_for_the_leader_and_leaves_once_reviewed(committee_of_ia_grai, handler_in_ia_grai):
    leader = staff_with_role(committee_of_ia_grai, Role.LEADER)
    petition = PetitionFactory(agency=committee_of_ia_grai)
    proposal = petition.proposals.create(kind="handling", text="Đề nghị thụ lý", by=handler_in_ia_grai)

    assert _seen(leader, today=date(2026, 3, 5), kind=Kind.APPROVAL) == [
        (Kind.APPROVAL, proposal.pk, "Còn 7 ngày làm việc")
    ]
    proposal.status, proposal.reviewed_by, proposal.reviewed_at = ProposalStatus.APPROVED, leader, proposal.submitted_at
    proposal.save()
    assert _seen(leader, today=date(2026, 3, 5), kind=Kind.APPROVAL) == []


def test_a_province_leader_sees_a_communes_overdue_petition_but_not_its_running_one(
    committee_of_gia_lai, committee_of_ia_grai
):
    leader = staff_with_role(committee_of_gia_lai, Role.LEADER)
    overdue = PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 4))
    PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 20))

    assert [pk for _, pk, _ in _seen(leader, today=date(2026, 3, 9), kind=Kind.PETITION)] == [overdue.pk]


def test_a_province_leader_is_reminded_of_the_report_not_sent_first(committee_of_gia_lai):
    leader = staff_with_role(committee_of_gia_lai, Role.LEADER)

    first = queue_for(leader, filters=Filters(kind=Kind.REPORT), today=date(2026, 12, 10)).items[0]

    assert (first.title, first.clock.due_on, first.clock.label) == (
        "Báo cáo Năm 2025 của Tỉnh Gia Lai",
        date(2025, 12, 20),
        "Quá hạn 355 ngày",
    )


def test_a_handler_never_sees_the_petition_of_another_commune(handler_in_ia_grai, committee_of_pleiku):
    PetitionFactory(agency=committee_of_pleiku, handling_due_on=date(2026, 3, 4))

    assert _seen(handler_in_ia_grai, today=date(2026, 3, 9)) == []


def test_the_overdue_and_due_soon_filters_split_the_queue(handler_in_ia_grai, committee_of_ia_grai):
    late = PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 6))
    soon = PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 11))
    PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 4, 30))
    today = date(2026, 3, 9)

    assert [pk for _, pk, _ in _seen(handler_in_ia_grai, today=today, state=OVERDUE)] == [late.pk]
    assert [pk for _, pk, _ in _seen(handler_in_ia_grai, today=today, state=SOON)] == [soon.pk]


def test_the_page_lists_the_item_and_a_saved_filter_opens_it_again(client, handler_in_ia_grai, committee_of_ia_grai):
    PetitionFactory(agency=committee_of_ia_grai, receipt_code="DT-HANG-DOI", handling_due_on=date(2099, 1, 5))
    client.force_login(handler_in_ia_grai)

    client.post(reverse("worklist:filter-save"), {"name": "Đơn cần xử lý", "query": "loai=petition"})
    page = client.get(reverse("worklist:mine") + "?loai=petition").content.decode()

    assert ("Đơn DT-HANG-DOI" in page, list(handler_in_ia_grai.saved_filters.values_list("name", "query"))) == (
        True,
        [("Đơn cần xử lý", "loai=petition")],
    )


def test_a_notice_takes_its_place_by_its_own_deadline_not_its_cases_resolution(
    handler_in_ia_grai, committee_of_ia_grai
):
    notice = PetitionFactory(
        agency=committee_of_ia_grai, accepted=True, source=Source.ELECTED_BODY, forwarded_by_name="Thường trực HĐND"
    )
    notice.case.resolved_on = date(2026, 3, 20)  # the notice is due on Tuesday 31/03
    notice.case.save()
    Petition.objects.filter(pk=notice.pk).update(created_at=datetime(2026, 3, 2, 8, tzinfo=UTC))
    petition = PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, 25))

    assert _due(handler_in_ia_grai, today=date(2026, 3, 23)) == [
        (Kind.PETITION, petition.pk, date(2026, 3, 25)),
        (Kind.NOTICE, notice.pk, date(2026, 3, 31)),
    ]


def test_the_counts_of_a_queue_longer_than_its_page_count_every_item(handler_in_ia_grai, committee_of_ia_grai):
    for day in (10, 11, 12):
        PetitionFactory(agency=committee_of_ia_grai, handling_due_on=date(2026, 3, day))
        CaseFactory(agency=committee_of_ia_grai, accepted=True, due_on=date(2026, 3, day))

    found = queue_for(handler_in_ia_grai, today=date(2026, 3, 9), size=2)
    pages = [queue_for(handler_in_ia_grai, today=date(2026, 3, 9), size=2, page=page).items for page in (1, 2, 3)]

    assert (found.counts, found.total, [[item.kind for item in items] for items in pages]) == (
        {Kind.PETITION: 3, Kind.CASE: 3},
        6,
        [[Kind.CASE, Kind.PETITION], [Kind.CASE, Kind.PETITION], [Kind.CASE, Kind.PETITION]],
    )


def test_the_agency_filter_keeps_the_chosen_agency_selected(client, handler_in_ia_grai, committee_of_ia_grai):
    client.force_login(handler_in_ia_grai)

    page = client.get(reverse("worklist:mine") + f"?co_quan={committee_of_ia_grai.pk}").content.decode()

    chosen = re.findall(r'<input type="hidden" name="co_quan" value="([^"]*)">', page)
    shown = re.findall(r'<input type="search" id="id_co_quan" name="tim" value="([^"]*)"', page)
    assert (chosen, shown) == ([str(committee_of_ia_grai.pk)], ["Ủy ban nhân dân xã Ia Grai (Tỉnh Gia Lai)"])
