"""What every form of the portal does with what it is sent (danvan.forms.Form, danvan.inputs): control characters
dropped, NUL refused, a record only by ASCII digits, numbers within the database's integer, dates within the portal's
days; and every form of the portal is such a form."""

import importlib
import inspect
import pkgutil
import sys
from datetime import date, timedelta

import django_filters
import pytest
from django import forms
from django.utils import timezone

from danvan.forms import CheckedInputs, DayField, Form, birth_date_field
from danvan.inputs import ascii_digits, printable, text_in
from danvan.models import Agency
from tests.factories import AgencyFactory, current_unit

PROJECT = ("danvan", "reception", "complaints", "dialogues", "reports", "registers", "worklist", "portal")


class Typed(Form):
    text = forms.CharField(required=False, widget=forms.Textarea)
    name = forms.CharField(required=False)
    count = forms.IntegerField(required=False)
    day = DayField(required=False)
    born = birth_date_field()
    agency = forms.ModelChoiceField(queryset=Agency.objects.all(), required=False)


def errors_of(**data) -> dict:
    return Typed(data).errors


def test_the_control_characters_word_pastes_become_line_breaks_or_go():
    form = Typed({"text": "Dòng một\x0bdòng hai\x01\x7f, trang\x0csau\ttab\r\n"})

    assert (form.is_valid(), form.cleaned_data["text"]) == (True, "Dòng một\ndòng hai, trang\nsau\ttab")


def test_a_line_break_pasted_into_a_one_line_field_becomes_a_space():
    form = Typed({"name": "Lê Văn\x0bTest\r\nthôn 2\n"})

    assert (form.is_valid(), form.cleaned_data["name"]) == (True, "Lê Văn Test thôn 2")


def test_a_nul_is_refused_with_a_message_in_vietnamese():
    assert errors_of(text="ab\x00cd") == {
        "text": ["Nội dung có ký tự rỗng (NUL), thường do dán từ tệp khác: hãy xóa và gõ lại."]
    }


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (str(10**12), "Số này quá lớn: tối đa 2.147.483.647."),
        ("-" + "9" * 30, "Số này quá nhỏ: tối thiểu -2.147.483.648."),
    ],
)
def test_a_number_past_the_databases_integer_is_refused(typed, message):
    assert errors_of(count=typed) == {"count": [message]}


def test_a_number_within_the_databases_integer_is_taken():
    form = Typed({"count": str(2**31 - 1)})

    assert (form.is_valid(), form.cleaned_data["count"]) == (True, 2**31 - 1)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("01/01/0001", "Ngày phải trong khoảng 01/01/1945 – 31/12/2100."),
        ("31/12/9999", "Ngày phải trong khoảng 01/01/1945 – 31/12/2100."),
    ],
)
def test_a_date_outside_the_portals_days_is_refused(typed, message):
    assert errors_of(day=typed) == {"day": [message]}


def test_a_birth_date_after_today_is_refused():
    today = timezone.localdate()
    tomorrow = today + timedelta(days=1)

    assert errors_of(born=f"{tomorrow:%d/%m/%Y}") == {
        "born": [f"Ngày sinh phải trong khoảng 01/01/1900 – {today:%d/%m/%Y}."]
    }


def test_a_birth_date_before_1945_is_taken():
    form = Typed({"born": "02/09/1930"})

    assert (form.is_valid(), form.cleaned_data["born"]) == (True, date(1930, 9, 2))


@pytest.mark.django_db
def test_a_record_named_in_another_scripts_digits_is_no_choice():
    agency = AgencyFactory(unit=current_unit("23764"))
    arabic_indic = str(agency.pk).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))

    assert list(errors_of(agency=arabic_indic)) == ["agency"]


@pytest.mark.django_db
def test_a_record_named_in_ascii_digits_is_chosen():
    agency = AgencyFactory(unit=current_unit("23764"))
    form = Typed({"agency": str(agency.pk)})

    assert (form.is_valid(), form.cleaned_data["agency"]) == (True, agency)


def test_a_field_added_after_the_form_was_made_is_checked_too():
    form = Typed({"added": "ab\x00"})
    form.fields["added"] = forms.CharField()

    assert list(form.errors) == ["added"]


def test_printable_text_keeps_tabs_and_line_breaks_and_drops_the_rest():
    assert printable("a\x00b\x01c\x0bd\x0ce\x1ff\x7fg\th\ni\rj") == "abc\nd\nefg\th\ni\rj"


def test_a_text_read_from_a_request_is_printable_and_stripped():
    assert (text_in(" nguyen\x00 van\x0b "), text_in(None)) == ("nguyen van", "")


@pytest.mark.parametrize(
    ("typed", "written"), [("０６４０９", "06409"), ("٠٦٤٠٩", "06409"), ("۰۶۴", "064"), ("²٣", "²3")]
)
def test_digits_of_any_script_are_written_0_to_9(typed, written):
    assert ascii_digits(typed) == written


def _project_classes() -> list[type]:
    for package in PROJECT:
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if ".migrations" not in info.name and not info.name.endswith((".settings", ".wsgi", ".asgi")):
                importlib.import_module(info.name)
    return [
        cls
        for name in list(sys.modules)
        if name.split(".")[0] in PROJECT
        for _, cls in inspect.getmembers(sys.modules[name], inspect.isclass)
        if cls.__module__ == name
    ]


def test_every_form_of_the_portal_checks_its_inputs():
    classes = _project_classes()
    form_classes = [cls for cls in classes if issubclass(cls, forms.BaseForm)]
    filter_forms = [cls._meta.form for cls in classes if issubclass(cls, django_filters.FilterSet)]
    unchecked = sorted(
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in [*form_classes, *filter_forms]
        if not issubclass(cls, CheckedInputs)
    )

    assert (len(form_classes) > 40, unchecked) == (True, [])
