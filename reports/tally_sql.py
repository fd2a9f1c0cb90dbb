"""The database triggers that keep ``reports.models.Tally``: every insert, update and delete of a visit or a
petition adds its counts to the half month it was received in, or takes them away; a complaint's or denunciation's
case counts in the half month it was accepted in and in the one it was resolved in. Triggers rather than the portal's
services, so that nothing that writes records — forms, register imports, the admin, a script — can leave the tally
behind.

PostgreSQL runs one trigger per statement, over the rows it changed (transition tables): a register import's
thousand-row INSERT adds to each agency's half month once, and an UPDATE writes only where the counts changed. SQLite
has only row triggers: one upsert per row, and on UPDATE only when a column the tally reads changed.

Tables and columns are named from the models (``_meta``). The triggers a database holds are those its migrations
installed, as literal SQL (reports/migrations/0003_tally_cases.py); a change here needs a migration that installs
the new ones (tests/reports/test_tally_triggers.py fails until there is one).
"""

from dataclasses import dataclass

from django.db.models import Model

from complaints.figures import CASE_KINDS
from complaints.models import Petition
from danvan.models import Case, Classification
from reception.models import Visit
from reports.models import Tally


def _column(model: type[Model], field: str) -> str:
    return model._meta.get_field(field).column


TALLY = Tally._meta.db_table
COUNTS = ("visits", "people", "petitions", "complaints", "denunciations", "accepted", "resolved")
# The tally's columns: the agency and the half month (its unique key), then each count's.
_AGENCY, _HALF = _column(Tally, "agency"), _column(Tally, "half")
_COUNTED = {count: _column(Tally, count) for count in COUNTS}


# The first day of a day's half month. SQLite keeps dates as text: its day is characters 9 and 10.
_POSTGRESQL_HALF = (
    "(date_trunc('month', {day}) + CASE WHEN extract(day FROM {day}) >= 15 "
    "THEN interval '14 days' ELSE interval '0 days' END)::date"
)
_SQLITE_HALF = (
    "date({day}, 'start of month', CASE WHEN CAST(substr({day}, 9, 2) AS INTEGER) >= 15 THEN '+14 days' "
    "ELSE '+0 days' END)"
)


def _value(model: type[Model], field: str) -> str:
    """A row's value of ``field``, the row left to fill in (``{row}``)."""
    return f"{{row}}.{_column(model, field)}"


def _of_kind(model: type[Model], kind: str) -> str:
    return f"CASE WHEN {_value(model, 'kind')} = '{kind}' THEN 1 ELSE 0 END"


@dataclass(frozen=True)
class Part:
    """What a row adds to the half month of its column ``day`` when it is set: each count's value, an SQL expression
    over the row's columns."""

    day: str
    counts: dict[str, str]


@dataclass(frozen=True)
class TallySource:
    """A table the tally counts: its rows where ``where`` holds add each of ``parts`` to the half month of the part's
    day. ``reads`` are the other columns the expressions read; the table's name names the triggers."""

    model: type[Model]
    parts: tuple[Part, ...]
    reads: tuple[str, ...]
    where: str = "1 = 1"

    @property
    def table(self) -> str:
        return self.model._meta.db_table

    @property
    def agency(self) -> str:
        return _column(self.model, "agency")

    @property
    def counts(self) -> list[str]:
        return [column for part in self.parts for column in part.counts]


def _source(model: type[Model], parts: dict[str, dict[str, str]], reads: tuple[str, ...], where: str = "1 = 1"):
    """A ``TallySource`` of ``model`` whose parts, reads and counts are given by field name."""
    return TallySource(
        model,
        tuple(
            Part(_column(model, day), {_COUNTED[count]: value for count, value in counts.items()})
            for day, counts in parts.items()
        ),
        tuple(_column(model, field) for field in reads),
        where,
    )


# The cases whose resolution the rate counts (complaints.figures.CASE_KINDS).
_RESOLVABLE = f"{_value(Case, 'kind')} IN (" + ", ".join(f"'{kind}'" for kind in CASE_KINDS) + ")"

SOURCES = (
    _source(Visit, {"received_on": {"visits": "1", "people": _value(Visit, "people")}}, ("people",)),
    _source(
        Petition,
        {
            "received_on": {
                "petitions": "1",
                "complaints": _of_kind(Petition, Classification.COMPLAINT),
                "denunciations": _of_kind(Petition, Classification.DENUNCIATION),
            }
        },
        ("kind",),
    ),
    # A case counts when accepted and again when resolved: the dashboard's resolution rate is made of those counts.
    _source(Case, {"accepted_on": {"accepted": "1"}, "resolved_on": {"resolved": "1"}}, ("kind",), _RESOLVABLE),
)
_OPERATIONS = ("insert", "update", "delete")


def _upsert(source: TallySource, values: str) -> str:
    """An INSERT of one tally row per (agency, half month) of ``values`` that adds to the row if it exists."""
    added = ", ".join(f"{column} = {TALLY}.{column} + excluded.{column}" for column in source.counts)
    return (
        f"INSERT INTO {TALLY} ({_AGENCY}, {_HALF}, {', '.join(_COUNTED.values())}) {values} "
        f"ON CONFLICT ({_AGENCY}, {_HALF}) DO UPDATE SET {added}"
    )


def _condition(source: TallySource, part: Part, row: str) -> str:
    return f"{row}.{part.day} IS NOT NULL AND {source.where.format(row=row)}"


def _trigger(source: TallySource, operation: str) -> str:
    return f"{source.table}_tally_{operation}"


def _function(source: TallySource) -> str:
    return f"{TALLY}_{source.table}"


def _postgresql(source: TallySource) -> list[str]:
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
                    f"SELECT {source.agency}, {half} AS {_HALF}, {values} FROM {name} "
                    f"WHERE {_condition(source, part, name)}"
                )
        columns = ", ".join(source.counts)
        sums = ", ".join(f"sum({column})" if column in source.counts else "0" for column in _COUNTED.values())
        cancelled = " AND ".join(f"sum({column}) = 0" for column in source.counts)
        changed = f"({' UNION ALL '.join(selects)}) AS changed ({_AGENCY}, {_HALF}, {columns})"
        values = f"SELECT {_AGENCY}, {_HALF}, {sums} FROM {changed} GROUP BY 1, 2 HAVING NOT ({cancelled})"
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


def _sqlite(source: TallySource) -> list[str]:
    def one(row: str, sign: str) -> str:
        """An upsert per part of the row (a SELECT with a WHERE clause, as SQLite asks of an INSERT … SELECT with an
        upsert)."""
        statements = []
        for part in source.parts:
            counts = ", ".join(
                f"{sign}({part.counts[column].format(row=row)})" if column in part.counts else "0"
                for column in _COUNTED.values()
            )
            half = _SQLITE_HALF.format(day=f"{row}.{part.day}")
            selected = f"SELECT {row}.{source.agency}, {half}, {counts} WHERE {_condition(source, part, row)}"
            statements.append(_upsert(source, selected))
        return "; ".join(statements)

    insert, update, delete = (_trigger(source, operation) for operation in _OPERATIONS)
    read = ", ".join((source.agency, *(part.day for part in source.parts), *source.reads))
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
