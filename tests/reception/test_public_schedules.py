from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reception.models import ReceptionSchedule

pytestmark = pytest.mark.django_db

BOARD = reverse("public-schedules")
TODAY = timezone.localdate()


def schedule(agency, valid_from: date, description: str = "Ngày 15 hằng tháng", **fields) -> ReceptionSchedule:
    values = {
        "head_name": "Phạm Minh Đức",
        "head_title": "Chủ tịch UBND tỉnh",
        "description": description,
        "place": "Trụ sở Tiếp công dân tỉnh",
        "valid_from": valid_from,
    }
    return ReceptionSchedule.objects.create(agency=agency, **values | fields)


def test_a_citizen_reads_the_schedules_without_logging_in(client, committee_of_gia_lai):
    in_force = schedule(committee_of_gia_lai, date(2026, 1, 1))

    response = client.get(BOARD)

    assert list(response.context["page"]) == [in_force]


def test_the_board_shows_the_schedule_in_force_and_the_one_announced_but_not_the_one_replaced(
    committee_of_gia_lai, client
):
    schedule(committee_of_gia_lai, date(2025, 7, 1), "Ngày 10 hằng tháng")
    in_force = schedule(committee_of_gia_lai, date(2026, 1, 1), "Ngày 15 hằng tháng")
    announced = schedule(committee_of_gia_lai, TODAY + timedelta(days=10), "Ngày 20 hằng tháng")

    response = client.get(BOARD)

    assert list(response.context["page"]) == [in_force, announced]


def test_the_board_leaves_out_an_agency_whose_unit_no_longer_exists(client, committee_of_old_gia_lai):
    schedule(committee_of_old_gia_lai, date(2024, 1, 1))

    response = client.get(BOARD)

    assert list(response.context["page"]) == []


def test_the_board_shows_the_heads_title_but_not_their_name(client, committee_of_gia_lai):
    schedule(committee_of_gia_lai, date(2026, 1, 1))

    content = client.get(BOARD).content.decode()

    assert ("Chủ tịch UBND tỉnh" in content, "Phạm Minh Đức" in content) == (True, False)


def test_the_board_is_paginated(client, committee_of_gia_lai):
    for days in range(1, 56):
        schedule(committee_of_gia_lai, TODAY + timedelta(days=days))

    response = client.get(BOARD, {"trang": 2})

    assert (
        response.context["page"].number,
        len(response.context["page"]),
        response.context["page"].paginator.count,
    ) == (
        2,
        5,
        55,
    )


def test_the_receipt_code_lookup_links_to_the_board(client):
    content = client.get(reverse("public-lookup")).content.decode()

    assert f'<a href="{BOARD}">Xem lịch tiếp công dân của người đứng đầu</a>' in content
