"""A report's figures are kept between two changes of the records (reports/kept.py): counted once while nothing changes,
counted anew after any write, however it was made. These tests commit (the figures are kept only outside a
transaction), so the country is loaded again after them."""

from datetime import date

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from danvan.models import AdminUnit
from danvan.validity import REFORM
from reception.models import Visit
from reports.figures import report_data
from reports.periods import window
from tests.factories import AgencyFactory, VisitFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("country_loaded_again")]

# Every table whose rows a report counts; a table added to the figures needs its triggers (reports migration 0006).
COUNTED = {
    "reception_visit", "reception_receptionsession", "complaints_petition", "danvan_case", "complaints_extension",
    "complaints_suspension", "complaints_decision", "complaints_enforcement", "complaints_verification",
    "complaints_complaintdialogue", "dialogues_dialogue", "dialogues_opinion", "dialogues_directive",
    "reports_openingfigure", "reports_managementfigure", "danvan_dayoverride", "danvan_adminunit", "danvan_agency",
    "danvan_unitsuccession", "danvan_citizen",
}  # fmt: skip
YEAR = window("year", year=2026)


@pytest.fixture
def committee_of_a_test_province():
    """A province of its own: the flush after each of these tests empties the country."""
    unit = AdminUnit.objects.create(
        code="99", name="Tỉnh Thử", type=AdminUnit.Type.PROVINCE, level=AdminUnit.Level.PROVINCE, valid_from=REFORM
    )
    return AgencyFactory(unit=unit)


def visits(unit) -> int:
    return report_data(unit, YEAR)["figures"]["reception.visits"]


def test_the_figures_are_counted_once_while_no_record_changes(committee_of_a_test_province):
    VisitFactory(agency=committee_of_a_test_province, received_on=date(2026, 3, 3))
    first = visits(committee_of_a_test_province.unit)

    with CaptureQueriesContext(connection) as queries:
        second = visits(committee_of_a_test_province.unit)

    assert (first, second, [query for query in queries if "reception_visit" in query["sql"]]) == (1, 1, [])


def test_a_record_changed_by_an_update_is_counted_at_the_next_read(committee_of_a_test_province):
    visit = VisitFactory(agency=committee_of_a_test_province, received_on=date(2026, 3, 3))
    before = visits(committee_of_a_test_province.unit)

    Visit.objects.filter(pk=visit.pk).update(received_on=date(2025, 12, 1))

    assert (before, visits(committee_of_a_test_province.unit)) == (1, 0)


def test_a_record_deleted_is_counted_at_the_next_read(committee_of_a_test_province):
    visit = VisitFactory(agency=committee_of_a_test_province, received_on=date(2026, 3, 3))
    before = visits(committee_of_a_test_province.unit)

    Visit.objects.filter(pk=visit.pk).delete()

    assert (before, visits(committee_of_a_test_province.unit)) == (1, 0)


def test_inside_a_transaction_the_figures_are_counted_with_its_own_writes(committee_of_a_test_province):
    before = visits(committee_of_a_test_province.unit)

    with transaction.atomic():
        VisitFactory(agency=committee_of_a_test_province, received_on=date(2026, 3, 3))
        inside = visits(committee_of_a_test_province.unit)
        transaction.set_rollback(True)

    assert (before, inside, visits(committee_of_a_test_province.unit)) == (0, 1, 0)


def test_every_table_a_report_counts_raises_the_records_version():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE '%_version'")
        else:
            cursor.execute(
                "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_version_*'"
            )
        tables = {row[0] for row in cursor.fetchall()}

    assert tables == COUNTED
