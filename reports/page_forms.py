"""The report page's choice: a unit picked from those in the user's scope (both eras), then the period as ``ReportForm``
reads it. A unit must exist on the window's last day, as a code is resolved for the command and the JSON: a report
of 2024 is one of the three-tier structure, a report that ends after 01/07/2025 one of the two-tier structure."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F, QuerySet
from django.db.models.functions import Length

from danvan.models import AdminUnit, Staff
from danvan.pickers import Picker, SearchPicker
from danvan.versions import version_field
from reports.forms import ReportForm, window_of
from reports.outline import HEADINGS, WRITTEN
from reports.periods import PeriodKind
from reports.selectors import units_in_scope

# The order a reporter reads the periods in.
PERIODS = [
    (kind, PeriodKind(kind).label)
    for kind in (
        PeriodKind.YEAR,
        PeriodKind.Q1,
        PeriodKind.Q2,
        PeriodKind.Q3,
        PeriodKind.Q4,
        PeriodKind.H1,
        PeriodKind.M9,
        PeriodKind.MONTH,
        PeriodKind.CUSTOM,
    )
]
DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy", "class": "date-input"})


def report_unit_label(unit: AdminUnit) -> str:
    """A unit as the report's choice names it: "Xã Ia Grai (23764)", with the end of its era if it ended."""
    ended = f", đến {unit.valid_to:%d/%m/%Y}" if unit.valid_to else ""
    return f"{unit.name} ({unit.code}){ended}"


def _report_units(staff: Staff) -> QuerySet[AdminUnit]:
    """The units ``staff`` may report on: today's first, each province before its districts and communes."""
    return units_in_scope(staff).order_by(F("valid_from").desc(nulls_last=True), Length("code"), "code")


# The units one may report on, as a search: a province's area holds some five hundred of both eras.
REPORT_UNITS = Picker("don-vi-bao-cao", _report_units, report_unit_label)


class ReportPageForm(ReportForm):
    unit = forms.ModelChoiceField(
        label="Đơn vị",
        queryset=AdminUnit.objects.none(),
        error_messages={"invalid_choice": "Đơn vị ngoài phạm vi của bạn."},
        widget=SearchPicker(REPORT_UNITS.name, placeholder="Gõ tên hoặc mã đơn vị"),
    )
    period = forms.ChoiceField(label="Kỳ báo cáo", choices=PERIODS)
    month = forms.TypedChoiceField(
        label="Tháng",
        choices=[("", "—")] + [(m, f"Tháng {m}") for m in range(1, 13)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    start = forms.DateField(label="Từ ngày", required=False, widget=DATE_WIDGET)
    end = forms.DateField(label="Đến ngày", required=False, widget=DATE_WIDGET)

    def __init__(self, data=None, *, units: QuerySet[AdminUnit], initial: dict | None = None) -> None:
        super().__init__(data, initial=initial)
        self.fields["unit"].queryset = units
        self.fields["year"].widget.attrs.update({"class": "year-input"})

    def outside_scope(self) -> bool:
        """Whether the unit asked for is none the user may report on: the page answers 404, as for a record."""
        return self.is_bound and self.has_error("unit", "invalid_choice")

    def clean(self) -> dict:
        cleaned = forms.Form.clean(self)
        if self.errors:
            return cleaned
        unit: AdminUnit = cleaned["unit"]
        span = window_of(cleaned)
        if unit.valid_to is not None and span.end > unit.valid_to:
            names = ", ".join(f"{new.name} ({new.code})" for new in unit.successors.order_by("code"))
            raise ValidationError(
                f"{unit.name} chỉ tồn tại đến ngày {unit.valid_to:%d/%m/%Y}, trước khi kỳ báo cáo kết thúc"
                f" ({span.end:%d/%m/%Y}): hãy chọn đơn vị mà {unit.name} đã hợp nhất vào"
                + (f": {names}." if names else ".")
            )
        if unit.valid_from is not None and span.end < unit.valid_from:
            names = ", ".join(
                f"{old.name} ({old.code})" for old in unit.predecessors.filter(level=unit.level).order_by("code")
            )
            raise ValidationError(
                f"{unit.name} được thành lập từ ngày {unit.valid_from:%d/%m/%Y}, sau khi kỳ báo cáo kết thúc"
                f" ({span.end:%d/%m/%Y}): hãy chọn đơn vị trước khi sắp xếp" + (f": {names}." if names else ".")
            )
        cleaned["window"], cleaned["place"] = span, unit
        return cleaned

    def hidden_choice(self) -> list[tuple[str, str]]:
        """The choice again, for the hidden fields of the narrative's download."""
        return list(self.page_query().items())


class NarrativeForm(ReportPageForm):
    """The narrative as the page posts it: the report's choice, the summary figures' draft as the reporter edited it
    (empty: the draft; before TT 06/2025 only) and the written sections of the outline (``section-III.1``)."""

    text = forms.CharField(label="Nội dung báo cáo", required=False, max_length=50_000, widget=forms.Textarea)
    version = version_field("")  # of the written sections as saved when the page was opened

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for number in WRITTEN:
            self.fields[section_field(number)] = forms.CharField(
                label=HEADINGS[number].title, required=False, max_length=20_000, strip=False, widget=forms.Textarea
            )

    def text_fields_with_errors(self) -> list[str]:
        """The narrative's text boxes (not the choice) that were refused."""
        return [name for name in self.errors if name == "text" or name.startswith("section-")]

    def section_texts(self) -> dict[str, str]:
        """The written sections the page posted, by outline number: a section left out is not touched."""
        return {
            number: self.cleaned_data[section_field(number)] for number in WRITTEN if section_field(number) in self.data
        }


def section_field(number: str) -> str:
    """The name of a written section's text box: ``section-III.1``."""
    return f"section-{number}"


def default_choice(unit: AdminUnit, *, year: int) -> dict:
    """What the page opens with: the user's first unit, the year's report."""
    return {"unit": unit.pk, "period": PeriodKind.YEAR, "year": year}
