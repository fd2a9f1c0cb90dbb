"""Pages of the core: the agencies in the user's scope and their members; the search pickers' matches."""

import re

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from danvan.filters import AgencyFilter
from danvan.pages import paginate
from danvan.pickers import PICKERS, rendered
from danvan.scope import agencies_for, get_agency_for, members_of

# What a picker's request names: a form's field and its element's id, as Django writes them.
_NAME = re.compile(r"[a-z][a-z0-9_-]{0,60}")


@login_required
def agency_list(request: HttpRequest) -> HttpResponse:
    agencies = AgencyFilter(request.GET, queryset=agencies_for(request.user))
    page = paginate(request, agencies.qs)
    return render(request, "danvan/agency_list.html", {"filter": agencies, "page": page})


@login_required
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_agency_for(request.user, pk)
    return render(request, "danvan/agency_detail.html", {"agency": agency, "members": members_of(agency)})


@login_required
@require_GET
def pick(request: HttpRequest, picker: str) -> HttpResponse:
    """A search picker (danvan.pickers): with ``tim``, the records of the user's scope that match it; with ``chon``, the
    field again with that record chosen (none when empty or outside the scope)."""
    chooser = PICKERS.get(picker)
    name, field_id = request.GET.get("field", ""), request.GET.get("id", "")
    if chooser is None or not _NAME.fullmatch(name) or not _NAME.fullmatch(field_id):
        raise Http404("Không có danh sách này.")
    placeholder = request.GET.get("placeholder", "")[:100]
    if "chon" in request.GET:
        record = chooser.chosen(request.user, request.GET["chon"])
        label = chooser.label(record) if record is not None else ""
        value = record.pk if record is not None else ""
        return HttpResponse(
            rendered(picker, name=name, field_id=field_id, value=value, label=label, placeholder=placeholder)
        )
    matches, more = chooser.matches(request.user, request.GET.get("tim", "")[:100])
    context = {"picker": picker, "name": name, "id": field_id, "placeholder": placeholder}
    return render(request, "forms/_picker_matches.html", context | {"matches": matches, "more": more})
