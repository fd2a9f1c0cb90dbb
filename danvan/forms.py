"""The portal's forms: every one is a ``Form`` or ``ModelForm`` of this module, whose fields check what they are sent
once for the whole portal (``danvan.inputs``); how every field renders (one wrapper per field: label, input, help,
errors, styled by danvan.css); how a service's refusal lands on the form that called it."""

import re
from calendar import monthrange
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils import timezone

from danvan.inputs import (
    EARLIEST_BIRTH,
    EARLIEST_DAY,
    LARGEST_NUMBER,
    LATEST_DAY,
    NUL,
    SMALLEST_NUMBER,
    ascii_digits,
    id_in,
    one_line,
    printable,
)
from danvan.models import DayOverride
from danvan.models.citizens import CCCD_DIGITS, cccd_validator
from danvan.numbers import number

T = TypeVar("T")
# Django's own message for a wrong date has no Vietnamese translation and does not say the format.
DATE_ERRORS = {"invalid": "Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 12/03/2026."}


TYPED_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class DayField(forms.DateField):
    """A dd/mm/yyyy date from ``earliest`` to ``latest`` (a day or a function giving it; by default the portal's
    days); one written right that is not on the calendar (31/02) is refused for what it is."""

    def __init__(self, *, earliest: date = EARLIEST_DAY, latest: date | Callable[[], date] = LATEST_DAY, **kwargs):
        super().__init__(**kwargs)
        self.earliest, self.latest = earliest, latest

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


NUL_MESSAGE = "Nội dung có ký tự rỗng (NUL), thường do dán từ tệp khác: hãy xóa và gõ lại."
NUMBER_MESSAGES = {
    "too_large": f"Số này quá lớn: tối đa {number(LARGEST_NUMBER)}.",
    "too_small": f"Số này quá nhỏ: tối thiểu {number(SMALLEST_NUMBER)}.",
}


def _each(value) -> list:
    return list(value) if isinstance(value, list | tuple) else [value]


class _CheckedField:
    """What a field of the portal's forms does around its own cleaning (danvan.inputs): drops control characters from
    what was typed (a line break too, outside a text area) and refuses NUL; takes a record's id only in ASCII digits;
    keeps a number within the database's integer and a date within the field's days (``earliest`` and ``latest``, by
    default the portal's)."""

    def clean(self, value, *args):
        if any(isinstance(item, str) and NUL in item for item in _each(value)):
            raise ValidationError(NUL_MESSAGE, code="null_characters_not_allowed")
        kept = printable if isinstance(self.widget, forms.Textarea) else one_line
        if isinstance(value, str):
            value = kept(value)
        elif isinstance(value, list | tuple):
            value = [kept(item) if isinstance(item, str) else item for item in value]
        if isinstance(self, forms.ModelChoiceField) and self.to_field_name is None:
            for item in _each(value):
                if isinstance(item, str) and item.strip() and id_in(item) is None:
                    raise ValidationError(self.error_messages["invalid_choice"], "invalid_choice", {"value": item})
        return super().clean(value, *args)

    def validate(self, value) -> None:
        super().validate(value)
        if isinstance(self, forms.IntegerField) and type(value) is int:
            if value > LARGEST_NUMBER:
                raise ValidationError(NUMBER_MESSAGES["too_large"], code="too_large")
            if value < SMALLEST_NUMBER:
                raise ValidationError(NUMBER_MESSAGES["too_small"], code="too_small")
        elif isinstance(self, forms.DateField) and isinstance(value, date):
            earliest, latest = getattr(self, "earliest", EARLIEST_DAY), getattr(self, "latest", LATEST_DAY)
            latest = latest() if callable(latest) else latest
            if not earliest <= value <= latest:
                what = self.label or "Ngày"
                raise ValidationError(
                    f"{what} phải trong khoảng {earliest:%d/%m/%Y} – {latest:%d/%m/%Y}.", code="out_of_range"
                )


@cache
def _checked(field_class: type[forms.Field]) -> type[forms.Field]:
    return type(field_class.__name__, (_CheckedField, field_class), {"__module__": field_class.__module__})


class CheckedInputs:
    """Every field of the form checks what it is sent (``_CheckedField``), also a field added after the form was
    made: each becomes, just before the form cleans its data, the checked kind of its own class."""

    def full_clean(self) -> None:
        for field in self.fields.values():
            if not isinstance(field, _CheckedField):
                field.__class__ = _checked(type(field))
        super().full_clean()


class Form(CheckedInputs, forms.Form):
    """A form of the portal: what it is sent is checked (``CheckedInputs``)."""


class ModelForm(CheckedInputs, forms.ModelForm):
    """A model form of the portal: what it is sent is checked (``CheckedInputs``)."""


class CccdField(forms.CharField):
    """A CCCD number: its digits written 0–9 whatever script they were typed in, spaces left out, then exactly
    12 of them (the one CCCD rule, danvan.models.citizens)."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", CCCD_DIGITS)
        super().__init__(**kwargs)
        self.validators.append(cccd_validator)
        self.widget.attrs.pop("maxlength", None)  # a number typed with spaces is longer than its digits

    def to_python(self, value) -> str:
        return ascii_digits(super().to_python(value)).replace(" ", "")


def birth_date_field(label: str = "Ngày sinh") -> DayField:
    """A birth date: not before 01/01/1900, not after today."""
    return DayField(
        label=label,
        required=False,
        earliest=EARLIEST_BIRTH,
        latest=timezone.localdate,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages=DATE_ERRORS,
    )


class FormRenderer(TemplatesSetting):
    field_template_name = "forms/field.html"


def applied(form: forms.BaseForm, service: Callable[..., T], *args, **kwargs) -> T | None:
    """The service's result, or None with its refusal shown on the form's fields (nothing was saved); a refusal about
    a field the form does not show (a proposal's kind refused on the handling form) is shown above the form."""
    try:
        return service(*args, **kwargs)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return None


def date_field(label: str, *, required: bool = True, today: bool = False, **days) -> forms.DateField:
    """A dd/mm/yyyy date field, today's date filled in when ``today``; its days (``earliest``, ``latest``) the portal's
    unless given."""
    return DayField(
        **days,
        label=label,
        required=required,
        initial=timezone.localdate if today else None,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages=DATE_ERRORS,
    )


class DayOverrideForm(Form):
    """An announced day off or make-up working day, with the document that announced it."""

    date = date_field("Ngày")
    kind = forms.ChoiceField(label="Loại", choices=DayOverride.Kind.choices)
    note = forms.CharField(
        label="Căn cứ, ghi chú",
        max_length=200,
        help_text="Văn bản công bố, ví dụ: Công văn 12729/VPCP-KGVX.",
        error_messages={"required": "Hãy ghi văn bản công bố việc điều chỉnh."},
    )


def typed(form: forms.BaseForm, *, leaving: tuple[str, ...] = ()) -> dict:
    """The fields of a bound form as typed (what to bind it again with later), but ``leaving``: JSON-able."""
    return {name: form[name].value() for name in form.fields if name not in leaving}


def described(form: forms.BaseForm, *, leaving: tuple[str, ...] = ()) -> str:
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
