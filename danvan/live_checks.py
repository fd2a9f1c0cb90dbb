"""The warnings a form shows while the officer types, before it is saved (htmx posts the form as typed so far)."""

from collections.abc import Callable

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from danvan.models import Staff

Check = Callable[[dict, Staff], list[str]]


def warnings_page(request: HttpRequest, form: Form, check: Check) -> HttpResponse:
    """The warnings ``check`` finds in what ``form`` holds so far: the fields valid yet (the others are not typed in
    full), never an error for what is missing."""
    form.is_valid()
    return render(request, "danvan/_live_warnings.html", {"warnings": check(form.cleaned_data, request.user)})
