"""The database triggers that keep ``reports.models.Tally``: every insert, update and delete of a visit or a
petition adds its counts to the half month it was received in, or takes them away; a complaint's or denunciation's
case counts in the half month it was accepted in and in the one it was resolved in. Triggers rather than the portal's
services, so that nothing that writes records — forms, register imports, the admin, a script — can leave the tally
behind.

PostgreSQL runs one trigger per statement, over the rows it changed (transition tables): a register import's
thousand-row INSERT adds to each agency's half month once, and an UPDATE writes only where the counts changed. SQLite
has only row triggers: one upsert per row, and on UPDATE only when a column the tally reads changed.
"""

from dataclasses import dataclass

from complaints.figures import CASE_KINDS
from danvan.models import Classification

TALLY = "reports_tally"
COUNTS = ("visits", "people", "petitions", "complaints", "denunciations", "accepted", "resolved")


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
    """A table the tally counts, by the half month of its column ``day``: each count's value for one of its rows, an
    SQL expression over its columns, for the rows where ``day`` is set and ``where`` holds. ``reads`` are the other
    columns those expressions read. ``name`` names the triggers."""

    name: str
    table: str
    day: str
    counts: dict[str, str]
    reads: tuple[str, ...]
    where: str = "1 = 1"

    def condition(self, row: str) -> str:
        return f"{row}.{self.day} IS NOT NULL AND {self.where.format(row=row)}"


# The cases whose resolution the rate counts (complaints.figures.CASE_KINDS).
_RESOLVABLE = "{row}.kind IN (" + ", ".join(f"'{kind}'" for kind in CASE_KINDS) + ")"

SOURCES = (
    Source("reception_visit", "reception_visit", "received_on", {"visits": "1", "people": "{row}.people"}, ("people",)),
    Source(
        "complaints_petition",
        "complaints_petition",
        "received_on",
        {
            "petitions": "1",
            "complaints": _of_kind(Classification.COMPLAINT),
            "denunciations": _of_kind(Classification.DENUNCIATION),
        },
        ("kind",),
    ),
    # A case counts when accepted and again when resolved: the dashboard's resolution rate is made of those counts.
    Source("danvan_case_accepted", "danvan_case", "accepted_on", {"accepted": "1"}, ("kind",), _RESOLVABLE),
    Source("danvan_case_resolved", "danvan_case", "resolved_on", {"resolved": "1"}, ("kind",), _RESOLVABLE),
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
    return f"{source.name}_tally_{operation}"


def _function(source: Source) -> str:
    return f"{TALLY}_{source.name}"


def _postgresql(source: Source) -> list[str]:
    def changes(*rows: tuple[str, str]) -> str:
        """The counts of the rows of the transition tables ``rows`` (name, sign), summed per agency and half month;
        none where they cancel out (an UPDATE that left the counts as they were)."""
        half = _POSTGRESQL_HALF.format(day=source.day)
        parts = " UNION ALL ".join(
            f"SELECT agency_id, {half} AS half, "
            + ", ".join(f"{sign}({source.counts[c].format(row=name)}) AS {c}" for c in source.counts)
            + f" FROM {name} WHERE {source.condition(name)}"
            for name, sign in rows
        )
        sums = ", ".join(f"sum({column})" if column in source.counts else "0" for column in COUNTS)
        cancelled = " AND ".join(f"sum({column}) = 0" for column in source.counts)
        values = f"SELECT agency_id, half, {sums} FROM ({parts}) AS changed GROUP BY 1, 2 HAVING NOT ({cancelled})"
        return _upsert(source, values)

    statements = [
        f"""CREATE OR REPLACE FUNCTION {_function(source)}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN {changes(("new_rows", ""))};
            ELSIF TG_OP = 'DELETE' THEN {changes(("old_rows", "-"))};
            ELSE {changes(("old_rows", "-"), ("new_rows", ""))};
            END IF;
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
            f"REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION {_function(source)}()"
        )
    return statements


def _sqlite(source: Source) -> list[str]:
    def one(row: str, sign: str) -> str:
        counts = ", ".join(
            f"{sign}({source.counts[column].format(row=row)})" if column in source.counts else "0" for column in COUNTS
        )
        half = _SQLITE_HALF.format(day=f"{row}.{source.day}")
        # A SELECT with a WHERE clause, as SQLite asks of an INSERT … SELECT with an upsert.
        return _upsert(source, f"SELECT {row}.agency_id, {half}, {counts} WHERE {source.condition(row)}")

    insert, update, delete = (_trigger(source, operation) for operation in _OPERATIONS)
    read = ", ".join(("agency_id", source.day, *source.reads))
    return [
        f"CREATE TRIGGER {insert} AFTER INSERT ON {source.table} BEGIN {one('NEW', '')}; END",
        f"CREATE TRIGGER {update} AFTER UPDATE OF {read} ON {source.table} "
        f"BEGIN {one('OLD', '-')}; {one('NEW', '')}; END",
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
        statements += [f"DROP FUNCTION IF EXISTS {_function(source)}()" for source in SOURCES]
    return statements
