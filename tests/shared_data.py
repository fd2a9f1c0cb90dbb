"""Data that a whole module (or class) of tests reads, built once for all of them instead of once per test."""

from collections.abc import Callable, Iterator
from importlib import import_module
from typing import TypeVar

from django.apps import apps
from django.db import transaction

from danvan.unit_loader import load_admin_units

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


def reference_data_again() -> None:
    """What the session set up and the migrations wrote, written again after a flush emptied the database (tests that
    commit, ``transaction=True``): the whole country, and the calendar swaps shipped as data (danvan migration 0014,
    whose own function writes them)."""
    load_admin_units()
    import_module("danvan.migrations.0014_announced_day_swaps").add_swaps(apps, None)
