from datetime import date, timedelta
from decimal import Decimal

import pytest

from complaints.figures import KEYS, complaints_figures, rate
from complaints.models import Decision, Handling, Outcome, UnprocessableReason
from complaints.services.handling import confirm_duplicate, handle_petition
from complaints.services.resolution import complete_enforcement, complete_hotspot_plan, decide_case, mark_hotspot
from danvan.models import Agency, Case, Classification, Role
from danvan.scope import visible_agencies
from danvan.selectors import area_of
from tests.factories import AgencyFactory, member_of, staff_with_role, verified

pytestmark = pytest.mark.django_db

# Quý II 2026: 15/03/2026 → 14/06/2026.
START = date(2026, 3, 15)
END = date(2026, 6, 14)
BEFORE, AFTER = START - timedelta(days=1), END + timedelta(days=1)
COMPLAINT, DENUNCIATION, RECOMMENDATION = Classification.values

AMOUNTS = (
    "recovery.state.money_due",
    "recovery.state.money_recovered",
    "recovery.state.land_due",
    "recovery.state.land_recovered",
    "recovery.returned.money",
    "recovery.returned.land",
)
RATES = ("complaints.resolution_rate", "denunciations.resolution_rate", "resolution_rate", "enforcement.rate")
NOTHING = {key: 0.0 if key in AMOUNTS + RATES else 0 for key in KEYS}

PETITION_KEYS = ("petitions.received", "petitions.carried_over", "petitions.to_handle", "petitions.handled",
                 "petitions.unhandled")  # fmt: skip
# How each handling is classified first (processable, within competence, and what the outcome needs).
CLASSIFIED = {
    Handling.GUIDE: {"processable": True, "in_competence": False},
    Handling.URGE: {"processable": True, "in_competence": False},
    Handling.FORWARD: {
        "processable": True,
        "in_competence": False,
        "forwarded_to_name": "Tòa án nhân dân khu vực 5",
        "letter_number": "12/PC",
    },
    Handling.FILE: {"processable": False, "in_competence": None, "reason": UnprocessableReason.DUPLICATE},
    Handling.RETURN: {"processable": False, "in_competence": None, "reason": UnprocessableReason.UNCLEAR},
}


def figures_of(agencies) -> dict[str, int | float]:
    return complaints_figures(agencies=agencies, start=START, end=END)


def only(figures: dict[str, int | float], *keys: str) -> dict[str, int | float]:
    return {key: figures[key] for key in keys}


@pytest.fixture
def scope_of_ia_grai(committee_of_ia_grai):
    """What the leader of Xã Ia Grai sees: the agencies of the commune, not those of Phường Pleiku."""
    return visible_agencies(staff_with_role(committee_of_ia_grai, Role.LEADER))


@pytest.fixture
def handle(handler_of_ia_grai):
    """Handles a petition other than by accepting it: handle(petition, handling, on)."""

    def _handle(petition, handling, on):
        fields = CLASSIFIED[handling] | ({"letter_date": on} if handling == Handling.FORWARD else {})
        by = member_of(petition.agency, Role.HANDLER)
        return handle_petition(petition=petition, by=by, on=on, handling=handling, **fields)

    return _handle


@pytest.fixture
def decide(handler_of_ia_grai):
    """Issues the decision or conclusion of a case: decide(case, on, outcome, **amounts)."""

    def _decide(case, on, outcome=Outcome.FOUNDED, **amounts) -> Decision:
        by = member_of(case.agency, Role.HANDLER)
        return decide_case(case=verified(case), by=by, issued_on=on, number="15/QĐ", outcome=outcome, **amounts)

    return _decide


@pytest.fixture
def case_of(receive, accept):
    """A case received and accepted on ``accepted``: case_of(kind, accepted, agency=…, round=…)."""

    def _case_of(kind=COMPLAINT, accepted=date(2026, 3, 20), **changes) -> Case:
        statutory = {name: changes.pop(name) for name in ("round",) if name in changes}
        return accept(receive(kind, on=accepted, **changes), accepted, **statutory)

    return _case_of


@pytest.fixture
def carry_out(handler_of_ia_grai):
    def _carry_out(decision, on, money=Decimal(0), land=Decimal(0)):
        complete_enforcement(
            enforcement=decision.enforcement,
            by=member_of(decision.case.agency, Role.HANDLER),
            on=on,
            money_recovered=money,
            land_recovered=land,
        )

    return _carry_out


