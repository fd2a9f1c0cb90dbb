from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse

from danvan.forms import date_field


def render(source: str, **context) -> str:
    return Template("{% load l10n %}" + source).render(Context(context))


def test_a_figure_is_grouped_by_thousands_with_a_dot():
    assert render("{{ n }}", n=2861) == "2.861"


def test_a_large_figure_has_a_dot_every_three_digits():
    assert render("{{ n }}", n=570325) == "570.325"


def test_a_decimal_uses_a_comma():
    assert render("{{ n }}", n=89.5) == "89,5"


def test_a_date_displays_as_day_month_year():
    assert render("{{ d }}", d=date(2024, 3, 5)) == "05/03/2024"


def test_a_datetime_displays_in_vietnam_time():
    moment = datetime(2024, 3, 5, 1, 30, tzinfo=ZoneInfo("UTC"))

    assert render("{{ t }}", t=moment) == "08:30 05/03/2024"


def test_a_year_printed_with_unlocalize_has_no_separator():
    assert render("năm {{ year|unlocalize }}", year=2024) == "năm 2024"


def test_a_url_built_from_an_id_has_no_separator():
    assert (
        render("{% url 'agency-detail' pk %}", pk=15001) == reverse("agency-detail", args=[15001]) == "/co-quan/15001/"
    )


class DateForm(forms.Form):
    on = forms.DateField()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("05/03/2024", date(2024, 3, 5)), ("25/03/2024", date(2024, 3, 25)), ("2024-03-25", date(2024, 3, 25))],
)
def test_a_date_typed_day_first_is_parsed_day_first(typed, expected):
    form = DateForm({"on": typed})

    assert form.is_valid()
    assert form.cleaned_data["on"] == expected


def test_an_impossible_date_gets_a_vietnamese_error():
    form = DateForm({"on": "31/02/2024"})

    assert form.errors == {"on": ["Nhập một ngày hợp lệ."]}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2026", "Ngày “31/02/2026” không có trong lịch: tháng 02/2026 có 28 ngày."),
        ("29/02/2028", None),
        ("12/13/2026", "Ngày “12/13/2026” có tháng 13: tháng chỉ từ 1 đến 12."),
        ("hôm qua", "Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 12/03/2026."),
    ],
)
def test_a_date_field_says_why_a_typed_day_is_refused(typed, message):
    field = date_field("Ngày")

    try:
        field.clean(typed)
        refused = None
    except ValidationError as error:
        refused = error.messages[0]

    assert refused == message
