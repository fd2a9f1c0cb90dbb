"""What is built from the units, their successions and the agencies is kept in the cache until one of them changes:
through the models (the admin, the portal), the unit loader or the standard agencies."""

import pytest
from django.urls import reverse

from danvan.models import AdminUnit, UnitSuccession
from danvan.services import create_standard_agencies
from danvan.structure import kept_for_unit
from danvan.unit_loader import load_admin_units
from tests.factories import AgencyFactory, VisitFactory, current_unit, legacy_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds():
    """How many times the structure was built: each read returns the number of builds so far."""
    counter = []

    def read() -> int:
        return kept_for_unit("test", 1, lambda: counter.append(1) or len(counter))

    return read


def test_what_is_built_is_kept_while_the_structure_stays_as_it_is(builds):
    assert [builds(), builds(), builds()] == [1, 1, 1]


def test_saving_or_deleting_a_unit_a_succession_or_an_agency_forgets_it_a_record_does_not(builds):
    seen = [builds()]
    agency = AgencyFactory(unit=current_unit("52"))
    seen.append(builds())
    agency.name = "Sở Tư pháp"
    agency.save()
    seen.append(builds())
    succession = UnitSuccession.objects.filter(old=legacy_unit("64")).first()
    succession.partly = not succession.partly
    succession.save()
    seen.append(builds())
    unit = current_unit("23764")
    unit.remote_area = True
    unit.save()
    seen.append(builds())
    VisitFactory(agency=agency)
    seen.append(builds())
    other = AgencyFactory(unit=unit)
    seen.append(builds())
    other.delete()
    seen.append(builds())

    assert seen == [1, 2, 3, 4, 5, 5, 6, 7]


def test_the_unit_loader_forgets_it(builds):
    builds()
    AdminUnit.objects.filter(pk=current_unit("52").pk).update(name="Tỉnh Mới")

    load_admin_units()

    assert (builds(), current_unit("52").name) == (2, "Tỉnh Gia Lai")


def test_the_standard_agencies_forget_it(builds):
    builds()

    create_standard_agencies(province=current_unit("52"))

    assert builds() == 2


def test_an_agency_renamed_in_the_admin_shows_in_its_units_rows_at_once(admin_client, committee_of_gia_lai):
    from reports.rows import rows_of

    gia_lai = current_unit("52")
    rows_of(gia_lai)

    response = admin_client.post(
        reverse("admin:danvan_agency_change", args=[committee_of_gia_lai.pk]),
        {"name": "Ủy ban nhân dân tỉnh Gia Lai (mới)", "kind": committee_of_gia_lai.kind, "unit": gia_lai.pk},
    )

    assert response.status_code == 302
    assert [row.label for row in rows_of(gia_lai) if row.agency_ids == (committee_of_gia_lai.pk,)] == [
        "Ủy ban nhân dân tỉnh Gia Lai (mới)"
    ]
