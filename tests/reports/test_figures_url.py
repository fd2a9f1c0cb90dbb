"""The report's JSON at an authenticated URL, scoped to the user."""

from datetime import date
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from danvan.models import Role
from tests.factories import AgencyFactory, VisitFactory, current_unit, staff_with_role

URL = reverse("reports:figures-json")
YEAR_2024 = {"unit": "64", "period": "year", "year": "2024"}


def test_a_provincial_leader_gets_the_figures_of_the_old_province_that_went_into_theirs(
    client, committee_of_old_gia_lai, committee_of_gia_lai
):
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 4, 4))
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))

    data = client.get(URL, YEAR_2024).json()

    assert (data["unit"]["code"], data["figures"]["reception.visits"]) == ("64", 1)


def test_a_unit_outside_the_users_scope_does_not_exist_for_them(client, committee_of_old_gia_lai):
    other_province = AgencyFactory(unit=current_unit("01"))
    client.force_login(staff_with_role(other_province, Role.LEADER))

    assert client.get(URL, YEAR_2024).status_code == 404


def test_a_period_without_its_year_is_explained(client, db, committee_of_gia_lai):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))

    response = client.get(URL, {"unit": "52", "period": "year"})

    assert response.status_code == 400
    assert response.json()["errors"]["__all__"][0]["message"] == "Cần năm của kỳ báo cáo."


def test_an_anonymous_visitor_is_sent_to_log_in(client, db):
    assert client.get(URL, YEAR_2024).status_code == 302


def test_the_forms_workbook_downloads_for_a_unit_in_scope(client, committee_of_old_gia_lai, committee_of_gia_lai):
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 4, 4))
    client.force_login(staff_with_role(committee_of_gia_lai, Role.REPORTER))

    response = client.get(reverse("reports:forms-xlsx"), YEAR_2024)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bieu-mau-64-2023-12-15-2024-12-14.xlsx"'
    assert load_workbook(BytesIO(b"".join(response.streaming_content))).sheetnames[0] == "01-TCD"


def test_the_forms_workbook_of_a_unit_outside_scope_does_not_exist(client, committee_of_old_gia_lai):
    client.force_login(staff_with_role(AgencyFactory(unit=current_unit("01")), Role.REPORTER))

    assert client.get(reverse("reports:forms-xlsx"), YEAR_2024).status_code == 404
