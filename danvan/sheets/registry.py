"""The registry of register sheets: each feature app declares its sheet in its ``AppConfig.ready()`` (as the admin
autodiscovers), and the registers app imports and exports through this registry without knowing the apps."""

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, TypeVar

from django.db.models import QuerySet

from danvan.models import Agency, Staff
from danvan.sheets.lookups import Lookups
from danvan.sheets.rows import Row
from danvan.sheets.writer import SheetData

T = TypeVar("T")
Record = Mapping[str, Any]  # a dict, or a slots record (danvan.sheets.records) on large sheets


WRITTEN_EVERY = 2000


@dataclass
class Context:
    """What every sheet needs: the reference data, the agencies the importer may write for (None: any), who imports,
    and who follows the rows written (``written(rows)``, the page's progress bar)."""

    lookups: Lookups
    writable: frozenset[int] | None
    by: Staff | None
    written: Callable[[int], None] | None = None

    def counted(self, rows: Iterable[T]) -> Iterator[T]:
        """``rows`` as they are, told to ``written`` every ``WRITTEN_EVERY``: wrap the rows of a sheet's own table."""
        count = 0
        for count, row in enumerate(rows, start=1):
            if self.written and count % WRITTEN_EVERY == 0:
                self.written(count)
            yield row
        if self.written:
            self.written(count)


class ImportSheet(Protocol):
    """How a register sheet is read: its name, its columns (header, required), how a row becomes a record, which
    records the portal holds already (``recorded``: their indexes, danvan.sheets.codes), how records are written.

    A record is a mapping of plain values, with ``agency``, ``date`` and ``reference`` (Mã hồ sơ) for its key; it is
    kept until every row is read, so a large sheet's should be compact (danvan.sheets.records).
    """

    name: str
    headers: tuple[tuple[str, bool], ...]

    def parse(self, row: Row, context: Context) -> Record | None: ...

    def recorded(self, records: list[Record]) -> set[int]: ...

    def write(self, records: list[Record], context: Context) -> None: ...


@dataclass(frozen=True)
class Register:
    """A register (sổ) kept as one sheet: its sheet name, its title, how it is imported, and its export of the records
    of some agencies from ``start`` to ``end``."""

    name: str
    title: str
    importer: ImportSheet
    export: Callable[[QuerySet[Agency], date, date], SheetData]


_registers: dict[str, Register] = {}


def register(entry: Register) -> None:
    """Adds a register; called once per app from its ``AppConfig.ready()``, in the order of INSTALLED_APPS."""
    _registers[entry.name] = entry


def registers() -> tuple[Register, ...]:
    """The registers in the order their apps are installed (a workbook's sheets are imported in this order)."""
    return tuple(_registers.values())
