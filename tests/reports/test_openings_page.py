"""The opening figures' page: a reporter, leader or unit admin keys in, per column of the forms in force for a report
month, their agency's figures for the days of that month before it used the portal; the forms add them; the report
page says so."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from danvan.models import Agency, Role
from reports.excel.workbook import statutory_workbook, workbook_bytes
from reports.models import OpeningFigure
from reports.opening_forms import OpeningsForm
from reports.periods import window
from reports.services import enter_opening
from tests.factories import DialogueFactory, StaffFactory, VisitFactory, member_of, staff_with_role

URL = reverse("reports:openings")
YEAR_2026 = window("year", year=2026)  # 15/12/2025 → 14/12/2026
# Tháng 1/2026 (15/12/2025 → 14/01/2026): the TT 06/2025 forms.
BEFORE_THE_PORTAL = {"month": "2026-01", "end": "10/01/2026"}


@pytest.fixture
def reporter_of_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.REPORTER, full_name="Rơ Châm Thị Hoa")


@pytest.fixture
def reporter_client(client, reporter_of_ia_grai):
    client.force_login(reporter_of_ia_grai)
    return client


def opening_of(agency, code="01/TCD:5", value=7, start=date(2025, 12, 15), end=date(2026, 1, 10)) -> OpeningFigure:
    return enter_opening(
        agency=agency, start=start, end=end, code=code, value=Decimal(value), by=member_of(agency, Role.REPORTER)
    )


def post(client, agency, **figures):
    return client.post(URL, {"agency": agency.pk, **BEFORE_THE_PORTAL, **figures})


def show(client, month: str):
    """The page as "Hiện biểu của tháng" shows it for ``month`` ("2026-01")."""
    return client.post(URL, {"month": month, "show": "1"})


def sheet_rows(workbook, sheet: str) -> dict[str, list]:
    """The rows of a form's sheet by their label (the total row under "Tổng cộng"), read back from the file."""
    cells = [
        [cell.value for cell in row] for row in load_workbook(BytesIO(workbook_bytes(workbook)))[sheet].iter_rows()
    ]
    number_row = next(index for index, row in enumerate(cells) if row[0] == "MS")
    return {row[0]: row[1:] for row in cells[number_row + 1 :] if row[0]}


def test_a_receptionist_may_not_open_the_page(client, committee_of_ia_grai):
    opening_of(committee_of_ia_grai, value=4321)
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))

    response = client.get(URL)

    assert response.status_code == 403
    assert "4.321" not in response.content.decode()


def test_a_receptionist_cannot_save_opening_figures(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))

    response = post(client, committee_of_ia_grai, **{"01-TCD_5": "7"})

    assert response.status_code == 403
    assert not OpeningFigure.objects.exists()


def test_the_agencies_offered_are_those_where_the_user_holds_the_role(
    client, committee_of_gia_lai, committee_of_ia_grai
):
    # A leader of the province sees the commune's records but keys in the province committee's figures only.
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))

    choices = list(client.get(URL).context["form"].fields["agency"].choices)

    assert [(choice.value, label) for choice, label in choices] == [
        (committee_of_gia_lai.pk, "Ủy ban nhân dân tỉnh Gia Lai (52)")
    ]


def test_a_superuser_keys_in_for_any_agency(client, committee_of_pleiku):
    client.force_login(StaffFactory(is_superuser=True))

    response = post(client, committee_of_pleiku, **{"01-TCD_5": "7"})

    assert response.status_code == 302
    assert OpeningFigure.objects.get().agency == committee_of_pleiku


def test_an_agency_not_offered_is_refused(reporter_client, committee_of_pleiku):
    response = post(reporter_client, committee_of_pleiku, **{"01-TCD_5": "7"})

    assert response.context["form"].errors["agency"] == ["Bạn không nhập số liệu đầu kỳ cho cơ quan này."]
    assert not OpeningFigure.objects.exists()


