from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from danvan.filters import AgencyFilter
from danvan.permissions import can_import
from danvan.scope import agencies_for, get_agency_for, members_of
from dialogues.selectors import overdue_follow_up

PAGE_SIZE = 50


@login_required
def home(request: HttpRequest) -> HttpResponse:
    memberships = request.user.memberships.select_related("agency__unit").order_by("agency__name", "role")
    return render(
        request,
        "danvan/home.html",
        {
            "memberships": memberships,
            "may_import": can_import(request.user),
            **overdue_follow_up(request.user, today=timezone.localdate()),
        },
    )


@login_required
def agency_list(request: HttpRequest) -> HttpResponse:
    agencies = AgencyFilter(request.GET, queryset=agencies_for(request.user))
    page = Paginator(agencies.qs, PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(request, "danvan/agency_list.html", {"filter": agencies, "page": page})


@login_required
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_agency_for(request.user, pk)
    return render(request, "danvan/agency_detail.html", {"agency": agency, "members": members_of(agency)})
