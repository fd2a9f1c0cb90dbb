"""Login throttling: the lock of one username from one address, of one address and of one username everywhere; the
warning before the lock and the lock's page."""

from datetime import timedelta

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher, MD5PasswordHasher, make_password
from django.urls import reverse

from danvan.accounts.throttle import client_address
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


ADDRESS = "203.0.113.7"
MD5 = "django.contrib.auth.hashers.MD5PasswordHasher"
ARGON2 = "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.fixture
def quick(settings, leader):
    """Guesses hashed and checked quickly, for the tests that make dozens of them: the leader's password and unknown
    usernames' guesses (Django hashes them anyway, against timing) in MD5; Argon2 is slow on purpose."""
    settings.PASSWORD_HASHERS = [MD5, ARGON2]
    leader.password = make_password(PASSWORD)
    leader.save(update_fields=["password"])
    return leader


@pytest.fixture
def hashes(monkeypatch) -> list[str]:
    """The passwords hashed or checked from now on."""
    hashed = []
    for hasher in (MD5PasswordHasher, Argon2PasswordHasher):
        for method in ("encode", "verify"):
            original = getattr(hasher, method)
            monkeypatch.setattr(
                hasher,
                method,
                lambda self, password, *args, original=original: (
                    hashed.append(password) or original(self, password, *args)
                ),
            )
    return hashed


def _guess(client, username: str, address: str = ADDRESS):
    return client.post(reverse("login"), {"username": username, "password": "doan-mo"}, REMOTE_ADDR=address)


def _log_in(client, address: str = ADDRESS):
    return client.post(reverse("login"), {"username": "lanhdao.iagrai", "password": PASSWORD}, REMOTE_ADDR=address)


def test_twenty_failures_from_one_address_on_different_usernames_lock_the_address(client, quick):
    for n in range(20):
        _guess(client, f"khong-co-{n}")

    response = _log_in(client)

    assert (response.status_code, LOCKED in response.content.decode()) == (429, True)


def test_a_locked_address_is_refused_before_the_password_is_hashed(client, quick, hashes):
    for n in range(20):
        _guess(client, f"khong-co-{n}")
    hashes.clear()

    _log_in(client)

    assert hashes == []


def test_another_address_logs_in_while_one_address_is_locked(client, quick):
    for n in range(20):
        _guess(client, f"khong-co-{n}")

    response = _log_in(client, address="198.51.100.1")

    assert (response.status_code, response.url) == (302, reverse("home"))


def test_a_login_from_the_address_does_not_clear_its_failures_on_other_usernames(client, quick):
    for n in range(19):
        _guess(client, f"khong-co-{n}")
    _log_in(client)
    client.logout()

    response = _guess(client, "khong-co-19")

    assert response.status_code == 429


def test_thirty_failures_on_one_username_from_different_addresses_lock_it_everywhere(client, quick):
    for n in range(30):
        _guess(client, "lanhdao.iagrai", address=f"198.51.100.{n + 1}")

    response = _log_in(client, address="192.0.2.1")

    assert (response.status_code, LOCKED in response.content.decode()) == (429, True)


def test_a_username_locked_everywhere_is_refused_before_the_password_is_hashed(client, quick, hashes):
    for n in range(30):
        _guess(client, "lanhdao.iagrai", address=f"198.51.100.{n + 1}")
    hashes.clear()

    _log_in(client, address="192.0.2.1")

    assert hashes == []


def test_a_username_and_address_locked_are_refused_before_the_password_is_hashed(client, quick, hashes):
    _fail(client, 5)
    hashes.clear()

    response = client.post(reverse("login"), {"username": "lanhdao.iagrai", "password": PASSWORD})

    assert (response.status_code, hashes) == (429, [])


def test_other_usernames_log_in_from_an_address_where_one_username_is_locked(client, quick, committee_of_ia_grai):
    staff_with_role(committee_of_ia_grai, Role.HANDLER, username="xuly.iagrai")
    _fail(client, 5)

    response = client.post(reverse("login"), {"username": "xuly.iagrai", "password": PASSWORD})

    assert (response.status_code, response.url) == (302, reverse("home"))


def test_the_addresses_of_one_ipv6_network_count_as_one(rf):
    first = rf.get("/", REMOTE_ADDR="2001:db8:0:1::5")
    second = rf.get("/", REMOTE_ADDR="2001:db8:0:1:abcd::9")

    assert (client_address(first), client_address(second)) == ("2001:db8:0:1::", "2001:db8:0:1::")


def test_behind_a_proxy_the_address_is_read_from_its_header(rf, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"

    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_REAL_IP="203.0.113.9")

    assert client_address(request) == "203.0.113.9"
