"""The report page: a unit within the user's scope and a period; every figure against the same period a year earlier;
the draft narrative, editable and downloadable as .docx."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import NoReverseMatch, reverse
from docx import Document

from danvan.models import Agency, Role
from danvan.pages import DOCX
from tests.factories import AgencyFactory, DialogueFactory, VisitFactory, current_unit, legacy_unit, staff_with_role

URL = reverse("reports:report")
PICK = reverse("pick", args=["don-vi-bao-cao"])
DOCX_URL = reverse("reports:narrative-docx")


@pytest.fixture
def reporter_of_gia_lai(committee_of_gia_lai):
    return staff_with_role(committee_of_gia_lai, Role.REPORTER, full_name="Ksor H'Bia")


def year_2024_of(unit) -> dict:
    return {"unit": unit.pk, "period": "year", "year": 2024}


def test_a_reporter_sees_the_old_provinces_2024_figures_beside_2023_and_the_draft(
    client, reporter_of_gia_lai, committee_of_old_gia_lai
):
    for day in (date(2024, 4, 4), date(2024, 12, 14), date(2023, 12, 15)):
        VisitFactory(agency=committee_of_old_gia_lai, received_on=day)
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2023, 5, 5))
    DialogueFactory(agency=committee_of_old_gia_lai, date=date(2024, 6, 1))
    client.force_login(reporter_of_gia_lai)

    response = client.get(URL, year_2024_of(legacy_unit("64")))

    rows = {row.key: row for section in response.context["sections"] for row in section.rows}
    assert (rows["reception.visits"].value, rows["reception.visits"].previous, rows["reception.visits"].change) == (
        "3",
        "1",
        "+2",
    )
    assert (
        response.context["narrative"]
        .split("\n\n")[1]
        .startswith("Trong năm 2024, toàn tỉnh tiếp 3 lượt công dân (tăng 2 lượt so với cùng kỳ năm 2023).")
    )
    assert response.context["narrative"].split("\n\n")[4].startswith("Cấp tỉnh tổ chức 1 cuộc đối thoại, cấp huyện 0")
    assert response.context["json_url"] == reverse("reports:figures-json") + "?unit=64&period=year&year=2024"


def offered(client, query: str) -> list[tuple[int, str]]:
    """The units the report's unit picker finds for ``query``."""
    return client.get(PICK, {"field": "unit", "id": "id_unit", "tim": query}).context["matches"]


def test_the_units_offered_are_todays_first_then_the_earlier_eras(client, reporter_of_gia_lai):
    client.force_login(reporter_of_gia_lai)

    provinces = [label for _, label in offered(client, "tinh")]

    assert provinces == [
        "Tỉnh Gia Lai (52)",
        "Tỉnh Bình Định (52), đến 30/06/2025",
        "Tỉnh Gia Lai (64), đến 30/06/2025",
    ]


def test_the_report_page_ships_the_chosen_unit_not_the_list_of_units(client, reporter_of_gia_lai, gia_lai):
    client.force_login(reporter_of_gia_lai)

    page = client.get(URL).content.decode()

    assert ("Xã Ia Grai" in page, f'name="unit" value="{gia_lai.pk}"' in page) == (False, True)


def test_the_page_opens_on_the_users_unit_and_this_years_report(client, reporter_of_gia_lai, gia_lai):
    client.force_login(reporter_of_gia_lai)

    form = client.get(URL).context["form"]

    assert (form.initial["unit"], form.initial["period"]) == (gia_lai.pk, "year")


def test_the_page_opened_without_a_choice_says_how_to_see_the_report(client, reporter_of_gia_lai, gia_lai):
    prompt = "Chọn đơn vị và kỳ báo cáo rồi bấm Xem báo cáo."
    client.force_login(reporter_of_gia_lai)

    opened = client.get(URL)
    chosen = client.get(URL, {"unit": gia_lai.pk, "period": "year", "year": 2026})

    assert (prompt in opened.content.decode(), "place" in opened.context) == (True, False)
    assert (prompt in chosen.content.decode(), chosen.context["place"]) == (False, gia_lai)


def test_a_receptionist_reports_on_their_own_unit_only(client, committee_of_ia_grai):
    receptionist = staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)
    client.force_login(receptionist)

    units = offered(client, "")

    assert units == [(committee_of_ia_grai.unit.pk, "Xã Ia Grai (23764)")]


