"""The database triggers that keep ``reports.models.Tally``: every insert, update and delete of a visit or a
petition adds its counts to the half month it was received in, or takes them away. Triggers rather than the portal's
services, so that nothing that writes records — forms, register imports, the admin, a script — can leave the tally
behind.

PostgreSQL runs one trigger per statement, over the rows it changed (transition tables): a register import's
thousand-row INSERT adds to each agency's half month once. SQLite has only row triggers: one upsert per row.
"""

from dataclasses import dataclass

from danvan.models import Classification

TALLY = "reports_tally"
COUNTS = ("visits", "people", "petitions", "complaints", "denunciations")


# The first day of a day's half month. SQLite keeps dates as text: its day is characters 9 and 10.
_POSTGRESQL_HALF = (
    "(date_trunc('month', received_on) + CASE WHEN extract(day FROM received_on) >= 15 "
    "THEN interval '14 days' ELSE interval '0 days' END)::date"
)
_SQLITE_HALF = (
    "date({day}, 'start of month', CASE WHEN CAST(substr({day}, 9, 2) AS INTEGER) >= 15 THEN '+14 days' "
    "ELSE '+0 days' END)"
)


@dataclass(frozen=True)
class Source:
    """A table the tally counts: each count's value for one of its rows, an SQL expression over its columns."""

    table: str
    counts: dict[str, str]


SOURCES = (
    Source("reception_visit", {"visits": "1", "people": "{row}.people"}),
    Source(
        "complaints_petition",
        {
            "petitions": "1",
            "complaints": f"CASE WHEN {{row}}.kind = '{Classification.COMPLAINT}' THEN 1 ELSE 0 END",
            "denunciations": f"CASE WHEN {{row}}.kind = '{Classification.DENUNCIATION}' THEN 1 ELSE 0 END",
        },
    ),
)


def _upsert(source: Source, values: str) -> str:
    """An INSERT of one tally row per (agency, half month) of ``values`` that adds to the row if it exists."""
    added = ", ".join(f"{column} = {TALLY}.{column} + excluded.{column}" for column in source.counts)
    return (
        f"INSERT INTO {TALLY} (agency_id, half, {', '.join(COUNTS)}) {values} "
        f"ON CONFLICT (agency_id, half) DO UPDATE SET {added}"
    )


def _postgresql(source: Source) -> list[str]:
    def grouped(rows: str, sign: str) -> str:
        sums = ", ".join(
            f"{sign}sum({source.counts[column].format(row=rows)})" if column in source.counts else "0"
            for column in COUNTS
        )
        values = f"SELECT agency_id, {_POSTGRESQL_HALF}, {sums} FROM {rows} GROUP BY 1, 2"
        return _upsert(source, values)

    function = f"{TALLY}_{source.table}"
    statements = [
        f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN {grouped("old_rows", "-")}; END IF;
            IF TG_OP IN ('UPDATE', 'INSERT') THEN {grouped("new_rows", "")}; END IF;
            RETURN NULL;
        END $$"""
    ]
    for operation, tables in (
        ("INSERT", "NEW TABLE AS new_rows"),
        ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ("DELETE", "OLD TABLE AS old_rows"),
    ):
        statements.append(
            f"CREATE TRIGGER {source.table}_tally_{operation.lower()} AFTER {operation} ON {source.table} "
            f"REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
        )
    return statements


def _sqlite(source: Source) -> list[str]:
    def one(row: str, sign: str) -> str:
        counts = ", ".join(
            f"{sign}({source.counts[column].format(row=row)})" if column in source.counts else "0" for column in COUNTS
        )
        values = f"VALUES ({row}.agency_id, {_SQLITE_HALF.format(day=f'{row}.received_on')}, {counts})"
        return _upsert(source, values)

    return [
        f"CREATE TRIGGER {source.table}_tally_insert AFTER INSERT ON {source.table} BEGIN {one('NEW', '')}; END",
        f"CREATE TRIGGER {source.table}_tally_update AFTER UPDATE ON {source.table} "
        f"BEGIN {one('OLD', '-')}; {one('NEW', '')}; END",
        f"CREATE TRIGGER {source.table}_tally_delete AFTER DELETE ON {source.table} BEGIN {one('OLD', '-')}; END",
    ]


def create_statements(vendor: str) -> list[str]:
    """The statements that install the triggers on ``vendor`` ("postgresql" or "sqlite")."""
    build = {"postgresql": _postgresql, "sqlite": _sqlite}[vendor]
    return [statement for source in SOURCES for statement in build(source)]


def drop_statements(vendor: str) -> list[str]:
    statements = [
        f"DROP TRIGGER IF EXISTS {source.table}_tally_{operation}"
        + (f" ON {source.table}" if vendor == "postgresql" else "")
        for source in SOURCES
        for operation in ("insert", "update", "delete")
    ]
    if vendor == "postgresql":
        statements += [f"DROP FUNCTION IF EXISTS {TALLY}_{source.table}()" for source in SOURCES]
    return statements
