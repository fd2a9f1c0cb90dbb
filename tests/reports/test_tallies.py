"""The half-month tally kept by database triggers, and the counts the dashboard reads from it and from the days at a
window's ends: always what counting the records gives."""

from datetime import date
from importlib import import_module
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS

from complaints.figures import complaints_figures
from complaints.models import Petition, Source
from complaints.services.intake import receive_petition
from danvan.models import Agency, Case, Classification
from reception.models import Visit
from reports.models import Tally
from reports.tallies import Received, rebuild_tallies, received, resolution_rates, whole_halves
from tests.factories import CaseFactory, CitizenFactory, VisitFactory

TODAY = date(2026, 3, 20)  # the last day of the dashboard's year so far in the windows below


def tally() -> dict[tuple[int, date], tuple[int, ...]]:
    """The tally rows that count anything."""
    rows = Tally.objects.values_list(
        "agency_id", "half", "visits", "people", "petitions", "complaints", "denunciations", "accepted", "resolved"
    )
    return {(agency, half): tuple(counts) for agency, half, *counts in rows if any(counts)}


def petition(agency, on: date, kind: str = Classification.COMPLAINT) -> Petition:
    return receive_petition(
        agency=agency, by=None, received_on=on, source=Source.POST, kind=kind, content="Đề nghị", anonymous=True
    )


def test_a_new_visit_counts_in_its_agency_and_half_month(committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 1, 14), people=3)
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 1, 15))

    assert tally() == {
        (committee_of_ia_grai.pk, date(2026, 1, 1)): (1, 3, 0, 0, 0, 0, 0),
        (committee_of_ia_grai.pk, date(2026, 1, 15)): (1, 1, 0, 0, 0, 0, 0),
    }


def test_a_visit_moved_to_another_day_and_agency_counts_there_and_no_longer_where_it_was(
    committee_of_ia_grai, committee_of_pleiku
):
    visit = VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 1, 31))
    visit.agency, visit.received_on = committee_of_pleiku, date(2026, 2, 1)
    visit.save()

    assert tally() == {(committee_of_pleiku.pk, date(2026, 2, 1)): (1, 1, 0, 0, 0, 0, 0)}


def test_a_deleted_visit_no_longer_counts(committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 1, 5)).delete()

    assert tally() == {}


def test_visits_written_in_one_statement_count_each(committee_of_ia_grai):
    citizen = CitizenFactory()
    Visit.objects.bulk_create(
        VisitFactory.build(agency=committee_of_ia_grai, received_on=date(2026, 2, day), citizen=citizen, case=None)
        for day in (1, 2, 3)
    )

    assert tally() == {(committee_of_ia_grai.pk, date(2026, 2, 1)): (3, 3, 0, 0, 0, 0, 0)}


def test_a_petition_counts_and_among_complaints_only_while_it_is_one(committee_of_ia_grai):
    complaint = petition(committee_of_ia_grai, date(2026, 2, 14))
    petition(committee_of_ia_grai, date(2026, 2, 15), Classification.RECOMMENDATION)
    first_half, second_half = (committee_of_ia_grai.pk, date(2026, 2, 1)), (committee_of_ia_grai.pk, date(2026, 2, 15))
    assert tally() == {first_half: (0, 0, 1, 1, 0, 0, 0), second_half: (0, 0, 1, 0, 0, 0, 0)}

    Petition.objects.filter(pk=complaint.pk).update(kind=Classification.RECOMMENDATION)

    assert tally() == {first_half: (0, 0, 1, 0, 0, 0, 0), second_half: (0, 0, 1, 0, 0, 0, 0)}


