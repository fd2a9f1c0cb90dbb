"""The database triggers that keep ``reports.models.Tally``: every insert, update and delete of a visit or a
petition adds its counts to the half month it was received in, or takes them away; a complaint's or denunciation's
case counts in the half month it was accepted in and in the one it was resolved in. Triggers rather than the portal's
services, so that nothing that writes records — forms, register imports, the admin, a script — can leave the tally
behind.

PostgreSQL runs one trigger per statement, over the rows it changed (transition tables): a register import's
thousand-row INSERT adds to each agency's half month once. SQLite has only row triggers: one upsert per row.
"""

from dataclasses import dataclass

from danvan.models import Classification

TALLY = "reports_tally"
COUNTS = (
    "visits",
    "people",
    "petitions",
    "complaints",
    "denunciations",
    "complaints_accepted",
    "denunciations_accepted",
    "complaints_resolved",
    "denunciations_resolved",
)


# The first day of a day's half month. SQLite keeps dates as text: its day is characters 9 and 10.
_POSTGRESQL_HALF = (
    "(date_trunc('month', {day}) + CASE WHEN extract(day FROM {day}) >= 15 "
    "THEN interval '14 days' ELSE interval '0 days' END)::date"
)
_SQLITE_HALF = (
    "date({day}, 'start of month', CASE WHEN CAST(substr({day}, 9, 2) AS INTEGER) >= 15 THEN '+14 days' "
    "ELSE '+0 days' END)"
)


def _of_kind(kind: str) -> str:
    return f"CASE WHEN {{row}}.kind = '{kind}' THEN 1 ELSE 0 END"


@dataclass(frozen=True)
class Source:
    """A table the tally counts, by the half month of its column ``day`` (rows where it is empty count nowhere): each
    count's value for one of its rows, an SQL expression over its columns."""

    name: str
    table: str
    day: str
    counts: dict[str, str]


SOURCES = (
    Source("visits", "reception_visit", "received_on", {"visits": "1", "people": "{row}.people"}),
    Source(
        "petitions",
        "complaints_petition",
        "received_on",
        {
            "petitions": "1",
            "complaints": _of_kind(Classification.COMPLAINT),
            "denunciations": _of_kind(Classification.DENUNCIATION),
        },
    ),
    # A case counts when accepted and again when resolved: the resolution rate is made of those cumulative counts.
    Source(
        "accepted",
        "danvan_case",
        "accepted_on",
        {
            "complaints_accepted": _of_kind(Classification.COMPLAINT),
            "denunciations_accepted": _of_kind(Classification.DENUNCIATION),
        },
    ),
    Source(
        "resolved",
        "danvan_case",
        "resolved_on",
        {
            "complaints_resolved": _of_kind(Classification.COMPLAINT),
            "denunciations_resolved": _of_kind(Classification.DENUNCIATION),
        },
    ),
)
_OPERATIONS = ("insert", "update", "delete")


def _upsert(source: Source, values: str) -> str:
    """An INSERT of one tally row per (agency, half month) of ``values`` that adds to the row if it exists."""
    added = ", ".join(f"{column} = {TALLY}.{column} + excluded.{column}" for column in source.counts)
    return (
        f"INSERT INTO {TALLY} (agency_id, half, {', '.join(COUNTS)}) {values} "
        f"ON CONFLICT (agency_id, half) DO UPDATE SET {added}"
    )


def _trigger(source: Source, operation: str) -> str:
    return f"{TALLY}_{source.name}_{operation}"


def _postgresql(source: Source) -> list[str]:
    def grouped(rows: str, sign: str) -> str:
        sums = ", ".join(
            f"{sign}sum({source.counts[column].format(row=rows)})" if column in source.counts else "0"
            for column in COUNTS
        )
        half = _POSTGRESQL_HALF.format(day=source.day)
        values = f"SELECT agency_id, {half}, {sums} FROM {rows} WHERE {source.day} IS NOT NULL GROUP BY 1, 2"
        return _upsert(source, values)

    function = f"{TALLY}_{source.name}"
    statements = [
        f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN {grouped("old_rows", "-")}; END IF;
            IF TG_OP IN ('UPDATE', 'INSERT') THEN {grouped("new_rows", "")}; END IF;
            RETURN NULL;
        END $$"""
    ]
    for operation, tables in zip(
        _OPERATIONS,
        ("NEW TABLE AS new_rows", "OLD TABLE AS old_rows NEW TABLE AS new_rows", "OLD TABLE AS old_rows"),
        strict=True,
    ):
        statements.append(
            f"CREATE TRIGGER {_trigger(source, operation)} AFTER {operation.upper()} ON {source.table} "
            f"REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
        )
    return statements


def _sqlite(source: Source) -> list[str]:
    def one(row: str, sign: str) -> str:
        counts = ", ".join(
            f"{sign}({source.counts[column].format(row=row)})" if column in source.counts else "0" for column in COUNTS
        )
        day = f"{row}.{source.day}"
        # A SELECT with a WHERE clause, as SQLite asks of an INSERT … SELECT with an upsert.
        values = f"SELECT {row}.agency_id, {_SQLITE_HALF.format(day=day)}, {counts} WHERE {day} IS NOT NULL"
        return _upsert(source, values)

    insert, update, delete = (_trigger(source, operation) for operation in _OPERATIONS)
    return [
        f"CREATE TRIGGER {insert} AFTER INSERT ON {source.table} BEGIN {one('NEW', '')}; END",
        f"CREATE TRIGGER {update} AFTER UPDATE ON {source.table} BEGIN {one('OLD', '-')}; {one('NEW', '')}; END",
        f"CREATE TRIGGER {delete} AFTER DELETE ON {source.table} BEGIN {one('OLD', '-')}; END",
    ]


def create_statements(vendor: str) -> list[str]:
    """The statements that install the triggers on ``vendor`` ("postgresql" or "sqlite")."""
    build = {"postgresql": _postgresql, "sqlite": _sqlite}[vendor]
    return [statement for source in SOURCES for statement in build(source)]


def drop_statements(vendor: str) -> list[str]:
    statements = [
        f"DROP TRIGGER IF EXISTS {_trigger(source, operation)}"
        + (f" ON {source.table}" if vendor == "postgresql" else "")
        for source in SOURCES
        for operation in _OPERATIONS
    ]
    if vendor == "postgresql":
        statements += [f"DROP FUNCTION IF EXISTS {TALLY}_{source.name}()" for source in SOURCES]
    return statements
