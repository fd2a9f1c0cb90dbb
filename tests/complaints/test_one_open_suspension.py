"""A case's clock stops once at a time: the database holds one open suspension per case (complaints migration
suspension_one_open_per_case), and the migration before it leaves each case that had two (stored by two submits at
the same moment, before the service locked the case) its earliest one."""

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection

from complaints.models import Suspension
from complaints.models.resolution import OPEN_SUSPENSION
from danvan.models import Case
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

leave_one_open_suspension = import_module(
    "complaints.migrations.0021_one_open_suspension_left"
).leave_one_open_suspension


def suspension(case: Case, on: date, **fields) -> Suspension:
    return Suspension(case=case, suspended_on=on, number=f"{on:%d%m}/QĐ-TĐC", **fields)


@pytest.fixture
def running(committee_of_ia_grai) -> Case:
    return CaseFactory(agency=committee_of_ia_grai, accepted=True)


def test_a_second_open_suspension_of_a_case_is_refused_in_words(running):
    suspension(running, date(2026, 3, 10)).save()

    with pytest.raises(ValidationError) as refused:
        suspension(running, date(2026, 3, 12)).full_clean()

    assert refused.value.messages == [OPEN_SUSPENSION]


def test_a_case_may_have_resumed_suspensions_beside_its_open_one(running):
    suspension(running, date(2026, 3, 10), resumed_on=date(2026, 3, 11)).save()
    suspension(running, date(2026, 3, 12), resumed_on=date(2026, 3, 13)).save()

    suspension(running, date(2026, 3, 16)).full_clean()


@pytest.fixture
def without_the_constraint():
    """The table as it was before the constraint, which the migration's data step runs on."""
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX suspension_one_open_per_case")


@pytest.mark.usefixtures("without_the_constraint")
def test_the_migration_leaves_each_case_its_earliest_open_suspension(running, committee_of_ia_grai):
    other = CaseFactory(agency=committee_of_ia_grai, accepted=True)
    for case, day in [(running, 12), (running, 10), (running, 10), (other, 11)]:
        suspension(case, date(2026, 3, day)).save()
    resumed = suspension(running, date(2026, 3, 6), resumed_on=date(2026, 3, 9))
    resumed.save()
    earliest = Suspension.objects.filter(case=running, resumed_on=None).order_by("suspended_on", "pk").first()
    Case.objects.filter(pk=running.pk).update(suspended_since=date(2026, 3, 12))

    leave_one_open_suspension(apps, None)

    left = Suspension.objects.order_by("case", "suspended_on").values_list("pk", flat=True)
    running.refresh_from_db()
    assert list(left) == [resumed.pk, earliest.pk, Suspension.objects.get(case=other).pk]
    assert running.suspended_since == date(2026, 3, 10)
