"""Biểu 06/QLKNTC's page: an agency's reporter, leader or unit admin keys in the form's 17 columns for a report window;
the report page shows them summed for its unit and window."""

from urllib.parse import urlencode

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from danvan.models import Role
from danvan.versions import FIELD as VERSION
from reports.models import ManagementFigure
from reports.periods import window
from reports.services import enter_management_figures
from tests.edit_forms import version_in
from tests.factories import member_of, staff_with_role

URL = reverse("reports:management")
REPORT_URL = reverse("reports:report")
YEAR_2026 = window("year", year=2026)


def year_2026_of(agency) -> dict:
    return {"unit": agency.unit.pk, "period": "year", "year": 2026}


def page_of(agency) -> str:
    return f"{URL}?{urlencode(year_2026_of(agency))}"


def key_in(agency, values, span=YEAR_2026):
    enter_management_figures(agency=agency, window=span, values=values, by=member_of(agency, Role.REPORTER))


def post(client, agency, **typed):
    fields = {f"co-quan-{agency.pk}-c{column}": value for column, value in typed.items()}
    [(_, form)] = client.get(page_of(agency)).context["entries"]
    return client.post(page_of(agency), {"agency": agency.pk, **fields} | version_in(form))


def keyed(agency) -> dict[int, int]:
    return dict(ManagementFigure.objects.filter(agency=agency).values_list("column", "value"))


@pytest.fixture
def reporter_client(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.REPORTER))
    return client


def test_the_page_offers_the_agencys_form_pre_filled_with_the_windows_figures(reporter_client, committee_of_ia_grai):
    key_in(committee_of_ia_grai, {5: 1234, 6: 2})
    key_in(committee_of_ia_grai, {1: 9}, span=window("q1", year=2026))

    response = reporter_client.get(page_of(committee_of_ia_grai))

    [(agency, form)] = response.context["entries"]
    prefilled = {name: form[name].value() for name in form.fields if form[name].value() and name != VERSION}
    assert (response.status_code, agency, prefilled) == (200, committee_of_ia_grai, {"c5": "1.234", "c6": "2"})


def test_the_fields_stand_under_the_forms_headers(reporter_client, committee_of_ia_grai):
    response = reporter_client.get(page_of(committee_of_ia_grai))

    [(_, form)] = response.context["entries"]
    assert [(part.title, [(cell.column.number, cell.header) for cell in part.cells]) for part in form.parts][2] == (
        "Thanh tra trách nhiệm",
        [
            (6, "Thực hiện pháp luật về TCD, KN, TC › Số cuộc"),
            (7, "Thực hiện pháp luật về TCD, KN, TC › Số đơn vị"),
            (8, "Số cuộc đã ban hành kết luận"),
            (9, "Kiến nghị xử lý › Hành chính › Tổ chức"),
            (10, "Kiến nghị xử lý › Hành chính › Cá nhân"),
            (11, "Kiến nghị xử lý › Chuyển cơ quan điều tra › Tổ chức"),
            (12, "Kiến nghị xử lý › Chuyển cơ quan điều tra › Cá nhân"),
        ],
    )


def test_saved_figures_come_back_on_the_page_with_a_message(reporter_client, committee_of_ia_grai):
    key_in(committee_of_ia_grai, {2: 4})

    response = post(reporter_client, committee_of_ia_grai, **{"1": "3", "5": "1.250", "6": "2", "8": "2", "2": ""})

    assert (response.status_code, response["Location"]) == (302, page_of(committee_of_ia_grai))
    assert keyed(committee_of_ia_grai) == {1: 3, 5: 1250, 6: 2, 8: 2}
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Đã lưu số liệu biểu 06/QLKNTC của Ủy ban nhân dân xã Ia Grai (Năm 2026)."
    ]
    [(_, form)] = reporter_client.get(page_of(committee_of_ia_grai)).context["entries"]
    assert (form["c1"].value(), form["c5"].value(), form["c2"].value()) == ("3", "1.250", None)


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("-3", "Số liệu không được âm."),
        ("2,5", "Cột này đếm số lượng: hãy nhập số nguyên (dấu chấm phân cách hàng nghìn, ví dụ 1.234)."),
        ("ba lớp", "Không đọc được số này: dùng dấu chấm phân cách hàng nghìn, dấu phẩy trước phần thập phân"
         " (ví dụ 1.234 hoặc 12,5)."),
        ("999.999.999.999", "Cột 4 (số lớp): số quá lớn."),
    ],
)  # fmt: skip
def test_a_bad_value_is_explained_beside_its_field_and_nothing_is_lost(
    reporter_client, committee_of_ia_grai, typed, error
):
    response = post(reporter_client, committee_of_ia_grai, **{"1": "7", "4": typed})

    [(_, form)] = response.context["entries"]
    assert (response.status_code, form.errors.as_data().keys(), form["c4"].errors) == (400, {"c4"}, [error])
    assert (form["c1"].value(), form["c4"].value()) == ("7", typed)
    assert keyed(committee_of_ia_grai) == {}


def test_more_conclusions_than_inspections_are_explained_beside_column_8(reporter_client, committee_of_ia_grai):
    response = post(reporter_client, committee_of_ia_grai, **{"6": "1", "8": "2"})

    [(_, form)] = response.context["entries"]
    assert (response.status_code, form["c8"].errors) == (
        400,
        ["Cột 8 (số cuộc đã ban hành kết luận) không được lớn hơn cột 6 (số cuộc)."],
    )
    assert "Cột 8 (số cuộc đã ban hành kết luận) không được lớn hơn cột 6 (số cuộc)." in response.content.decode()
    assert keyed(committee_of_ia_grai) == {}


