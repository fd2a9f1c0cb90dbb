"""The rules of a petition's course that the services and the register import both apply (complaints.rules)."""

from datetime import date

import pytest

from complaints.deadlines import DayType, DeadlineKey, handling_deadline, handling_key, resolution_key
from complaints.models import Handling, Outcome
from complaints.rules import (
    case_status,
    enforcement_follows,
    handlings_for,
    handlings_of,
    may_accept,
    outcomes_for,
    runs_resolution_clock,
    vaults_signer,
)
from danvan.models import Case, Classification

COMPLAINT, DENUNCIATION = Classification.COMPLAINT, Classification.DENUNCIATION
RECOMMENDATION = Classification.RECOMMENDATION


@pytest.mark.parametrize(
    ("processable", "in_competence", "expected"),
    [
        (False, None, (Handling.FILE, Handling.RETURN, Handling.GUIDE)),
        (True, False, (Handling.GUIDE, Handling.FORWARD, Handling.URGE)),
        (True, None, (Handling.GUIDE, Handling.FORWARD, Handling.URGE)),
        (True, True, (Handling.ACCEPT, Handling.CONSIDER, Handling.DECLINE)),
    ],
)
def test_the_classification_decides_the_handlings_a_petition_may_have(processable, in_competence, expected):
    assert handlings_for(kind=COMPLAINT, processable=processable, in_competence=in_competence) == expected


def test_a_recommendation_within_competence_is_answered_never_accepted():
    assert handlings_for(kind=RECOMMENDATION, processable=True, in_competence=True) == (Handling.ANSWER,)


def test_a_recommendation_is_offered_no_acceptance_among_all_its_handlings():
    offered = handlings_of(RECOMMENDATION)

    assert Handling.ANSWER in offered
    assert not {Handling.ACCEPT, Handling.CONSIDER, Handling.DECLINE} & set(offered)


def test_an_anonymous_petition_is_never_accepted():
    assert (may_accept(anonymous=True), may_accept(anonymous=False)) == (False, True)


def test_only_a_denouncer_goes_to_the_vault_and_only_a_recommendation_runs_no_resolution_clock():
    kinds = (COMPLAINT, DENUNCIATION, RECOMMENDATION)
    assert [vaults_signer(kind) for kind in kinds] == [False, True, False]
    assert [runs_resolution_clock(kind) for kind in kinds] == [True, True, False]


def test_the_outcomes_of_a_decision_depend_on_the_kind_and_the_round():
    merits = (Outcome.FOUNDED, Outcome.UNFOUNDED, Outcome.PARTLY_FOUNDED, Outcome.WITHDRAWN, Outcome.TERMINATED)
    second = (Outcome.UPHELD_FIRST, Outcome.OVERTURNED_FIRST, Outcome.WITHDRAWN, Outcome.TERMINATED)

    assert outcomes_for(kind=COMPLAINT, round="") == merits
    assert outcomes_for(kind=COMPLAINT, round=Case.Round.FIRST) == merits
    assert outcomes_for(kind=COMPLAINT, round=Case.Round.SECOND) == second
    assert outcomes_for(kind=DENUNCIATION, round=Case.Round.SECOND) == merits
    assert outcomes_for(kind=RECOMMENDATION, round=Case.Round.FIRST) == (Outcome.ANSWERED, Outcome.WITHDRAWN)


def test_an_enforcement_follows_every_outcome_but_a_withdrawal_a_termination_or_an_answer():
    ended = [outcome for outcome in Outcome.values if not enforcement_follows(outcome)]

    assert ended == ["answered", "withdrawn", "terminated"]


def test_a_case_is_closed_once_resolved():
    assert (case_status(resolved_on=None), case_status(resolved_on=date(2026, 4, 1))) == ("open", "closed")


def test_equal_deadline_keys_are_what_the_deadlines_are_computed_from(db):
    key = handling_key(kind=DENUNCIATION, received_on=date(2026, 3, 2))

    assert key == DeadlineKey(date(2026, 3, 2), 7, DayType.WORKING)
    assert key.deadline() == handling_deadline(kind=DENUNCIATION, received_on=date(2026, 3, 2)) == date(2026, 3, 11)


def test_a_complex_complaint_in_a_remote_area_has_the_longest_first_round():
    clock = {"kind": COMPLAINT, "round": Case.Round.FIRST, "disciplinary": False, "accepted_on": date(2026, 3, 2)}

    normal = resolution_key(**clock, complexity=Case.Complexity.NORMAL, remote=False)
    longest = resolution_key(**clock, complexity=Case.Complexity.COMPLEX, remote=True)

    assert (normal.days, longest.days) == (30, 60)