def test_nothing_received_gives_zero_for_every_figure_in_the_order_of_the_keys(scope_of_ia_grai):
    figures = figures_of(scope_of_ia_grai)

    assert (figures, list(figures)) == (NOTHING, list(KEYS))


def test_money_land_and_rates_are_decimal_numbers_and_the_rest_whole_numbers(scope_of_ia_grai, case_of, decide):
    decide(case_of(), date(2026, 4, 1), money_due=Decimal("12.5"))

    figures = figures_of(scope_of_ia_grai)

    assert {key: type(value) for key, value in figures.items()} == {
        key: float if key in AMOUNTS + RATES else int for key in KEYS
    }


def test_petitions_received_on_the_first_and_last_days_of_the_window_count_and_the_days_around_it_do_not(
    scope_of_ia_grai, receive, handle
):
    handle(receive(on=BEFORE), Handling.GUIDE, BEFORE)
    for day in (START, END, AFTER):
        receive(on=day)

    figures = figures_of(scope_of_ia_grai)

    assert only(figures, *PETITION_KEYS) == {
        "petitions.received": 2,
        "petitions.carried_over": 0,
        "petitions.to_handle": 2,
        "petitions.handled": 0,
        "petitions.unhandled": 2,
    }


def test_a_petition_received_before_the_window_and_not_handled_before_it_is_carried_over(
    scope_of_ia_grai, receive, handle
):
    receive(on=date(2026, 3, 2))
    handle(receive(on=date(2026, 3, 2)), Handling.GUIDE, START)
    handle(receive(on=date(2026, 3, 2)), Handling.GUIDE, BEFORE)
    handle(receive(on=START), Handling.GUIDE, START)

    figures = figures_of(scope_of_ia_grai)

    assert only(figures, *PETITION_KEYS) == {
        "petitions.received": 1,
        "petitions.carried_over": 2,
        "petitions.to_handle": 3,
        "petitions.handled": 2,
        "petitions.unhandled": 1,
    }


def test_a_petition_handled_after_the_window_is_unhandled_in_it(scope_of_ia_grai, receive, handle):
    handle(receive(on=date(2026, 6, 10)), Handling.URGE, END)
    handle(receive(on=date(2026, 6, 10)), Handling.URGE, AFTER)

    figures = figures_of(scope_of_ia_grai)

    assert only(figures, "petitions.handled", "petitions.unhandled", "petitions.urged") == {
        "petitions.handled": 1,
        "petitions.unhandled": 1,
        "petitions.urged": 1,
    }


def test_the_petitions_received_in_the_window_are_split_by_kind(scope_of_ia_grai, receive):
    receive(COMPLAINT, on=date(2026, 3, 2))
    for kind in (COMPLAINT, COMPLAINT, DENUNCIATION, RECOMMENDATION):
        receive(kind, on=date(2026, 4, 2))

    figures = figures_of(scope_of_ia_grai)

    assert only(
        figures, "petitions.to_handle", "petitions.complaints", "petitions.denunciations", "petitions.recommendations"
    ) == {
        "petitions.to_handle": 5,
        "petitions.complaints": 2,
        "petitions.denunciations": 1,
        "petitions.recommendations": 1,
    }


def test_handled_petitions_are_split_by_processability_competence_and_handling(
    scope_of_ia_grai, receive, accept, handle
):
    on = date(2026, 4, 2)
    for kind in (COMPLAINT, DENUNCIATION, RECOMMENDATION):
        accept(receive(kind, on=on), on)
    for handling in (Handling.GUIDE, Handling.FORWARD, Handling.URGE, Handling.FILE, Handling.RETURN):
        handle(receive(RECOMMENDATION, on=on), handling, on)
    receive(COMPLAINT, on=on)

    figures = figures_of(scope_of_ia_grai)

    assert only(
        figures,
        "petitions.handled",
        "petitions.processable",
        "petitions.in_competence",
        "petitions.in_competence.complaints",
        "petitions.in_competence.denunciations",
        "petitions.in_competence.recommendations",
        "petitions.guided",
        "petitions.forwarded",
        "petitions.urged",
        "petitions.filed",
    ) == {
        "petitions.handled": 8,
        "petitions.processable": 6,
        "petitions.in_competence": 3,
        "petitions.in_competence.complaints": 1,
        "petitions.in_competence.denunciations": 1,
        "petitions.in_competence.recommendations": 1,
        "petitions.guided": 1,
        "petitions.forwarded": 1,
        "petitions.urged": 1,
        "petitions.filed": 1,
    }


CASE_KEYS = ("complaints.cases", "complaints.resolved", "complaints.resolution_rate")


