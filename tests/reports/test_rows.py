"""The rows of a form: the unit's direct children, its own agencies, and across 01/07/2025 the old units' agencies in
the rows of the new units they went into."""

from datetime import date

import pytest

from danvan.models import AdminUnit, Agency, UnitSuccession
from reports.figures import agencies_of, figures_of, scope_of
from reports.grouped import grouped_figures, total
from reports.periods import window
from reports.rows import RowKind, rows_of
from tests.factories import AgencyFactory, VisitFactory, current_unit, legacy_unit

pytestmark = pytest.mark.django_db

YEAR_2024 = window("year", year=2024)
YEAR_2025 = window("year", year=2025)  # 15/12/2024 → 14/12/2025: across the reform


def visits_by_row(unit: AdminUnit, span) -> dict[str, int]:
    rows = rows_of(unit)
    figures = grouped_figures(rows, span, scope_of(rows.unit))
    return {row.label: values["tcd.regular.visits"] for row, values in zip(rows, figures, strict=True)}


def only_counted(counts: dict[str, int]) -> dict[str, int]:
    return {label: count for label, count in counts.items() if count}


def test_an_old_province_has_a_row_per_district_by_code_then_its_own_agencies(committee_of_old_gia_lai):
    old_gia_lai = legacy_unit("64")
    inspectorate = AgencyFactory(unit=old_gia_lai, kind=Agency.Kind.INSPECTORATE, name="Thanh tra tỉnh Gia Lai")

    rows = rows_of(old_gia_lai)

    districts = list(AdminUnit.objects.filter(parent=old_gia_lai).order_by("code").values_list("name", flat=True))
    assert [row.label for row in rows] == [*districts, "Ủy ban nhân dân tỉnh Gia Lai", "Thanh tra tỉnh Gia Lai"]
    assert [row.kind for row in rows][-3:] == [RowKind.CHILD, RowKind.AGENCY, RowKind.AGENCY]
    assert rows.rows[-1].agency_ids == (inspectorate.pk,)


def test_a_commune_counts_in_the_row_of_its_district(committee_of_old_gia_lai):
    ia_grai_district = AdminUnit.objects.get(name="Huyện Ia Grai", parent=legacy_unit("64"))
    commune = AdminUnit.objects.filter(parent=ia_grai_district).order_by("code").first()
    VisitFactory.create_batch(2, agency=AgencyFactory(unit=commune), received_on=date(2024, 4, 1))
    VisitFactory(agency=AgencyFactory(unit=ia_grai_district), received_on=date(2024, 4, 2))
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 4, 3))

    counts = visits_by_row(legacy_unit("64"), YEAR_2024)

    assert only_counted(counts) == {"Huyện Ia Grai": 3, "Ủy ban nhân dân tỉnh Gia Lai": 1}


def test_across_the_reform_old_units_count_in_the_rows_of_the_new_ones(committee_of_gia_lai, committee_of_old_gia_lai):
    """Old communes go into their new commune's row; old provinces' committees into the new committee's row; the
    abolished districts into one row of their own."""
    ia_grai = current_unit("23764")
    old_commune = UnitSuccession.objects.filter(new=ia_grai, partly=False, old__level="commune").first().old
    split = legacy_unit("21634")  # Xã An Nghĩa went partly into Xã An Toàn (21622) and Xã An Hòa (21628)
    old_binh_dinh = AgencyFactory(unit=legacy_unit("52"))
    old_department = AgencyFactory(unit=legacy_unit("64"), kind=Agency.Kind.DEPARTMENT, name="Sở Tư pháp tỉnh Gia Lai")
    VisitFactory(agency=AgencyFactory(unit=ia_grai), received_on=date(2025, 9, 9))
    VisitFactory(agency=AgencyFactory(unit=old_commune), received_on=date(2025, 1, 6))
    VisitFactory(agency=AgencyFactory(unit=split), received_on=date(2025, 2, 7))
    VisitFactory(agency=committee_of_gia_lai, received_on=date(2025, 8, 1))
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2025, 3, 3))
    VisitFactory(agency=old_binh_dinh, received_on=date(2025, 5, 5))
    VisitFactory(agency=AgencyFactory(unit=legacy_unit("622")), received_on=date(2025, 6, 30))
    VisitFactory(agency=old_department, received_on=date(2025, 6, 1))

    counts = visits_by_row(current_unit("52"), YEAR_2025)

    assert only_counted(counts) == {
        "Xã An Toàn": 1,
        "Xã Ia Grai": 2,
        "Ủy ban nhân dân tỉnh Gia Lai": 3,
        "Cấp tỉnh (trước 01/07/2025)": 1,
        "Cấp huyện (trước 01/07/2025)": 1,
    }


def test_the_rows_hold_every_agency_of_the_area_once(committee_of_gia_lai, committee_of_old_gia_lai):
    AgencyFactory(unit=legacy_unit("622"))
    AgencyFactory(unit=current_unit("23764"))
    AgencyFactory(unit=legacy_unit("21634"))
    gia_lai = current_unit("52")

    rows = rows_of(gia_lai)

    assert sorted(rows.agency_ids) == sorted(agencies_of(gia_lai).values_list("pk", flat=True))


def test_the_total_of_the_rows_counts_what_the_report_counts(committee_of_gia_lai, committee_of_old_gia_lai):
    for agency, day in ((committee_of_gia_lai, date(2025, 8, 1)), (committee_of_old_gia_lai, date(2025, 3, 3))):
        VisitFactory.create_batch(2, agency=agency, received_on=day, people=3)
    VisitFactory(agency=AgencyFactory(unit=legacy_unit("622")), received_on=date(2025, 6, 30))
    gia_lai = current_unit("52")

    figures = total(grouped_figures(rows_of(gia_lai), YEAR_2025, scope_of(gia_lai)))
    report = figures_of(agencies_of(gia_lai), YEAR_2025)

    assert (figures["tcd.regular.visits"], figures["tcd.regular.people"]) == (
        report["reception.visits"],
        report["reception.people"],
    )


def test_a_units_rows_are_read_from_the_cache_while_the_structure_stays_as_it_is(
    django_assert_num_queries, committee_of_gia_lai
):
    gia_lai = current_unit("52")
    built = rows_of(gia_lai)

    with django_assert_num_queries(1):  # the structure's generation; the rows are kept in the process
        assert rows_of(gia_lai) == built


def test_an_agency_added_or_renamed_shows_in_the_rows_at_once(committee_of_gia_lai):
    gia_lai = current_unit("52")
    rows_of(gia_lai)
    inspectorate = AgencyFactory(unit=gia_lai, kind=Agency.Kind.INSPECTORATE, name="Thanh tra tỉnh")
    added = rows_of(gia_lai)
    inspectorate.name = "Thanh tra tỉnh Gia Lai"
    inspectorate.save()

    rows = rows_of(gia_lai)

    assert (added.rows[-1].label, rows.rows[-1].label) == ("Thanh tra tỉnh", "Thanh tra tỉnh Gia Lai")
    assert inspectorate.pk in rows.agency_ids


def test_a_unit_renamed_shows_in_the_rows_at_once(committee_of_gia_lai):
    gia_lai = current_unit("52")
    first = rows_of(gia_lai).rows[0].unit
    first.name = "Phường Mới"
    first.save()

    assert rows_of(gia_lai).rows[0].label == "Phường Mới"
