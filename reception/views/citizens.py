"""A citizen's page and its correction: their stored details, their records within the user's scope and the
corrections made to them (the only way their stored details change: reception.corrections.CITIZEN)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from danvan.correction_pages import correction_page
from danvan.selectors import timeline_of
from reception.corrections import CITIZEN, can_correct_citizen
from reception.selectors import get_citizen_for, history_of


@login_required
def citizen_detail(request: HttpRequest, pk: int) -> HttpResponse:
    citizen = get_citizen_for(request.user, pk)
    corrects = can_correct_citizen(request.user, citizen)
    context = history_of(citizen, request.user) | {"timeline": timeline_of(citizen), "corrects": corrects}
    return render(request, "reception/citizen_detail.html", context)


@login_required
def citizen_correct(request: HttpRequest, pk: int) -> HttpResponse:
    citizen = get_citizen_for(request.user, pk)
    back = reverse("reception:citizen-detail", args=[citizen.pk])
    return correction_page(request, CITIZEN, citizen, back=back, heading=f"Sửa thông tin công dân {citizen.full_name}")
