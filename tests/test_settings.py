import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from danvan.env import env_bool, env_int, env_list, env_str

PRODUCTION_ENV = {
    "DANVAN_SECRET_KEY": "k7#Qz!v2Lp9@xR4wT8mN1bF6hJ3yC5dG0sA2eK9uV7iO4pW1qZ8r",
    "DANVAN_ALLOWED_HOSTS": "danvan.gialai.gov.vn",
    "DANVAN_CSRF_TRUSTED_ORIGINS": "https://danvan.gialai.gov.vn",
    "DATABASE_URL": "postgres://danvan@db.internal:5432/danvan",
}


def _python(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Runs Python in the project with ``env`` instead of the test run's own settings and variables."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DANVAN_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"))
    }
    clean["DJANGO_SETTINGS_MODULE"] = "danvan.settings"
    return subprocess.run(
        [sys.executable, *args], env={**clean, **env}, cwd=settings.BASE_DIR, capture_output=True, text=True
    )


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return _python("manage.py", *args, env=env)


def test_check_deploy_is_clean_with_the_documented_production_variables():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert (result.returncode, result.stdout.strip()) == (0, "System check identified no issues (1 silenced).")


def test_production_refuses_to_serve_without_a_secret_key():
    without_key = {key: value for key, value in PRODUCTION_ENV.items() if key != "DANVAN_SECRET_KEY"}

    result = _python("-c", "import danvan.wsgi", env=without_key)

    assert result.returncode == 1
    assert "The SECRET_KEY setting must not be empty." in result.stderr


def test_check_deploy_fails_without_a_secret_key():
    without_key = {key: value for key, value in PRODUCTION_ENV.items() if key != "DANVAN_SECRET_KEY"}

    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=without_key)

    assert (result.returncode, "(security.W009)" in result.stderr) == (1, True)


def test_commands_that_need_no_key_run_without_any_variable():
    result = _manage("makemigrations", "--check", "--dry-run", env={})

    assert (result.returncode, result.stdout.strip()) == (0, "No changes detected")


def test_debug_is_off_unless_asked_for():
    result = _manage(
        "shell", "--no-imports", "-c", "from django.conf import settings; print(settings.DEBUG)", env=PRODUCTION_ENV
    )

    assert result.stdout.strip() == "False"


def test_a_malformed_boolean_fails_loudly(monkeypatch):
    monkeypatch.setenv("DANVAN_DEBUG", "maybe")

    with pytest.raises(ImproperlyConfigured, match="DANVAN_DEBUG must be a boolean"):
        env_bool("DANVAN_DEBUG", False)


def test_a_malformed_integer_fails_loudly(monkeypatch):
    monkeypatch.setenv("DANVAN_HSTS_SECONDS", "một năm")

    with pytest.raises(ImproperlyConfigured, match="DANVAN_HSTS_SECONDS must be an integer"):
        env_int("DANVAN_HSTS_SECONDS", 0)


def test_a_list_is_read_comma_separated(monkeypatch):
    monkeypatch.setenv("DANVAN_ALLOWED_HOSTS", "a.gov.vn, b.gov.vn,")

    assert env_list("DANVAN_ALLOWED_HOSTS", []) == ["a.gov.vn", "b.gov.vn"]


def test_a_missing_required_value_fails_loudly(monkeypatch):
    monkeypatch.delenv("DANVAN_SECRET_KEY", raising=False)

    with pytest.raises(ImproperlyConfigured, match="DANVAN_SECRET_KEY is required"):
        env_str("DANVAN_SECRET_KEY")


def test_the_portal_speaks_vietnamese_in_vietnam_time():
    assert (settings.LANGUAGE_CODE, settings.TIME_ZONE) == ("vi", "Asia/Ho_Chi_Minh")
