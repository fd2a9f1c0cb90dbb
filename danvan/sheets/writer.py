"""Writing registers as Excel sheets (registers.md): a layout is data, its columns; one writer streams any records
into it. Each app keeps its own sheet's columns (reception/register.py, complaints/register.py, dialogues/register.py).

Records are read as plain values, never as model instances: a sheet names the values its columns read (``reads``,
ORM paths across the joins they need), and each row comes as a named tuple of them (``row.agency__unit__code``), read
in one query per chunk. Building instances and their related rows cost more than writing the cells.

The writer is XlsxWriter in constant-memory mode: each row goes to a temporary file as soon as the next one starts, so
memory stays flat at any size. The sheet prints as a register: optional title lines (the book, its unit, its period)
above the header row, A4 landscape fitted to the page's width, the header repeated on every page, text wrapped within
its column. The import finds the header by its first cell, STT, and ignores the titles above it.
"""

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from math import ceil
from operator import attrgetter
from typing import IO, Any

from django.db.models import QuerySet
from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from danvan.models import Staff
from danvan.sheets.vocabulary import AGENCY_KINDS, NUMBER_HEADER

TEXT_FORMAT = "@"
DATE_FORMAT = "dd/mm/yyyy"
CHUNK = 2000
# The characters a printed row holds across A4 landscape fitted to its width (about 65 % of the sheet's size): the
# columns share them, each at least wide enough for a date, a code or a short label, longer texts wrapping.
PRINT_CHARACTERS = 210
NARROWEST = 9
WIDE, TEXT_WIDTH = 26, 18  # a name, an address, a content: at least 18 wide
CODE_WIDTH = 15
DATE_WIDTH = 11
NUMBER_WIDTH = 6
LINE_HEIGHT = 13  # points: a line of the cells' 10-point font
LETTERS_PER_UNIT = 1.2
HEADER_LETTERS_PER_UNIT = 1.0  # bold
# Characters Excel refuses in a cell (XML 1.0 has no place for them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_EXCEL_EPOCH = date(1899, 12, 30).toordinal()
A4 = 9

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its header, whether a row must fill it, and what the export writes for a row (a named
    tuple of the values its sheet reads)."""

    header: str
    required: bool
    value: Callable[[Any], Any]
    labels: Mapping[str, str] | None = None  # a choice column: stored value → label in the workbook
    number_format: str | None = None
    width: int = 14


def choice(header: str, attribute: str, labels: Mapping[str, str], *, required: bool, width: int = 18) -> Column:
    """A column that writes the label of a choice value the sheet reads."""
    read = attrgetter(attribute)
    return Column(header, required, lambda row: labels.get(read(row), ""), labels, TEXT_FORMAT, width)


# What ``agency_label`` reads of a row.
AGENCY_READS = ("agency__kind", "agency__name")


def agency_label(row: Any) -> str:
    """The receiving agency as the `Cơ quan` column names it; departments and fronts, which have no label, by name."""
    return AGENCY_KINDS.get(row.agency__kind, row.agency__name)


def headers(columns: Iterable[Column]) -> tuple[str, ...]:
    return (NUMBER_HEADER, *(column.header for column in columns))


@dataclass(frozen=True)
class SheetData:
    """A sheet to write: its name, its columns, the records that fill it and what its columns read of each (ORM
    paths), and the register's title printed above it (none: the header is the first row)."""

    name: str
    columns: tuple[Column, ...]
    records: QuerySet
    reads: tuple[str, ...]
    title: str = ""

    def rows(self) -> Iterator[Any]:
        """The records' values as named tuples, streamed in chunks of one query each."""
        return self.records.values_list(*self.reads, named=True).iterator(chunk_size=CHUNK)


def write_book(
    sheets: Iterable[SheetData], out: IO[bytes], *, heading: Sequence[str] = (), progress: Progress | None = None
) -> dict[str, int]:
    """Streams several sheets into one workbook saved to ``out``; returns the rows written per sheet. A sheet with a
    title gets it above its header, followed by the ``heading`` lines (unit, period); ``progress(rows)`` is told the
    rows written so far, every ``CHUNK`` rows."""
    workbook = Workbook(out, _OPTIONS)
    formats = _Formats(workbook)
    counts: dict[str, int] = {}
    done = 0
    for data in sheets:
        lines = (data.title.upper(), *heading) if data.title else ()
        counts[data.name] = _write_sheet(workbook.add_worksheet(data.name), data, lines, formats, done, progress)
        done += counts[data.name]
    workbook.close()
    return counts


# Text stays text (a content starting with "=" is no formula, a code of digits no number); dates are written as their
# serial number in a date format, as Excel stores them.
_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


class _Formats:
    """The cell formats of a workbook, made once: XlsxWriter keeps one style per distinct format."""

    def __init__(self, workbook: Workbook) -> None:
        cell = {"valign": "top", "border": 1, "font_size": 10}
        self.title = workbook.add_format({"bold": True, "font_size": 13})
        self.line = workbook.add_format({"italic": True, "font_size": 10})
        self.header = workbook.add_format(
            {**cell, "bold": True, "text_wrap": True, "align": "center", "bg_color": "#E8E8E8"}
        )
        self.number = workbook.add_format({**cell, "align": "center"})
        self._by_kind = {
            TEXT_FORMAT: workbook.add_format({**cell, "num_format": TEXT_FORMAT, "text_wrap": True}),
            DATE_FORMAT: workbook.add_format({**cell, "num_format": DATE_FORMAT, "align": "center"}),
            None: workbook.add_format({**cell, "text_wrap": True}),
        }

    def of(self, column: Column) -> Format:
        return self._by_kind[column.number_format if column.number_format in self._by_kind else None]


