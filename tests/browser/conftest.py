"""Browser tests: headless Debian Chromium, driven by Playwright, against pytest-django's live server."""

import os
from pathlib import Path

import pytest

from danvan.models import AdminUnit, Agency, Role, Staff
from tests.factories import REFORM, AgencyFactory, staff_with_role
from tests.shared_data import reference_data_again

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_TESTS = Path(__file__).parent
_loop_running = False  # whether a browser test has run in this process


def _is_browser_test(item: pytest.Item) -> bool:
    return item.path.is_relative_to(BROWSER_TESTS)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the browser tests after every other test, and skip them, or stop a CI run, without Chromium.

    Playwright's sync API keeps an event loop marked as running in the main thread until the session ends,
    so a database test after a browser test would meet Django's SynchronousOnlyOperation.
    """
    browser_items = [item for item in items if _is_browser_test(item)]
    items[:] = [item for item in items if not _is_browser_test(item)] + browser_items
    if not browser_items or CHROMIUM.exists():
        return
    if "CI" in os.environ:
        raise pytest.UsageError(f"Chromium not found at {CHROMIUM}: the CI image must apt-get install chromium")
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    for item in browser_items:
        item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    """Let tests use the ORM under the event loop Playwright marks as running, from this process's first browser test
    to its end: browser tests run after the others in their process, but an xdist worker may still be handed another
    file after a browser file.

    Set only around those tests: set at import time, the variable would reach the subprocesses of the tests before
    them, where `manage.py check --deploy` rejects it (async.E001); tests/test_settings.py leaves it out of theirs.
    """
    global _loop_running
    _loop_running = _loop_running or _is_browser_test(item)
    if not _loop_running:
        return (yield)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        return (yield)


@pytest.fixture(scope="module", autouse=True)
def country_loaded_again(django_db_blocker):
    """The live server's flush after each test empties the database: a test file this process runs after a browser
    file (pytest-xdist may hand it one) finds the country and the shipped calendar again, as the session set them up."""
    yield
    with django_db_blocker.unblock():
        reference_data_again()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Launch the system Chromium: Playwright's own browsers cannot be downloaded here."""
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            *browser_type_launch_args.get("args", []),
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def provincial_committee(transactional_db) -> Agency:
    """The People's Committee of Tỉnh Gia Lai.

    The country is loaded once per session, but each live-server test flushes the database,
    so the province may or may not be there yet.
    """
    province, _ = AdminUnit.objects.get_or_create(
        level="province", code="52", valid_from=REFORM, defaults={"name": "Tỉnh Gia Lai", "type": "province"}
    )
    return AgencyFactory(unit=province)


@pytest.fixture
def leader(provincial_committee: Agency) -> Staff:
    """A leader of the provincial committee; the password is tests.factories.PASSWORD."""
    return staff_with_role(provincial_committee, Role.LEADER, full_name="Trần Thị Thu Hà")


@pytest.fixture
def committee_of_ia_grai(provincial_committee) -> Agency:
    """The People's Committee of Xã Ia Grai, a commune of Tỉnh Gia Lai since 01/07/2025."""
    commune, _ = AdminUnit.objects.get_or_create(
        level="commune",
        code="23764",
        valid_from=REFORM,
        defaults={"name": "Xã Ia Grai", "type": "commune", "parent": provincial_committee.unit},
    )
    return AgencyFactory(unit=commune)
