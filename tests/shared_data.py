"""Data that a whole module (or class) of tests reads, built once for all of them instead of once per test."""

from collections.abc import Callable, Iterator
from typing import TypeVar

from django.db import transaction

T = TypeVar("T")


def built_once(django_db_blocker, build: Callable[[], T]) -> Iterator[T]:
    """Build the data in a transaction that stays open while the tests run, and roll it back after the last of them.

    Each test's own transaction (pytest-django's ``db``) is a savepoint inside it, rolled back when the test ends: a
    test sees the data as built and never what another test wrote. The fixture must ask for ``django_db_setup`` so
    that the data goes into the test database::

        @pytest.fixture(scope="module")
        def scenario(django_db_setup, django_db_blocker):
            yield from built_once(django_db_blocker, build_scenario)
    """
    outer = transaction.atomic()
    with django_db_blocker.unblock():
        outer.__enter__()
        try:
            data = build()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield data
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