def test_cases_to_resolve_are_those_accepted_in_the_window_or_still_open_at_its_start(
    scope_of_ia_grai, case_of, decide
):
    case_of(accepted=START)
    case_of(accepted=date(2026, 3, 2))
    decide(case_of(accepted=date(2026, 3, 2)), START)
    decide(case_of(accepted=date(2026, 3, 2)), BEFORE)
    decide(case_of(accepted=date(2026, 6, 1)), AFTER)
    case_of(accepted=AFTER)

    figures = figures_of(scope_of_ia_grai)

    assert only(figures, *CASE_KEYS) == {
        "complaints.cases": 4,
        "complaints.resolved": 1,
        "complaints.resolution_rate": 25.0,
    }


def test_complaints_and_denunciations_have_their_own_rates_and_a_common_one(scope_of_ia_grai, case_of, decide):
    decide(case_of(COMPLAINT), date(2026, 4, 1))
    decide(case_of(COMPLAINT), date(2026, 4, 1), Outcome.WITHDRAWN)
    case_of(COMPLAINT)
    decide(case_of(DENUNCIATION), date(2026, 4, 1), Outcome.TERMINATED)
    case_of(RECOMMENDATION)

    figures = figures_of(scope_of_ia_grai)

    assert only(
        figures,
        "complaints.cases",
        "complaints.resolved",
        "complaints.resolution_rate",
        "denunciations.cases",
        "denunciations.resolved",
        "denunciations.resolution_rate",
        "resolution_rate",
    ) == {
        "complaints.cases": 3,
        "complaints.resolved": 2,
        "complaints.resolution_rate": 66.7,
        "denunciations.cases": 1,
        "denunciations.resolved": 1,
        "denunciations.resolution_rate": 100.0,
        "resolution_rate": 75.0,
    }


def test_complaint_outcomes_are_split_by_round(scope_of_ia_grai, case_of, decide):
    on = date(2026, 4, 1)
    for outcome in (Outcome.FOUNDED, Outcome.UNFOUNDED, Outcome.PARTLY_FOUNDED, Outcome.WITHDRAWN, Outcome.TERMINATED):
        decide(case_of(), on, outcome)
    for outcome in (Outcome.UPHELD_FIRST, Outcome.UPHELD_FIRST, Outcome.OVERTURNED_FIRST, Outcome.WITHDRAWN):
        decide(case_of(round=Case.Round.SECOND), on, outcome)
    decide(case_of(accepted=date(2026, 3, 2)), BEFORE, Outcome.FOUNDED)

    figures = figures_of(scope_of_ia_grai)

    assert only(
        figures,
        "complaints.resolved",
        "complaints.founded",
        "complaints.unfounded",
        "complaints.partly_founded",
        "complaints.withdrawn",
        "complaints.upheld_first",
        "complaints.overturned_first",
    ) == {
        "complaints.resolved": 9,
        "complaints.founded": 1,
        "complaints.unfounded": 1,
        "complaints.partly_founded": 1,
        "complaints.withdrawn": 2,
        "complaints.upheld_first": 2,
        "complaints.overturned_first": 1,
    }


def test_denunciation_outcomes_include_withdrawal_and_termination(scope_of_ia_grai, case_of, decide):
    for outcome in (Outcome.FOUNDED, Outcome.UNFOUNDED, Outcome.PARTLY_FOUNDED, Outcome.PARTLY_FOUNDED,
                    Outcome.WITHDRAWN, Outcome.TERMINATED):  # fmt: skip
        decide(case_of(DENUNCIATION), date(2026, 4, 1), outcome)
    decide(case_of(COMPLAINT), date(2026, 4, 1), Outcome.FOUNDED)

    figures = figures_of(scope_of_ia_grai)

    assert only(
        figures,
        "denunciations.resolved",
        "denunciations.founded",
        "denunciations.unfounded",
        "denunciations.partly_founded",
        "denunciations.withdrawn",
        "denunciations.terminated",
    ) == {
        "denunciations.resolved": 6,
        "denunciations.founded": 1,
        "denunciations.unfounded": 1,
        "denunciations.partly_founded": 2,
        "denunciations.withdrawn": 1,
        "denunciations.terminated": 1,
    }


