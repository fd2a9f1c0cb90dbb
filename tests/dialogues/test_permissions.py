"""Every write service of the dialogues app refuses, by itself, staff who do not record for the dialogue's agency (or,
for a follow-up step, for the agency the task was given to). Nothing is written on a refusal."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from danvan.models import Role
from dialogues.models import Dialogue, Directive, DirectiveStatus, Opinion, OpinionStatus
from dialogues.services import (
    add_directive,
    add_opinion,
    complete_directive,
    resolve_opinion,
    update_dialogue,
)
from tests.factories import DirectiveFactory, OpinionFactory, staff_with_role

pytestmark = pytest.mark.django_db

HELD_ON, ON = date(2026, 3, 10), date(2026, 4, 2)


@pytest.fixture
def dialogue(hold, committee_of_ia_grai):
    return hold(committee_of_ia_grai, HELD_ON)


@pytest.fixture
def leader_of_pleiku(committee_of_pleiku):
    return staff_with_role(committee_of_pleiku, Role.LEADER)


@pytest.fixture
def reporter_of_ia_grai(committee_of_ia_grai):
    """Sees every dialogue of Ia Grai, records none."""
    return staff_with_role(committee_of_ia_grai, Role.REPORTER)


def test_a_leader_of_another_commune_cannot_record_a_dialogue_there(hold, committee_of_ia_grai, leader_of_pleiku):
    with pytest.raises(PermissionDenied):
        hold(committee_of_ia_grai, HELD_ON, by=leader_of_pleiku)

    assert list(Dialogue.objects.all()) == []


def test_a_reporter_cannot_change_a_dialogue(dialogue, reporter_of_ia_grai):
    with pytest.raises(PermissionDenied):
        update_dialogue(dialogue, by=reporter_of_ia_grai, reason="Ghi nhầm", participants=5)

    assert Dialogue.objects.get().participants == 120


def test_a_dialogue_cannot_be_moved_to_an_agency_one_does_not_record_for(
    dialogue, leader_of_ia_grai, committee_of_pleiku
):
    with pytest.raises(PermissionDenied):
        update_dialogue(dialogue, by=leader_of_ia_grai, reason="Ghi nhầm", agency=committee_of_pleiku)

    assert Dialogue.objects.get().agency == dialogue.agency


def test_a_leader_of_another_commune_cannot_add_an_opinion(dialogue, leader_of_pleiku):
    with pytest.raises(PermissionDenied):
        add_opinion(
            dialogue, by=leader_of_pleiku, content="Hỏi về giá đền bù", status=OpinionStatus.ANSWERED_ON_SPOT,
            answer="Đã rõ",
        )  # fmt: skip

    assert (list(Opinion.objects.all()), Dialogue.objects.get().opinions_raised) == ([], 0)


def test_a_reporter_cannot_add_a_directive(dialogue, reporter_of_ia_grai, committee_of_ia_grai):
    with pytest.raises(PermissionDenied):
        add_directive(
            dialogue, by=reporter_of_ia_grai, content="Rà soát hồ sơ bồi thường", owner=committee_of_ia_grai, due_on=ON
        )

    assert list(Directive.objects.all()) == []


def test_the_agency_given_an_opinion_resolves_it(dialogue, committee_of_pleiku, leader_of_pleiku):
    opinion = OpinionFactory(
        dialogue=dialogue, status=OpinionStatus.ASSIGNED, assignee=committee_of_pleiku, due_on=date(2026, 4, 10)
    )

    resolve_opinion(opinion, by=leader_of_pleiku, resolved_on=ON, answer="Đã trả lời bằng văn bản")

    assert Opinion.objects.get().status == OpinionStatus.RESOLVED


def test_staff_of_neither_the_dialogue_nor_the_assignee_cannot_resolve_an_opinion(
    dialogue, committee_of_ia_grai, leader_of_pleiku
):
    opinion = OpinionFactory(
        dialogue=dialogue, status=OpinionStatus.ASSIGNED, assignee=committee_of_ia_grai, due_on=date(2026, 4, 10)
    )

    with pytest.raises(PermissionDenied):
        resolve_opinion(opinion, by=leader_of_pleiku, resolved_on=ON, answer="Đã trả lời bằng văn bản")

    assert (Opinion.objects.get().status, Opinion.objects.get().resolved_on) == (OpinionStatus.ASSIGNED, None)


def test_a_reporter_cannot_complete_a_directive(dialogue, reporter_of_ia_grai):
    directive = DirectiveFactory(dialogue=dialogue)

    with pytest.raises(PermissionDenied):
        complete_directive(directive, by=reporter_of_ia_grai, done_on=ON, result="Đã rà soát xong")

    assert (Directive.objects.get().status, Directive.objects.get().done_on) == (DirectiveStatus.OPEN, None)
