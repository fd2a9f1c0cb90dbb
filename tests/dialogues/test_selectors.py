from datetime import date

import pytest
from django.http import Http404

from danvan.models import Role
from dialogues.models import OpinionStatus
from dialogues.selectors import (
    dialogues_for,
    directives_for,
    get_dialogue_for,
    opinions_for,
    overdue_directives,
    overdue_opinions,
)
from dialogues.services import add_directive, add_opinion, complete_directive, resolve_opinion
from tests.factories import staff_with_role

pytestmark = pytest.mark.django_db

TODAY = date(2026, 5, 1)


def assign(dialogue, assignee, due_on, content="Đường vào thôn 3 xuống cấp"):
    return add_opinion(
        dialogue, by=None, content=content, status=OpinionStatus.ASSIGNED, assignee=assignee, due_on=due_on
    )


@pytest.fixture
def dialogue_of_ia_grai(hold, committee_of_ia_grai):
    return hold(committee_of_ia_grai, date(2026, 3, 10))


@pytest.fixture
def dialogue_of_gia_lai(hold, committee_of_gia_lai):
    """A dialogue of the province's People's Committee, held at the province."""
    return hold(committee_of_gia_lai, date(2026, 3, 12))


def test_a_leader_sees_the_dialogues_of_the_units_under_their_own(
    leader_of_gia_lai, dialogue_of_ia_grai, dialogue_of_gia_lai
):
    assert list(dialogues_for(leader_of_gia_lai)) == [dialogue_of_gia_lai, dialogue_of_ia_grai]


def test_a_dialogue_of_another_province_is_not_visible(hold, leader_of_gia_lai, committee_of_ba_dinh):
    dialogue_of_ba_dinh = hold(committee_of_ba_dinh, date(2026, 3, 11))

    assert list(dialogues_for(leader_of_gia_lai)) == []
    with pytest.raises(Http404):
        get_dialogue_for(leader_of_gia_lai, dialogue_of_ba_dinh.pk)


def test_a_commune_leader_does_not_see_the_provinces_dialogue(
    leader_of_ia_grai, dialogue_of_ia_grai, dialogue_of_gia_lai
):
    assert list(dialogues_for(leader_of_ia_grai)) == [dialogue_of_ia_grai]


def test_an_opinion_assigned_to_an_agency_in_scope_is_visible_though_its_dialogue_is_not(
    leader_of_ia_grai, dialogue_of_gia_lai, committee_of_ia_grai, committee_of_pleiku
):
    to_ia_grai = assign(dialogue_of_gia_lai, committee_of_ia_grai, date(2026, 4, 10))
    assign(dialogue_of_gia_lai, committee_of_pleiku, date(2026, 4, 10), content="Chợ Pleiku xuống cấp")

    assert list(opinions_for(leader_of_ia_grai)) == [to_ia_grai]


def test_the_opinions_of_a_dialogue_in_scope_are_visible_wherever_they_were_assigned(
    leader_of_gia_lai, dialogue_of_gia_lai, committee_of_ba_dinh
):
    elsewhere = assign(dialogue_of_gia_lai, committee_of_ba_dinh, date(2026, 4, 10))

    assert list(opinions_for(leader_of_gia_lai)) == [elsewhere]


def test_an_opinion_of_another_provinces_dialogue_given_to_another_agency_is_not_visible(
    hold, leader_of_ia_grai, committee_of_ba_dinh
):
    assign(hold(committee_of_ba_dinh, date(2026, 3, 11)), committee_of_ba_dinh, date(2026, 4, 10))

    assert list(opinions_for(leader_of_ia_grai)) == []


def test_a_directive_given_to_an_agency_in_scope_is_visible(
    leader_of_ia_grai, dialogue_of_gia_lai, committee_of_ia_grai, committee_of_pleiku
):
    to_ia_grai = add_directive(
        dialogue_of_gia_lai, by=None, content="Rà soát hồ sơ", owner=committee_of_ia_grai, due_on=date(2026, 4, 30)
    )
    add_directive(dialogue_of_gia_lai, by=None, content="Sửa chợ", owner=committee_of_pleiku, due_on=date(2026, 4, 30))

    assert list(directives_for(leader_of_ia_grai)) == [to_ia_grai]


def test_a_receptionist_sees_only_their_own_agencys_dialogues(hold, committee_of_gia_lai, dialogue_of_ia_grai):
    receptionist = staff_with_role(committee_of_gia_lai, Role.RECEPTIONIST)
    own = hold(committee_of_gia_lai, date(2026, 3, 12))

    assert list(dialogues_for(receptionist)) == [own]


def test_overdue_opinions_are_those_assigned_past_their_deadline_longest_first(
    leader_of_ia_grai, dialogue_of_ia_grai, committee_of_ia_grai
):
    later = assign(dialogue_of_ia_grai, committee_of_ia_grai, date(2026, 4, 20), content="Điện chiếu sáng")
    earlier = assign(dialogue_of_ia_grai, committee_of_ia_grai, date(2026, 3, 31), content="Nước sinh hoạt")
    assign(dialogue_of_ia_grai, committee_of_ia_grai, TODAY, content="Hạn hôm nay")
    resolved = assign(dialogue_of_ia_grai, committee_of_ia_grai, date(2026, 3, 20), content="Đã giải quyết")
    resolve_opinion(resolved, by=None, resolved_on=date(2026, 3, 25), answer="Đã sửa")
    add_opinion(dialogue_of_ia_grai, by=None, content="Hỏi giá đền bù", status=OpinionStatus.ANSWERED_ON_SPOT)

    assert list(overdue_opinions(leader_of_ia_grai, today=TODAY)) == [earlier, later]


def test_overdue_directives_are_those_open_past_their_deadline(
    leader_of_ia_grai, dialogue_of_ia_grai, committee_of_ia_grai
):
    def direct(content, due_on):
        return add_directive(dialogue_of_ia_grai, by=None, content=content, owner=committee_of_ia_grai, due_on=due_on)

    late = direct("Rà soát hồ sơ đền bù", date(2026, 4, 15))
    direct("Hạn hôm nay", TODAY)
    done = direct("Đã xong", date(2026, 4, 1))
    complete_directive(done, by=None, done_on=date(2026, 4, 2), result="Đã xong")

    assert list(overdue_directives(leader_of_ia_grai, today=TODAY)) == [late]


def test_overdue_follow_up_of_another_province_is_not_listed(hold, leader_of_gia_lai, committee_of_ba_dinh):
    dialogue_of_ba_dinh = hold(committee_of_ba_dinh, date(2026, 3, 11))
    assign(dialogue_of_ba_dinh, committee_of_ba_dinh, date(2026, 4, 10))
    add_directive(dialogue_of_ba_dinh, by=None, content="Rà soát", owner=committee_of_ba_dinh, due_on=date(2026, 4, 10))

    assert (
        list(overdue_opinions(leader_of_gia_lai, today=TODAY)),
        list(overdue_directives(leader_of_gia_lai, today=TODAY)),
    ) == ([], [])
