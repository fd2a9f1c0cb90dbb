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
class Part:
    """What a row adds to the half month of its column ``day`` when it is set: each count's value, an SQL expression
    over the row's columns."""

    day: str
    counts: dict[str, str]


@dataclass(frozen=True)
class Source:
    """A table the tally counts: its rows where ``where`` holds add each of ``parts`` to the half month of the part's
    day. ``reads`` are the other columns the expressions read; ``name`` names the triggers."""

    name: str
    table: str
    parts: tuple[Part, ...]
    reads: tuple[str, ...]
    where: str = "1 = 1"

    @property
    def counts(self) -> list[str]:
        return [column for part in self.parts for column in part.counts]


# The cases whose resolution the rate counts (complaints.figures.CASE_KINDS).
_RESOLVABLE = "{row}.kind IN (" + ", ".join(f"'{kind}'" for kind in CASE_KINDS) + ")"

SOURCES = (
    Source(
        "reception_visit",
        "reception_visit",
        (Part("received_on", {"visits": "1", "people": "{row}.people"}),),
        ("people",),
    ),
    Source(
        "complaints_petition",
        "complaints_petition",
        (
            Part(
                "received_on",
                {
                    "petitions": "1",
                    "complaints": _of_kind(Classification.COMPLAINT),
                    "denunciations": _of_kind(Classification.DENUNCIATION),
                },
            ),
        ),
        ("kind",),
    ),
    # A case counts when accepted and again when resolved: the dashboard's resolution rate is made of those counts.
    Source(
        "danvan_case",
        "danvan_case",
        (Part("accepted_on", {"accepted": "1"}), Part("resolved_on", {"resolved": "1"})),
        ("kind",),
        _RESOLVABLE,
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


def _condition(source: Source, part: Part, row: str) -> str:
    return f"{row}.{part.day} IS NOT NULL AND {source.where.format(row=row)}"


def _trigger(source: Source, operation: str) -> str:
    return f"{source.name}_tally_{operation}"


def _function(source: Source) -> str:
    return f"{TALLY}_{source.name}"


def _postgresql(source: Source) -> list[str]:
    def changes(*rows: tuple[str, str]) -> str:
        """The counts of the rows of the transition tables ``rows`` (name, sign), every part of them, summed per agency
        and half month in one upsert; none where they cancel out (an UPDATE that left the counts as they were)."""
        selects = []
        for name, sign in rows:
            for part in source.parts:
                values = ", ".join(
                    f"{sign}({part.counts[column].format(row=name)})" if column in part.counts else "0"
                    for column in source.counts
                )
                half = _POSTGRESQL_HALF.format(day=part.day)
                selects.append(
                    f"SELECT agency_id, {half} AS half, {values} FROM {name} WHERE {_condition(source, part, name)}"
                )
        columns = ", ".join(source.counts)
        sums = ", ".join(f"sum({column})" if column in source.counts else "0" for column in COUNTS)
        cancelled = " AND ".join(f"sum({column}) = 0" for column in source.counts)
        changed = f"({' UNION ALL '.join(selects)}) AS changed (agency_id, half, {columns})"
        values = f"SELECT agency_id, half, {sums} FROM {changed} GROUP BY 1, 2 HAVING NOT ({cancelled})"
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
        """An upsert per part of the row (a SELECT with a WHERE clause, as SQLite asks of an INSERT … SELECT with an
        upsert)."""
        statements = []
        for part in source.parts:
            counts = ", ".join(
                f"{sign}({part.counts[column].format(row=row)})" if column in part.counts else "0" for column in COUNTS
            )
            half = _SQLITE_HALF.format(day=f"{row}.{part.day}")
            selected = f"SELECT {row}.agency_id, {half}, {counts} WHERE {_condition(source, part, row)}"
            statements.append(_upsert(source, selected))
        return "; ".join(statements)

    insert, update, delete = (_trigger(source, operation) for operation in _OPERATIONS)
    read = ", ".join(("agency_id", *(part.day for part in source.parts), *source.reads))
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
