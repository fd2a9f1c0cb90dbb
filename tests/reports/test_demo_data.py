"""`make demo` reproduces what Gia Lai published for 2024: the demo records give the report its figures exactly."""

import pytest
from django.urls import reverse

from danvan.models import AdminUnit
from danvan.selectors import resolve_unit
from danvan.services import create_standard_agencies
from dialogues.models import Opinion, OpinionStatus
from portal.demo import create_demo_accounts, publish_demo_schedules
from portal.demo_management import key_demo_management
from portal.demo_records import seed_demo_records
from reports.checks import violations
from reports.figures import report_data
from reports.forms_data import form_set
from reports.periods import window
from tests.shared_data import built_once

# Each seeds the whole demo (thousands of records): run by `make test` and CI, left out by `make test-fast`.
pytestmark = pytest.mark.slow


def _seed_demo():
    for province in AdminUnit.objects.filter(level=AdminUnit.Level.PROVINCE, code__in=["52", "64"]):
        create_standard_agencies(province=province)
    publish_demo_schedules(create_demo_accounts())
    outcome = seed_demo_records()
    key_demo_management()
    return outcome


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo's agencies and records (what seed_demo_records reported of its import), seeded once for both tests."""
    yield from built_once(django_db_blocker, _seed_demo)


def test_the_demo_records_reproduce_gia_lais_published_2024_figures(db, seeded):
    outcome = seeded

    span = window("year", year=2024)
    report = report_data(resolve_unit("64", on=span.end), span)
    figures, previous = report["figures"], report["previous"]
    assert outcome.problems == []
    assert (figures["reception.visits"], previous["reception.visits"]) == (2861, 2743)
    kinds = ("petitions.complaints", "petitions.denunciations")
    assert (sum(figures[key] for key in kinds), sum(previous[key] for key in kinds)) == (171, 196)
    assert (figures["dialogues.province"], figures["dialogues.district"], figures["dialogues.commune"]) == (5, 62, 399)


def test_the_demo_publishes_its_heads_reception_schedules_to_anyone(db, seeded, client):
    content = client.get(reverse("public-schedules")).content.decode()

    assert ("Ngày 15 hằng tháng" in content, "Sáng thứ Năm hằng tuần" in content) == (True, True)


def test_the_demo_commune_has_dialogues_with_opinions_to_follow_up(db, seeded):
    seed_demo_records()  # a second time: it adds nothing

    opinions = Opinion.objects.filter(dialogue__unit__code="23764", dialogue__unit__valid_from__isnull=False)
    assert opinions.count() == 9
    assert opinions.filter(status=OpinionStatus.ASSIGNED).exists()


def test_the_demo_year_2026_fills_the_six_tt06_forms_and_passes_their_checks(db, seeded):
    span = window("year", year=2026)

    forms = form_set(resolve_unit("52", on=span.end), span)

    assert [table.form.code for table in forms.tables if any(table.total)] == [
        "01/TCD", "02/XLD", "03/GQKN", "04/GQTC", "05/KQTH", "06/QLKNTC",
    ]  # fmt: skip
    assert violations(forms) == []
