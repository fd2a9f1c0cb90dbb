"""Reading a workbook's register sheets: the file is checked against the limits first (``danvan.sheets.inspection``),
then read with python-calamine — about eight times faster than openpyxl's read-only mode on a 100,000-row register —
in a process of its own, capped in memory and CPU time (``danvan.sheets.isolation``); rows are streamed one at a time.
Whatever keeps a file from being read is an ``UnreadableWorkbook`` whose message says why."""

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

from danvan.sheets.errors import UnreadableWorkbook
from danvan.sheets.inspection import inspect_workbook
from danvan.sheets.isolation import IsolatedSheet, IsolatedWorkbook, isolated_workbook
from danvan.sheets.vocabulary import NUMBER_HEADER
from danvan.text import fold

__all__ = ["SheetRows", "UnreadableWorkbook", "open_workbook", "read_sheet"]


@dataclass(frozen=True)
class SheetRows:
    """A sheet's header row (1-based number) and its column positions by folded name, then its data rows."""

    name: str
    header_row: int
    columns: dict[str, int]
    rows: Iterator[tuple[int, list[Any]]]


@contextmanager
def open_workbook(source: str | IO[bytes], *, sheets: Collection[str]) -> Iterator[IsolatedWorkbook]:
    """``source`` (a path, or a file open for reading) checked, then open for reading the ``sheets`` named (those it
    has: ``workbook.sheet_names``) until the block ends."""
    inspect_workbook(source, sheets=sheets)
    with isolated_workbook(source) as workbook:
        yield workbook


def read_sheet(sheet: IsolatedSheet) -> SheetRows | None:
    """The rows of a sheet (``workbook.sheet(name)``) from its header on, or None when no row starts with STT."""
    rows = iter(sheet.iter_rows())
    folded_number = fold(NUMBER_HEADER)
    for number, cells in enumerate(rows, start=1):
        if cells and isinstance(cells[0], str) and fold(cells[0]) == folded_number:
            columns = {}
            for position, header in enumerate(cells):
                if isinstance(header, str) and header.strip():
                    columns.setdefault(fold(header), position)
            return SheetRows(sheet.name, number, columns, _data_rows(rows, start=number + 1))
    return None


def _data_rows(rows: Iterator[list[Any]], *, start: int) -> Iterator[tuple[int, list[Any]]]:
    """The rows after the header with their sheet row numbers; blank rows are skipped."""
    for number, cells in enumerate(rows, start=start):
        if any(cell not in ("", None) and not (isinstance(cell, str) and not cell.strip()) for cell in cells):
            yield number, cells
