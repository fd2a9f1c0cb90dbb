"""Pages of the core: the agencies in the user's scope and their members."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from danvan.filters import AgencyFilter
from danvan.pages import paginate
from danvan.scope import agencies_for, get_agency_for, members_of


@login_required
def agency_list(request: HttpRequest) -> HttpResponse:
    agencies = AgencyFilter(request.GET, queryset=agencies_for(request.user))
    page = paginate(request, agencies.qs)
    return render(request, "danvan/agency_list.html", {"filter": agencies, "page": page})


@login_required
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_agency_for(request.user, pk)
    return render(request, "danvan/agency_detail.html", {"agency": agency, "members": members_of(agency)})
