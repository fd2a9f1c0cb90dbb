"""The opening figures' form: an agency, the days before it used the portal, and one field per form column that takes
an opening figure (reports/openings_selectors.py). Numbers are typed as agencies write them: thousands grouped by
dots, decimals after a comma (1.234; 12,5)."""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from danvan.forms import date_field
from danvan.models import Agency
from reports.excel.layout import PATH_SEPARATOR, Form, FormColumn
from reports.openings_selectors import keyable_sections

# 1234, 1.234, 1.234.567 — with an optional decimal part after a comma.
_NUMBER = re.compile(r"(?P<whole>\d+|\d{1,3}(?:\.\d{3})+)(?:,(?P<decimals>\d+))?")
DECIMALS = 2  # reports.models.OpeningFigure.value
WHOLE_DIGITS = 12
EXAMPLE = "ví dụ 1.234 hoặc 12,5"


class FigureField(forms.CharField):
    """A figure ≥ 0 typed the Vietnamese way, as a Decimal (None when left empty). ``whole``: a count, no decimals."""

    def __init__(self, *, whole: bool, **kwargs) -> None:
        self.whole = whole
        attrs = {"inputmode": "numeric" if whole else "decimal", "autocomplete": "off", "maxlength": 30}
        super().__init__(required=False, widget=forms.TextInput(attrs=attrs), **kwargs)

    def to_python(self, value) -> Decimal | None:
        text = re.sub(r"\s", "", super().to_python(value))
        if not text:
            return None
        if text.startswith(("-", "−")):
            raise ValidationError("Số liệu không được âm.")
        match = _NUMBER.fullmatch(text)
        if match is None:
            raise ValidationError(
                f"Không đọc được số này: dùng dấu chấm phân cách hàng nghìn, dấu phẩy trước phần thập phân ({EXAMPLE})."
            )
        whole, decimals = match["whole"].replace(".", ""), match["decimals"] or ""
        if self.whole and decimals.strip("0"):
            raise ValidationError(
                "Cột này đếm số lượng: hãy nhập số nguyên (dấu chấm phân cách hàng nghìn, ví dụ 1.234)."
            )
        if len(decimals.rstrip("0")) > DECIMALS:
            raise ValidationError(f"Nhập tối đa {DECIMALS} chữ số sau dấu phẩy.")
        if len(whole.lstrip("0")) > WHOLE_DIGITS:
            raise ValidationError("Số quá lớn.")
        return Decimal(f"{whole}.{decimals or 0}")


@dataclass(frozen=True)
class Cell:
    column: FormColumn
    field: forms.BoundField

    @property
    def header(self) -> str:
        """The column's header under its part's title: "Đoàn đông người › Số đoàn"."""
        return PATH_SEPARATOR.join(self.column.path[1:]) or self.column.path[0]


@dataclass(frozen=True)
class Part:
    """Consecutive columns under one top header ("Tiếp công dân thường xuyên"); ``title`` is empty for columns that
    stand at the top themselves ("Đã xử lý")."""

    title: str
    cells: list[Cell]


@dataclass(frozen=True)
class Section:
    """A statutory form's part of the grid: its keyable columns, each with its bound field."""

    form: Form
    cells: list[Cell]

    @property
    def parts(self) -> list[Part]:
        def title(cell: Cell) -> str:
            return cell.column.path[0] if len(cell.column.path) > 1 else ""

        return [Part(top, list(cells)) for top, cells in groupby(self.cells, key=title)]

    @property
    def open(self) -> bool:
        """Whether the section shows unfolded: it holds a value typed or an error."""
        return any(cell.field.value() or cell.field.errors for cell in self.cells)


class AgencyField(forms.ModelChoiceField):
    def label_from_instance(self, agency: Agency) -> str:
        """The agency with its unit's code and, for a unit of the earlier structure, the day it ended: agencies of both
        eras may share a name."""
        era = f", đến {agency.unit.valid_to:%d/%m/%Y}" if agency.unit.valid_to else ""
        return f"{agency.name} ({agency.unit.code}{era})"


class OpeningsForm(forms.Form):
    agency = AgencyField(
        label="Cơ quan",
        queryset=Agency.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Hãy chọn cơ quan.",
            "invalid_choice": "Bạn không nhập số liệu đầu kỳ cho cơ quan này.",
        },
    )
    start = date_field("Từ ngày")
    end = date_field("Đến ngày")

    def __init__(self, data=None, *, agencies: QuerySet[Agency], today: date, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.today = today
        self.fields["agency"].queryset = agencies
        self.fields["start"].error_messages["required"] = "Hãy nhập ngày bắt đầu (dd/mm/yyyy)."
        self.fields["end"].error_messages["required"] = "Hãy nhập ngày kết thúc (dd/mm/yyyy)."
        self.fields["end"].help_text = "Ngày cuối cùng trước khi cơ quan dùng hệ thống."
        self.columns: dict[str, FormColumn] = {}
        self._sections: list[tuple[Form, list[str]]] = []
        for form, columns in keyable_sections():
            names = []
            for column in columns:
                name = field_name(column)
                self.fields[name] = FigureField(whole=column.whole, label=f"Cột {column.number}")
                self.columns[name] = column
                names.append(name)
            self._sections.append((form, names))

    @property
    def sections(self) -> list[Section]:
        return [
            Section(form, [Cell(self.columns[name], self[name]) for name in names]) for form, names in self._sections
        ]

    def clean_end(self) -> date | None:
        end = self.cleaned_data.get("end")
        if end is not None and end > self.today:
            raise ValidationError(f"Đến ngày không được sau hôm nay ({self.today:%d/%m/%Y}).")
        return end

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None and start > end:
            self.add_error("end", "Đến ngày phải sau hoặc bằng từ ngày.")
        if not self.errors and not self.values():
            raise ValidationError("Chưa nhập số liệu nào: điền vào các cột có số liệu, bỏ trống các cột không có.")
        return cleaned

    def values(self) -> dict[str, Decimal]:
        """The figures typed, by code ("01/TCD:4" → 7), in the grid's order."""
        return {
            column.code: self.cleaned_data[name]
            for name, column in self.columns.items()
            if self.cleaned_data.get(name) is not None
        }

    def add_refusals(self, error: ValidationError) -> None:
        """A service's refusal keyed by code (or by a field of the form, such as the days), shown beside that field (or
        above the form)."""
        names = {column.code: name for name, column in self.columns.items()}
        for code, messages in error.message_dict.items():
            self.add_error(names.get(code, code if code in self.fields else None), messages)


def field_name(column: FormColumn) -> str:
    """The field of a column: "01-TCD_4" (a code's "/" and ":" do not belong in an id)."""
    return f"{column.form.sheet_name}_{column.number}"
