"""One register row read by the column rules of registers.md. Reading a cell never stops at the first problem: each one
is noted with its sheet, row and column, and the cell reads as None, so that every error of a file is reported."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from django.utils import timezone

from danvan.text import fold

_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_CODE_WIDTHS = (2, 3, 5)
YES, NO = "Có", "Không"


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet}, dòng {self.row}" + (f", cột {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class Layout:
    """Where each column of a sheet stands, found from its header row; a missing required column is a problem."""

    def __init__(self, sheet: str, header_row: int, found: Mapping[str, int], headers: Iterable[tuple[str, bool]]):
        self.sheet = sheet
        self.today = timezone.localdate()
        self.positions: dict[str, int] = {}
        self.problems: list[Problem] = []
        for header, required in headers:
            position = found.get(fold(header))
            if position is not None:
                self.positions[header] = position
            elif required:
                self.problems.append(Problem(sheet, header_row, header, "Thiếu cột bắt buộc."))


def reverse_labels(labels: Mapping[str, str]) -> dict[str, str]:
    """A choice's labels folded → stored value, to read a label whatever its case and diacritics."""
    return {fold(label): value for value, label in labels.items()}


class Row:
    """The cells of one data row, read column by column; ``problems`` collects what is wrong with them."""

    __slots__ = ("cells", "layout", "number", "problems")

    def __init__(self, layout: Layout, number: int, cells: list[Any], problems: list[Problem]) -> None:
        self.layout, self.number, self.cells, self.problems = layout, number, cells, problems

    def error(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.layout.sheet, self.number, column, message))

    def raw(self, column: str) -> Any:
        """The cell as the workbook holds it; None when empty or when the sheet has no such column."""
        position = self.layout.positions.get(column)
        if position is None or position >= len(self.cells):
            return None
        value = self.cells[position]
        if isinstance(value, str):
            value = value.strip()
        return None if value == "" else value

    def _missing(self, column: str, required: bool) -> None:
        if required:
            self.error(column, "Bắt buộc phải có giá trị.")

    def text(self, column: str, *, required: bool = False, max_length: int | None = None) -> str:
        value = self.raw(column)
        if value is None:
            self._missing(column, required)
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value)
        if max_length and len(text) > max_length:
            self.error(column, f"Dài quá {max_length} ký tự.")
        return text

    def date(self, column: str, *, required: bool = False) -> date | None:
        value = self.raw(column)
        if value is None:
            self._missing(column, required)
            return None
        read = _as_date(value)
        if read is None:
            self.error(column, f"“{_shown(value)}” không phải ngày hợp lệ (dd/mm/yyyy).")
        elif read > self.layout.today:
            self.error(column, f"Ngày {read:%d/%m/%Y} chưa đến.")
            return None
        return read

    def integer(
        self, column: str, *, required: bool = False, minimum: int = 0, default: int | None = None
    ) -> int | None:
        value = self.raw(column)
        if value is None:
            self._missing(column, required)
            return default
        number = _as_number(value)
        if number is None or number != int(number):
            self.error(column, f"“{_shown(value)}” không phải số nguyên.")
            return None
        if number < minimum:
            self.error(column, f"Phải là số nguyên từ {minimum} trở lên.")
            return None
        return int(number)

    def amount(self, column: str) -> Decimal | None:
        """A non-negative number (money in triệu đồng, land in m²)."""
        value = self.raw(column)
        if value is None:
            return None
        number = _as_number(value)
        if number is None or number < 0:
            self.error(column, f"“{_shown(value)}” không phải số không âm.")
            return None
        return number

    def label(self, column: str, labels: Mapping[str, str], *, required: bool = False) -> str:
        """The stored value of a choice written as its label; ``labels`` from ``reverse_labels``."""
        value = self.raw(column)
        if value is None:
            self._missing(column, required)
            return ""
        stored = labels.get(_folded(str(value)))
        if stored is None:
            self.error(column, f"“{value}” không thuộc danh mục.")
            return ""
        return stored

    def yes_no(self, column: str, *, required: bool = False) -> bool | None:
        value = self.raw(column)
        if value is None:
            self._missing(column, required)
            return None
        folded = _folded(str(value))
        if folded in (_folded(YES), "x"):
            return True
        if folded == _folded(NO):
            return False
        self.error(column, f"Chỉ nhận “{YES}” hoặc “{NO}”.")
        return None

    def unit_code(self, column: str) -> tuple[str, bool] | None:
        """The unit code as text and whether it came as a bare number (Excel drops a text code's leading zeros)."""
        value = self.raw(column)
        if value is None:
            self._missing(column, True)
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
            return str(int(value)), True
        code = str(value)
        if not code.isdigit() or len(code) not in _CODE_WIDTHS:
            self.error(column, f"Mã “{code}” không hợp lệ: mã tỉnh 2 chữ số, mã huyện 3 chữ số, mã xã 5 chữ số.")
            return None
        return code, False


@lru_cache(maxsize=4096)
def _folded(label: str) -> str:
    """A label cell folded: a register repeats a few labels on every row, so each is folded once."""
    return fold(label)


def _shown(value: Any) -> str:
    """A cell as the user typed it: Excel keeps every number as a float, so -3 reads -3.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return _day(value)
    return _date_of_text(value) if isinstance(value, str) else None


@lru_cache(maxsize=4096)
def _day(value: date) -> date:
    """An Excel date as one shared date object per day: a register's rows keep their dates, a few hundred days over
    100,000 rows, and a date object of its own per row would take 3 MiB more."""
    return value.date() if isinstance(value, datetime) else value


@lru_cache(maxsize=4096)
def _date_of_text(text: str) -> date | None:
    """A dd/mm/yyyy text as a date; a register has a few hundred days in thousands of rows, so each is read once."""
    match = _DATE.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return None


def _as_number(value: Any) -> Decimal | None:
    """A cell as a number: a real number, or text with "." as thousands separator and "," as decimal mark."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    text = str(value).replace(" ", "").replace(".", "").replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None
