"""The frequency-compliance page for leaders: which heads in scope held too few days of periodic reception."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from danvan.pages import paginate
from danvan.scope import visible_agencies
from reception.frequency import DELEGATION_BAR_SOURCE, DELEGATION_BARRED_FROM, frequency_compliance
from reception.session_forms import MonthForm


@login_required
def compliance(request: HttpRequest) -> HttpResponse:
    form = MonthForm(request.GET)
    year, month = form.period
    heads = frequency_compliance(agencies=visible_agencies(request.user), year=year, month=month)
    context = {
        "form": form,
        "month": date(year, month, 1),
        "in_progress": timezone.localdate().replace(day=1) == date(year, month, 1),
        "heads": len(heads),
        "short": sum(1 for head in heads if not head.met),
        "delegation_barred_from": DELEGATION_BARRED_FROM,
        "delegation_bar_source": DELEGATION_BAR_SOURCE,
        "page": paginate(request, heads),
    }
    return render(request, "reception/compliance.html", context)