def test_a_receptionist_may_not_open_the_page(client, committee_of_ia_grai):
    key_in(committee_of_ia_grai, {5: 4321})
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))

    response = client.get(page_of(committee_of_ia_grai))

    assert response.status_code == 403
    assert "4.321" not in response.content.decode()


def test_a_unit_outside_the_users_scope_does_not_exist(reporter_client, committee_of_pleiku):
    key_in(committee_of_pleiku, {5: 4321})

    response = reporter_client.get(page_of(committee_of_pleiku))

    assert response.status_code == 404
    assert "4.321" not in response.content.decode()


def test_another_communes_agency_cannot_be_posted(reporter_client, committee_of_ia_grai, committee_of_pleiku):
    response = reporter_client.post(
        page_of(committee_of_ia_grai), {"agency": committee_of_pleiku.pk, f"co-quan-{committee_of_pleiku.pk}-c1": "3"}
    )

    assert response.status_code == 404
    assert keyed(committee_of_pleiku) == {}


@pytest.mark.parametrize("agency", ["", "abc", "-1", "99999999999999999999999"])
def test_a_posted_agency_that_is_none_of_the_users_is_not_found(reporter_client, committee_of_ia_grai, agency):
    response = reporter_client.post(page_of(committee_of_ia_grai), {"agency": agency})

    assert response.status_code == 404


def test_a_leader_of_the_province_keys_in_for_the_provinces_committee_only(
    client, committee_of_gia_lai, committee_of_ia_grai
):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))

    entries = client.get(page_of(committee_of_gia_lai)).context["entries"]
    on_commune = client.get(page_of(committee_of_ia_grai))

    assert [agency for agency, _ in entries] == [committee_of_gia_lai]
    assert (on_commune.status_code, on_commune.context["entries"]) == (200, [])


def test_a_period_that_makes_no_window_is_explained(reporter_client, committee_of_ia_grai):
    response = reporter_client.get(URL, {"unit": committee_of_ia_grai.unit.pk, "period": "month", "year": 2026})

    assert (response.status_code, response.context["form"].non_field_errors()) == (
        200,
        ["Kỳ tháng cần tháng từ 1 đến 12."],
    )


def test_the_report_page_shows_the_summed_figures_of_its_window(
    client, committee_of_gia_lai, committee_of_ia_grai, committee_of_pleiku
):
    key_in(committee_of_ia_grai, {6: 2, 8: 1, 13: 1})
    key_in(committee_of_pleiku, {6: 3, 16: 1})
    key_in(committee_of_pleiku, {6: 40}, span=window("q1", year=2026))
    client.force_login(staff_with_role(committee_of_gia_lai, Role.REPORTER))

    response = client.get(REPORT_URL, year_2026_of(committee_of_gia_lai))

    values = {line.column.number: line.value for _, lines in response.context["management"] for line in lines}
    assert values == {n: {6: "5", 8: "1", 13: "1", 16: "1"}.get(n, "0") for n in range(1, 18)}
    assert [title for title, _ in response.context["management"]] == [
        "Ban hành văn bản quản lý, chỉ đạo (Bộ, ngành, tỉnh, TP) về công tác TCD KN, TC",
        "Tập huấn, tuyên truyền, giáo dục pháp luật về TCD, KN, TC",
        "Thanh tra trách nhiệm",
        "Kết quả thực hiện kết luận, quyết định xử lý về thanh tra trách nhiệm",
    ]
    content = response.content.decode()
    assert "Công tác quản lý nhà nước (biểu 06/QLKNTC)" in content
    assert "Chưa có cơ quan nào nhập số liệu biểu 06/QLKNTC cho kỳ này" not in content


def test_the_report_page_links_to_the_page_with_its_choice(client, committee_of_gia_lai):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.REPORTER))

    response = client.get(REPORT_URL, year_2026_of(committee_of_gia_lai))

    assert response.context["management_url"] == page_of(committee_of_gia_lai)
    assert f'href="{page_of(committee_of_gia_lai).replace("&", "&amp;")}"' in response.content.decode()


def test_the_report_page_says_when_nothing_was_keyed(client, committee_of_gia_lai, committee_of_ia_grai):
    key_in(committee_of_ia_grai, {1: 3}, span=window("q1", year=2026))
    client.force_login(staff_with_role(committee_of_gia_lai, Role.REPORTER))

    response = client.get(REPORT_URL, year_2026_of(committee_of_gia_lai))

    assert "Chưa có cơ quan nào nhập số liệu biểu 06/QLKNTC cho kỳ này" in response.content.decode()
    assert not response.context["management_keyed"]


def test_the_report_page_counts_only_the_agencies_the_user_sees(client, committee_of_gia_lai, committee_of_ia_grai):
    key_in(committee_of_gia_lai, {1: 3})
    key_in(committee_of_ia_grai, {1: 50})
    # A receptionist sees their own agency's records only, not the communes'.
    client.force_login(staff_with_role(committee_of_gia_lai, Role.RECEPTIONIST))

    response = client.get(REPORT_URL, year_2026_of(committee_of_gia_lai))

    values = {line.column.number: line.value for _, lines in response.context["management"] for line in lines}
    assert values[1] == "3"
