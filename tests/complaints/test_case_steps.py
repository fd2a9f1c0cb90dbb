"""The statutory steps between a case's acceptance and its decision (thụ lý → xác minh → đối thoại → quyết định →
công khai → thi hành), as the services take them and complaints.steps orders them."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from complaints.models import ComplaintDialogue, Decision, Outcome
from complaints.services.resolution import decide_case
from complaints.services.steps import assign_verification, hold_dialogue, publish_decision, report_verification
from complaints.steps import NOT_VERIFIED, steps_of
from danvan.models import Case, Classification, Event

pytestmark = pytest.mark.django_db

ACCEPTED = date(2026, 3, 5)


@pytest.fixture
def complaint(receive, accept):
    """A first-round complaint received on 02/03/2026 and accepted on 05/03/2026."""
    return accept(receive(on=date(2026, 3, 2)), ACCEPTED)


def assigned(case, by, on=date(2026, 3, 6)):
    return assign_verification(case=case, by=by, on=on, verifier="Thanh tra huyện Ia Grai", number="12/QĐ-XM")


def reported(case, by, on=date(2026, 3, 16), differs=False):
    assigned(case, by)
    return report_verification(
        case=case, by=by, on=on, findings="Đã xác minh tại thực địa.", differs_from_claim=differs
    )


def heard(case, by, on=date(2026, 3, 18)):
    return hold_dialogue(case=case, by=by, on=on, place="Trụ sở UBND", participants="Các bên", minutes="Biên bản")


def decide(case, by, outcome=Outcome.FOUNDED, on=date(2026, 3, 20)):
    return decide_case(case=case, by=by, issued_on=on, number="7/QĐ", outcome=outcome)


def refusal(call) -> dict:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.message_dict


def step_states(case) -> dict[str, str]:
    case.refresh_from_db()
    decision = Decision.objects.filter(case=case).first()
    steps = steps_of(
        case,
        getattr(case, "verification", None),
        ComplaintDialogue.objects.filter(case=case).first(),
        decision,
        getattr(decision, "enforcement", None),
    )
    return {step.key: step.state for step in steps}


def test_assigning_the_verification_adds_it_to_the_timeline(complaint, handler_of_ia_grai):
    assigned(complaint, handler_of_ia_grai)

    assert Event.objects.filter(kind="verification_assigned").values_list("label", flat=True).get() == (
        "Giao xác minh cho Thanh tra huyện Ia Grai (văn bản số 12/QĐ-XM)"
    )


def test_a_verification_is_assigned_once(complaint, handler_of_ia_grai):
    assigned(complaint, handler_of_ia_grai)

    assert refusal(lambda: assigned(complaint, handler_of_ia_grai)) == {"on": ["Vụ việc đã được giao xác minh."]}


def test_a_report_without_an_assigned_verification_is_refused(complaint, handler_of_ia_grai):
    def report():
        return report_verification(case=complaint, by=handler_of_ia_grai, on=date(2026, 3, 16), findings="…")

    assert refusal(report) == {"on": ["Vụ việc chưa được giao xác minh."]}


def test_a_report_dated_before_the_assignment_is_refused(complaint, handler_of_ia_grai):
    assert refusal(lambda: reported(complaint, handler_of_ia_grai, on=date(2026, 3, 5))) == {
        "on": ["Ngày báo cáo không được trước ngày giao xác minh (06/03/2026)."]
    }


def test_a_decision_on_the_merits_before_the_verification_report_is_refused(complaint, handler_of_ia_grai):
    assert refusal(lambda: decide(complaint, handler_of_ia_grai)) == {"outcome": [NOT_VERIFIED]}


def test_a_withdrawal_needs_no_verification(complaint, handler_of_ia_grai):
    decide(complaint, handler_of_ia_grai, Outcome.WITHDRAWN)

    complaint.refresh_from_db()
    assert complaint.resolved_on == date(2026, 3, 20)


def test_a_first_round_complaint_whose_findings_differ_from_the_claim_needs_a_dialogue(complaint, handler_of_ia_grai):
    reported(complaint, handler_of_ia_grai, differs=True)

    assert "Điều 30" in refusal(lambda: decide(complaint, handler_of_ia_grai))["outcome"][0]


def test_a_first_round_complaint_whose_findings_match_the_claim_is_decided_without_a_dialogue(
    complaint, handler_of_ia_grai
):
    reported(complaint, handler_of_ia_grai)

    assert decide(complaint, handler_of_ia_grai).outcome == Outcome.FOUNDED


def test_a_second_round_complaint_always_needs_a_dialogue(receive, accept, handler_of_ia_grai):
    second = accept(receive(on=date(2026, 3, 2)), ACCEPTED, round=Case.Round.SECOND)
    reported(second, handler_of_ia_grai)

    assert "Điều 39" in refusal(lambda: decide(second, handler_of_ia_grai, Outcome.UPHELD_FIRST))["outcome"][0]


def test_after_the_dialogue_the_second_round_is_decided(receive, accept, handler_of_ia_grai):
    second = accept(receive(on=date(2026, 3, 2)), ACCEPTED, round=Case.Round.SECOND)
    reported(second, handler_of_ia_grai)
    heard(second, handler_of_ia_grai)

    assert decide(second, handler_of_ia_grai, Outcome.UPHELD_FIRST).outcome == Outcome.UPHELD_FIRST


def test_a_dialogue_before_the_verification_report_is_refused(complaint, handler_of_ia_grai):
    assigned(complaint, handler_of_ia_grai)

    assert refusal(lambda: heard(complaint, handler_of_ia_grai)) == {
        "on": ["Đối thoại sau khi có báo cáo kết quả xác minh: hãy ghi kết quả xác minh trước."]
    }


def test_a_denunciation_holds_no_dialogue(receive, accept, handler_of_ia_grai):
    denunciation = accept(receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2)), ACCEPTED)
    reported(denunciation, handler_of_ia_grai)

    assert refusal(lambda: heard(denunciation, handler_of_ia_grai)) == {
        "on": ["Chỉ giải quyết khiếu nại mới tổ chức đối thoại."]
    }


def test_a_decision_dated_before_the_dialogue_is_refused(complaint, handler_of_ia_grai):
    reported(complaint, handler_of_ia_grai, differs=True)
    heard(complaint, handler_of_ia_grai, on=date(2026, 3, 18))

    assert refusal(lambda: decide(complaint, handler_of_ia_grai, on=date(2026, 3, 17))) == {
        "issued_on": ["Ngày ban hành không được trước ngày báo cáo xác minh, đối thoại (18/03/2026)."]
    }


def test_a_decision_is_published_once_and_not_before_its_issue(complaint, handler_of_ia_grai):
    reported(complaint, handler_of_ia_grai)
    decision = decide(complaint, handler_of_ia_grai)

    def early():
        return publish_decision(decision=decision, by=handler_of_ia_grai, on=date(2026, 3, 19), published_by="posting")

    assert refusal(early) == {"on": ["Ngày công khai phải từ ngày ban hành đến hôm nay."]}
    publish_decision(decision=decision, by=handler_of_ia_grai, on=date(2026, 3, 23), published_by="posting")
    decision.refresh_from_db()
    assert (decision.published_on, decision.get_published_by_display()) == (
        date(2026, 3, 23), "Niêm yết tại trụ sở làm việc, nơi tiếp công dân",
    )  # fmt: skip


def test_after_acceptance_the_step_at_hand_is_the_verification(complaint):
    assert step_states(complaint) == {
        "accepted": "done", "verification": "current", "dialogue": "todo", "decision": "todo",
        "publication": "todo", "enforcement": "todo",
    }  # fmt: skip


def test_findings_that_match_the_claim_skip_the_dialogue_and_bring_the_decision(complaint, handler_of_ia_grai):
    reported(complaint, handler_of_ia_grai)

    assert (step_states(complaint)["dialogue"], step_states(complaint)["decision"]) == ("skipped", "current")


def test_a_published_decision_leaves_its_carrying_out_at_hand(complaint, handler_of_ia_grai):
    reported(complaint, handler_of_ia_grai)
    decision = decide(complaint, handler_of_ia_grai)
    publish_decision(decision=decision, by=handler_of_ia_grai, on=date(2026, 3, 23), published_by="meeting")

    assert step_states(complaint)["enforcement"] == "current"


def test_a_withdrawn_case_ends_at_its_decision(complaint, handler_of_ia_grai):
    decide(complaint, handler_of_ia_grai, Outcome.WITHDRAWN)

    assert step_states(complaint) == {
        "accepted": "done",
        "verification": "skipped",
        "dialogue": "skipped",
        "decision": "done",
    }
