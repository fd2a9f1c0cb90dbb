"""When a report is due at the unit above (TT 06/2025 Điều 7.2.a, a dated rule), on the report page and the leader's
dashboard."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.models import AdminUnit, Role
from reports.periods import window
from reports.sending import due_soon, sending_due
from reports.services import mark_sent
from tests.factories import current_unit, staff_with_role
from tests.reports.urls_on_a_fixed_day import TODAY

pytestmark = pytest.mark.django_db

IA_GRAI = "23764"


@pytest.mark.parametrize(
    ("code", "kind", "due"),
    [
        ("52", "year", date(2026, 12, 20)),
        ("52", "q1", date(2026, 3, 20)),
        ("52", "h1", date(2026, 6, 20)),
        (IA_GRAI, "year", date(2026, 12, 17)),
        (IA_GRAI, "q3", date(2026, 9, 17)),
    ],
)
def test_the_province_sends_by_the_20th_and_a_commune_by_the_17th_of_the_periods_last_month(code, kind, due):
    assert sending_due(current_unit(code), window(kind, year=2026)).on == due


def test_the_first_window_under_tt_06_2025_is_due_and_an_earlier_one_has_no_day_set():
    province = AdminUnit.objects.get(code="52", valid_from__isnull=False)

    assert (sending_due(province, window("q4", year=2025)).on, sending_due(province, window("q3", year=2025))) == (
        date(2025, 12, 20),
        None,
    )


def test_a_month_has_no_sending_day():
    assert sending_due(current_unit("52"), window("month", year=2026, month=3)) is None


def test_reports_due_within_five_working_days_and_not_sent_are_listed(committee_of_gia_lai):
    province = current_unit("52")
    leader = staff_with_role(committee_of_gia_lai, Role.LEADER)

    before = [(due.window.kind, due.on) for due in due_soon(province, today=date(2026, 12, 14))]
    mark_sent(unit=province, window=window("q4", year=2026), by=leader)
    after = [(due.window.kind, due.on) for due in due_soon(province, today=date(2026, 12, 14))]

    assert (before, after) == (
        [("year", date(2026, 12, 20)), ("q4", date(2026, 12, 20))],
        [("year", date(2026, 12, 20))],
    )


def test_the_report_page_shows_the_due_date_and_that_it_is_not_sent(client, committee_of_gia_lai):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.REPORTER))

    response = client.get(reverse("reports:report"), {"unit": current_unit("52").pk, "period": "year", "year": 2026})

    page = response.content.decode()
    assert ("Hạn gửi báo cáo: 20/12/2026" in page, "Chưa đánh dấu gửi" in page) == (True, True)


@pytest.mark.urls("tests.reports.urls_on_a_fixed_day")
def test_the_leaders_dashboard_lists_the_report_due_soon(client, committee_of_gia_lai):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))

    response = client.get(reverse("reports:dashboard"))

    assert [(due.window.label, due.on) for due in response.context["due_soon"]] == [
        ("Quý I năm 2026", date(2026, 3, 20))
    ]
    assert date(2026, 3, 20) == TODAY
