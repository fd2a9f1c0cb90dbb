"""The header search's page (issue 18): one query, the records it finds in the user's scope, grouped by kind. Each app
searches its own records (its ``*_found`` selector); the page only puts them together."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from complaints.search import cases_found, petitions_found
from danvan.scope import visible_agency_ids
from danvan.search import RESULTS_PER_KIND, SearchQuery
from dialogues.selectors import dialogues_found
from portal.forms import SearchForm
from reception.register import identity_hidden
from reception.selectors import visits_found


@login_required
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    context = {"form": form, "searched": False, "per_kind": RESULTS_PER_KIND}
    if form.is_valid():
        scope, query = visible_agency_ids(request.user), SearchQuery(form.cleaned_data["q"])
        visits = [(visit, identity_hidden(visit)) for visit in visits_found(scope, query)]
        context |= {
            "searched": True,
            "visits": visits,
            "petitions": petitions_found(scope, query),
            "cases": cases_found(scope, query),
            "dialogues": dialogues_found(scope, query),
        }
    return render(request, "portal/search.html", context)
