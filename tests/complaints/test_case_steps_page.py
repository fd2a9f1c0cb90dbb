"""The case page walks the statutory steps: the form of the step at hand comes first, the decision offers only what
the steps taken allow, and a recommendation is answered, never accepted."""

from datetime import date

import pytest
from django.urls import reverse

from complaints.models import Decision, Handling, Outcome
from complaints.services.resolution import decide_case
from complaints.services.steps import assign_verification, report_verification
from complaints.steps import NOT_VERIFIED
from danvan.models import Classification

pytestmark = pytest.mark.django_db


@pytest.fixture
def complaint(receive, accept):
    return accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5))


@pytest.fixture
def handler(client, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)
    return client


def page(client, case):
    return client.get(reverse("complaints:case-detail", args=[case.pk]))


def post(client, name, case, data):
    return client.post(reverse(f"complaints:case-{name}", args=[case.pk]), data, follow=True)


def report(case, by, differs):
    assign_verification(case=case, by=by, on=date(2026, 3, 6), verifier="Thanh tra huyện", number="1/QĐ-XM")
    report_verification(case=case, by=by, on=date(2026, 3, 16), findings="Đã xác minh.", differs_from_claim=differs)


def test_an_accepted_complaint_shows_the_verification_form_first(handler, complaint):
    context = page(handler, complaint).context

    assert (context["verification_form"] is not None, context["report_form"], context["dialogue_form"]) == (
        True, None, None,
    )  # fmt: skip


def test_before_the_verification_report_the_decision_offers_only_ending_the_case(handler, complaint):
    outcome = page(handler, complaint).context["decision_form"].fields["outcome"]

    assert ([value for value, _ in outcome.choices], outcome.help_text) == (
        ["", "withdrawn", "terminated"], NOT_VERIFIED,
    )  # fmt: skip


def test_the_steps_show_the_clock_at_the_step_at_hand(handler, complaint):
    content = page(handler, complaint).content.decode()

    assert 'aria-current="step"' in content
    assert "Hạn giải quyết 06/04/2026" in content


def test_posting_the_verification_form_assigns_it(handler, complaint):
    data = {"on": "06/03/2026", "verifier": "Thanh tra huyện Ia Grai", "number": "12/QĐ-XM"}

    response = post(handler, "verify", complaint, data)

    assert [str(message) for message in response.context["messages"]] == ["Đã giao nhiệm vụ xác minh."]
    assert response.context["report_form"] is not None


def test_findings_that_differ_from_the_claim_bring_the_dialogue_form(handler, complaint, handler_of_ia_grai):
    report(complaint, handler_of_ia_grai, differs=True)

    assert page(handler, complaint).context["dialogue_form"] is not None


def test_a_report_without_findings_is_refused_on_its_field(handler, complaint, handler_of_ia_grai):
    assign_verification(case=complaint, by=handler_of_ia_grai, on=date(2026, 3, 6), verifier="Tổ XM", number="1")

    response = post(handler, "verification-report", complaint, {"on": "06/03/2026", "findings": "  "})

    assert response.status_code == 400
    assert response.context["report_form"].errors == {"findings": ["Trường này là bắt buộc."]}


def test_a_decision_is_followed_by_its_publication_form(handler, complaint, handler_of_ia_grai):
    report(complaint, handler_of_ia_grai, differs=False)
    decide_case(case=complaint, by=handler_of_ia_grai, issued_on=date(2026, 3, 20), number="7/QĐ",
                outcome=Outcome.FOUNDED)  # fmt: skip

    response = post(handler, "publish", complaint, {"on": "23/03/2026", "published_by": "posting"})

    assert Decision.objects.get(case=complaint).published_on == date(2026, 3, 23)
    assert response.context["enforcement_form"] is not None


def test_a_recommendation_is_offered_no_acceptance(client, receive, handler_of_ia_grai):
    petition = receive(kind=Classification.RECOMMENDATION, on=date(2026, 3, 2))
    client.force_login(handler_of_ia_grai)

    form = client.get(reverse("complaints:petition-detail", args=[petition.pk])).context["handling_form"]

    offered = [value for value, _ in form.fields["handling"].choices]
    assert (Handling.ANSWER in offered, Handling.ACCEPT in offered, Handling.CONSIDER in offered) == (
        True,
        False,
        False,
    )


def test_a_recommendation_is_answered_and_closed_with_nothing_to_carry_out(handler, receive, accept):
    recommendation = accept(receive(kind=Classification.RECOMMENDATION, on=date(2026, 3, 2)), date(2026, 3, 5))

    post(handler, "decide", recommendation, {"issued_on": "20/03/2026", "number": "5/TL", "outcome": "answered"})

    decision = Decision.objects.get(case=recommendation)
    assert (decision.outcome, decision.to_enforce, decision.case.status) == ("answered", False, "closed")


def test_a_recommendation_is_offered_neither_a_verification_nor_a_decision_document(handler, receive, accept):
    recommendation = accept(receive(kind=Classification.RECOMMENDATION, on=date(2026, 3, 2)), date(2026, 3, 5))

    context = page(handler, recommendation).context

    assert (context["documents"], context["decision_form"].fields["number"].label) == ([], "Số văn bản trả lời")
