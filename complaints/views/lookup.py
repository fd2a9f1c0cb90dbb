"""The citizens' public lookup of a petition or a reception (tra cứu), without login: by POST, so that nothing
personal reaches a URL or a log, and throttled per client address so that receipt codes cannot be tried in bulk."""

import re

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from complaints.lookup import LAST_DIGITS, PublicVisit, look_up
from danvan.codes import PETITION_PREFIX, VISIT_PREFIX, typed_code
from danvan.forms import Form
from danvan.inputs import ascii_digits

# Tries per client address: enough for a citizen who mistypes, too few to probe codes.
LOOKUP_RATE = "10/10m"
TEMPLATE = "complaints/lookup.html"
NOT_FOUND = (
    "Không tìm thấy đơn hoặc lượt tiếp khớp với mã tra cứu và 4 chữ số đã nhập. Hãy kiểm tra lại mã tra cứu trên "
    "giấy biên nhận và 4 chữ số cuối của số điện thoại hoặc số CCCD đã ghi trong đơn hoặc khi được tiếp."
)

MALFORMED = "Mã tra cứu gồm chữ DT (đơn) hoặc TD (lượt tiếp) và 8 ký tự, ví dụ DT-K7M2Q9XA."


class LookupForm(Form):
    receipt_code = forms.CharField(
        label="Mã tra cứu",
        max_length=20,
        help_text="Ghi trên giấy biên nhận đơn (ví dụ DT-K7M2Q9XA) hoặc khi được tiếp công dân (ví dụ TD-K7M2Q9XA).",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        error_messages={"required": "Hãy nhập mã tra cứu."},
    )
    last_digits = forms.CharField(
        label="4 chữ số cuối của số điện thoại hoặc số CCCD",
        max_length=LAST_DIGITS,
        help_text="Số điện thoại hoặc số CCCD đã ghi trong đơn.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": "Hãy nhập 4 chữ số cuối.", "max_length": "Chỉ nhập 4 chữ số cuối."},
    )

    def clean_receipt_code(self) -> str:
        code = typed_code(self.cleaned_data["receipt_code"], (PETITION_PREFIX, VISIT_PREFIX))
        if code is None:
            raise forms.ValidationError(MALFORMED)
        return code

    def clean_last_digits(self) -> str:
        digits = ascii_digits(self.cleaned_data["last_digits"])
        if not re.fullmatch(rf"[0-9]{{{LAST_DIGITS}}}", digits):
            raise forms.ValidationError("Hãy nhập đúng 4 chữ số.")
        return digits


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit(group="public-lookup", key="ip", rate=LOOKUP_RATE, method="POST", block=False)
def lookup(request: HttpRequest) -> HttpResponse:
    if request.limited:
        return render(request, TEMPLATE, {"form": LookupForm(), "throttled": True}, status=429)
    if request.method == "GET":
        return render(request, TEMPLATE, {"form": LookupForm()})
    form = LookupForm(request.POST)
    found = look_up(**form.cleaned_data) if form.is_valid() else None
    if form.is_valid() and found is None:
        form.add_error(None, NOT_FOUND)
    if isinstance(found, PublicVisit):
        return render(request, TEMPLATE, {"form": form, "visit": found})
    return render(request, TEMPLATE, {"form": form, "status": found})
