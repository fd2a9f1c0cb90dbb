"""The page "Lịch làm việc": a superuser lists, adds and removes announced days off and make-up working days."""

import re
from datetime import date

import pytest
from django.urls import reverse

from danvan.models import DayOverride
from tests.factories import StaffFactory

URL = reverse("calendar")


@pytest.fixture
def superuser(db):
    return StaffFactory(username="quantri", is_superuser=True, is_staff=True)


@pytest.fixture
def officer(db):
    return StaffFactory(username="canbo", is_staff=True)


def add(client, day: str, kind: str = DayOverride.Kind.DAY_OFF, note: str = "Công văn thử nghiệm"):
    return client.post(URL, {"date": day, "kind": kind, "note": note})


def test_the_page_lists_the_shipped_tet_duong_lich_2026_swap(client, superuser):
    client.force_login(superuser)

    response = client.get(URL, {"nam": "2026"})

    rows = [(o.date, o.kind) for o in response.context["overrides"]]
    assert rows == [(date(2026, 1, 2), DayOverride.Kind.DAY_OFF), (date(2026, 1, 10), DayOverride.Kind.WORKING_DAY)]


def test_a_staff_member_who_is_not_a_superuser_is_refused(client, officer):
    client.force_login(officer)

    response = add(client, "06/04/2026")

    assert (response.status_code, DayOverride.objects.filter(date=date(2026, 4, 6)).exists()) == (403, False)


def test_a_superuser_adds_a_day_off(client, superuser):
    client.force_login(superuser)

    add(client, "06/04/2026", note="Thông báo nghỉ bù (thử)")

    added = DayOverride.objects.get(date=date(2026, 4, 6))
    assert (added.kind, added.note) == (DayOverride.Kind.DAY_OFF, "Thông báo nghỉ bù (thử)")


def test_adding_a_day_reports_how_many_deadlines_moved(client, superuser):
    client.force_login(superuser)

    response = add(client, "06/04/2026", note="Thông báo nghỉ bù (thử)")

    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Đã thêm ngày 06/04/2026 vào lịch. Đã tính lại hạn: 0 đơn, vụ việc được chuyển hạn."]


def test_a_date_already_in_the_calendar_is_refused(client, superuser):
    client.force_login(superuser)

    response = add(client, "02/01/2026", kind=DayOverride.Kind.WORKING_DAY)

    assert response.context["form"].errors == {"date": ["Ngày 02/01/2026 đã có trong lịch (ngày nghỉ); hãy xoá trước."]}


def test_a_day_that_already_is_a_day_off_is_refused(client, superuser):
    client.force_login(superuser)

    response = add(client, "04/04/2026")

    assert response.context["form"].errors == {"kind": ["Ngày 04/04/2026 vốn đã là ngày nghỉ."]}


def test_a_date_in_another_format_is_refused_in_vietnamese(client, superuser):
    client.force_login(superuser)

    response = add(client, "2026-04-06x")

    assert response.context["form"].errors == {"date": ["Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 12/03/2026."]}


def test_a_superuser_removes_a_day(client, superuser):
    client.force_login(superuser)
    override = DayOverride.objects.get(date=date(2026, 1, 10))

    client.post(reverse("calendar-delete", args=[override.pk]))

    assert DayOverride.objects.filter(date=date(2026, 1, 10)).exists() is False


def test_the_year_and_the_links_to_its_neighbours_are_written_without_a_thousands_separator(client, superuser):
    client.force_login(superuser)

    page = client.get(URL, {"nam": "2026"}).content.decode()

    assert re.findall(r"<h1>(.*?)</h1>|<a href=\"\?nam=\d+\">(.*?)</a>", page) == [
        ("Lịch làm việc năm 2026", ""),
        ("", "Năm 2025"),
        ("", "Năm 2027"),
    ]


def test_with_the_job_still_queued_the_page_says_so(client, superuser, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    client.force_login(superuser)

    response = add(client, "06/04/2026", note="Thông báo nghỉ bù (thử)")

    assert [str(m) for m in response.wsgi_request._messages] == [
        "Đã thêm ngày 06/04/2026 vào lịch. Việc tính lại hạn của các đơn, vụ việc đang mở đã được đưa vào hàng đợi."
    ]


def test_the_page_shows_how_many_deadlines_the_last_recompute_moved(client, superuser):
    client.force_login(superuser)
    add(client, "06/04/2026", note="Thông báo nghỉ bù (thử)")

    response = client.get(URL, {"nam": "2026"})

    assert [(r.day, r.moved) for r in response.context["recomputes"]] == [(date(2026, 4, 6), 0)]


def test_a_recompute_still_queued_shows_as_waiting(client, superuser, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    client.force_login(superuser)
    add(client, "06/04/2026", note="Thông báo nghỉ bù (thử)")

    page = client.get(URL, {"nam": "2026"}).content.decode()

    assert re.findall(r"<td>(Đang chờ xử lý|\d+ đơn, vụ việc được chuyển hạn)</td>", page) == ["Đang chờ xử lý"]
