"""The registry of register sheets: each feature app declares its sheet in its ``AppConfig.ready()`` (as the admin
autodiscovers), and the registers app imports and exports through this registry without knowing the apps."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from danvan.models import Staff
from danvan.sheets.lookups import Lookups
from danvan.sheets.rows import Row
from danvan.sheets.writer import SheetData

Record = Mapping[str, Any]  # a dict, or a slots record (danvan.sheets.records) on large sheets


@dataclass
class Context:
    """What every sheet needs: the reference data, the agencies the importer may write for (None: any), who imports."""

    lookups: Lookups
    writable: frozenset[int] | None
    by: Staff | None


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
    of a staff member's scope from ``start`` to ``end``."""

    name: str
    title: str
    importer: ImportSheet
    export: Callable[[Staff, date, date], SheetData]


_registers: dict[str, Register] = {}


def register(entry: Register) -> None:
    """Adds a register; called once per app from its ``AppConfig.ready()``, in the order of INSTALLED_APPS."""
    _registers[entry.name] = entry


def registers() -> tuple[Register, ...]:
    """The registers in the order their apps are installed (a workbook's sheets are imported in this order)."""
    return tuple(_registers.values())
