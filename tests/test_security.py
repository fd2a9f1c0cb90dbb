import logging

import pytest
from django.contrib.auth.hashers import get_hasher
from django.test import Client
from django.urls import reverse

from danvan.logmask import MaskPersonalData
from danvan.models import Role
from tests.factories import PASSWORD, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def leader(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.LEADER, username="lanhdao.iagrai")


def _log_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_every_page_carries_a_content_security_policy_without_inline_scripts(client):
    header = client.get(reverse("login")).headers["Content-Security-Policy"]

    directives = dict(directive.split(" ", 1) for directive in header.split("; "))
    assert directives == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }


def test_every_page_carries_the_other_security_headers(client):
    headers = client.get(reverse("login")).headers

    assert {name: headers.get(name) for name in ("X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy")} == {
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
    }
    assert headers["Permissions-Policy"].startswith("camera=(), microphone=()")


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(reverse("home"))

    assert (response.status_code, response.url) == (302, "/dang-nhap/?next=/")


def test_a_staff_member_logs_in_with_the_right_password(client, leader):
    response = _log_in(client, "lanhdao.iagrai", PASSWORD)

    assert (response.status_code, response.url) == (302, reverse("home"))


def test_a_wrong_password_gets_a_vietnamese_message(client, leader):
    response = _log_in(client, "lanhdao.iagrai", "sai-mat-khau")

    assert response.context["form"].non_field_errors() == [
        "Vui lòng điền vào Tên đăng nhập và mật khẩu chính xác. "
        "Chú ý rằng cả hai khung thông tin đều phân biệt chữ hoa và chữ thường."
    ]


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client, leader):
    for _ in range(5):
        _log_in(client, "lanhdao.iagrai", "doan-mo-mat-khau")

    response = _log_in(client, "lanhdao.iagrai", PASSWORD)

    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()


def test_a_login_without_a_csrf_token_is_refused(leader):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("login"), {"username": "lanhdao.iagrai", "password": PASSWORD})

    assert response.status_code == 403


def test_logging_out_takes_a_post(client, leader):
    client.force_login(leader)

    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).url == reverse("login")


def test_a_session_lasts_thirty_idle_minutes_and_every_request_renews_it(client, leader, settings):
    client.force_login(leader)
    client.get(reverse("home"))

    assert client.session.get_expiry_age() == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_passwords_are_hashed_with_argon2():
    assert get_hasher().algorithm == "argon2"


def test_citizen_id_and_phone_numbers_are_masked_in_logs():
    record = logging.LogRecord(
        "danvan", logging.INFO, __file__, 1, "Tra cứu CCCD %s, điện thoại %s", ("064090001234", "0912345678"), None
    )

    MaskPersonalData().filter(record)

    assert record.getMessage() == "Tra cứu CCCD ************, điện thoại **********"
