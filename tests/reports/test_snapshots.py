"""A sent report stays as it was sent; later edits show as differences. Opening figures are added to reports."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from danvan.models import Agency, Role
from reports.figures import figures_of
from reports.models import SentReport
from reports.periods import window
from reports.services import enter_opening, mark_sent
from reports.snapshots import changes_since
from tests.factories import VisitFactory, legacy_unit, staff_with_role

YEAR_2024 = window("year", year=2024)


@pytest.fixture
def reporter(committee_of_old_gia_lai):
    return staff_with_role(committee_of_old_gia_lai, Role.REPORTER)


def test_a_sent_snapshot_is_unchanged_by_a_later_edit(committee_of_old_gia_lai, reporter):
    visit = VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 5, 5), people=2)
    sent = mark_sent(unit=legacy_unit("64"), window=YEAR_2024, by=reporter, narrative="Dự thảo đã sửa", workbook=b"x")

    visit.people = 7
    visit.save()
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 6, 6))

    sent.refresh_from_db()
    assert (sent.figures["reception.visits"], sent.figures["reception.people"], sent.narrative) == (
        1,
        2,
        "Dự thảo đã sửa",
    )
    changes = {change.key: (change.sent, change.now) for change in changes_since(sent)}
    assert changes["reception.visits"] == (1, 2)
    assert changes["reception.people"] == (2, 8)


def test_an_unchanged_report_has_no_differences(committee_of_old_gia_lai, reporter):
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 5, 5))

    sent = mark_sent(unit=legacy_unit("64"), window=YEAR_2024, by=reporter)

    assert changes_since(sent) == []


def test_a_window_is_sent_once(committee_of_old_gia_lai, reporter):
    mark_sent(unit=legacy_unit("64"), window=YEAR_2024, by=reporter)

    with pytest.raises(ValidationError, match="đã được đánh dấu gửi"):
        mark_sent(unit=legacy_unit("64"), window=YEAR_2024, by=reporter)
    assert SentReport.objects.count() == 1


def test_opening_figures_inside_the_window_are_added(committee_of_old_gia_lai, reporter):
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 9, 9))
    enter_opening(
        agency=committee_of_old_gia_lai,
        start=date(2023, 12, 15),
        end=date(2024, 1, 14),
        code="reception.visits",
        value=Decimal(120),
        by=reporter,
    )

    figures = figures_of(Agency.objects.filter(pk=committee_of_old_gia_lai.pk), YEAR_2024)

    assert figures["reception.visits"] == 121


def test_an_opening_figure_for_an_unknown_key_is_refused(committee_of_old_gia_lai, reporter):
    with pytest.raises(ValidationError):
        enter_opening(
            agency=committee_of_old_gia_lai,
            start=date(2024, 1, 1),
            end=date(2024, 1, 10),
            code="reception.nothing",
            value=Decimal(1),
            by=reporter,
        )


def test_a_rate_is_not_keyed_in_as_an_opening_figure(committee_of_old_gia_lai, reporter):
    with pytest.raises(ValidationError, match="Tỷ lệ được tính từ các số liệu"):
        enter_opening(
            agency=committee_of_old_gia_lai,
            start=date(2024, 1, 1),
            end=date(2024, 1, 10),
            code="resolution_rate",
            value=Decimal(50),
            by=reporter,
        )
