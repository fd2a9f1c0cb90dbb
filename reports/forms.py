"""The choice of a report: the unit (by code), the period and its year, month or dates."""

from django import forms
from django.core.exceptions import ValidationError

from danvan.forms import Form
from danvan.models import AdminUnit
from danvan.selectors import resolve_unit
from reports.periods import PeriodKind, Window, window


def window_of(cleaned: dict) -> Window:
    """The window of a report form's period fields, or the reason they make no period."""
    try:
        return window(
            cleaned["period"],
            year=cleaned.get("year"),
            month=cleaned.get("month"),
            start=cleaned.get("start"),
            end=cleaned.get("end"),
        )
    except ValueError as error:
        raise ValidationError(str(error)) from error


class ReportForm(Form):
    unit = forms.CharField(label="Mã đơn vị hành chính", max_length=5)
    period = forms.ChoiceField(label="Kỳ báo cáo", choices=PeriodKind.choices)
    year = forms.IntegerField(label="Năm", min_value=2014, max_value=2100, required=False)
    month = forms.IntegerField(label="Tháng", min_value=1, max_value=12, required=False)
    start = forms.DateField(label="Từ ngày", required=False)
    end = forms.DateField(label="Đến ngày", required=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        span = window_of(cleaned)
        cleaned["window"], cleaned["place"] = span, resolve_unit(cleaned["unit"], on=span.end)
        return cleaned

    @property
    def window(self) -> Window:
        return self.cleaned_data["window"]

    @property
    def place(self) -> AdminUnit:
        return self.cleaned_data["place"]

    def query(self) -> dict[str, str]:
        """The choice as the JSON and the workbook read it: the unit by its code, resolved on the window's end."""
        fields = self.cleaned_data
        query = {"unit": self.place.code, "period": fields["period"]}
        for name in ("year", "month"):
            if fields.get(name):
                query[name] = str(fields[name])
        for name in ("start", "end"):
            if fields.get(name):
                query[name] = f"{fields[name]:%d/%m/%Y}"
        return query

    def page_query(self) -> dict[str, str]:
        """The choice as the report page reads it: the unit by its id, as its list offers it."""
        return self.query() | {"unit": str(self.place.pk)}