def test_a_unit_outside_the_users_scope_does_not_exist_for_them(client, committee_of_ia_grai, committee_of_pleiku):
    VisitFactory(agency=committee_of_pleiku, received_on=date(2026, 3, 3))
    client.force_login(staff_with_role(committee_of_ia_grai, Role.LEADER))

    response = client.get(URL, {"unit": committee_of_pleiku.unit.pk, "period": "year", "year": 2026})

    assert response.status_code == 404


def test_a_unit_of_todays_structure_for_2024_names_the_units_to_pick(client, reporter_of_gia_lai, gia_lai):
    client.force_login(reporter_of_gia_lai)

    response = client.get(URL, year_2024_of(gia_lai))

    assert response.context["form"].non_field_errors() == [
        "Tỉnh Gia Lai được thành lập từ ngày 01/07/2025, sau khi kỳ báo cáo kết thúc (14/12/2024): hãy chọn đơn vị"
        " trước khi sắp xếp: Tỉnh Bình Định (52), Tỉnh Gia Lai (64)."
    ]
    assert "sections" not in response.context


def test_an_old_unit_after_the_reform_names_the_unit_it_went_into(client, reporter_of_gia_lai):
    client.force_login(reporter_of_gia_lai)

    response = client.get(URL, {"unit": legacy_unit("64").pk, "period": "year", "year": 2025})

    assert response.context["form"].non_field_errors() == [
        "Tỉnh Gia Lai chỉ tồn tại đến ngày 30/06/2025, trước khi kỳ báo cáo kết thúc (14/12/2025): hãy chọn đơn vị"
        " mà Tỉnh Gia Lai đã hợp nhất vào: Tỉnh Gia Lai (52)."
    ]


def test_a_month_needs_its_month(client, reporter_of_gia_lai, gia_lai):
    client.force_login(reporter_of_gia_lai)

    response = client.get(URL, {"unit": gia_lai.pk, "period": "month", "year": 2026})

    assert response.context["form"].non_field_errors() == ["Kỳ tháng cần tháng từ 1 đến 12."]


def test_the_workbook_link_follows_the_same_choice_when_its_page_exists(
    client, reporter_of_gia_lai, committee_of_old_gia_lai
):
    client.force_login(reporter_of_gia_lai)

    response = client.get(URL, year_2024_of(legacy_unit("64")))

    try:
        expected = reverse("reports:forms-xlsx") + "?unit=64&period=year&year=2024"
    except NoReverseMatch:
        expected = None
    assert response.context["forms_url"] == expected
    assert (b"T\xe1\xba\xa3i bi\xe1\xbb\x83u m\xe1\xba\xabu (.xlsx)" in response.content) == (expected is not None)


def test_the_edited_narrative_downloads_as_a_docx(client, reporter_of_gia_lai, committee_of_old_gia_lai):
    client.force_login(reporter_of_gia_lai)
    choice = year_2024_of(legacy_unit("64"))

    response = client.post(DOCX_URL, choice | {"text": "Đoạn một đã sửa.\n\nĐoạn hai."})

    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-64-nam-2024.docx"'
    document = Document(BytesIO(response.content))
    assert [p.text for p in document.paragraphs if p.text][-2:] == ["Đoạn một đã sửa.", "Đoạn hai."]


def test_an_empty_text_downloads_the_draft(client, reporter_of_gia_lai, committee_of_old_gia_lai):
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 4, 4))
    client.force_login(reporter_of_gia_lai)

    response = client.post(DOCX_URL, year_2024_of(legacy_unit("64")) | {"text": " "})

    texts = [p.text for p in Document(BytesIO(response.content)).paragraphs if p.text]
    assert texts[3].startswith("Trong năm 2024, toàn tỉnh tiếp 1 lượt công dân (tăng 1 lượt so với cùng kỳ năm 2023).")


def test_the_narrative_of_a_unit_outside_the_scope_does_not_exist(client, committee_of_ia_grai, committee_of_pleiku):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.LEADER))

    response = client.post(DOCX_URL, {"unit": committee_of_pleiku.unit.pk, "period": "year", "year": 2026, "text": "x"})

    assert response.status_code == 404


