"""The data step of migration 0010: visits made before every visit had a code get one each, and keep one they had."""

from importlib import import_module

import pytest
from django.apps import apps

from danvan.codes import VISIT_PREFIX, is_code
from reception.models import Visit
from tests.factories import VisitFactory

pytestmark = pytest.mark.django_db

give_codes = import_module("reception.migrations.0010_every_visit_gets_a_receipt_code").give_codes


def test_visits_without_a_code_get_distinct_codes_and_one_with_a_code_keeps_it(committee_of_ia_grai):
    VisitFactory.create_batch(3, agency=committee_of_ia_grai, receipt_code=None)
    kept = VisitFactory(agency=committee_of_ia_grai, receipt_code="TD-K7M2Q9XA")

    give_codes(apps, None)

    codes = list(Visit.objects.exclude(pk=kept.pk).values_list("receipt_code", flat=True))
    assert (len(set(codes)), all(is_code(code, VISIT_PREFIX) for code in codes)) == (3, True)
    assert Visit.objects.get(pk=kept.pk).receipt_code == "TD-K7M2Q9XA"
