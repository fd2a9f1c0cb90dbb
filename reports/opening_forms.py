"""The opening figures' form: an agency, a report month (15th of the previous month to the 14th) and the last day of it
before the agency used the portal, and one field per column that takes an opening figure in the forms of the circular
in force at the month's end (reports/openings_selectors.py). Numbers are typed as agencies write them: thousands
grouped by dots, decimals after a comma (1.234; 12,5)."""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from danvan import forms as portal_forms
from danvan.forms import date_field
from danvan.models import Agency
from reports.circulars import NAMES, circular_for
from reports.excel.layout import PATH_SEPARATOR, Form, FormColumn
from reports.forms_data import FORMS
from reports.openings_selectors import keyable_sections
from reports.periods import PeriodKind, Window, month_of, window

# 1234, 1.234, 1.234.567 — with an optional decimal part after a comma.
_NUMBER = re.compile(r"(?P<whole>\d+|\d{1,3}(?:\.\d{3})+)(?:,(?P<decimals>\d+))?")
DECIMALS = 2  # reports.models.OpeningFigure.value
WHOLE_DIGITS = 12
EXAMPLE = "ví dụ 1.234 hoặc 12,5"
# The first report month offered: Tháng 1/2024, from 15/12/2023.
FIRST_MONTH = window(PeriodKind.MONTH, year=2024, month=1)
SHOW = "show"  # the button that shows the grid of the month chosen, saving nothing


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


def month_key(month: Window) -> str:
    """A report month as the form sends it: "2026-02"."""
    return f"{month.year}-{month.month:02d}"


def report_months(today: date) -> list[Window]:
    """The report months one keys opening figures for, the latest (the one holding ``today``) first."""
    months, month = [], month_of(today)
    while month.start >= FIRST_MONTH.start:
        months.append(month)
        month = month_of(month.start - timedelta(days=1))
    return months


class OpeningsForm(portal_forms.Form):
    agency = AgencyField(
        label="Cơ quan",
        queryset=Agency.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Hãy chọn cơ quan.",
            "invalid_choice": "Bạn không nhập số liệu đầu kỳ cho cơ quan này.",
        },
    )
    month = forms.ChoiceField(
        label="Tháng báo cáo",
        help_text="Mỗi tháng báo cáo tính từ ngày 15 tháng trước đến ngày 14. Nhập riêng cho từng tháng.",
        error_messages={"required": "Hãy chọn tháng báo cáo.", "invalid_choice": "Hãy chọn một tháng trong danh sách."},
    )
    end = date_field("Ngày cuối trước khi dùng hệ thống", required=False)
    # The circular whose columns the grid showed: the values typed are read in it.
    circular = forms.ChoiceField(choices=[(name, name) for name in FORMS], required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, *, agencies: QuerySet[Agency], today: date, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.today = today
        self.fields["agency"].queryset = agencies
        months = {month_key(month): month for month in report_months(today)}
        self.months = months
        self.fields["month"].choices = [
            (key, f"Tháng {month.month}/{month.year} ({month.start:%d/%m/%Y} – {month.end:%d/%m/%Y})")
            for key, month in months.items()
        ]
        self.fields["end"].help_text = (
            "Ngày cuối cùng của tháng trước khi cơ quan dùng hệ thống; để trống nếu cả tháng (đến ngày 14). Số liệu"
            " tính từ ngày 15 tháng trước."
        )
        chosen = self.data.get("month") if self.is_bound else self.initial.get("month")
        self.chosen = months.get(chosen) or month_of(today)
        grid = self.data.get("circular") if self.is_bound else None
        self.grid = grid if grid in FORMS else circular_for(self.chosen.end)
        self.initial.setdefault("month", month_key(self.chosen))
        self.initial["circular"] = self.grid
        self.columns: dict[str, FormColumn] = {}
        self._sections: list[tuple[Form, list[str]]] = []
        for form, columns in keyable_sections(self.grid):
            names = []
            for column in columns:
                name = field_name(column)
                self.fields[name] = FigureField(whole=column.whole, label=f"Cột {column.number}")
                self.columns[name] = column
                names.append(name)
            self._sections.append((form, names))

    @property
    def circular_name(self) -> str:
        """The grid's circular as printed: "TT 06/2025/TT-TTCP"."""
        return NAMES[self.grid]

    @property
    def sections(self) -> list[Section]:
        return [
            Section(form, [Cell(self.columns[name], self[name]) for name in names]) for form, names in self._sections
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        month = self.months.get(cleaned.get("month"))
        if month is not None:
            self._clean_days(month, cleaned)
            if circular_for(month.end) != self.grid:
                self.add_error(
                    "month",
                    f"Tháng {month.month}/{month.year} báo cáo theo biểu mẫu của {NAMES[circular_for(month.end)]}, các"
                    f" cột vừa nhập là của {NAMES[self.grid]}: hãy bấm “Hiện biểu của tháng” rồi nhập lại.",
                )
        if not self.errors and not self.values():
            raise ValidationError("Chưa nhập số liệu nào: điền vào các cột có số liệu, bỏ trống các cột không có.")
        return cleaned

    def _clean_days(self, month: Window, cleaned: dict) -> None:
        """The days keyed for: from the month's first day (the 15th of the month before) to the day given, the
        month's last by default."""
        end = cleaned.get("end") or (None if "end" in self.errors else month.end)
        if end is None:
            return
        if not month.start <= end <= month.end:
            self.add_error(
                "end",
                f"Ngày cuối phải thuộc tháng đã chọn (từ ngày {month.start:%d/%m/%Y} đến ngày {month.end:%d/%m/%Y}).",
            )
        elif end > self.today:
            self.add_error("end", f"Ngày cuối không được sau hôm nay ({self.today:%d/%m/%Y}).")
        else:
            cleaned["start"], cleaned["end"] = month.start, end

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
        names = {column.code: name for name, column in self.columns.items()} | {"start": "end"}
        for code, messages in error.message_dict.items():
            self.add_error(names.get(code, code if code in self.fields else None), messages)


def field_name(column: FormColumn) -> str:
    """The field of a column: "01-TCD_4" (a code's "/" and ":" do not belong in an id)."""
    return f"{column.form.sheet_name}_{column.number}"
