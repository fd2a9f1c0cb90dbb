"""What a decision orders and what carrying it out did, as the TT 06/2025 forms count them (04/GQTC 20, 23-25;
05/KQTH): organisations sanctioned, officials referred, returned, sanctioned and prosecuted on enforcement."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from complaints.models import Decision, Enforcement, Outcome
from complaints.services.resolution import complete_enforcement, decide_case
from tests.factories import verified

pytestmark = pytest.mark.django_db

DECIDED = {"issued_on": "30/03/2026", "number": "7/QĐ-UBND", "outcome": "founded"}
DONE = {"on": "15/04/2026", "money_recovered": "2", "land_recovered": "0"}
ENFORCEMENT_DONE = {
    "returned_money": Decimal("1.5"), "returned_land": Decimal("120.0"), "sanctioned_organisations": 1,
    "sanctioned_people": 3, "sanctioned_officials": 2, "prosecuted_cases": 1, "prosecuted_people": 2,
    "prosecuted_officials": 1,
}  # fmt: skip


@pytest.fixture
def case(receive, accept):
    """A first-round complaint received on 02/03/2026 and accepted on 05/03/2026, its verification reported: ready
    for a decision on the merits."""
    return verified(accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5)))


@pytest.fixture
def handler(client, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)
    return client


@pytest.fixture
def decided(case, handler_of_ia_grai):
    return decide_case(case=case, by=handler_of_ia_grai, issued_on=date(2026, 3, 30), number="7/QĐ",
                       outcome=Outcome.FOUNDED, money_due=Decimal(2))  # fmt: skip


def step(name, case):
    return reverse(f"complaints:case-{name}", args=[case.pk])


def complete(enforcement, by, **done):
    return complete_enforcement(enforcement=enforcement, by=by, on=date(2026, 4, 15),
                                **({"money_recovered": Decimal(2), "land_recovered": Decimal(0)} | done))  # fmt: skip


# The decision.


def test_a_decision_keeps_the_organisations_sanctioned_and_the_officials_referred(case, handler_of_ia_grai):
    decision = decide_case(
        case=case, by=handler_of_ia_grai, issued_on=date(2026, 3, 30), number="7/QĐ", outcome=Outcome.FOUNDED,
        sanctioned_organisations=2, referred_cases=1, referred_people=3, referred_officials=1,
    )  # fmt: skip

    decision.refresh_from_db()
    assert (decision.sanctioned_organisations, decision.referred_people, decision.referred_officials) == (2, 3, 1)


def test_a_decision_referring_more_officials_than_people_is_refused(case, handler_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        decide_case(case=case, by=handler_of_ia_grai, issued_on=date(2026, 3, 30), number="7/QĐ",
                    outcome=Outcome.FOUNDED, referred_people=1, referred_officials=2)  # fmt: skip

    assert refused.value.message_dict == {
        "referred_officials": ["Số cán bộ, công chức, viên chức không được lớn hơn tổng số người."]
    }
    assert Decision.objects.count() == 0


def test_a_decision_with_a_negative_count_is_refused(case, handler_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        decide_case(case=case, by=handler_of_ia_grai, issued_on=date(2026, 3, 30), number="7/QĐ",
                    outcome=Outcome.FOUNDED, sanctioned_organisations=-1)  # fmt: skip

    assert refused.value.message_dict == {"sanctioned_organisations": ["Số này không được âm."]}


def test_the_decision_form_asks_for_the_organisations_sanctioned_and_the_officials_referred(handler, case):
    response = handler.get(reverse("complaints:case-detail", args=[case.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert ('name="sanctioned_organisations"' in content, 'name="referred_officials"' in content) == (True, True)


def test_the_decision_form_saves_the_new_counts(handler, case):
    handler.post(step("decide", case), DECIDED | {"sanctioned_organisations": "1", "referred_people": "2",
                                                  "referred_officials": "2"})  # fmt: skip

    decision = Decision.objects.get(case=case)
    assert (decision.sanctioned_organisations, decision.referred_people, decision.referred_officials) == (1, 2, 2)


def test_the_decision_form_refuses_more_officials_referred_than_people(handler, case):
    response = handler.post(step("decide", case), DECIDED | {"referred_people": "1", "referred_officials": "3"})

    assert response.status_code == 400
    assert response.context["decision_form"].errors == {
        "referred_officials": ["Số cán bộ, công chức, viên chức không được lớn hơn tổng số người."]
    }


def test_the_decision_form_refuses_a_fraction_of_an_organisation(handler, case):
    response = handler.post(step("decide", case), DECIDED | {"sanctioned_organisations": "1,5"})

    assert response.context["decision_form"].errors == {"sanctioned_organisations": ["Hãy nhập một số nguyên."]}


# Carrying it out.


def test_carrying_out_keeps_what_was_returned_sanctioned_and_prosecuted(decided, handler_of_ia_grai):
    complete(decided.enforcement, handler_of_ia_grai, **ENFORCEMENT_DONE)

    enforcement = Enforcement.objects.get(decision=decided)
    assert {name: getattr(enforcement, name) for name in ENFORCEMENT_DONE} == ENFORCEMENT_DONE


@pytest.mark.parametrize(
    ("done", "refusal"),
    [
        ({"returned_money": Decimal("-1")}, {"returned_money": ["Số này không được âm."]}),
        ({"prosecuted_cases": -1}, {"prosecuted_cases": ["Số này không được âm."]}),
        (
            {"sanctioned_people": 1, "sanctioned_officials": 2},
            {"sanctioned_officials": ["Số cán bộ, công chức, viên chức không được lớn hơn tổng số người."]},
        ),
        (
            {"prosecuted_people": 0, "prosecuted_officials": 1},
            {"prosecuted_officials": ["Số cán bộ, công chức, viên chức không được lớn hơn tổng số người."]},
        ),
    ],
)
def test_carrying_out_with_impossible_counts_is_refused(decided, handler_of_ia_grai, done, refusal):
    with pytest.raises(ValidationError) as refused:
        complete(decided.enforcement, handler_of_ia_grai, **done)

    decided.enforcement.refresh_from_db()
    assert refused.value.message_dict == refusal
    assert decided.enforcement.completed_on is None


def test_the_enforcement_form_asks_for_what_was_returned_sanctioned_and_prosecuted(handler, case, decided):
    response = handler.get(reverse("complaints:case-detail", args=[case.pk]))

    fields = list(response.context["enforcement_form"].fields)
    assert response.status_code == 200
    assert fields == ["on", "money_recovered", "land_recovered", *ENFORCEMENT_DONE, "notes"]


def test_the_enforcement_form_saves_the_new_facts_and_the_case_page_shows_them(handler, case, decided):
    posted = DONE | {"returned_money": "1,5", "sanctioned_people": "3", "sanctioned_officials": "2",
                     "prosecuted_cases": "1", "prosecuted_people": "2", "prosecuted_officials": "1"}  # fmt: skip

    response = handler.post(step("enforce", case), posted, follow=True)

    enforcement = Enforcement.objects.get(decision=decided)
    assert (enforcement.returned_money, enforcement.sanctioned_officials, enforcement.prosecuted_people) == (
        Decimal("1.5"), 2, 2,
    )  # fmt: skip
    assert "1 vụ, 2 người, trong đó 1 cán bộ, công chức, viên chức" in response.content.decode()


def test_the_enforcement_form_refuses_more_officials_sanctioned_than_people(handler, case, decided):
    response = handler.post(step("enforce", case), DONE | {"sanctioned_people": "1", "sanctioned_officials": "2"})

    assert response.status_code == 400
    assert response.context["enforcement_form"].errors == {
        "sanctioned_officials": ["Số cán bộ, công chức, viên chức không được lớn hơn tổng số người."]
    }


def test_the_enforcement_form_refuses_a_negative_amount_returned(handler, case, decided):
    response = handler.post(step("enforce", case), DONE | {"returned_land": "-5"})

    assert response.context["enforcement_form"].errors == {"returned_land": ["Số này không được âm."]}