@pytest.mark.parametrize(
    "count_again",
    [
        rebuild_tallies,
        # The first count of the migration that installed the triggers, which writes out what it needs.
        lambda: import_module("reports.migrations.0003_tally_cases").count_tally(apps, DEFAULT_DB_ALIAS),
    ],
    ids=["rebuild_tallies", "migration"],
)
def test_counting_again_from_the_records_gives_the_tally_the_triggers_kept(
    count_again, committee_of_ia_grai, committee_of_pleiku
):
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2025, 12, 20), people=6)
    VisitFactory(agency=committee_of_pleiku, received_on=date(2026, 1, 2))
    petition(committee_of_pleiku, date(2026, 1, 2), Classification.DENUNCIATION)
    petition(committee_of_pleiku, date(2026, 1, 14), Classification.RECOMMENDATION)
    accepted_case(committee_of_ia_grai, Classification.COMPLAINT, date(2026, 1, 20), date(2026, 2, 3))
    accepted_case(committee_of_ia_grai, Classification.RECOMMENDATION, date(2026, 1, 20), date(2026, 2, 3))
    kept = tally()

    count_again()

    assert tally() == kept


@pytest.mark.parametrize(
    ("start", "end", "halves"),
    [
        (date(2025, 12, 15), date(2026, 12, 14), (date(2025, 12, 15), date(2026, 12, 1))),  # a report year
        (date(2025, 12, 15), date(2026, 3, 20), (date(2025, 12, 15), date(2026, 3, 1))),
        (date(2026, 1, 2), date(2026, 2, 28), (date(2026, 1, 15), date(2026, 2, 15))),
        (date(2026, 2, 1), date(2026, 2, 14), (date(2026, 2, 1), date(2026, 2, 1))),
        (date(2026, 2, 2), date(2026, 2, 27), None),
    ],
)
def test_whole_halves_are_the_half_months_lying_entirely_inside_the_window(start, end, halves):
    assert whole_halves(start, end) == halves


@pytest.fixture
def records(committee_of_ia_grai, committee_of_pleiku):
    """Visits and petitions on both ends of the window 15/12/2025–20/03/2026, inside it and outside it."""
    for agency, on, people in (
        (committee_of_ia_grai, date(2025, 12, 14), 1),  # the day before
        (committee_of_ia_grai, date(2025, 12, 15), 2),
        (committee_of_ia_grai, date(2026, 1, 31), 1),
        (committee_of_pleiku, date(2026, 2, 1), 7),
        (committee_of_pleiku, date(2026, 3, 20), 1),
    ):
        VisitFactory(agency=agency, received_on=on, people=people)
    petition(committee_of_ia_grai, date(2025, 12, 31))
    petition(committee_of_pleiku, date(2026, 1, 10), Classification.RECOMMENDATION)
    petition(committee_of_pleiku, date(2026, 3, 1), Classification.DENUNCIATION)
    return [committee_of_ia_grai.pk, committee_of_pleiku.pk]


def test_a_window_counts_whole_months_from_the_tally_and_its_ends_from_the_records(records):
    assert received(records, date(2025, 12, 15), TODAY) == {None: Received(4, 11, 3, 1, 1)}


def test_a_window_counts_per_agency(records):
    ia_grai, pleiku = records

    counts = received(records, date(2025, 12, 15), TODAY, by="agency")

    assert counts == {ia_grai: Received(2, 3, 1, 1, 0), pleiku: Received(2, 8, 2, 0, 1)}


def test_a_window_counts_per_month(records):
    counts = received(records, date(2025, 12, 15), TODAY, by="month")

    assert counts == {
        date(2025, 12, 1): Received(1, 2, 1, 1, 0),
        date(2026, 1, 1): Received(1, 1, 1, 0, 0),
        date(2026, 2, 1): Received(1, 7, 0, 0, 0),
        date(2026, 3, 1): Received(1, 1, 1, 0, 1),
    }


def test_the_command_counts_a_lost_tally_again(committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 1, 5))
    Tally.objects.all().delete()

    call_command("rebuild_tallies", stdout=StringIO())

    assert tally() == {(committee_of_ia_grai.pk, date(2026, 1, 1)): (1, 1, 0, 0, 0, 0, 0)}


