"""Workbooks for import tests, built the way agencies' files come: titles above the header, text and real dates."""

from io import BytesIO
from typing import Any

from openpyxl import Workbook


def workbook(sheets: dict[str, list[list[Any]]], *, title: str | None = "SỔ THEO DÕI") -> BytesIO:
    """A workbook with one sheet per entry: an optional title row, then the rows given (the first is the header)."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        if title:
            sheet.append([title])
            sheet.append([])
        for row in rows:
            sheet.append(row)
    out = BytesIO()
    book.save(out)
    out.seek(0)
    return out


def rows_of(header: list[str], *records: dict[str, Any]) -> list[list[Any]]:
    """The header and one row per record, a record naming its cells by header (missing cells left empty)."""
    return [header, *([record.get(column) for column in header] for record in records)]
