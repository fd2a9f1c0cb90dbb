from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from danvan.models import Agency, Event
from dialogues.models import Dialogue, Directive, DirectiveStatus, Host, Kind, Opinion, OpinionStatus
from dialogues.services import add_directive, add_opinion, complete_directive, resolve_opinion, update_dialogue
from tests.factories import AgencyFactory, current_unit, legacy_unit

pytestmark = pytest.mark.django_db

HELD_ON = date(2026, 3, 10)


def refusal(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict


@pytest.fixture
def dialogue(hold, committee_of_ia_grai):
    return hold(committee_of_ia_grai, HELD_ON)


@pytest.fixture
def assigned(dialogue, committee_of_ia_grai):
    return add_opinion(
        dialogue, by=None, content="Đường vào thôn 3 xuống cấp", status=OpinionStatus.ASSIGNED,
        assignee=committee_of_ia_grai, due_on=date(2026, 4, 10),
    )  # fmt: skip


def test_a_dialogue_is_recorded_with_a_first_step(dialogue):
    assert (dialogue.kind, dialogue.date, dialogue.unit.code, dialogue.host) == (
        Kind.DIALOGUE,
        HELD_ON,
        "23764",
        Host.COMMITTEE_CHAIR,
    )
    assert list(Event.objects.values_list("kind", "label")) == [("recorded", "Ghi nhận đối thoại")]


def test_a_dialogue_dated_in_the_future_is_refused_and_nothing_saved(hold, committee_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        hold(committee_of_ia_grai, timezone.localdate() + timedelta(days=1))

    assert refusal(refused.value) == {"date": ["Ngày tổ chức chưa đến: chỉ ghi nhận hội nghị đã diễn ra."]}
    assert (Dialogue.objects.count(), Event.objects.count()) == (0, 0)


def test_a_host_who_is_not_of_the_organising_agency_is_refused(hold, committee_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        hold(committee_of_ia_grai, host=Host.PARTY_SECRETARY)

    assert refusal(refused.value) == {
        "host": ["Bí thư cấp ủy không phải người chủ trì của Ủy ban nhân dân xã Ia Grai."]
    }
    assert Dialogue.objects.count() == 0


def test_the_party_committee_hosts_by_its_secretary(hold):
    party_of_ia_grai = AgencyFactory(unit=current_unit("23764"), kind=Agency.Kind.PARTY, name="Đảng ủy xã Ia Grai")

    dialogue = hold(party_of_ia_grai, host=Host.PARTY_SECRETARY)

    assert (dialogue.agency, dialogue.host) == (party_of_ia_grai, Host.PARTY_SECRETARY)


def test_a_unit_outside_the_agencys_area_is_refused(hold, committee_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        hold(committee_of_ia_grai, unit=current_unit("23575"))

    assert refusal(refused.value) == {"unit": ["Phường Pleiku không thuộc địa bàn của Ủy ban nhân dân xã Ia Grai."]}
    assert Dialogue.objects.count() == 0


def test_a_unit_that_no_longer_exists_on_the_date_is_refused(hold, committee_of_gia_lai):
    with pytest.raises(ValidationError) as refused:
        hold(committee_of_gia_lai, unit=legacy_unit("622"))

    assert refusal(refused.value) == {"unit": ["Vào ngày 10/03/2026, Thành phố Pleiku không còn hoặc chưa có."]}


def test_an_agency_of_a_unit_that_no_longer_exists_on_the_date_is_refused(hold, committee_of_old_gia_lai):
    with pytest.raises(ValidationError) as refused:
        hold(committee_of_old_gia_lai, date(2026, 3, 10))

    assert refusal(refused.value) == {"date": ["Vào ngày 10/03/2026, Tỉnh Gia Lai không còn hoặc chưa có."]}


def test_a_legacy_province_holds_a_dialogue_in_one_of_its_districts_before_the_reform(hold, committee_of_old_gia_lai):
    dialogue = hold(committee_of_old_gia_lai, date(2024, 5, 20), unit=legacy_unit("622"))

    assert (dialogue.unit.code, dialogue.unit.level) == ("622", "district")


def test_more_opinions_answered_than_raised_is_refused(hold, committee_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        hold(committee_of_ia_grai, opinions_raised=3, opinions_answered=5)

    assert refusal(refused.value) == {
        "opinions_answered": ["Số ý kiến trả lời tại chỗ (5) không được lớn hơn số ý kiến (3)."]
    }
    assert Dialogue.objects.count() == 0


def test_negative_counts_are_refused_each_on_its_field(hold, committee_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        hold(committee_of_ia_grai, participants=-1, opinions_raised=-2)

    assert refusal(refused.value) == {
        "participants": ["Số người tham dự không được là số âm."],
        "opinions_raised": ["Số ý kiến không được là số âm."],
    }
    assert Dialogue.objects.count() == 0


def test_the_opinions_raised_cannot_fall_below_those_recorded(dialogue, assigned):
    with pytest.raises(ValidationError) as refused:
        update_dialogue(dialogue, by=None, reason="Ghi nhầm", opinions_raised=0)

    dialogue.refresh_from_db()
    assert refusal(refused.value) == {
        "opinions_raised": ["Đã ghi 1 ý kiến của hội nghị: số ý kiến không được nhỏ hơn."]
    }
    assert dialogue.opinions_raised == 1


def test_the_opinions_answered_cannot_fall_below_those_recorded_as_answered(dialogue):
    add_opinion(dialogue, by=None, content="Hỏi về giá đền bù", status=OpinionStatus.ANSWERED_ON_SPOT, answer="Đã rõ")

    with pytest.raises(ValidationError) as refused:
        update_dialogue(dialogue, by=None, reason="Ghi nhầm", opinions_raised=5, opinions_answered=0)

    dialogue.refresh_from_db()
    assert refusal(refused.value) == {
        "opinions_answered": ["Đã ghi 1 ý kiến trả lời tại chỗ: số ý kiến trả lời tại chỗ không được nhỏ hơn."]
    }
    assert (dialogue.opinions_raised, dialogue.opinions_answered) == (1, 1)


def test_an_update_changes_the_dialogue_and_adds_a_step(dialogue):
    topic = "Cấp giấy chứng nhận quyền sử dụng đất"
    update_dialogue(dialogue, by=None, reason="Ghi nhầm", participants=150, topic=topic)

    dialogue.refresh_from_db()
    assert (dialogue.participants, dialogue.topic) == (150, "Cấp giấy chứng nhận quyền sử dụng đất")
    assert list(Event.objects.order_by("pk").values_list("kind", flat=True)) == ["recorded", "corrected"]


def test_opinions_recorded_one_by_one_raise_the_totals(dialogue, committee_of_ia_grai):
    add_opinion(dialogue, by=None, content="Hỏi về giá đền bù", status=OpinionStatus.ANSWERED_ON_SPOT, answer="Đã rõ")
    add_opinion(
        dialogue, by=None, content="Đường vào thôn 3 xuống cấp", status=OpinionStatus.ASSIGNED,
        assignee=committee_of_ia_grai, due_on=date(2026, 4, 10),
    )  # fmt: skip

    dialogue.refresh_from_db()
    assert (dialogue.opinions_raised, dialogue.opinions_answered) == (2, 1)


def test_opinions_recorded_within_the_minutes_totals_leave_them(hold, committee_of_ia_grai):
    dialogue = hold(committee_of_ia_grai, opinions_raised=12, opinions_answered=7)

    add_opinion(dialogue, by=None, content="Hỏi về giá đền bù", status=OpinionStatus.ANSWERED_ON_SPOT, answer="Đã rõ")

    dialogue.refresh_from_db()
    assert (dialogue.opinions_raised, dialogue.opinions_answered) == (12, 7)


def test_an_opinion_assigned_without_an_agency_is_refused_and_nothing_saved(dialogue):
    with pytest.raises(ValidationError) as refused:
        add_opinion(dialogue, by=None, content="Đường xuống cấp", status=OpinionStatus.ASSIGNED, due_on=HELD_ON)

    dialogue.refresh_from_db()
    assert refusal(refused.value) == {"assignee": ["Chọn cơ quan được giao xử lý ý kiến."]}
    assert (Opinion.objects.count(), dialogue.opinions_raised) == (0, 0)


def test_an_opinion_assigned_without_a_deadline_is_refused(dialogue, committee_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        add_opinion(
            dialogue, by=None, content="Đường xuống cấp", status=OpinionStatus.ASSIGNED, assignee=committee_of_ia_grai
        )

    assert refusal(refused.value) == {"due_on": ["Nhập hạn giải quyết."]}
    assert Opinion.objects.count() == 0


def test_a_deadline_before_the_dialogue_is_refused(dialogue, committee_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        add_opinion(
            dialogue, by=None, content="Đường xuống cấp", status=OpinionStatus.ASSIGNED,
            assignee=committee_of_ia_grai, due_on=date(2026, 3, 9),
        )  # fmt: skip

    assert refusal(refused.value) == {"due_on": ["Hạn giải quyết không được trước ngày tổ chức hội nghị (10/03/2026)."]}
    assert Opinion.objects.count() == 0


def test_a_new_opinion_cannot_be_recorded_as_resolved(dialogue):
    with pytest.raises(ValidationError) as refused:
        add_opinion(dialogue, by=None, content="Đường xuống cấp", status=OpinionStatus.RESOLVED)

    assert refusal(refused.value) == {"status": ["Ý kiến mới được trả lời tại chỗ hoặc giao cơ quan xử lý."]}


def test_an_opinion_answered_on_the_spot_keeps_no_assignee_or_deadline(dialogue, committee_of_ia_grai):
    opinion = add_opinion(
        dialogue, by=None, content="Hỏi về giá đền bù", status=OpinionStatus.ANSWERED_ON_SPOT, answer="Đã rõ",
        assignee=committee_of_ia_grai, due_on=date(2026, 4, 10),
    )  # fmt: skip

    assert (opinion.status, opinion.assignee, opinion.due_on) == (OpinionStatus.ANSWERED_ON_SPOT, None, None)


def test_an_assigned_opinion_is_resolved_with_its_date_and_answer(assigned):
    resolved = resolve_opinion(assigned, by=None, resolved_on=date(2026, 4, 2), answer="Đã sửa chữa đoạn đường")

    assigned.refresh_from_db()
    assert (assigned.status, assigned.resolved_on, assigned.answer) == (
        OpinionStatus.RESOLVED,
        date(2026, 4, 2),
        "Đã sửa chữa đoạn đường",
    )
    assert resolved == assigned
    assert Event.objects.filter(kind="opinion_resolved", on=date(2026, 4, 2)).count() == 1


def test_a_resolution_before_the_dialogue_is_refused_and_nothing_saved(assigned):
    with pytest.raises(ValidationError) as refused:
        resolve_opinion(assigned, by=None, resolved_on=date(2026, 3, 9), answer="Đã sửa chữa đoạn đường")

    assigned.refresh_from_db()
    assert refusal(refused.value) == {
        "resolved_on": ["Ngày giải quyết không được trước ngày tổ chức hội nghị (10/03/2026)."]
    }
    assert (assigned.status, assigned.resolved_on, assigned.answer) == (OpinionStatus.ASSIGNED, None, "")
    assert not Event.objects.filter(kind="opinion_resolved").exists()


def test_a_resolution_dated_in_the_future_is_refused(assigned):
    with pytest.raises(ValidationError) as refused:
        resolve_opinion(assigned, by=None, resolved_on=timezone.localdate() + timedelta(days=1), answer="Sẽ sửa")

    assert refusal(refused.value) == {"resolved_on": ["Ngày giải quyết chưa đến."]}


def test_a_resolution_without_an_answer_is_refused(assigned):
    with pytest.raises(ValidationError) as refused:
        resolve_opinion(assigned, by=None, resolved_on=date(2026, 4, 2), answer="  ")

    assert refusal(refused.value) == {"answer": ["Nhập nội dung trả lời, kết quả giải quyết."]}


def test_only_an_assigned_opinion_is_resolved(dialogue):
    answered = add_opinion(
        dialogue, by=None, content="Hỏi về giá đền bù", status=OpinionStatus.ANSWERED_ON_SPOT, answer="Đã rõ"
    )

    with pytest.raises(ValidationError) as refused:
        resolve_opinion(answered, by=None, resolved_on=date(2026, 4, 2), answer="Trả lời lại")

    answered.refresh_from_db()
    assert refused.value.messages == ["Ý kiến này đã trả lời tại chỗ, không cần giải quyết thêm."]
    assert (answered.status, answered.answer) == (OpinionStatus.ANSWERED_ON_SPOT, "Đã rõ")


def test_a_resolved_opinion_is_not_resolved_again(assigned):
    resolve_opinion(assigned, by=None, resolved_on=date(2026, 4, 2), answer="Đã sửa chữa đoạn đường")

    with pytest.raises(ValidationError) as refused:
        resolve_opinion(assigned, by=None, resolved_on=date(2026, 4, 3), answer="Lần nữa")

    assert refused.value.messages == ["Ý kiến này đã giải quyết, không cần giải quyết thêm."]


def test_a_directive_is_a_task_of_its_owner_until_completed(dialogue, committee_of_ia_grai):
    directive = add_directive(
        dialogue, by=None, content="Rà soát hồ sơ đền bù", owner=committee_of_ia_grai, due_on=date(2026, 5, 30)
    )

    done = complete_directive(directive, by=None, done_on=date(2026, 5, 20), result="Đã rà soát 42 hồ sơ")

    assert (done.status, done.done_on, done.result) == (DirectiveStatus.DONE, date(2026, 5, 20), "Đã rà soát 42 hồ sơ")
    assert list(Event.objects.order_by("pk").values_list("kind", flat=True)) == [
        "recorded",
        "directive",
        "directive_done",
    ]


def test_a_directive_due_before_the_dialogue_is_refused(dialogue, committee_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        add_directive(dialogue, by=None, content="Rà soát", owner=committee_of_ia_grai, due_on=date(2026, 3, 1))

    assert refusal(refused.value) == {"due_on": ["Thời hạn không được trước ngày tổ chức hội nghị (10/03/2026)."]}
    assert Directive.objects.count() == 0


def test_a_directive_completed_before_the_dialogue_is_refused_and_stays_open(dialogue, committee_of_ia_grai):
    directive = add_directive(
        dialogue, by=None, content="Rà soát hồ sơ đền bù", owner=committee_of_ia_grai, due_on=date(2026, 5, 30)
    )

    with pytest.raises(ValidationError) as refused:
        complete_directive(directive, by=None, done_on=date(2026, 3, 1), result="Đã rà soát")

    directive.refresh_from_db()
    assert refusal(refused.value) == {
        "done_on": ["Ngày hoàn thành không được trước ngày tổ chức hội nghị (10/03/2026)."]
    }
    assert (directive.status, directive.done_on) == (DirectiveStatus.OPEN, None)


def test_a_completed_directive_is_not_completed_again(dialogue, committee_of_ia_grai):
    directive = add_directive(
        dialogue, by=None, content="Rà soát hồ sơ đền bù", owner=committee_of_ia_grai, due_on=date(2026, 5, 30)
    )
    complete_directive(directive, by=None, done_on=date(2026, 5, 20), result="Đã rà soát")

    with pytest.raises(ValidationError) as refused:
        complete_directive(directive, by=None, done_on=date(2026, 5, 21), result="Lần nữa")

    assert refused.value.messages == ["Kết luận, chỉ đạo này đã hoàn thành."]


def test_moving_a_dialogue_after_its_follow_up_is_refused_and_nothing_saved(dialogue, assigned):
    with pytest.raises(ValidationError) as refused:
        update_dialogue(dialogue, by=None, reason="Ghi nhầm", date=date(2026, 4, 15))

    dialogue.refresh_from_db()
    assert refusal(refused.value) == {
        "date": ["Ngày tổ chức không được sau hạn hoặc ngày giải quyết ý kiến, kết luận đã ghi (10/04/2026)."]
    }
    assert dialogue.date == HELD_ON


def test_moving_a_dialogue_within_its_follow_up_is_allowed(dialogue, assigned):
    moved = update_dialogue(dialogue, by=None, reason="Ghi nhầm", date=date(2026, 3, 12))

    assert moved.date == date(2026, 3, 12)


def test_a_second_dialogue_of_the_agency_on_the_day_with_the_same_reference_is_refused(hold, committee_of_ia_grai):
    hold(committee_of_ia_grai, HELD_ON, reference="ĐT-01")

    with pytest.raises(ValidationError) as refused:
        hold(committee_of_ia_grai, HELD_ON, reference="ĐT-01")

    assert refusal(refused.value) == {
        "reference": ["Ủy ban nhân dân xã Ia Grai đã ghi một hội nghị ngày 10/03/2026 với mã hồ sơ “ĐT-01”."]
    }
    assert Dialogue.objects.count() == 1


def test_an_assigned_opinion_keeps_no_answer_until_it_is_resolved(dialogue, committee_of_ia_grai):
    opinion = add_opinion(
        dialogue, by=None, content="Đường xuống cấp", status=OpinionStatus.ASSIGNED,
        assignee=committee_of_ia_grai, due_on=date(2026, 4, 30), answer="Sẽ sửa",
    )  # fmt: skip

    assert opinion.answer == ""
