from datetime import timedelta

import pytest
from django.urls import reverse

from danvan.models import Role
from tests.factories import PASSWORD, staff_with_role

pytestmark = pytest.mark.django_db

WARNING = "Còn 1 lần thử; nhập sai lần nữa tài khoản sẽ bị khóa 15 phút."
LOCKED = "Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 15 phút."


@pytest.fixture
def leader(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.LEADER, username="lanhdao.iagrai")


def _fail(client, times: int):
    for _ in range(times):
        response = client.post(reverse("login"), {"username": "lanhdao.iagrai", "password": "doan-mo"})
    return response


def test_the_lockout_page_says_how_many_minutes_it_lasts(client, leader):
    response = _fail(client, 5)

    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_the_lockout_minutes_follow_the_setting(client, leader, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=90)
    response = _fail(client, 5)

    assert "Vui lòng thử lại sau 90 phút." in response.content.decode()


def test_the_try_before_the_lock_warns_that_the_next_failure_locks(client, leader):
    response = _fail(client, 4)

    assert (response.status_code, response.context["last_try_minutes"]) == (200, 15)
    assert WARNING in response.content.decode()


def test_earlier_failures_do_not_warn(client, leader):
    response = _fail(client, 3)

    assert "last_try_minutes" not in response.context
    assert "Còn 1 lần thử" not in response.content.decode()


def test_the_login_page_links_to_the_password_reset(client):
    response = client.get(reverse("login"))

    assert f'<a href="{reverse("password_reset")}">Quên mật khẩu?</a>' in response.content.decode()


def test_a_right_password_after_warning_logs_in(client, leader):
    _fail(client, 4)

    response = client.post(reverse("login"), {"username": "lanhdao.iagrai", "password": PASSWORD})

    assert (response.status_code, response.url) == (302, reverse("home"))
