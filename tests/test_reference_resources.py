"""Reference data exchanged as spreadsheets in the admin (django-import-export): agencies and days off."""

from datetime import date

import tablib

from danvan.models import Agency, DayOverride
from danvan.resources import AgencyResource, DayOverrideResource
from tests.factories import current_unit


def test_days_off_are_imported_from_a_sheet_with_dd_mm_yyyy_dates(db):
    kind = DayOverride.Kind.values[0]
    dataset = tablib.Dataset(["02/09/2026", kind, "Quốc khánh"], headers=["Ngày", "Loại", "Căn cứ, ghi chú"])

    result = DayOverrideResource().import_data(dataset, dry_run=False)

    assert not result.has_errors()
    assert DayOverride.objects.get(note="Quốc khánh").date == date(2026, 9, 2)


def test_an_agency_is_imported_at_the_unit_of_todays_structure(db):
    dataset = tablib.Dataset(
        ["", "52", Agency.Kind.DEPARTMENT, "Sở Tài nguyên và Môi trường"],
        headers=["id", "Mã ĐVHC", "Loại cơ quan", "Tên cơ quan"],
    )

    result = AgencyResource().import_data(dataset, dry_run=False)

    assert not result.has_errors()
    assert Agency.objects.get().unit == current_unit("52")


def test_agencies_export_with_their_unit_code(committee_of_ia_grai):
    exported = AgencyResource().export()

    assert exported.headers == ["id", "Mã ĐVHC", "Loại cơ quan", "Tên cơ quan"]
    assert exported[0][1] == "23764"