def test_a_saved_column_value_is_added_to_the_agencys_row_of_01_tcd(reporter_client, committee_of_ia_grai):
    response = post(reporter_client, committee_of_ia_grai, **{"01-TCD_5": "1.234", "01-TCD_6": "1.300"})

    assert response.status_code == 302
    saved = OpeningFigure.objects.order_by("code")
    assert [(o.agency, o.start, o.end, o.code, o.value) for o in saved] == [
        (committee_of_ia_grai, date(2025, 12, 15), date(2026, 1, 10), "01/TCD:5", Decimal(1234)),
        (committee_of_ia_grai, date(2025, 12, 15), date(2026, 1, 10), "01/TCD:6", Decimal(1300)),
    ]
    rows = sheet_rows(statutory_workbook(committee_of_ia_grai.unit, YEAR_2026), "01-TCD")
    # columns 1, 2 (totals of 5 + 11 + 17 and 6 + 12 + 18), 5, 6
    assert [rows["Ủy ban nhân dân xã Ia Grai"][n - 1] for n in (1, 2, 5, 6)] == [1234, 1300, 1234, 1300]
    assert [rows["Tổng cộng"][n - 1] for n in (1, 2, 5, 6)] == [1234, 1300, 1234, 1300]


def test_the_days_run_from_the_months_first_day_to_its_14th_when_no_last_day_is_given(
    reporter_client, committee_of_ia_grai
):
    reporter_client.post(URL, {"agency": committee_of_ia_grai.pk, "month": "2026-01", "01-TCD_5": "7"})

    assert list(OpeningFigure.objects.values_list("start", "end")) == [(date(2025, 12, 15), date(2026, 1, 14))]


def test_a_money_column_takes_decimals_after_a_comma(reporter_client, committee_of_ia_grai):
    post(reporter_client, committee_of_ia_grai, **{"03-GQKN_13": "1.234,5"})

    assert OpeningFigure.objects.get().value == Decimal("1234.50")


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("-3", "Số liệu không được âm."),
        ("7 lượt", "Không đọc được số này: dùng dấu chấm phân cách hàng nghìn, dấu phẩy trước phần thập phân"
         " (ví dụ 1.234 hoặc 12,5)."),
        ("2,5", "Cột này đếm số lượng: hãy nhập số nguyên (dấu chấm phân cách hàng nghìn, ví dụ 1.234)."),
        ("12.5", "Không đọc được số này: dùng dấu chấm phân cách hàng nghìn, dấu phẩy trước phần thập phân"
         " (ví dụ 1.234 hoặc 12,5)."),
    ],
)  # fmt: skip
def test_a_bad_value_is_explained_beside_its_field_and_nothing_is_saved(
    reporter_client, committee_of_ia_grai, typed, error
):
    response = post(reporter_client, committee_of_ia_grai, **{"01-TCD_5": "7", "01-TCD_6": typed})

    form = response.context["form"]
    assert (response.status_code, form.errors.as_data().keys(), form["01-TCD_6"].errors) == (400, {"01-TCD_6"}, [error])
    assert (form["01-TCD_5"].value(), form["01-TCD_6"].value()) == ("7", typed)
    assert not OpeningFigure.objects.exists()


def test_a_last_day_outside_the_month_is_refused(reporter_client, committee_of_ia_grai):
    response = reporter_client.post(
        URL, {"agency": committee_of_ia_grai.pk, "month": "2026-01", "end": "20/01/2026", "01-TCD_5": "7"}
    )

    assert response.context["form"].errors["end"] == [
        "Ngày cuối phải thuộc tháng đã chọn (từ ngày 15/12/2025 đến ngày 14/01/2026)."
    ]
    assert not OpeningFigure.objects.exists()


def test_days_after_today_are_refused(committee_of_ia_grai):
    form = OpeningsForm(
        {"agency": committee_of_ia_grai.pk, "month": "2026-01", "01-TCD_5": "7"},
        agencies=Agency.objects.all(),
        today=date(2026, 1, 5),
    )

    assert form.errors["end"] == ["Ngày cuối không được sau hôm nay (05/01/2026)."]