def _write_sheet(
    sheet: Worksheet,
    data: SheetData,
    lines: Sequence[str],
    formats: _Formats,
    done: int,
    progress: Progress | None,
) -> int:
    widths = _print_widths(data.columns)
    header_row = len(lines)
    _print_as_register(sheet, widths, header_row=header_row)
    for row, line in enumerate(lines):
        sheet.write_string(row, 0, line, formats.title if row == 0 else formats.line)
    sheet.write_string(header_row, 0, NUMBER_HEADER, formats.header)
    for position, column in enumerate(data.columns, start=1):
        sheet.write_string(header_row, position, column.header, formats.header)
    header_lines = (
        _lines(column.header, width, HEADER_LETTERS_PER_UNIT)
        for column, width in zip(data.columns, widths, strict=True)
    )
    _fit_height(sheet, header_row, max(header_lines))
    writers = [
        _cell_writer(sheet, position, column.value, formats.of(column), width)
        for position, (column, width) in enumerate(zip(data.columns, widths, strict=True), start=1)
    ]
    count = 0
    for count, record in enumerate(data.rows(), start=1):
        row = header_row + count
        sheet.write_number(row, 0, count, formats.number)  # flushes the row before
        _forget_height(sheet, row - 1)
        tallest = 1
        for write in writers:
            lines = write(row, record)
            if lines > tallest:
                tallest = lines
        _fit_height(sheet, row, tallest)
        if progress and count % CHUNK == 0:
            progress(done + count)
    return count


def _fit_height(sheet: Worksheet, row: int, lines: int) -> None:
    """A row as tall as its longest wrapped text: XlsxWriter cannot measure text, and LibreOffice keeps the height a
    file gives. Set before the next row is written, while constant-memory mode still holds this one."""
    if lines > 1:
        sheet.set_row(row, lines * LINE_HEIGHT)


def _forget_height(sheet: Worksheet, row: int) -> None:
    """Drops the height of a row constant-memory mode has flushed. XlsxWriter writes a row's height with the row but
    keeps it to the end (``row_info``, and ``row_sizes`` to place images, which a register has none of): 0.3 KiB a
    row, 30 MiB at 100,000 rows. It has no public call to forget it; nothing reads it once the row is written."""
    sheet.row_info.pop(row, None)
    sheet.row_sizes.pop(row, None)


def _lines(text: str, width: float, letters: float = LETTERS_PER_UNIT) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` wide (a digit of the default 11-point font a unit;
    the cells' 10-point letters, mostly narrower than digits, fit about 1.4 to a unit, fewer once words wrap whole)."""
    per_line = width * letters
    if len(text) <= per_line and "\n" not in text:
        return 1
    return sum(max(1, ceil(len(part) / per_line)) for part in text.split("\n"))


def _print_as_register(sheet: Worksheet, widths: Sequence[float], *, header_row: int) -> None:
    sheet.set_column(0, 0, NUMBER_WIDTH)
    for position, width in enumerate(widths, start=1):
        sheet.set_column(position, position, width)
    sheet.freeze_panes(header_row + 1, 0)
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_row)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.set_footer("&CTrang &P/&N")


def _print_widths(columns: Sequence[Column]) -> list[float]:
    """Each column's width on paper: its narrowest (a date, a code whole, else a short label), plus a share of what the
    row has left in proportion to how much wider the column would like to be."""
    floors = [min(column.width, _narrowest(column)) for column in columns]
    wishes = [column.width - floor for column, floor in zip(columns, floors, strict=True)]
    spare = max(0, PRINT_CHARACTERS - NUMBER_WIDTH - sum(floors))
    share = min(1.0, spare / sum(wishes)) if sum(wishes) else 0.0
    return [round(floor + wish * share, 1) for floor, wish in zip(floors, wishes, strict=True)]


def _narrowest(column: Column) -> int:
    if column.number_format == DATE_FORMAT:
        return DATE_WIDTH
    if column.number_format == TEXT_FORMAT and column.labels is None:
        return CODE_WIDTH  # a code, a CCCD, a phone number: never wrapped
    return TEXT_WIDTH if column.width >= WIDE else NARROWEST


def _cell_writer(
    sheet: Worksheet, position: int, value_of: Callable[[Any], Any], cell_format: Format, width: float
) -> Callable[[int, Any], int]:
    """Writes one column's value of a row with the column's format — nothing for an empty value, text as text (without
    the characters Excel refuses), a date as a date — and returns the lines it takes. Once per cell: kept lean."""
    per_line = width * LETTERS_PER_UNIT

    def write(row: int, record: Any) -> int:
        value = value_of(record)
        if value is None or value == "":
            sheet.write_blank(row, position, None, cell_format)
        elif isinstance(value, str):
            text = value if value.isprintable() else _ILLEGAL.sub("", value)
            sheet.write_string(row, position, text, cell_format)
            if len(text) > per_line or "\n" in text:
                return _lines(text, width)
        elif isinstance(value, date):
            day = value.date() if isinstance(value, datetime) else value
            sheet.write_number(row, position, day.toordinal() - _EXCEL_EPOCH, cell_format)
        else:
            sheet.write_number(row, position, value, cell_format)
        return 1

    return write


def log_export(logger: logging.Logger, *, by: Staff | None, count: int, book: str, criteria: Mapping[str, Any]) -> None:
    """A register carries personal data, so each export is logged: who (none: the command line), how many rows, which
    filter — never the data."""
    who = by.get_username() if by is not None else "manage.py"
    logger.info("%s exported %d rows of the %s; filter: %s", who, count, book, dict(criteria))
