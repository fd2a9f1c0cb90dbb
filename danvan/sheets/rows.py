"""One register row read by the column rules of registers.md. Reading a cell never stops at the first problem: each one
is noted with its sheet, row and column, and the cell reads as None, so that every error of a file is reported."""

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from django.utils import timezone

from danvan.inputs import EARLIEST_DAY, LARGEST_NUMBER, printable
from danvan.numbers import number as grouped
from danvan.sheets.matching import Vocabulary, compact
from danvan.text import fold

_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_CODE_WIDTHS = (2, 3, 5)
YES, NO = "Có", "Không"
SKIP = ""  # the choice for a value that skips the rows holding it (bỏ dòng)


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int
    column: str
    message: str
    grouped: bool = False  # a catalogue value matching none: shown once per value (ValueGroup), not per row

    def __str__(self) -> str:
        where = f"{self.sheet}, dòng {self.row}" + (f", cột {self.column}" if self.column else "")
        return f"{where}: {self.message}"

    @property
    def kind(self) -> tuple[str, str, str]:
        """Where and what, without the row: the sheet, the column and the message with what the row holds left out
        (the quoted cell, a date, a count in brackets), so that one mistake over many rows counts as one kind."""
        return self.sheet, self.column, _kind_of(self.message)


@dataclass
class ValueGroup:
    """The rows of a sheet whose ``column`` holds a value (``key``, compacted) that matches no single catalogue value:
    how it was first written, why it matched none, the catalogue's labels to choose from, the choice applied to it (a
    label, SKIP, or None: the rows are errors) and the rows' numbers."""

    sheet: str
    column: str
    key: str
    value: str
    reason: str
    choices: tuple[str, ...]
    applied: str | None
    rows: list[int] = field(default_factory=list)


class Layout:
    """Where each column of a sheet stands, found from its header row; a missing required column is a problem.

    ``choices`` are the choices made for values no catalogue value matches, by (column, compacted value): a label, or
    SKIP; ``values`` gathers every such value read, with its rows (``tally``)."""

    def __init__(
        self,
        sheet: str,
        header_row: int,
        found: Mapping[str, int],
        headers: Iterable[tuple[str, bool]],
        choices: Mapping[tuple[str, str], str] | None = None,
    ):
        self.sheet = sheet
        self.today = timezone.localdate()
        self.positions: dict[str, int] = {}
        self.problems: list[Problem] = []
        self.choices = choices or {}
        self.values: dict[tuple[str, str], ValueGroup] = {}
        for header, required in headers:
            position = found.get(fold(header))
            if position is not None:
                self.positions[header] = position
            elif required:
                self.problems.append(Problem(sheet, header_row, header, "Thiếu cột bắt buộc."))

    def tally(self, row: "Row") -> None:
        """Counts ``row`` in the groups of the values it holds that matched nothing; a skipped row only in those whose
        choice was applied (it is no error)."""
        for group in row.notes:
            if group.applied is not None or not row.skipped:
                group.rows.append(row.number)


class Row:
    """The cells of one data row, read column by column; ``problems`` collects what is wrong with them, ``notes`` the
    values no catalogue value matched, ``skipped`` whether a choice skips the row."""

    __slots__ = ("cells", "layout", "notes", "number", "problems", "skipped")

    def __init__(self, layout: Layout, number: int, cells: list[Any], problems: list[Problem]) -> None:
        self.layout, self.number, self.cells, self.problems = layout, number, cells, problems
        self.notes: list[ValueGroup] = []
        self.skipped = False

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
        text = printable(str(value))
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
        elif read < EARLIEST_DAY:
            self.error(column, f"Ngày “{_shown(value)}” quá xa: chỉ nhận ngày từ {EARLIEST_DAY:%d/%m/%Y}.")
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
        if number > LARGEST_NUMBER:
            self.error(column, f"Số {_shown(value)} quá lớn: tối đa {grouped(LARGEST_NUMBER)}.")
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

    def label(self, column: str, vocabulary: Vocabulary, *, required: bool = False) -> Any:
        """The stored value of a catalogue cell (danvan.sheets.matching); "" when empty or matching none."""
        value = self.raw(column)
        if value is None:
            self._missing(column, required)
            return ""
        chosen = self._choose(column, vocabulary, _shown(value), "“{}” không thuộc danh mục.")
        return "" if chosen is None else chosen

    def yes_no(self, column: str, *, required: bool = False) -> bool | None:
        value = self.raw(column)
        if value is None:
            self._missing(column, required)
            return None
        return self._choose(column, _yes_no(column), _shown(value), f"Chỉ nhận “{YES}” hoặc “{NO}”.")

    def _choose(self, column: str, vocabulary: Vocabulary, text: str, unknown: str) -> Hashable | None:
        """The catalogue value ``text`` matches, or the one chosen for it; None when it is skipped or an error."""
        found = vocabulary.match(text)
        if found.found:
            return found.value
        if found.candidates:
            labels = ", ".join(f"“{label}”" for label in found.candidates)
            unknown = f"“{{}}” khớp nhiều giá trị của danh mục: {labels}. Hãy ghi rõ một giá trị."
        group = self._group(column, vocabulary, text, unknown)
        self.notes.append(group)
        if group.applied == SKIP:
            self.skipped = True
            return None
        if group.applied is not None:
            return vocabulary.match(group.applied).value
        self.problems.append(Problem(self.layout.sheet, self.number, column, unknown.format(text), grouped=True))
        return None

    def _group(self, column: str, vocabulary: Vocabulary, text: str, unknown: str) -> ValueGroup:
        key = compact(text)
        group = self.layout.values.get((column, key))
        if group is None:
            chosen = self.layout.choices.get((column, key))
            if chosen is not None and chosen != SKIP and not vocabulary.match(chosen).found:
                chosen = None  # a choice of a value the catalogue no longer has
            labels = tuple(vocabulary.labels.values())
            group = ValueGroup(self.layout.sheet, column, key, text, unknown.format(text), labels, chosen)
            self.layout.values[(column, key)] = group
        return group

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


_ROW_VALUES = re.compile(r"“[^”]*”|\b\d{1,2}/\d{1,2}/\d{4}\b|\(\d+\)")


@lru_cache(maxsize=4096)
def _kind_of(message: str) -> str:
    """A bad file repeats its mistakes, and most messages hold no value: each message is elided once."""
    return _ROW_VALUES.sub(_elided, message)


def _elided(found: re.Match) -> str:
    text = found.group()
    return "“…”" if text.startswith("“") else "(…)" if text.startswith("(") else "…"


@lru_cache(maxsize=16)
def _yes_no(column: str) -> Vocabulary:
    """The vocabulary of a yes/no column, with its column's synonyms."""
    return Vocabulary(column, {True: YES, False: NO})


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