def test_a_column_already_keyed_in_for_overlapping_days_is_refused_beside_it(reporter_client, committee_of_ia_grai):
    opening_of(committee_of_ia_grai, code="01/TCD:6", start=date(2025, 12, 15), end=date(2025, 12, 31))

    response = post(reporter_client, committee_of_ia_grai, **{"01-TCD_5": "7", "01-TCD_6": "9"})

    assert response.context["form"]["01-TCD_6"].errors == [
        "Cơ quan đã nhập số liệu đầu kỳ của chỉ tiêu này từ ngày 15/12/2025 đến ngày 31/12/2025, trùng với những ngày"
        " đang nhập: hãy xóa số liệu đã nhập trước khi nhập lại."
    ]
    assert list(OpeningFigure.objects.values_list("code", flat=True)) == ["01/TCD:6"]


def test_nothing_typed_is_explained(reporter_client, committee_of_ia_grai):
    response = post(reporter_client, committee_of_ia_grai)

    assert response.context["form"].non_field_errors() == [
        "Chưa nhập số liệu nào: điền vào các cột có số liệu, bỏ trống các cột không có."
    ]


def test_formula_columns_are_not_offered(reporter_client):
    response = show(reporter_client, "2026-01")

    sections = {section.form.code: section for section in response.context["form"].sections}
    assert [cell.column.number for cell in sections["01/TCD"].cells] == list(range(5, 22))
    assert 'name="01-TCD_4"' not in response.content.decode()
    assert 'name="01-TCD_5"' in response.content.decode()


def test_a_month_ending_before_30_09_2025_offers_the_columns_of_tt_01_2024(reporter_client):
    response = show(reporter_client, "2025-09")  # 15/08/2025 → 14/09/2025

    form = response.context["form"]
    sections = {section.form.code: section for section in form.sections}
    assert (form["circular"].value(), [cell.column.number for cell in sections["01/TCD"].cells]) == (
        "tt01_2024",
        list(range(4, 30)),
    )


def test_a_month_ending_on_or_after_30_09_2025_offers_the_columns_of_tt_06_2025(reporter_client):
    response = show(reporter_client, "2025-10")  # 15/09/2025 → 14/10/2025

    form = response.context["form"]
    # 06/QLKNTC is keyed for whole windows on its own page.
    assert (form["circular"].value(), [section.form.code for section in form.sections]) == (
        "tt06_2025",
        ["01/TCD", "02/XLD", "03/GQKN", "04/GQTC", "05/KQTH"],
    )


def test_columns_typed_in_another_circulars_grid_are_refused(reporter_client, committee_of_ia_grai):
    response = reporter_client.post(
        URL, {"agency": committee_of_ia_grai.pk, "month": "2025-06", "circular": "tt06_2025", "01-TCD_5": "7"}
    )

    assert response.context["form"].errors["month"] == [
        "Tháng 6/2025 báo cáo theo biểu mẫu của TT 01/2024/TT-TTCP, các cột vừa nhập là của TT 06/2025/TT-TTCP: hãy"
        " bấm “Hiện biểu của tháng” rồi nhập lại."
    ]
    assert not OpeningFigure.objects.exists()


def test_each_field_is_labelled_with_its_column_number_and_header_under_its_group(reporter_client):
    response = show(reporter_client, "2026-01")

    tcd = next(section for section in response.context["form"].sections if section.form.code == "01/TCD")
    head = next(part for part in tcd.parts if part.title == "Tiếp định kỳ và đột xuất của Thủ trưởng")
    cell = next(cell for cell in head.cells if cell.column.number == 14)
    assert cell.header == "Thủ trưởng tiếp › Trong đó đoàn đông người › Số đoàn được tiếp"
    assert (
        '<label for="id_01-TCD_14"><strong>Cột 14</strong> Thủ trưởng tiếp › Trong đó đoàn đông người › Số đoàn được'
        " tiếp</label>" in response.content.decode()
    )


