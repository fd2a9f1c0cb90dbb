"""The factories make the facts the TT 06/2025 forms count, as the services would leave them."""

from datetime import date

import pytest

from complaints.models import Enforcement, Handling
from danvan.models import Case
from tests.factories import DecisionFactory, EnforcementFactory, PetitionFactory

pytestmark = pytest.mark.django_db


def stored(record):
    record.refresh_from_db()
    record.full_clean()
    return record


def test_a_considered_petition_has_a_case_without_a_clock(committee_of_ia_grai):
    petition = stored(PetitionFactory(agency=committee_of_ia_grai, considered=True))

    assert (petition.handling, petition.handled_on, petition.case.accepted_on, petition.case.due_on) == (
        Handling.CONSIDER, date(2026, 3, 4), None, None,
    )  # fmt: skip


def test_a_declined_petition_has_its_reason_and_its_case_declined_that_day(committee_of_ia_grai):
    petition = stored(PetitionFactory(agency=committee_of_ia_grai, declined=True))

    assert (petition.handling, bool(petition.handling_note), petition.case.declined_on) == (
        Handling.DECLINE, True, date(2026, 3, 4),
    )  # fmt: skip


def test_an_accepted_petition_s_case_runs_its_clock_from_the_day_it_was_handled(committee_of_ia_grai):
    petition = stored(PetitionFactory(agency=committee_of_ia_grai, accepted=True))

    assert (petition.case.accepted_on, petition.case.due_on) == (date(2026, 3, 4), date(2026, 4, 3))


def test_a_decision_closes_its_case_and_opens_its_enforcement(committee_of_ia_grai):
    decision = DecisionFactory(case__agency=committee_of_ia_grai, sanctions=True, referrals=True)

    stored(decision)
    assert (decision.case.status, decision.case.resolved_on) == (Case.Status.CLOSED, date(2026, 3, 30))
    assert (decision.sanctioned_organisations, decision.referred_officials) == (1, 1)
    assert Enforcement.objects.get(decision=decision).completed_on is None


def test_an_enforcement_with_results_is_completed_with_what_it_did(committee_of_ia_grai):
    enforcement = stored(EnforcementFactory(decision__case__agency=committee_of_ia_grai, results=True))

    assert (enforcement.completed_on, enforcement.sanctioned_officials, enforcement.prosecuted_people) == (
        date(2026, 4, 15), 2, 2,
    )  # fmt: skip
