"""Edit forms as a browser posts them back: the fields as the page filled them in, and the version of what the page
showed (danvan.versions)."""

from collections.abc import Callable
from datetime import date, time

from django.db.models.fields.files import FieldFile
from django.forms import Form
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from danvan.models import AdminUnit, Staff
from danvan.versions import FIELD

# A request as a person sends it: it opens its page, and returns the submit it then sends (tests.races.at_once runs
# several at the same moment).
Request = Callable[[], Callable[[], HttpResponse]]


def version_in(form: Form) -> dict[str, str]:
    """The hidden version of ``form`` as its page gave it, keyed as the browser posts it."""
    return {form.add_prefix(FIELD): form[FIELD].value()}


def opened(client: Client, url: str, form: str = "form") -> dict[str, str]:
    """The version of the edit form ``form`` of the page at ``url``, opened now."""
    return version_in(client.get(url).context[form])


def _typed(value: object) -> object:
    if isinstance(value, FieldFile):  # a stored file is not sent again
        return ""
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return "" if value is None else value


def as_posted(form: Form, **typed: object) -> dict:
    """Every field of ``form`` as its page filled it in (a box left unticked is not sent), ``typed`` over them."""
    values = {name: form[name].value() for name in form.fields} | typed
    return {form.add_prefix(name): _typed(value) for name, value in values.items() if value is not False}


def management_form(context) -> Form:
    """The form of biểu 06/QLKNTC's page, which holds one, of the one agency the user keys in for."""
    [(_, form)] = context["entries"]
    return form


def report_sections(client: Client, unit: AdminUnit, texts: dict[str, str]) -> dict:
    """The narrative of the report page of ``unit`` for 2026, opened now, with ``texts`` typed in its written
    sections (by outline number), as its "Lưu nội dung" posts it."""
    choice = {"unit": unit.pk, "period": "year", "year": 2026}
    version = client.get(reverse("reports:report"), choice).context["sections_version"]
    return choice | {f"section-{number}": text for number, text in texts.items()} | {FIELD: version}


def _logged_in(staff: Staff) -> Client:
    client = Client()
    client.force_login(staff)
    return client


def posting(staff: Staff, url: str, data: dict) -> Request:
    """``staff`` (logged in) posts ``data`` to ``url``."""

    def load() -> Callable[[], HttpResponse]:
        client = _logged_in(staff)
        return lambda: client.post(url, data)

    return load


def editing(
    staff: Staff,
    url: str,
    *,
    page: str = "",
    form: str | Callable = "form",
    beside: dict | None = None,
    **typed: object,
) -> Request:
    """``staff`` opens the edit page (``page``, else ``url``) and types ``typed`` over its form (``form``: its name in
    the page's context, or what picks it from the context); the submit posts it to ``url``, with the page's other
    inputs ``beside`` it."""

    def load() -> Callable[[], HttpResponse]:
        client = _logged_in(staff)
        context = client.get(page or url).context
        data = as_posted(form(context) if callable(form) else context[form], **typed) | (beside or {})
        return lambda: client.post(url, data)

    return load