def test_the_list_shows_the_agencys_figures_with_thousands_dots(reporter_client, committee_of_ia_grai):
    opening_of(committee_of_ia_grai, value=12345)

    response = reporter_client.get(URL)

    (opening, label, value), = response.context["rows"]  # fmt: skip
    assert (opening.code, label, value) == (
        "01/TCD:5",
        "Biểu 01/TCD, cột 5: Tiếp thường xuyên › Số lượt tiếp",
        "12.345",
    )


def test_the_list_leaves_out_agencies_the_user_does_not_key_in_for(reporter_client, committee_of_pleiku):
    opening_of(committee_of_pleiku, value=4321)

    response = reporter_client.get(URL)

    assert response.context["rows"] == []
    assert "4.321" not in response.content.decode()


def test_delete_removes_the_figure(reporter_client, committee_of_ia_grai):
    opening = opening_of(committee_of_ia_grai)

    response = reporter_client.post(reverse("reports:opening-delete", args=[opening.pk]))

    assert response.status_code == 302
    assert not OpeningFigure.objects.exists()


def test_a_figure_of_another_agency_cannot_be_deleted(reporter_client, committee_of_pleiku):
    opening = opening_of(committee_of_pleiku)

    response = reporter_client.post(reverse("reports:opening-delete", args=[opening.pk]))

    assert response.status_code == 404
    assert OpeningFigure.objects.get() == opening


def test_the_report_page_says_whose_opening_figures_it_added(reporter_client, committee_of_ia_grai):
    opening_of(committee_of_ia_grai)

    page = reporter_client.get(
        reverse("reports:report"), {"unit": committee_of_ia_grai.unit.pk, "period": "year", "year": 2026}
    ).content.decode()

    assert (
        '<p class="muted report-openings">Đã cộng số liệu đầu kỳ của 1 cơ quan (nhập cho những ngày của kỳ trước khi'
        " dùng hệ thống) vào bảng số liệu và biểu mẫu: Ủy ban nhân dân xã Ia Grai.</p>" in page
    )


def test_the_report_page_links_a_reporter_to_the_opening_figures(reporter_client, committee_of_ia_grai):
    page = reporter_client.get(
        reverse("reports:report"), {"unit": committee_of_ia_grai.unit.pk, "period": "year", "year": 2026}
    ).content.decode()

    assert f'href="{URL}">Nhập số liệu đầu kỳ</a>' in page


def test_the_report_page_does_not_link_a_receptionist_to_them(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))

    page = client.get(
        reverse("reports:report"), {"unit": committee_of_ia_grai.unit.pk, "period": "year", "year": 2026}
    ).content.decode()

    assert "Nhập số liệu đầu kỳ" not in page


def test_days_on_which_the_agency_has_records_are_refused_with_the_first_record_named(
    reporter_client, committee_of_ia_grai
):
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 1, 8))
    DialogueFactory(agency=committee_of_ia_grai, date=date(2025, 12, 20))

    response = post(reporter_client, committee_of_ia_grai, **{"01-TCD_5": "7"})

    assert response.context["form"].errors["end"] == [
        "Cơ quan đã có cuộc đối thoại, tiếp xúc cử tri ngày 20/12/2025 trên phần mềm, trong những ngày đang nhập: số"
        " liệu đầu kỳ chỉ nhập cho những ngày trước khi cơ quan dùng phần mềm."
    ]
    assert not OpeningFigure.objects.exists()


def test_a_record_of_another_agency_or_outside_the_days_does_not_refuse_the_figures(
    committee_of_ia_grai, committee_of_pleiku
):
    VisitFactory(agency=committee_of_pleiku, received_on=date(2026, 1, 8))
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 1, 12))

    opening = opening_of(committee_of_ia_grai)

    assert (opening.code, opening.value) == ("01/TCD:5", Decimal(7))
