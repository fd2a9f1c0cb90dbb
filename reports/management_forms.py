"""Biểu 06/QLKNTC's form for one agency and window: a whole-number field per column (typed as agencies write numbers,
reports.opening_forms.FigureField), grouped as the form's header; and the report page's table of the summed figures."""

from dataclasses import dataclass
from itertools import groupby

from django.core.exceptions import ValidationError

from danvan.forms import Form
from danvan.versions import FIELD as VERSION
from danvan.versions import version_field, version_of
from reports.excel.layout import PATH_SEPARATOR, FormColumn, form_columns
from reports.labels import number
from reports.opening_forms import Cell, FigureField, Part, Section
from reports.qlkntc import COLUMNS, FORM, key

QLKNTC_COLUMNS = {column.number: column for column in form_columns(FORM)}


def field_name(column: int) -> str:
    return f"c{column}"


class ManagementForm(Form):
    """The 17 columns of one agency (the page holds one per agency, each with its own prefix)."""

    def __init__(self, data=None, *, keyed: dict[int, int], **kwargs) -> None:
        super().__init__(data, initial={field_name(column): number(value) for column, value in keyed.items()}, **kwargs)
        for column in COLUMNS:
            self.fields[field_name(column)] = FigureField(whole=True, label=f"Cột {column}")
        self.fields[VERSION] = version_field(version_of(keyed))

    @property
    def parts(self) -> list[Part]:
        """The fields under the form's top headers ("Thanh tra trách nhiệm")."""
        cells = [Cell(QLKNTC_COLUMNS[column], self[field_name(column)]) for column in COLUMNS]
        return Section(FORM, cells).parts

    def values(self) -> dict[int, int | None]:
        """Every column's figure as typed; None for a column left empty (its figure is removed)."""
        typed = {column: self.cleaned_data[field_name(column)] for column in COLUMNS}
        return {column: None if value is None else int(value) for column, value in typed.items()}

    def add_refusals(self, error: ValidationError) -> None:
        """A service's refusal keyed by column ("qlkntc.8"), shown beside its field (anything else above the form)."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        names = {key(column): field_name(column) for column in COLUMNS}
        for code, messages in error.message_dict.items():
            self.add_error(names.get(code), messages)


@dataclass(frozen=True)
class Line:
    """A column of the report page's table: its header under its top header, and the summed figure."""

    column: FormColumn
    value: str

    @property
    def header(self) -> str:
        """Under its top header: "Kiến nghị xử lý › Hành chính › Tổ chức"."""
        return PATH_SEPARATOR.join(self.column.path[1:])


def report_parts(figures: dict[int, int]) -> list[tuple[str, list[Line]]]:
    """Biểu 06/QLKNTC's total row (column → value) as the report page shows them: by top header, in order."""
    lines = [Line(QLKNTC_COLUMNS[column], number(figures[column])) for column in COLUMNS]
    return [(top, list(group)) for top, group in groupby(lines, key=lambda line: line.column.path[0])]