def test_a_case_resolved_on_its_deadline_is_on_time_and_one_resolved_a_day_later_is_late(
    scope_of_ia_grai, case_of, decide
):
    for kind, days_late in ((COMPLAINT, 0), (COMPLAINT, 1), (COMPLAINT, 1), (DENUNCIATION, 0)):
        case = case_of(kind)
        decide(case, case.due_on + timedelta(days=days_late))
    case_of(COMPLAINT)

    figures = figures_of(scope_of_ia_grai)

    assert only(figures, "complaints.on_time", "complaints.late", "denunciations.on_time", "denunciations.late") == {
        "complaints.on_time": 1,
        "complaints.late": 2,
        "denunciations.on_time": 1,
        "denunciations.late": 0,
    }


def test_a_confirmed_duplicate_is_a_petition_of_its_own_but_never_a_second_case(
    scope_of_ia_grai, receive, accept, handler_of_ia_grai
):
    first = receive(on=date(2026, 3, 20))
    accept(first, date(2026, 3, 20))
    confirm_duplicate(petition=receive(on=date(2026, 3, 25)), of=first, by=handler_of_ia_grai)
    confirm_duplicate(petition=receive(on=date(2026, 4, 2)), of=first, by=handler_of_ia_grai)

    figures = figures_of(scope_of_ia_grai)

    assert only(figures, "petitions.received", "petitions.in_competence", "complaints.cases") == {
        "petitions.received": 3,
        "petitions.in_competence": 1,
        "complaints.cases": 1,
    }


def test_recovery_returns_sanctions_and_referrals_are_summed_over_the_cases_resolved_in_the_window(
    scope_of_ia_grai, case_of, decide, carry_out
):
    decision = decide(
        case_of(COMPLAINT), date(2026, 4, 1), money_due=Decimal("120.5"), land_due=Decimal("350.5"),
        returned_money=Decimal("30.25"), returned_land=Decimal("80"), returned_organisations=1,
        returned_individuals=3, sanctioned_people=2, sanctioned_officials=1, referred_cases=1, referred_people=2,
    )  # fmt: skip
    carry_out(decision, date(2026, 5, 4), money=Decimal("100.125"), land=Decimal("350.5"))
    late_recovery = decide(case_of(DENUNCIATION), date(2026, 4, 8), money_due=Decimal("9.5"), sanctioned_people=4)
    carry_out(late_recovery, AFTER, money=Decimal("9.5"))
    decide(case_of(accepted=date(2026, 3, 2)), BEFORE, money_due=Decimal("1000"), sanctioned_people=9)
    decide(case_of(accepted=date(2026, 6, 1)), AFTER, money_due=Decimal("2000"), referred_cases=5)

    figures = figures_of(scope_of_ia_grai)

    assert only(
        figures,
        *AMOUNTS,
        "recovery.returned.organisations",
        "recovery.returned.individuals",
        "sanctions.people",
        "sanctions.officials",
        "referrals.cases",
        "referrals.people",
    ) == {
        "recovery.state.money_due": 130.0,
        "recovery.state.money_recovered": 100.125,
        "recovery.state.land_due": 350.5,
        "recovery.state.land_recovered": 350.5,
        "recovery.returned.money": 30.25,
        "recovery.returned.land": 80.0,
        "recovery.returned.organisations": 1,
        "recovery.returned.individuals": 3,
        "sanctions.people": 6,
        "sanctions.officials": 1,
        "referrals.cases": 1,
        "referrals.people": 2,
    }


def test_decisions_to_carry_out_are_those_not_carried_out_before_the_window(
    scope_of_ia_grai, case_of, decide, carry_out
):
    earlier = date(2026, 3, 2)
    decide(case_of(accepted=earlier), date(2026, 3, 10))
    carry_out(decide(case_of(accepted=earlier), date(2026, 3, 10)), BEFORE)
    carry_out(decide(case_of(accepted=earlier), date(2026, 3, 10)), START)
    carry_out(decide(case_of(DENUNCIATION), date(2026, 4, 1)), END)
    carry_out(decide(case_of(), date(2026, 4, 1)), AFTER)
    decide(case_of(), date(2026, 4, 1), Outcome.WITHDRAWN)
    decide(case_of(accepted=date(2026, 6, 1)), AFTER)

    figures = figures_of(scope_of_ia_grai)

    assert only(figures, "enforcement.decisions", "enforcement.completed", "enforcement.rate") == {
        "enforcement.decisions": 4,
        "enforcement.completed": 2,
        "enforcement.rate": 50.0,
    }


