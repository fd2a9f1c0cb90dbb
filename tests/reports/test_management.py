"""Biểu 06/QLKNTC's figures: what agencies key in per window, summed per row of the forms and per report, and the
rules of keying them in."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.models import Agency, Role
from reports.forms_data import form_set
from reports.models import ManagementFigure
from reports.periods import window
from reports.qlkntc import LABELS, management_by_row
from reports.rows import ReportRow, RowKind, Rows
from reports.services import enter_management_figures
from tests.factories import current_unit, member_of, staff_with_role

pytestmark = pytest.mark.django_db

YEAR_2026 = window("year", year=2026)  # 15/12/2025 → 14/12/2026
Q1_2026 = window("q1", year=2026)  # 15/12/2025 → 14/03/2026, inside the year


def key_in(agency, values, span=YEAR_2026):
    enter_management_figures(agency=agency, window=span, values=values, by=member_of(agency, Role.REPORTER))


def columns(**figures) -> dict[str, int]:
    """Every column's key, 0 but those given: ``columns(c1=5)``."""
    return {f"qlkntc.{n}": figures.get(f"c{n}", 0) for n in range(1, 18)}


def keyed(agency) -> dict[int, int]:
    return dict(ManagementFigure.objects.filter(agency=agency).values_list("column", "value"))


def refusal(error: pytest.ExceptionInfo) -> dict[str, list[str]]:
    return error.value.message_dict


@pytest.fixture
def rows_of_gia_lai(committee_of_ia_grai, committee_of_pleiku, committee_of_gia_lai):
    """Two rows: the two communes together, then the province's committee."""
    return Rows(
        current_unit("52"),
        (
            ReportRow("Các xã", RowKind.CHILD, (committee_of_ia_grai.pk, committee_of_pleiku.pk)),
            ReportRow(committee_of_gia_lai.name, RowKind.AGENCY, (committee_of_gia_lai.pk,)),
        ),
    )


def test_the_labels_are_the_17_columns_of_the_form():
    assert (len(LABELS), LABELS[1], LABELS[8], LABELS[13], LABELS[17]) == (
        17,
        "Số văn bản ban hành mới",
        "Số cuộc đã ban hành kết luận",
        "Tổng số KLTT thực hiện",
        "Đối tượng",
    )


def test_each_row_sums_what_its_agencies_keyed_for_exactly_the_window(
    rows_of_gia_lai, committee_of_ia_grai, committee_of_pleiku, committee_of_gia_lai
):
    key_in(committee_of_ia_grai, {1: 2, 6: 3, 8: 1})
    key_in(committee_of_pleiku, {1: 5})
    key_in(committee_of_gia_lai, {17: 4})
    # Keyed for Quý I, which lies inside the year: not the year's figure.
    key_in(committee_of_ia_grai, {1: 100, 4: 100}, span=Q1_2026)

    sums = management_by_row(rows_of_gia_lai, YEAR_2026, Agency.objects.all())

    assert sums == [columns(c1=7, c6=3, c8=1), columns(c17=4)]


def test_a_window_reads_only_its_own_figures(rows_of_gia_lai, committee_of_ia_grai):
    key_in(committee_of_ia_grai, {1: 2})
    key_in(committee_of_ia_grai, {1: 100}, span=Q1_2026)

    sums = management_by_row(rows_of_gia_lai, Q1_2026, Agency.objects.all())

    assert sums == [columns(c1=100), columns()]


def test_a_row_counts_only_its_agencies_among_those_given(rows_of_gia_lai, committee_of_ia_grai, committee_of_pleiku):
    key_in(committee_of_ia_grai, {1: 2})
    key_in(committee_of_pleiku, {1: 5})

    sums = management_by_row(rows_of_gia_lai, YEAR_2026, Agency.objects.filter(pk=committee_of_pleiku.pk))

    assert sums == [columns(c1=5), columns()]


def test_the_rows_are_read_in_one_query(rows_of_gia_lai, committee_of_ia_grai, django_assert_num_queries):
    key_in(committee_of_ia_grai, {1: 2})

    with django_assert_num_queries(1):
        management_by_row(rows_of_gia_lai, YEAR_2026, Agency.objects.all())


