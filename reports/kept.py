"""A report's figures kept between two changes of the records: the report page, its JSON, its forms workbook and its
narrative count the same unit, window and scope again and again (a province's report takes a second of queries and
Python), while the records they count change far less often.

They are kept under the records' version (``reports.RecordsVersion``), which database triggers raise whenever a table a
report counts is written, visibly with the change (PostgreSQL at the writer's commit, SQLite in its transaction):
figures counted before a change are kept under a number no one reads once the change is seen. Inside a transaction
(``atomic``), which may have written what its version does not say yet or may roll its version back, figures are
counted anew and not kept. Kept in the process (the last ``KEPT`` counts, each process its own): the forms' values
hold their layouts' functions, which no shared cache can store, and reading them back from one would cost a good part
of counting them."""

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from django.db import connection

from reports.models import RecordsVersion

T = TypeVar("T")
KEPT = 16

_kept: OrderedDict[tuple, object] = OrderedDict()
_lock = threading.Lock()


def _version() -> int | None:
    """The records' version, or None inside a transaction."""
    if connection.in_atomic_block:
        return None
    return RecordsVersion.objects.values_list("number", flat=True).first() or 0


def kept(name: str, parts: tuple, build: Callable[[], T]) -> T:
    """What ``build`` counts for ``parts`` (the unit, the window, the agencies counted…), kept while no record changed
    since it was counted. What it returns is shared: callers read it and never change it."""
    version = _version()
    if version is None:
        return build()
    key = (connection.settings_dict["NAME"], version, name, parts)
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]  # type: ignore[return-value]
    found = build()
    with _lock:
        _kept[key] = found
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return found
