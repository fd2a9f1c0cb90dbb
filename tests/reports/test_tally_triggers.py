"""The tally's triggers in the database are the ones ``reports/tally_sql.py`` writes: a change to that code without a
migration that installs it fails here. Migrations carry their SQL as literal text (they never import the code)."""

from importlib import import_module

import pytest
from django.db import connection, transaction

from reports.tally_sql import SOURCES, create_statements, drop_statements

# The last migration that installed the tally's triggers; a migration that installs new ones takes its place.
LATEST = import_module("reports.migrations.0003_tally_cases")
TABLES = [source.table for source in SOURCES]


def installed_triggers() -> dict[str, str]:
    """The tally's triggers on the tallied tables (not the records' version's, reports migration 0006), and on
    PostgreSQL the functions they run, by name, as the database itself writes them (SQLite keeps a trigger's text as
    it was given; PostgreSQL writes its own)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            tables = ", ".join(["%s"] * len(TABLES))
            cursor.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({tables})"
                " AND name LIKE '%%tally%%'",
                TABLES,
            )
            return dict(cursor.fetchall())
        cursor.execute(
            "SELECT trigger.tgname, pg_get_triggerdef(trigger.oid), function.proname, pg_get_functiondef(function.oid) "
            "FROM pg_trigger trigger JOIN pg_class tallied ON tallied.oid = trigger.tgrelid "
            "JOIN pg_proc function ON function.oid = trigger.tgfoid "
            "WHERE NOT trigger.tgisinternal AND tallied.relname = ANY(%s) AND trigger.tgname LIKE '%%tally%%'",
            [TABLES],
        )
        return {
            name: definition
            for trigger, trigger_definition, function, function_definition in cursor.fetchall()
            for name, definition in ((trigger, trigger_definition), (function, function_definition))
        }


def triggers_after(statements: list[str]) -> dict[str, str]:
    """The triggers there would be after ``statements``, which are rolled back."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        triggers = installed_triggers()
        transaction.set_rollback(True)
    return triggers


@pytest.mark.django_db
def test_the_database_holds_the_tally_triggers_the_code_writes():
    vendor = connection.vendor

    written = triggers_after([*drop_statements(vendor), *create_statements(vendor)])

    assert installed_triggers() == written, (
        "The tally's triggers differ from those reports/tally_sql.py writes: add a migration that installs "
        "create_statements() as literal SQL."
    )


@pytest.mark.django_db
def test_the_drop_statements_leave_no_tally_trigger():
    assert triggers_after(drop_statements(connection.vendor)) == {}


@pytest.mark.parametrize("vendor", ["sqlite", "postgresql"])
def test_the_last_migration_installs_what_the_code_writes_on_either_database(vendor):
    assert (LATEST.CREATE[vendor], LATEST.DROP[vendor]) == (create_statements(vendor), drop_statements(vendor))