def test_the_report_sums_every_agency_for_exactly_its_window(gia_lai, committee_of_ia_grai, committee_of_pleiku):
    key_in(committee_of_ia_grai, {4: 1, 5: 30})
    key_in(committee_of_pleiku, {4: 2, 5: 45})
    key_in(committee_of_pleiku, {4: 9}, span=Q1_2026)

    figures = dict(enumerate(form_set(gia_lai, YEAR_2026).totals()["06/QLKNTC"], start=1))

    assert figures == {n: {4: 3, 5: 75}.get(n, 0) for n in range(1, 18)}


def test_keying_again_replaces_and_an_empty_column_removes_its_figure(committee_of_ia_grai):
    key_in(committee_of_ia_grai, {1: 2, 2: 3, 4: 5})

    key_in(committee_of_ia_grai, {1: 7, 2: None})

    assert keyed(committee_of_ia_grai) == {1: 7, 4: 5}


def test_a_negative_figure_is_refused_and_nothing_is_saved(committee_of_ia_grai):
    with pytest.raises(ValidationError) as error:
        key_in(committee_of_ia_grai, {1: 2, 5: -1})

    assert refusal(error) == {"qlkntc.5": ["Cột 5 (số người) không được âm."]}
    assert keyed(committee_of_ia_grai) == {}


def test_a_figure_that_is_not_a_whole_number_is_refused(committee_of_ia_grai):
    with pytest.raises(ValidationError) as error:
        key_in(committee_of_ia_grai, {4: Decimal("2.5")})

    assert refusal(error) == {"qlkntc.4": ["Cột 4 (số lớp) đếm số lượng: hãy nhập số nguyên."]}


def test_a_figure_too_large_to_keep_is_refused(committee_of_ia_grai):
    with pytest.raises(ValidationError) as error:
        key_in(committee_of_ia_grai, {5: 3_000_000_000})

    assert refusal(error) == {"qlkntc.5": ["Cột 5 (số người): số quá lớn."]}


def test_a_column_the_form_does_not_have_is_refused(committee_of_ia_grai):
    with pytest.raises(ValidationError) as error:
        key_in(committee_of_ia_grai, {18: 1})

    assert refusal(error) == {"qlkntc.18": ["Biểu 06/QLKNTC không có cột 18."]}


def test_more_conclusions_than_inspections_are_refused(committee_of_ia_grai):
    with pytest.raises(ValidationError) as error:
        key_in(committee_of_ia_grai, {6: 2, 8: 3})

    assert refusal(error) == {"qlkntc.8": ["Cột 8 (số cuộc đã ban hành kết luận) không được lớn hơn cột 6 (số cuộc)."]}
    assert keyed(committee_of_ia_grai) == {}


def test_conclusions_are_compared_with_the_inspections_already_keyed(committee_of_ia_grai):
    key_in(committee_of_ia_grai, {6: 2, 8: 2})

    with pytest.raises(ValidationError) as error:
        key_in(committee_of_ia_grai, {6: 1})

    assert list(refusal(error)) == ["qlkntc.8"]
    assert keyed(committee_of_ia_grai) == {6: 2, 8: 2}


def test_conclusions_of_another_window_do_not_count_against_the_inspections(committee_of_ia_grai):
    key_in(committee_of_ia_grai, {6: 5, 8: 5}, span=Q1_2026)

    key_in(committee_of_ia_grai, {6: 1, 8: 1})

    assert ManagementFigure.objects.filter(agency=committee_of_ia_grai, end=YEAR_2026.end).count() == 2


def test_a_reporter_of_another_commune_cannot_key_in_for_the_agency(committee_of_ia_grai, committee_of_pleiku):
    reporter_of_pleiku = staff_with_role(committee_of_pleiku, Role.REPORTER)

    with pytest.raises(PermissionDenied):
        enter_management_figures(agency=committee_of_ia_grai, window=YEAR_2026, values={1: 2}, by=reporter_of_pleiku)

    assert keyed(committee_of_ia_grai) == {}


def test_a_receptionist_cannot_key_in_for_their_own_agency(committee_of_ia_grai):
    receptionist = staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)

    with pytest.raises(PermissionDenied):
        enter_management_figures(agency=committee_of_ia_grai, window=YEAR_2026, values={1: 2}, by=receptionist)
