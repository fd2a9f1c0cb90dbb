"""The shape of a statutory form: its header tree of merged groups over numbered columns, and what each column holds.

A column holds one of: a figure of reports/grouped.py (a key, or several keys added up), a value computed from the
row's figures (a function), the sum of other columns of the same form (a formula column such as 1 = 4 + 13 + 22:
it holds the computed value, which therefore always agrees with its parts), or nothing (``BLANK``: the records do not
hold it, the agency fills it in). Columns are numbered 1, 2, … in the order they appear.

A column counted from the records may also be said to equal sums of other columns (``equals``: 02/XLD 6 = 7 + 8 =
9 + 10 + 11); the form's ``bounds`` are its "≤" notes. Neither changes a value: reports/checks.py tests them on every
report, and a failure points at a data problem.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from reports.grouped import Number, RowFigures


class Measure(StrEnum):
    COUNT = "count"
    MONEY = "money"  # triệu đồng
    LAND = "land"  # m²


BLANK = object()
PATH_SEPARATOR = " › "
Source = str | tuple[str, ...] | Callable[[RowFigures], Number] | object


@dataclass(frozen=True)
class Column:
    label: str
    source: Source = BLANK
    sum_of: tuple[int, ...] = ()
    measure: Measure = Measure.COUNT
    equals: tuple[tuple[int, ...], ...] = ()

    def value(self, figures: RowFigures, by_number: dict[int, Number | None]) -> Number | None:
        if self.sum_of:
            return sum((by_number[number] or 0 for number in self.sum_of), 0)
        if self.source is BLANK:
            return None
        if isinstance(self.source, str):
            return figures[self.source]
        if isinstance(self.source, tuple):
            return sum((figures[key] for key in self.source), 0)
        return self.source(figures)


@dataclass(frozen=True)
class Group:
    label: str
    children: tuple["Group | Column", ...]


Node = Group | Column


def sum_of(*numbers: int) -> dict:
    """The keyword arguments of a formula column: ``Column("Tổng số", **sum_of(2, 3))``."""
    return {"sum_of": numbers}


def equals(*sums: tuple[int, ...]) -> dict:
    """The keyword arguments of a counted column that must equal sums of others: ``**equals((7, 8), (9, 10, 11))``."""
    return {"equals": sums}


@dataclass(frozen=True)
class Bound:
    """A "≤" note of a form: column ``low`` ≤ column ``high`` (02/XLD: 2 ≤ 1)."""

    low: int
    high: int


def difference(minuend: str, *subtrahends: str) -> Callable[[RowFigures], Number]:
    """A value that is one figure less others (resolved by a decision = resolved − withdrawn)."""
    return lambda figures: figures[minuend] - sum(figures[key] for key in subtrahends)


@dataclass(frozen=True)
class Form:
    code: str  # as printed: "01/TCD"
    title: str
    header: tuple[Node, ...]
    circular: str
    note: str = ""  # under the window line, e.g. the units of money and land
    footnotes: tuple[str, ...] = field(default=())
    bounds: tuple[Bound, ...] = field(default=())

    @property
    def sheet_name(self) -> str:
        """The sheet's name: the code, as a sheet name cannot hold "/"."""
        return self.code.replace("/", "-")

    @property
    def columns(self) -> list[Column]:
        return list(_leaves(self.header))

    @property
    def depth(self) -> int:
        return _depth(self.header)

    def values(self, figures: RowFigures, openings: dict[str, Decimal] | None = None) -> list[Number | None]:
        """The row's value in each column, in order, with the opening figures keyed in for its columns
        (``openings``: "01/TCD:4" → value); formula columns after the columns they add up."""
        columns = self.columns
        by_number: dict[int, Number | None] = {}
        pending = []
        for number, column in enumerate(columns, start=1):
            if column.sum_of:
                pending.append((number, column))
                continue
            by_number[number] = column.value(figures, by_number)
            opening = (openings or {}).get(f"{self.code}:{number}")
            if opening:
                by_number[number] = (by_number[number] or 0) + _as_measured(opening, column.measure)
        for number, column in pending:
            by_number[number] = column.value(figures, by_number)
        return [by_number[number] for number in range(1, len(columns) + 1)]

    def formulas(self) -> dict[int, tuple[int, ...]]:
        """Each formula column's number and the numbers it adds up."""
        return {number: column.sum_of for number, column in enumerate(self.columns, start=1) if column.sum_of}


def _as_measured(value: Decimal, measure: Measure) -> Number:
    """A keyed-in value as its column holds it: a whole number for a count."""
    return int(value) if measure == Measure.COUNT and value == int(value) else value


def opened_columns(form: Form, openings: dict[str, Decimal]) -> list[int]:
    """The numbers of the form's columns that received opening figures."""
    formulas = form.formulas()
    return sorted(
        int(code.split(":")[1])
        for code, value in openings.items()
        if value
        and code.startswith(form.code + ":")
        and code.split(":")[1].isdigit()
        and int(code.split(":")[1]) not in formulas
        and int(code.split(":")[1]) <= len(form.columns)
    )


@dataclass(frozen=True)
class FormColumn:
    """A numbered column of a form, with the header text above it: "Tiếp công dân thường xuyên › Số lượt"."""

    form: Form
    number: int
    column: Column
    path: tuple[str, ...]

    @property
    def code(self) -> str:
        """The opening figure's code: "01/TCD:4"."""
        return f"{self.form.code}:{self.number}"

    @property
    def header(self) -> str:
        return PATH_SEPARATOR.join(self.path)

    @property
    def keyable(self) -> bool:
        return not self.column.sum_of

    @property
    def whole(self) -> bool:
        """Whether the column counts (whole numbers); money and land take decimals."""
        return self.column.measure == Measure.COUNT


def form_columns(form: Form) -> list[FormColumn]:
    """Every numbered column of ``form``, in order, numbered as printed."""
    return [
        FormColumn(form, number, column, path)
        for number, (column, path) in enumerate(_leaves_with_path(form.header, ()), start=1)
    ]


def _leaves_with_path(nodes: tuple[Node, ...], above: tuple[str, ...]) -> Iterator[tuple[Column, tuple[str, ...]]]:
    for node in nodes:
        if isinstance(node, Column):
            yield node, (*above, node.label)
        else:
            yield from _leaves_with_path(node.children, (*above, node.label))


def _leaves(nodes: tuple[Node, ...]) -> Iterator[Column]:
    for column, _ in _leaves_with_path(nodes, ()):
        yield column


def _depth(nodes: tuple[Node, ...]) -> int:
    return max(1 if isinstance(node, Column) else 1 + _depth(node.children) for node in nodes)


def ms_label(column: Column, number: int) -> str:
    """A column's cell in the numbered "MS" row: its number, with the formulas it must meet ("6 = 7+8 = 9+10+11")."""
    sums = ((column.sum_of,) if column.sum_of else ()) + column.equals
    return " = ".join([str(number), *("+".join(map(str, parts)) for parts in sums)])


def formula_label(column: Column, number: int) -> str:
    """A formula column's label with its formula: "Tổng số lượt tiếp (1=4+13+22)"."""
    if not column.sum_of:
        return column.label
    return f"{column.label} ({number} = {' + '.join(map(str, column.sum_of))})"


def is_zero(values: list[Number | None]) -> bool:
    return all(not value for value in values)
