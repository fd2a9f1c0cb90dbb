"""Marking a report as sent from its page, and the sent report's page with the differences since."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.models import Role
from reports.models import SentReport
from tests.factories import VisitFactory, legacy_unit, staff_with_role


@pytest.fixture
def reporter_client(client, committee_of_old_gia_lai):
    client.force_login(staff_with_role(committee_of_old_gia_lai, Role.REPORTER))
    return client


def send(client, text="Báo cáo đã sửa."):
    choice = {"unit": legacy_unit("64").pk, "period": "year", "year": 2024, "text": text}
    return client.post(reverse("reports:mark-sent"), choice, follow=True)


def test_a_reporter_marks_the_report_sent_with_the_edited_text(reporter_client, committee_of_old_gia_lai):
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 5, 5))

    response = send(reporter_client)

    sent = SentReport.objects.get()
    assert (sent.figures["reception.visits"], sent.narrative, bool(sent.workbook)) == (1, "Báo cáo đã sửa.", True)
    assert "Số liệu hiện nay trùng với bản đã gửi." in response.content.decode()


def test_the_sent_page_shows_what_changed_since(reporter_client, committee_of_old_gia_lai):
    send(reporter_client)
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 6, 6))

    page = reporter_client.get(reverse("reports:sent-detail", args=[SentReport.objects.get().pk])).content.decode()

    assert "Thay đổi so với bản đã gửi" in page and 'class="changed"' in page


def test_a_receptionist_who_sees_part_of_the_unit_cannot_mark_it_sent(client, committee_of_old_gia_lai):
    client.force_login(staff_with_role(committee_of_old_gia_lai, Role.RECEPTIONIST))

    assert send(client).status_code == 403
    assert not SentReport.objects.exists()


def test_a_window_sent_twice_is_explained(reporter_client):
    send(reporter_client)

    response = send(reporter_client)

    assert "đã được đánh dấu gửi" in response.content.decode()
    assert SentReport.objects.count() == 1


def test_the_report_page_offers_to_mark_it_sent_to_a_reporter(reporter_client):
    page = reporter_client.get(
        reverse("reports:report"), {"unit": legacy_unit("64").pk, "period": "year", "year": 2024}
    )

    assert "Đánh dấu đã gửi" in page.content.decode()


def test_the_report_page_does_not_offer_it_to_a_receptionist(client, committee_of_old_gia_lai):
    client.force_login(staff_with_role(committee_of_old_gia_lai, Role.RECEPTIONIST))

    page = client.get(reverse("reports:report"), {"unit": legacy_unit("64").pk, "period": "year", "year": 2024})

    assert "Đánh dấu đã gửi" not in page.content.decode()


def test_a_second_quarter_report_is_sent_with_its_forms_and_no_narrative(reporter_client):
    choice = {"unit": legacy_unit("64").pk, "period": "q2", "year": 2024, "text": "Không thuộc báo cáo quý II."}

    reporter_client.post(reverse("reports:mark-sent"), choice, follow=True)

    sent = SentReport.objects.get()
    assert (sent.kind, sent.narrative, bool(sent.workbook)) == ("q2", "", True)