def test_the_narrative_is_posted_not_fetched(client, reporter_of_gia_lai, gia_lai):
    client.force_login(reporter_of_gia_lai)

    assert client.get(DOCX_URL, {"unit": gia_lai.pk, "period": "year", "year": 2026}).status_code == 405


def test_staff_without_a_role_are_refused(client, db):
    outsider = staff_with_role(AgencyFactory(unit=current_unit("01")), Role.LEADER)
    outsider.memberships.all().delete()
    client.force_login(outsider)

    assert client.get(URL).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client, db):
    assert client.get(URL).status_code == 302


def test_a_superuser_opens_any_units_report_and_finds_it_in_the_choice(client, django_user_model, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 3))
    admin = django_user_model.objects.create_superuser("quantri-thu", password="x")
    client.force_login(admin)

    response = client.get(URL, {"unit": committee_of_ia_grai.unit.pk, "period": "year", "year": 2026})

    rows = {row.key: row for section in response.context["sections"] for row in section.rows}
    found = [pk for pk, _ in offered(client, "ia grai")]
    assert (rows["reception.visits"].value, committee_of_ia_grai.unit.pk in found) == ("1", True)


def test_a_receptionists_report_says_it_counts_their_agency_only(client, committee_of_ia_grai):
    office = AgencyFactory(unit=committee_of_ia_grai.unit, kind=Agency.Kind.RECEPTION_OFFICE, name="Bộ phận tiếp dân")
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 3))
    choice = {"unit": committee_of_ia_grai.unit.pk, "period": "year", "year": 2026}
    client.force_login(staff_with_role(office, Role.RECEPTIONIST))
    as_receptionist = client.get(URL, choice)
    client.force_login(staff_with_role(committee_of_ia_grai, Role.LEADER))
    as_leader = client.get(URL, choice)

    warning = "Số liệu chỉ gồm các cơ quan trong phạm vi của bạn, chưa phải của toàn xã Ia Grai."
    assert (warning in as_receptionist.content.decode(), warning in as_leader.content.decode()) == (True, False)
    visits = [
        next(
            row.value
            for section in response.context["sections"]
            for row in section.rows
            if row.key == "reception.visits"
        )
        for response in (as_receptionist, as_leader)
    ]
    assert visits == ["0", "1"]


def test_a_report_of_a_unit_of_the_earlier_structure_says_until_when_it_existed(client, committee_of_old_gia_lai):
    client.force_login(staff_with_role(committee_of_old_gia_lai, Role.REPORTER))

    page = client.get(reverse("reports:report"), {"unit": legacy_unit("64").pk, "period": "year", "year": 2024})

    assert "Đơn vị hành chính đến ngày 30/06/2025, trước khi sắp xếp." in page.content.decode()


def test_a_second_quarter_report_has_the_forms_and_no_narrative(client, reporter_of_gia_lai, committee_of_old_gia_lai):
    client.force_login(reporter_of_gia_lai)

    response = client.get(URL, {"unit": legacy_unit("64").pk, "period": "q2", "year": 2024})

    page = response.content.decode()
    assert (response.context["narrative"], 'name="text"' in page, "chỉ gồm các biểu số liệu" in page) == (
        None,
        False,
        True,
    )


def test_a_second_quarter_report_has_no_narrative_to_download(client, reporter_of_gia_lai, committee_of_old_gia_lai):
    client.force_login(reporter_of_gia_lai)

    response = client.post(DOCX_URL, {"unit": legacy_unit("64").pk, "period": "q2", "year": 2024, "text": "Đoạn."})

    assert response.status_code == 404


@pytest.mark.parametrize("period", ["q1", "h1", "m9", "year"])
def test_the_first_quarter_half_nine_months_and_year_reports_have_a_narrative(
    client, reporter_of_gia_lai, committee_of_old_gia_lai, period
):
    client.force_login(reporter_of_gia_lai)

    response = client.get(URL, {"unit": legacy_unit("64").pk, "period": period, "year": 2024})

    narrative, page = response.context["narrative"], response.content.decode()
    assert (
        narrative.startswith("Ủy ban nhân dân tỉnh Gia Lai báo cáo"),
        'name="text"' in page,
        "chỉ gồm các biểu số liệu" in page,
    ) == (
        True,
        True,
        False,
    )
