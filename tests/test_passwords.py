import re

import pytest
from django.core import mail
from django.urls import reverse

from danvan.models import AuditEntry, Role
from tests.factories import PASSWORD, staff_with_role

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "mot-mat-khau-moi-2026"
LINK = re.compile(r"http://127\.0\.0\.1:8000(/dat-lai-mat-khau/[^/\s]+/[^/\s]+/)")


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def leader(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.LEADER, username="lanhdao.iagrai", email="lanhdao@iagrai.vn")


def _log_in(client, password):
    return client.post(reverse("login"), {"username": "lanhdao.iagrai", "password": password})


def _reset_link(message) -> str:
    return LINK.search(message.body).group(1)


def test_a_reset_request_mails_a_vietnamese_link_to_the_account(client, leader):
    response = client.post(reverse("password_reset"), {"email": "lanhdao@iagrai.vn"})

    assert (response.status_code, response.url) == (302, reverse("password_reset_done"))
    [message] = mail.outbox
    assert (message.to, message.subject) == (["lanhdao@iagrai.vn"], "Đặt lại mật khẩu Danvan")
    assert "Có yêu cầu đặt lại mật khẩu cho tài khoản lanhdao.iagrai trên Danvan." in message.body
    assert message.alternatives[0].mimetype == "text/html"


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, leader):
    response = client.post(reverse("password_reset"), {"email": "ai-do@khong-co.vn"})

    assert (response.status_code, response.url, mail.outbox) == (302, reverse("password_reset_done"), [])


def test_the_mailed_link_sets_a_new_password_that_logs_in(client, leader):
    client.post(reverse("password_reset"), {"email": "lanhdao@iagrai.vn"})

    form_page = client.get(_reset_link(mail.outbox[0]), follow=True)
    done = client.post(form_page.request["PATH_INFO"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert (done.status_code, done.url) == (302, reverse("password_reset_complete"))
    assert _log_in(client, NEW_PASSWORD).url == reverse("home")


def test_the_old_password_no_longer_logs_in_after_a_reset(client, leader):
    client.post(reverse("password_reset"), {"email": "lanhdao@iagrai.vn"})
    form_page = client.get(_reset_link(mail.outbox[0]), follow=True)
    client.post(form_page.request["PATH_INFO"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert _log_in(client, PASSWORD).status_code == 200


def test_a_used_link_no_longer_works(client, leader):
    client.post(reverse("password_reset"), {"email": "lanhdao@iagrai.vn"})
    link = _reset_link(mail.outbox[0])
    form_page = client.get(link, follow=True)
    client.post(form_page.request["PATH_INFO"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    again = client.get(link, follow=True)

    assert "Liên kết không dùng được: có thể đã được dùng hoặc đã hết hạn." in again.content.decode()


def test_a_reset_by_link_is_logged_and_lifts_the_login_lock(client, leader):
    for _ in range(5):
        _log_in(client, "doan-mo")
    client.post(reverse("password_reset"), {"email": "lanhdao@iagrai.vn"})
    form_page = client.get(_reset_link(mail.outbox[0]), follow=True)
    client.post(form_page.request["PATH_INFO"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert _log_in(client, NEW_PASSWORD).url == reverse("home")
    entry = AuditEntry.objects.get()
    assert (entry.by, entry.action, entry.subject) == (leader, AuditEntry.Action.PASSWORD_RESET, leader)


def test_a_disabled_account_gets_no_reset_mail(client, leader):
    leader.is_active = False
    leader.save()

    client.post(reverse("password_reset"), {"email": "lanhdao@iagrai.vn"})

    assert mail.outbox == []


def test_a_staff_member_changes_their_password_and_logs_in_with_it(client, leader):
    client.force_login(leader)

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    client.logout()

    assert (response.status_code, response.url) == (302, reverse("account"))
    assert _log_in(client, NEW_PASSWORD).url == reverse("home")
    assert AuditEntry.objects.get().summary == "Đổi mật khẩu"


def test_a_wrong_old_password_changes_nothing(client, leader):
    client.force_login(leader)

    response = client.post(
        reverse("password_change"),
        {"old_password": "sai-roi", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["old_password"]
    leader.refresh_from_db()
    assert leader.check_password(PASSWORD)


def test_the_change_of_password_page_is_in_vietnamese(client, leader):
    client.force_login(leader)

    response = client.get("/tai-khoan/doi-mat-khau/")

    labels = [field.label for field in response.context["form"]]
    assert labels == ["Mật khẩu cũ", "Mật khẩu mới", "Xác nhận mật khẩu mới"]


def test_a_short_new_password_is_refused_in_vietnamese(client, leader):
    client.force_login(leader)

    response = client.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": "x9!k", "new_password2": "x9!k"}
    )

    assert response.context["form"].errors["new_password2"] == ["Mật khẩu quá ngắn: cần ít nhất 10 ký tự."]


def test_reset_requests_from_one_address_are_throttled(client, leader):
    for _ in range(5):
        client.post(reverse("password_reset"), {"email": "lanhdao@iagrai.vn"})

    response = client.post(reverse("password_reset"), {"email": "lanhdao@iagrai.vn"})

    assert (response.status_code, len(mail.outbox)) == (429, 5)
    assert "Máy này đã gửi quá nhiều yêu cầu đặt lại mật khẩu." in response.content.decode()
