"""A record corrected after a report counting it was sent shows among that report's differences; its figures follow."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.corrections import correct
from danvan.models import Role
from reception.corrections import VISIT
from reports.models import SentReport, Tally
from reports.periods import window
from reports.services import mark_sent
from reports.snapshots import changes_since
from tests.factories import VisitFactory, legacy_unit, staff_with_role

pytestmark = pytest.mark.django_db

YEAR_2024 = window("year", year=2024)
REASON = "Ghi nhầm ngày tiếp"


@pytest.fixture
def reporter(committee_of_old_gia_lai):
    return staff_with_role(committee_of_old_gia_lai, Role.REPORTER)


@pytest.fixture
def receptionist(committee_of_old_gia_lai):
    return staff_with_role(committee_of_old_gia_lai, Role.RECEPTIONIST)


@pytest.fixture
def visit(committee_of_old_gia_lai):
    return VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 5, 5))


@pytest.fixture
def sent(visit, reporter) -> SentReport:
    return mark_sent(unit=legacy_unit("64"), window=YEAR_2024, by=reporter)


def test_a_correction_that_moves_no_figure_joins_the_sent_reports_differences(sent, visit, receptionist):
    correct(VISIT, visit, {"content": "Đề nghị bồi thường đất"}, by=receptionist, reason="Ghi thiếu nội dung")

    assert changes_since(sent) == []
    assert [entry.reason for entry in sent.corrections.all()] == ["Ghi thiếu nội dung"]


def test_a_visit_moved_out_of_the_sent_window_joins_it_and_moves_its_figures(sent, visit, receptionist):
    correct(VISIT, visit, {"received_on": date(2025, 1, 3)}, by=receptionist, reason=REASON)

    figures = {change.key: (change.sent, change.now) for change in changes_since(sent)}
    assert figures["reception.visits"] == (1, 0)
    assert sent.corrections.count() == 1


def test_a_correction_of_another_units_record_stays_off_the_report(sent, committee_of_pleiku):
    elsewhere = VisitFactory(agency=committee_of_pleiku, received_on=date(2024, 5, 5))

    correct(VISIT, elsewhere, {"content": "Nội dung khác"}, by=None, reason=REASON)

    assert sent.corrections.count() == 0


def test_a_report_sent_after_the_correction_counts_it_and_lists_nothing(visit, receptionist, reporter):
    correct(VISIT, visit, {"content": "Nội dung khác"}, by=receptionist, reason=REASON)

    sent = mark_sent(unit=legacy_unit("64"), window=YEAR_2024, by=reporter)

    assert sent.corrections.count() == 0


def test_the_sent_page_lists_the_correction_with_who_and_why(client, sent, visit, receptionist, reporter):
    correct(VISIT, visit, {"content": "Đề nghị bồi thường đất"}, by=receptionist, reason="Ghi thiếu nội dung")
    client.force_login(reporter)

    page = client.get(reverse("reports:sent-detail", args=[sent.pk])).content.decode()

    assert "Hồ sơ được tính trong báo cáo đã được sửa 1 lần sau khi gửi" in page
    assert f"Sửa thông tin lượt tiếp: nội dung ({visit.receipt_code})" in page
    assert "Ghi thiếu nội dung" in page


def test_the_half_month_tally_follows_a_corrected_day_and_group(committee_of_ia_grai):
    visit = VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 12), people=2)

    correct(VISIT, visit, {"received_on": date(2026, 3, 16), "people": 6}, by=None, reason=REASON)

    halves = dict(Tally.objects.filter(agency=committee_of_ia_grai).values_list("half", "people"))
    assert {half: people for half, people in halves.items() if people} == {date(2026, 3, 15): 6}