def test_hotspots_are_the_marked_cases_among_the_window_s_cases_and_handled_those_whose_plan_is_done_by_its_end(
    scope_of_ia_grai, case_of, decide, handler_of_ia_grai
):
    open_since_before = case_of(accepted=date(2026, 3, 2))
    plan_done_before = case_of(accepted=date(2026, 3, 2))
    resolved_in_the_window = case_of(accepted=date(2026, 3, 2))
    resolved_before = case_of(accepted=date(2026, 1, 5))
    accepted_after = case_of(accepted=AFTER)
    for case in (open_since_before, plan_done_before, resolved_in_the_window, resolved_before, accepted_after):
        mark_hotspot(case=case, by=handler_of_ia_grai, plan="Tổ chức đối thoại với các hộ dân, rà soát hồ sơ đất")
    complete_hotspot_plan(case=plan_done_before, by=handler_of_ia_grai, on=BEFORE)
    complete_hotspot_plan(case=resolved_in_the_window, by=handler_of_ia_grai, on=AFTER)
    decide(resolved_in_the_window, date(2026, 4, 1))
    decide(resolved_before, date(2026, 2, 2))  # its plan never marked done: it no longer counts all the same
    case_of()

    figures = figures_of(scope_of_ia_grai)

    assert only(figures, "hotspots.cases", "hotspots.handled") == {"hotspots.cases": 3, "hotspots.handled": 1}


@pytest.mark.parametrize(
    "scope_of",
    [
        pytest.param(lambda agency: visible_agencies(staff_with_role(agency, Role.LEADER)), id="visible_agencies"),
        pytest.param(lambda agency: Agency.objects.filter(unit__in=area_of(agency.unit)), id="area_of"),
    ],
)
def test_an_agency_outside_the_scope_contributes_nothing(
    scope_of, committee_of_ia_grai, committee_of_pleiku, receive, case_of, decide, carry_out, handler_of_ia_grai
):
    receive(on=date(2026, 4, 2))
    for kind in (COMPLAINT, DENUNCIATION):
        case = case_of(kind, agency=committee_of_pleiku)
        mark_hotspot(case=case, by=member_of(case.agency, Role.HANDLER), plan="Đối thoại với các hộ dân")
        carry_out(decide(case, date(2026, 4, 1), money_due=Decimal(50), sanctioned_people=1), date(2026, 5, 1))
    receive(RECOMMENDATION, on=date(2026, 3, 2), agency=committee_of_pleiku)

    figures = figures_of(scope_of(committee_of_ia_grai))

    assert figures == NOTHING | {
        "petitions.received": 1,
        "petitions.to_handle": 1,
        "petitions.unhandled": 1,
        "petitions.complaints": 1,
    }


@pytest.mark.parametrize(
    ("part", "whole", "percentage"),
    [(2, 3, 66.7), (1, 3, 33.3), (1, 8, 12.5), (1, 16, 6.3), (3, 3, 100.0), (0, 4, 0.0), (0, 0, 0.0)],
)
def test_a_rate_is_a_percentage_rounded_half_up_to_one_decimal(part, whole, percentage):
    assert rate(part, whole) == percentage


def test_the_number_of_queries_does_not_grow_with_units_or_records(
    django_assert_num_queries, gia_lai, committee_of_gia_lai, committee_of_ia_grai, committee_of_pleiku,
    receive, case_of, decide, carry_out, handle,
):  # fmt: skip
    province = Agency.objects.filter(unit__in=area_of(gia_lai))
    receive(on=date(2026, 4, 2))
    with django_assert_num_queries(3):
        figures_of(province)

    party_of_ia_grai = AgencyFactory(unit=committee_of_ia_grai.unit, kind=Agency.Kind.PARTY, name="Đảng ủy xã Ia Grai")
    agencies = (committee_of_gia_lai, committee_of_ia_grai, committee_of_pleiku, party_of_ia_grai)
    for n in range(12):
        agency = agencies[n % 4]
        handle(receive(RECOMMENDATION, on=date(2026, 3, 2 + n), agency=agency), Handling.GUIDE, date(2026, 4, 2))
        case = case_of((COMPLAINT, DENUNCIATION)[n % 2], accepted=date(2026, 3, 16 + n), agency=agency)
        carry_out(decide(case, date(2026, 4, 16 + n), money_due=Decimal(n)), date(2026, 5, 1 + n))
    with django_assert_num_queries(3):
        figures = figures_of(province)

    assert only(figures, "petitions.to_handle", "complaints.cases", "denunciations.cases", "enforcement.completed") == {
        "petitions.to_handle": 25,
        "complaints.cases": 6,
        "denunciations.cases": 6,
        "enforcement.completed": 12,
    }
