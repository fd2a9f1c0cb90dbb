"""Inserting many rows of a model fast, for imports of 100,000 rows: on PostgreSQL a COPY per chunk of keys taken from
the table's sequence, elsewhere one multi-row INSERT … RETURNING per chunk.

``QuerySet.bulk_create`` prepares every value of every row through the field machinery and, on SQLite, cuts a wide
model into statements of 999 parameters: about 100 µs a row for a petition, too slow for the import's target. Here the
values arrive as plain tuples in a fixed column order; only dates, datetimes and decimals go through their field's
``get_db_prep_save``, text, numbers, booleans and foreign keys (already ids) go as they are. Columns not given take
their field's default, ``auto_now_add`` the time of the insert. No signals are sent and no ``save()`` runs: callers fill
what ``save()`` would (a folded search text, say).
"""

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any

from django.db import connection, models
from django.utils import timezone

ROWS_PER_STATEMENT = 1000
COPY_ROWS = 10_000
# SQLite's page cache while a bulk write runs. Its default (2 MiB) holds little of a table's indexes once the table has
# some tens of thousands of rows, and each row inserted then reads the pages of a dozen indexes again: 100,000 visits
# took 16.5 s of CPU with it, 10.7 s with 32 MiB as with 64 MiB (which took the `Don` import over 300 MiB).
BULK_CACHE_KIB = 32 * 1024
_AS_THEY_ARE = (models.CharField, models.TextField, models.BooleanField, models.IntegerField, models.ForeignKey)


def insert_rows(model: type[models.Model], names: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[int]:
    """Inserts ``rows``, each holding the values of the fields ``names`` (attnames: ``agency_id``) in that order, and
    returns the new primary keys in the order of the rows."""
    if not connection.features.can_return_rows_from_bulk_insert:
        raise NotImplementedError("The database cannot return the keys of a multi-row insert.")
    meta = model._meta
    given = [meta.get_field(name) for name in names]
    others = [field for field in meta.concrete_fields if field not in given and not field.primary_key]
    now = timezone.now()
    constants = tuple(
        field.get_db_prep_save(now if getattr(field, "auto_now_add", False) else field.get_default(), connection)
        for field in others
    )
    width = len(given)
    # Text, numbers, booleans and keys go as they are; only the other columns are prepared by their field.
    adapters = [(at, _adapter(field)) for at, field in enumerate(given) if not isinstance(field, _AS_THEY_ARE)]

    def values(row: Sequence[Any]) -> tuple:
        if len(row) != width:
            raise ValueError(f"A row of {len(row)} values for {width} fields.")
        if not adapters:
            return (*row, *constants)
        cells = list(row)
        for position, adapt in adapters:
            cells[position] = adapt(cells[position])
        return (*cells, *constants)

    if connection.vendor == "postgresql":
        return _copy(meta, given + others, map(values, rows))
    statement = _Statement(meta, given + others)
    keys: list[int] = []
    rows = iter(rows)
    with connection.cursor() as cursor:
        while chunk := list(islice(rows, statement.rows)):
            cursor.execute(*statement.of([values(row) for row in chunk]))
            keys.extend(key for (key,) in cursor.fetchall())
    return keys


class _Statement:
    """The INSERT … VALUES … RETURNING for a chunk of rows, as many as one statement's parameters allow."""

    def __init__(self, meta: Any, fields: list[models.Field]) -> None:
        quote = connection.ops.quote_name
        self.width = len(fields)
        self.head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
        self.tail = f" RETURNING {quote(meta.pk.column)}"
        self.rows = max(1, min(ROWS_PER_STATEMENT, _max_parameters() // self.width))
        self.row = "(" + ", ".join(["%s"] * self.width) + ")"

    def of(self, values: list[tuple]) -> tuple[str, list]:
        placeholders = ", ".join([self.row] * len(values))
        return f"{self.head}VALUES {placeholders}{self.tail}", [value for row in values for value in row]


@contextmanager
def bulk_cache() -> Iterator[None]:
    """Raises SQLite's page cache (``BULK_CACHE_KIB``) for a bulk write, and sets it back after; nothing elsewhere.
    Use it around writes only: the cache fills up to its size, and a read that holds much already should not add it."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def _copy(meta: Any, fields: list[models.Field], rows: Iterable[tuple]) -> list[int]:
    """PostgreSQL: the keys of a chunk taken from the table's sequence, then the rows with their keys sent by COPY.

    COPY is parsed by the server in one stream, and psycopg writes its rows in C; an INSERT of unnested arrays had
    each array quoted by psycopg in Python (client-side binding): a third of the 100,000-row Don import. Row triggers
    (the dashboard's tally) fire on COPY as on INSERT; the keys come from the sequence the table's default uses."""
    quote = connection.ops.quote_name
    table, key = meta.db_table, meta.pk.column
    columns = ", ".join(quote(column) for column in (key, *(field.column for field in fields)))
    keys: list[int] = []
    rows = iter(rows)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [quote(table), key])
        (sequence,) = cursor.fetchone()
        while chunk := list(islice(rows, COPY_ROWS)):
            cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [sequence, len(chunk)])
            chunk_keys = [value for (value,) in cursor.fetchall()]
            with cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
                for chunk_key, row in zip(chunk_keys, chunk, strict=True):
                    copy.write_row((chunk_key, *row))
            keys.extend(chunk_keys)
    return keys


def _adapter(field: models.Field) -> Callable[[Any], Any]:
    """How a value of ``field`` goes to the database. A day is prepared once: a register's rows share a few hundred."""
    if not isinstance(field, models.DateField) or isinstance(field, models.DateTimeField):
        return lambda value: field.get_db_prep_save(value, connection)
    prepared: dict[Any, Any] = {}

    def day(value: Any) -> Any:
        if value not in prepared:
            prepared[value] = field.get_db_prep_save(value, connection)
        return prepared[value]

    return day


def _max_parameters() -> int:
    """How many parameters one statement may carry: SQLite's own limit when it says (32,766 since 3.32, not Django's
    cautious 999), else the backend's (PostgreSQL: 65,535)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        getlimit = getattr(connection.connection, "getlimit", None)  # Python 3.11+
        return getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) if getlimit else 999
    return connection.features.max_query_params or 65535


# Under SQLite's limit of variables in one statement: the size of an IN (…) list of looked-up keys.
LOOKUP_CHUNK = 900


def chunks(values: Sequence[Any], size: int = LOOKUP_CHUNK) -> Iterator[Sequence[Any]]:
    """``values`` in slices short enough for one ``IN (…)`` lookup."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def present(queryset: models.QuerySet, field: str, values: Sequence[Any]) -> set[Any]:
    """Those of ``values`` that ``field`` holds in ``queryset``, asked in chunks."""
    found: set[Any] = set()
    for chunk in chunks(values):
        found.update(queryset.filter(**{f"{field}__in": chunk}).order_by().values_list(field, flat=True))
    return found
