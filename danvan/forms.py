"""How every form field renders (one wrapper per field: label, input, help, errors, styled by danvan.css), and how a
service's refusal lands on the form that called it."""

import re
from calendar import monthrange
from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.forms import Form
from django.forms.renderers import TemplatesSetting
from django.utils import timezone

from danvan.models import DayOverride

T = TypeVar("T")
# Django's own message for a wrong date has no Vietnamese translation and does not say the format.
DATE_ERRORS = {"invalid": "Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 12/03/2026."}


TYPED_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class DayField(forms.DateField):
    """A dd/mm/yyyy date; one written right that is not on the calendar (31/02) is refused for what it is."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            match = TYPED_DAY.fullmatch(value.strip()) if isinstance(value, str) else None
            if match is None:
                raise
            _, month, year = (int(part) for part in match.groups())
            if not 1 <= month <= 12:
                raise ValidationError(f"Ngày “{value.strip()}” có tháng {month}: tháng chỉ từ 1 đến 12.") from None
            days = monthrange(year, month)[1]
            raise ValidationError(
                f"Ngày “{value.strip()}” không có trong lịch: tháng {month:02d}/{year} có {days} ngày."
            ) from None


class FormRenderer(TemplatesSetting):
    field_template_name = "forms/field.html"


def applied(form: Form, service: Callable[..., T], *args, **kwargs) -> T | None:
    """The service's result, or None with its refusal shown on the form's fields (nothing was saved)."""
    try:
        return service(*args, **kwargs)
    except ValidationError as error:
        form.add_error(None, error)
        return None


def date_field(label: str, *, required: bool = True, today: bool = False) -> forms.DateField:
    """A dd/mm/yyyy date field, today's date filled in when ``today``."""
    return DayField(
        label=label,
        required=required,
        initial=timezone.localdate if today else None,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages=DATE_ERRORS,
    )


class DayOverrideForm(forms.Form):
    """An announced day off or make-up working day, with the document that announced it."""

    date = date_field("Ngày")
    kind = forms.ChoiceField(label="Loại", choices=DayOverride.Kind.choices)
    note = forms.CharField(
        label="Căn cứ, ghi chú",
        max_length=200,
        help_text="Văn bản công bố, ví dụ: Công văn 12729/VPCP-KGVX.",
        error_messages={"required": "Hãy ghi văn bản công bố việc điều chỉnh."},
    )


def typed(form: Form, *, leaving: tuple[str, ...] = ()) -> dict:
    """The fields of a bound form as typed (what to bind it again with later), but ``leaving``: JSON-able."""
    return {name: form[name].value() for name in form.fields if name not in leaving}


def described(form: Form, *, leaving: tuple[str, ...] = ()) -> str:
    """The fields of a valid form that were filled in, one "label: value" line each, values as the form showed them."""
    lines = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if name in leaving or form[name].value() in (None, "", []) or value in (None, "", False, []):
            continue
        if hasattr(field, "choices") and not isinstance(field, forms.ModelChoiceField):
            value = dict(field.choices).get(form[name].value(), value)
        elif hasattr(value, "strftime"):
            value = value.strftime("%d/%m/%Y")
        elif value is True:
            value = "Có"
        lines.append(f"{field.label}: {value}")
    return "\n".join(lines)
