"""How every form field renders (one wrapper per field: label, input, help, errors, styled by danvan.css), and how a
service's refusal lands on the form that called it."""

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.forms import Form
from django.forms.renderers import TemplatesSetting

T = TypeVar("T")


class FormRenderer(TemplatesSetting):
    field_template_name = "forms/field.html"


def applied(form: Form, service: Callable[..., T], *args, **kwargs) -> T | None:
    """The service's result, or None with its refusal shown on the form's fields (nothing was saved)."""
    try:
        return service(*args, **kwargs)
    except ValidationError as error:
        form.add_error(None, error)
        return None
