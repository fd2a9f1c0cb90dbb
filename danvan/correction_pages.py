"""The correction page of every kind of record (danvan.corrections): the fields one may correct, as stored, and the
reason, which is required; saved through ``correct``, whose refusals land on the fields they are about."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from danvan.corrections import REASON_MISSING, Correctable, correct, label_of
from danvan.forms import Form, date_field
from danvan.models import Staff
from danvan.versions import FIELD as VERSION
from danvan.versions import version_field

NOTHING_TO_CORRECT = "Bạn không có thông tin nào được sửa ở hồ sơ này."


def _form_field(model_field: models.Field) -> forms.Field:
    label = label_of(model_field)
    if isinstance(model_field, models.DateField):
        return date_field(label, required=not model_field.blank)
    form_field = model_field.formfield(label=label)
    if isinstance(model_field, models.TextField):
        form_field.widget = forms.Textarea(attrs={"rows": 4})
    return form_field


def correction_reason() -> forms.CharField:
    """The reason of a correction, which every correction form asks last."""
    return forms.CharField(
        label="Lý do sửa",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": REASON_MISSING},
        help_text="Ghi rõ vì sao sửa: lý do được lưu cùng nội dung cũ và mới trên dòng thời gian, nhật ký thao tác.",
    )


class CorrectionForm(Form):
    """The correctable fields of ``record`` filled in as stored, then the reason; ``version`` that of what it shows
    (danvan.versions)."""

    def __init__(self, data=None, *, record: Model, names: tuple[str, ...], version: str, **kwargs) -> None:
        initial = {name: getattr(record, record._meta.get_field(name).attname) for name in names}
        super().__init__(data, initial=initial, **kwargs)
        for name in names:
            self.fields[name] = _form_field(record._meta.get_field(name))
        self.fields["reason"] = correction_reason()
        self.fields[VERSION] = version_field(version)
        self.names = names

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.names}

    def refused(self, error: ValidationError) -> None:
        """A refusal of the service on the field it is about, or above the form when the form has no such field."""
        for name, messages_ in error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]:
            self.add_error(name if name in self.fields else None, messages_)


def correction_page(request: HttpRequest, spec: Correctable, record: Model, *, back: str, heading: str) -> HttpResponse:
    """The correction form of ``record`` for the user (only the fields they may correct now), saved on POST; back to
    ``back`` with what was changed."""
    staff: Staff = request.user
    spec.ensure(staff, record)
    names = spec.fields_for(record, staff)
    if not names:
        raise PermissionDenied(NOTHING_TO_CORRECT)
    posted = request.method == "POST"
    version = spec.version(record, staff)
    form = CorrectionForm(request.POST if posted else None, record=record, names=names, version=version)
    if posted and form.is_valid():
        try:
            typed = form.cleaned_data
            shown = correct(spec, record, form.values(), by=staff, reason=typed["reason"], version=typed[VERSION])
        except ValidationError as error:
            form.refused(error)
        else:
            messages.success(request, "Đã sửa: " + ", ".join(shown).lower() + ".")
            return redirect(back)
    context = {"form": form, "heading": heading, "back": back, "what": spec.what}
    return render(request, "danvan/correction_form.html", context, status=400 if posted else 200)
