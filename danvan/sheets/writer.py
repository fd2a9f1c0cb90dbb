"""Writing registers as Excel sheets (registers.md): a layout is data, its columns; one writer streams any records
into it. Each app keeps its own sheet's columns (reception/register.py, complaints/register.py, dialogues/register.py).
"""

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from danvan.models import Staff
from danvan.sheets.vocabulary import AGENCY_KINDS, NUMBER_HEADER

TEXT_FORMAT = "@"
DATE_FORMAT = "dd/mm/yyyy"
CHUNK = 2000


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its header, whether a row must fill it, and what the export writes for a record."""

    header: str
    required: bool
    value: Callable[[Any], Any]
    labels: Mapping[str, str] | None = None  # a choice column: stored value → label in the workbook
    number_format: str | None = None
    width: int = 14


def choice(header: str, attribute: str, labels: Mapping[str, str], *, required: bool, width: int = 18) -> Column:
    """A column that writes the label of a choice attribute."""
    return Column(
        header, required, lambda record: labels.get(getattr(record, attribute), ""), labels, TEXT_FORMAT, width
    )


def agency_label(record: Any) -> str:
    """The receiving agency as the `Cơ quan` column names it; departments and fronts, which have no label, by name."""
    return AGENCY_KINDS.get(record.agency.kind, record.agency.name)


def headers(columns: Iterable[Column]) -> tuple[str, ...]:
    return (NUMBER_HEADER, *(column.header for column in columns))


@dataclass(frozen=True)
class SheetData:
    """A sheet to write: its name, its columns and the records that fill it (an iterator, read once)."""

    name: str
    columns: tuple[Column, ...]
    records: Iterable[Any]


def write_sheet(*, name: str, columns: tuple[Column, ...], records: Iterable[Any], out: IO[bytes]) -> int:
    """Streams ``records`` row by row into a write-only workbook saved to ``out``; memory stays flat at any size.
    Returns the number of rows written. Pass a queryset's ``.iterator(chunk_size=CHUNK)``."""
    return write_book([SheetData(name, columns, records)], out)[name]


def write_book(sheets: Iterable[SheetData], out: IO[bytes]) -> dict[str, int]:
    """Streams several sheets into one write-only workbook saved to ``out``; returns the rows written per sheet."""
    workbook = Workbook(write_only=True)
    counts = {}
    for data in sheets:
        counts[data.name] = _append_sheet(workbook.create_sheet(data.name), data)
    workbook.save(out)
    return counts


def _append_sheet(sheet: WriteOnlyWorksheet, data: SheetData) -> int:
    sheet.column_dimensions["A"].width = 6
    for index, column in enumerate(data.columns, start=2):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_cell(sheet, header, font=bold) for header in headers(data.columns)])
    count = 0
    for count, record in enumerate(data.records, start=1):
        sheet.append([count, *(_cell(sheet, column.value(record), column.number_format) for column in data.columns)])
    return count


def log_export(logger: logging.Logger, *, by: Staff, count: int, book: str, criteria: Mapping[str, Any]) -> None:
    """A register carries personal data, so each export is logged: who, how many rows, which filter — never the data."""
    logger.info("%s exported %d rows of the %s; filter: %s", by.get_username(), count, book, dict(criteria))


def _cell(sheet: WriteOnlyWorksheet, value: Any, number_format: str | None = None, font: Font | None = None) -> Any:
    """A value as the sheet takes it: text always stays text (a content starting with "=" is no formula)."""
    if value == "":
        return None
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"
    elif number_format is None and font is None:
        return value
    else:
        cell = WriteOnlyCell(sheet, value)
    if number_format:
        cell.number_format = number_format
    if font:
        cell.font = font
    return cell
