"""Two requests at the same moment, each on its own database connection: both load their page (and check what they
check) before either writes.

Only PostgreSQL locks rows (SQLite serialises whole transactions, ``select_for_update`` is a no-op there), so the
modules that use this run on PostgreSQL only (``ON_POSTGRESQL``). They commit what they arrange (``transaction=True``):
the database is emptied after each test, and the country is loaded again for the tests that follow."""

import threading
from collections.abc import Callable
from typing import TypeVar

import pytest
from django.db import connection
from django.http import HttpResponse

from danvan.models import AdminUnit, Agency
from tests.factories import REFORM, AgencyFactory

T = TypeVar("T")

ON_POSTGRESQL = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks (select_for_update) exist on PostgreSQL only; SQLite serialises whole transactions",
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("country_loaded_again"),
]


def committee_of_own_province() -> Agency:
    """A People's Committee of Tỉnh Gia Lai (52, since the 2025 reform): the module's tests empty the database, so each
    brings the unit it needs."""
    province, _ = AdminUnit.objects.get_or_create(
        level=AdminUnit.Level.PROVINCE, code="52", valid_from=REFORM,
        defaults={"name": "Tỉnh Gia Lai", "type": AdminUnit.Type.PROVINCE},
    )  # fmt: skip
    return AgencyFactory(unit=province)


# What one request does: it loads (its page, the record) and returns the submit it then sends.
Load = Callable[[], Callable[[], T]]


def at_once(*loads: Load) -> list[T | Exception]:
    """Runs each request in its own thread, with its own connection; the submits are released together once every
    request has loaded. What each submit returned (or raised), in the order given."""
    barrier = threading.Barrier(len(loads), timeout=30)
    results: list[T | Exception | None] = [None] * len(loads)

    def request(index: int, load: Load) -> None:
        try:
            submit = load()
            barrier.wait()
            results[index] = submit()
        except Exception as error:  # reported by the test's assertion, never swallowed
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=request, args=(index, load)) for index, load in enumerate(loads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def statuses(responses: list[HttpResponse | Exception]) -> list[str]:
    """How the requests ended, sorted: "302" (a redirect) for the one saved, "400" for the one refused; an error
    as raised."""
    return sorted(str(r.status_code) if isinstance(r, HttpResponse) else repr(r) for r in responses)


def refused(responses: list[HttpResponse], form: str | Callable = "form") -> list[str]:
    """The messages of the form refused (the response with status 400), all of them; ``form`` as for ``editing``."""
    [response] = [response for response in responses if response.status_code == 400]
    shown = form(response.context) if callable(form) else response.context[form]
    return [message for messages in shown.errors.values() for message in messages]
