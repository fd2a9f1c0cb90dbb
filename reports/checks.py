"""The checks a report's forms must pass, taken from the circular itself: the formulas of each form's numbered row
(01/TCD 1 = 5 + 11 + 17; 02/XLD 6 = 7 + 8 = 9 + 10 + 11), its "≤" notes (02/XLD 2 ≤ 1) and the links between forms
(03/GQKN 1 = 02/XLD 6; 05/KQTH 1 ≥ 03/GQKN 7). Each is tested on every row and on the total row; a failure means a
record says something the others contradict (a second-round decision on a first-round case, a decision to carry out
with no carrying out), and names the row and the cells so that the reporter can open that unit's report and find it.
"""

from dataclasses import dataclass

from reports.excel import tt06_2025
from reports.excel.layout import Form
from reports.forms_data import FormSet, FormTable, Values
from reports.rows import ReportRow

TOTAL = "Tổng cộng"
# The links between forms, per circular's form set: (form, column) = or ≥ (form, column).
LINKS = {
    "tt06_2025": [(left, "=", right) for left, right in tt06_2025.EQUAL_LINKS]
    + [(left, "≥", right) for left, right in tt06_2025.AT_LEAST_LINKS],
}


@dataclass(frozen=True)
class Violation:
    """A check that failed on a row: the rule as printed ("02/XLD: cột 6 = 7 + 8"), and each cell it reads with its
    value ("02/XLD cột 7: 12")."""

    row: str
    rule: str
    cells: tuple[str, ...]
    unit_pk: int | None = None  # the row's unit, whose own report shows where the records are


def violations(forms: FormSet) -> list[Violation]:
    """Every check of ``forms`` that fails, row by row (the total row last)."""
    found = []
    for table in forms.tables:
        for label, unit_pk, values in _lines(table):
            found += _form_violations(table.form, label, unit_pk, values)
    by_code = {table.form.code: table for table in forms.tables}
    for left, relation, right in LINKS.get(forms.circular, []):
        if left[0] in by_code and right[0] in by_code:
            found += _link_violations(by_code[left[0]], left[1], relation, by_code[right[0]], right[1])
    return found


def _lines(table: FormTable) -> list[tuple[str, int | None, Values]]:
    return [(row.label, _unit_pk(row), values) for row, values in table.lines] + [(TOTAL, None, table.total)]


def _unit_pk(row: ReportRow) -> int | None:
    return row.unit.pk if row.unit is not None else None


def _value(values: Values, number: int) -> int | float:
    return values[number - 1] or 0


def _cells(code: str, values: Values, numbers: list[int]) -> tuple[str, ...]:
    return tuple(f"{code} cột {number}: {_value(values, number)}" for number in numbers)


def _form_violations(form: Form, label: str, unit_pk: int | None, values: Values) -> list[Violation]:
    found = []
    for number, column in enumerate(form.columns, start=1):
        for parts in ((column.sum_of,) if column.sum_of else ()) + column.equals:
            if _value(values, number) != sum(_value(values, part) for part in parts):
                rule = f"{form.code}: cột {number} = {' + '.join(map(str, parts))}"
                found.append(Violation(label, rule, _cells(form.code, values, [number, *parts]), unit_pk))
    for bound in form.bounds:
        if _value(values, bound.low) > _value(values, bound.high):
            rule = f"{form.code}: cột {bound.low} ≤ cột {bound.high}"
            found.append(Violation(label, rule, _cells(form.code, values, [bound.low, bound.high]), unit_pk))
    return found


def _link_violations(left: FormTable, left_number: int, relation: str, right: FormTable, right_number: int) -> list:
    found = []
    left_lines, right_lines = _lines(left), _lines(right)
    for (label, unit_pk, left_values), (_, _, right_values) in zip(left_lines, right_lines, strict=True):
        a, b = _value(left_values, left_number), _value(right_values, right_number)
        if a == b or (relation == "≥" and a > b):
            continue
        rule = f"{left.form.code} cột {left_number} {relation} {right.form.code} cột {right_number}"
        cells = (
            *_cells(left.form.code, left_values, [left_number]),
            *_cells(right.form.code, right_values, [right_number]),
        )
        found.append(Violation(label, rule, cells, unit_pk))
    return found