def accepted_case(agency, kind: str, accepted: date, resolved: date | None = None) -> Case:
    return CaseFactory(
        agency=agency, kind=kind, opened_on=accepted, accepted_on=accepted, due_on=accepted, resolved_on=resolved
    )


def test_a_case_counts_where_it_was_accepted_and_again_where_it_was_resolved(committee_of_ia_grai):
    accepted_case(committee_of_ia_grai, Classification.DENUNCIATION, date(2026, 1, 20), date(2026, 2, 3))

    assert tally() == {
        (committee_of_ia_grai.pk, date(2026, 1, 15)): (0, 0, 0, 0, 0, 1, 0),
        (committee_of_ia_grai.pk, date(2026, 2, 1)): (0, 0, 0, 0, 0, 0, 1),
    }


def test_a_case_resolved_later_counts_then_and_a_recommendation_never(committee_of_ia_grai):
    case = accepted_case(committee_of_ia_grai, Classification.COMPLAINT, date(2026, 1, 20))
    accepted_case(committee_of_ia_grai, Classification.RECOMMENDATION, date(2026, 1, 20), date(2026, 1, 21))
    case.resolved_on = date(2026, 3, 2)
    case.save()

    assert tally() == {
        (committee_of_ia_grai.pk, date(2026, 1, 15)): (0, 0, 0, 0, 0, 1, 0),
        (committee_of_ia_grai.pk, date(2026, 3, 1)): (0, 0, 0, 0, 0, 0, 1),
    }


def test_an_update_that_leaves_the_counts_as_they_were_writes_no_tally_row(committee_of_ia_grai):
    case = accepted_case(committee_of_ia_grai, Classification.COMPLAINT, date(2026, 1, 20))
    Tally.objects.all().delete()

    Case.objects.filter(pk=case.pk).update(summary="Tranh chấp ranh giới đất")

    assert not Tally.objects.exists()


@pytest.mark.parametrize(
    "window",
    [
        (date(2025, 12, 15), date(2026, 12, 14)),  # whole halves
        (date(2025, 12, 15), date(2026, 3, 20)),  # today's half in part
        (date(2026, 1, 10), date(2026, 2, 20)),  # both ends in part
        (date(2024, 12, 15), date(2025, 12, 14)),  # a year earlier
    ],
)
def test_the_resolution_rate_from_the_tally_is_the_reports(committee_of_ia_grai, committee_of_pleiku, window):
    for agency, kind, accepted, resolved in (
        (committee_of_ia_grai, Classification.COMPLAINT, date(2025, 11, 3), None),
        (committee_of_ia_grai, Classification.COMPLAINT, date(2025, 12, 1), date(2026, 1, 9)),
        (committee_of_ia_grai, Classification.COMPLAINT, date(2025, 1, 6), date(2025, 12, 16)),
        (committee_of_ia_grai, Classification.DENUNCIATION, date(2025, 6, 2), date(2025, 12, 2)),
        (committee_of_ia_grai, Classification.DENUNCIATION, date(2026, 1, 12), date(2026, 2, 19)),
        (committee_of_pleiku, Classification.COMPLAINT, date(2026, 2, 2), date(2026, 3, 19)),
        (committee_of_pleiku, Classification.DENUNCIATION, date(2026, 3, 1), None),
        (committee_of_pleiku, Classification.DENUNCIATION, date(2025, 12, 10), None),
        (committee_of_pleiku, Classification.RECOMMENDATION, date(2026, 3, 1), date(2026, 3, 2)),
        (committee_of_pleiku, Classification.RECOMMENDATION, date(2026, 1, 1), None),
    ):
        accepted_case(agency, kind, accepted, resolved)
    agencies = [committee_of_ia_grai.pk, committee_of_pleiku.pk]
    start, end = window
    report = complaints_figures(agencies=Agency.objects.filter(pk__in=agencies), start=start, end=end)

    rates = resolution_rates(agencies, [window], still_open=3)  # the complaints and denunciations not resolved

    assert rates == [report["resolution_rate"]]
