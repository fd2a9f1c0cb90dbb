"""The page "Tính thời hạn": when a statutory clock ends, for any logged-in user (complaints.clock)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from complaints.clock import due
from complaints.clock_form import ClockForm
from danvan.forms import applied


@login_required
def clock(request: HttpRequest) -> HttpResponse:
    form = ClockForm(request.GET or None)
    answer = applied(form, due, **form.cleaned_data) if form.is_valid() else None
    return render(request, "complaints/clock.html", {"form": form, "answer": answer})
