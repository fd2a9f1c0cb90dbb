"""Opening figures count everywhere alike (issue 14, point 11): kept per report month, read in the circular of their
month, added to the forms of that circular and to the summary figures their columns make; a report names those it
leaves out; a sent report shows those keyed after it as differences."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danvan.models import Agency, Role
from reports.circulars import IN_FORCE
from reports.figures import KEYS, figures_of
from reports.forms_data import form_set, report_json
from reports.labels import is_rate
from reports.models import OpeningFigure
from reports.opening_keys import SUMMARY_COLUMNS
from reports.openings_selectors import columns_by_code, report_openings
from reports.periods import window
from reports.services import enter_opening, mark_sent
from reports.snapshots import cell_changes_since, changes_since
from tests.factories import member_of, staff_with_role

JANUARY_2026 = window("month", year=2026, month=1)  # 15/12/2025 → 14/01/2026: TT 06/2025
JUNE_2025 = window("month", year=2025, month=6)  # 15/05/2025 → 14/06/2025: TT 01/2024
YEAR_2025 = window("year", year=2025)  # 15/12/2024 → 14/12/2025: TT 06/2025


def key_in(agency, code, value, month=JANUARY_2026, end=None) -> OpeningFigure:
    return enter_opening(
        agency=agency,
        start=month.start,
        end=end or month.end,
        code=code,
        value=Decimal(value),
        by=member_of(agency, Role.REPORTER),
    )


def only(agency) -> Agency:
    return Agency.objects.filter(pk=agency.pk)


@pytest.mark.parametrize("circular", [circular for _, circular in IN_FORCE])
def test_every_column_of_the_vocabulary_is_a_keyable_column_of_its_circular_making_a_summary_key(circular):
    columns = columns_by_code(circular)

    for key, codes in SUMMARY_COLUMNS[circular].items():
        assert (key in KEYS, is_rate(key)) == (True, False), key
        assert all(code in columns and columns[code].keyable and columns[code].whole for code in codes), key


def test_a_column_keyed_for_a_tt06_month_adds_to_its_summary_figures_and_to_its_form(committee_of_ia_grai):
    unit = committee_of_ia_grai.unit
    figures, forms = figures_of(only(committee_of_ia_grai), JANUARY_2026), report_json(unit, JANUARY_2026)["forms"]

    key_in(committee_of_ia_grai, "01/TCD:5", 25)

    now, now_forms = figures_of(only(committee_of_ia_grai), JANUARY_2026), report_json(unit, JANUARY_2026)["forms"]
    assert [now[key] - figures[key] for key in ("reception.visits", "reception.regular.visits")] == [25, 25]
    assert [now_forms["01/TCD"][n - 1] - forms["01/TCD"][n - 1] for n in (1, 5)] == [25, 25]


def test_the_report_json_says_the_same_visits_as_01_tcd(committee_of_ia_grai):
    key_in(committee_of_ia_grai, "01/TCD:5", 25)
    key_in(committee_of_ia_grai, "01/TCD:17", 4)

    data = report_json(committee_of_ia_grai.unit, JANUARY_2026)

    assert (data["figures"]["reception.visits"], data["forms"]["01/TCD"][0]) == (29, 29)


def test_a_column_keyed_for_a_tt01_month_is_read_in_tt01(committee_of_ia_grai):
    key_in(committee_of_ia_grai, "01/TCD:4", 12, month=JUNE_2025)  # TT 01/2024: tiếp thường xuyên, số lượt

    figures = figures_of(only(committee_of_ia_grai), JUNE_2025)

    assert (figures["reception.visits"], figures["reception.regular.visits"]) == (12, 12)


def test_a_tt01_column_is_not_added_to_the_tt06_forms_of_a_window_holding_its_month(committee_of_ia_grai):
    before = form_set(committee_of_ia_grai.unit, YEAR_2025).totals()

    # TT 01/2024 02/XLD:3 is the complaints received; TT 06/2025 02/XLD:3 the processable petitions.
    key_in(committee_of_ia_grai, "02/XLD:3", 3, month=JUNE_2025)

    assert form_set(committee_of_ia_grai.unit, YEAR_2025).totals() == before


def test_a_tt01_column_counting_a_figure_alone_goes_into_the_tt06_column_of_that_figure(committee_of_ia_grai):
    key_in(committee_of_ia_grai, "01/TCD:4", 12, month=JUNE_2025)  # TT 01/2024: tiếp thường xuyên, số lượt

    data = report_json(committee_of_ia_grai.unit, YEAR_2025)

    assert data["figures"]["reception.visits"] == data["forms"]["01/TCD"][0] == data["forms"]["01/TCD"][4] == 12


def test_a_report_names_a_column_of_another_circular_that_it_adds_nowhere(committee_of_ia_grai):
    key_in(committee_of_ia_grai, "01/XLD:22", 3, month=JUNE_2025)  # replies received: no summary figure

    openings = report_openings(only(committee_of_ia_grai), YEAR_2025)

    assert (openings.agencies, openings.left_out) == (
        [],
        [
            "Số liệu đầu kỳ của Ủy ban nhân dân xã Ia Grai từ ngày 15/05/2025 đến ngày 14/06/2025 nhập theo biểu mẫu"
            " của TT 01/2024/TT-TTCP nên không được cộng vào biểu mẫu của kỳ báo cáo (TT 06/2025/TT-TTCP)."
        ],
    )


def test_a_column_is_checked_in_the_circular_of_its_month(committee_of_ia_grai):
    # 01/TCD:4 counts visits in TT 01/2024, adds up groups in TT 06/2025.
    with pytest.raises(ValidationError) as refused:
        key_in(committee_of_ia_grai, "01/TCD:4", 7)

    assert refused.value.message_dict == {
        "code": ["Cột 4 của biểu 01/TCD là cột tổng, được tính từ các cột khác: không nhập đầu kỳ."]
    }


def test_a_column_missing_from_the_circular_of_its_month_is_refused(committee_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        key_in(committee_of_ia_grai, "03/GQKN:1", 7, month=JUNE_2025)

    assert refused.value.message_dict == {
        "code": ["Không có cột “03/GQKN:1” trong các biểu mẫu của TT 01/2024/TT-TTCP."]
    }


def test_days_of_two_report_months_are_refused(committee_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        key_in(committee_of_ia_grai, "01/TCD:5", 7, end=date(2026, 1, 20))

    assert refused.value.message_dict == {
        "end": [
            "Từ ngày 15/12/2025 đến ngày 20/01/2026 thuộc nhiều tháng báo cáo (tháng 1/2026 đến tháng 2/2026): số liệu"
            " đầu kỳ được nhập riêng cho từng tháng, mỗi tháng tính từ ngày 15 tháng trước đến ngày 14."
        ]
    }
    assert not OpeningFigure.objects.exists()


def test_an_entry_partly_inside_the_window_is_not_added(committee_of_ia_grai):
    # Keyed before openings were kept per month.
    OpeningFigure.objects.create(
        agency=committee_of_ia_grai, start=date(2025, 12, 15), end=date(2026, 2, 10), code="reception.visits",
        value=Decimal(30), entered_by=member_of(committee_of_ia_grai, Role.REPORTER),
    )  # fmt: skip

    assert figures_of(only(committee_of_ia_grai), JANUARY_2026)["reception.visits"] == 0


def test_the_report_page_names_an_entry_it_leaves_out_as_partly_inside(client, committee_of_ia_grai):
    reporter = staff_with_role(committee_of_ia_grai, Role.REPORTER)
    OpeningFigure.objects.create(
        agency=committee_of_ia_grai, start=date(2025, 12, 15), end=date(2026, 2, 10), code="01/TCD:5",
        value=Decimal(30), entered_by=reporter,
    )  # fmt: skip
    client.force_login(reporter)

    page = client.get(
        reverse("reports:report"),
        {"unit": committee_of_ia_grai.unit.pk, "period": "month", "year": 2026, "month": 1},
    ).content.decode()

    assert (
        '<p class="warning report-openings-left-out">Số liệu đầu kỳ của Ủy ban nhân dân xã Ia Grai từ ngày 15/12/2025'
        " đến ngày 10/02/2026 không được cộng vì chỉ một phần nằm trong kỳ báo cáo.</p>" in page
    )


def test_an_opening_keyed_after_sending_shows_as_a_difference(committee_of_ia_grai):
    sent = mark_sent(
        unit=committee_of_ia_grai.unit, window=JANUARY_2026, by=staff_with_role(committee_of_ia_grai, Role.REPORTER)
    )

    key_in(committee_of_ia_grai, "01/TCD:5", 25)

    assert [(change.key, change.sent, change.now) for change in changes_since(sent)] == [
        ("reception.visits", 0, 25),
        ("reception.regular.visits", 0, 25),
    ]
    assert [change.text for change in cell_changes_since(sent)] == ["01/TCD cột 1: 0 → 25", "01/TCD cột 5: 0 → 25"]


def test_the_sent_page_lists_the_changed_cells_of_the_forms(client, committee_of_ia_grai):
    reporter = staff_with_role(committee_of_ia_grai, Role.REPORTER)
    sent = mark_sent(unit=committee_of_ia_grai.unit, window=JANUARY_2026, by=reporter)
    key_in(committee_of_ia_grai, "01/TCD:6", 1234)
    client.force_login(reporter)

    page = client.get(reverse("reports:sent-detail", args=[sent.pk])).content.decode()

    assert (
        '<ul class="cell-changes">\n    <li>01/TCD cột 2: 0 → 1.234</li><li>01/TCD cột 6: 0 → 1.234</li>\n  </ul>'
        in page
    )


def test_06_qlkntc_takes_no_opening_figure(committee_of_ia_grai):
    # Its figures are keyed for whole windows on their own page.
    with pytest.raises(ValidationError) as refused:
        key_in(committee_of_ia_grai, "06/QLKNTC:1", 2)

    assert refused.value.message_dict == {
        "code": ["Không có cột “06/QLKNTC:1” trong các biểu mẫu của TT 06/2025/TT-TTCP."]
    }
