"""The reception desk: one screen to log a visit while the citizen waits.

Typing a CCCD or a name looks the citizen up (htmx, by POST so that personal data stays out of URLs and logs);
picking one fills the citizen's fields, shows their history and suggests their open case. The lookups, the case search
and the warnings fire while the officer types: they leave the session as it was (danvan.sessions.passive), or one
still on its way when the form is saved would write back the session without the visit just saved.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from danvan.citizens import KNOWN_ELSEWHERE, known_elsewhere, typed_notices
from danvan.inputs import ascii_digits, id_in, text_in
from danvan.live_checks import warnings_page
from danvan.models import Citizen
from danvan.scope import citizens_seen_by
from danvan.sessions import passive
from reception.checks import CCCD_CONTRADICTS, desk_warnings
from reception.forms import DeskForm
from reception.selectors import (
    CASE_MATCHES,
    cases_matching,
    cases_of,
    citizens_matching,
    desk_cases_for,
    get_citizen_for,
    history_of,
    open_case_of,
    visits_for,
)
from reception.services import receive_visit


@login_required
def desk(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        last_visit = visits_for(request.user).filter(pk=request.session.pop("last_visit", None)).first()
        form = DeskForm(initial=DeskForm.initial_for(request.user), staff=request.user)
        return render(request, "reception/desk.html", {"form": form, "last_visit": last_visit})
    form = DeskForm(request.POST, staff=request.user)
    if form.is_valid():
        try:
            visit = receive_visit(
                agency=form.cleaned_data["agency"],
                by=request.user,
                details=form.citizen_details(),
                citizen=form.cleaned_data["citizen"],
                **form.visit_fields(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Đã ghi lượt tiếp công dân {visit.person.full_name}.")
            if visit.person.cccd_contradicts_birth:
                messages.warning(request, CCCD_CONTRADICTS)
            for notice in typed_notices(form.citizen_details(), visit):
                messages.warning(request, notice)
            request.session["last_visit"] = visit.pk
            return redirect("reception:desk")
    citizen = form.cleaned_data.get("citizen")
    context = {"form": form} | (history_of(citizen, request.user) if citizen else {})
    return render(request, "reception/desk.html", context, status=400)


@login_required
@require_POST
@passive
def live_warnings(request: HttpRequest) -> HttpResponse:
    """What the desk warns of for the form as typed so far, before it is saved (htmx, while the officer types)."""
    return warnings_page(request, DeskForm(request.POST, staff=request.user), desk_warnings)


@login_required
@require_POST
@passive
def citizen_lookup(request: HttpRequest) -> HttpResponse:
    """The citizens within the user's sight that the CCCD or name typed finds; for a CCCD of a citizen outside it,
    only that the citizen is already on record (the visit will be linked to them), none of their details."""
    query = ascii_digits(text_in(request.POST.get("cccd") or request.POST.get("full_name")))
    matches = citizens_matching(query, request.user)
    elsewhere = not matches and known_elsewhere(query.strip(), request.user)
    context = {"matches": matches, "known_elsewhere": KNOWN_ELSEWHERE if elsewhere else ""}
    return render(request, "reception/_citizen_matches.html", context)


@login_required
@require_POST
def citizen_pick(request: HttpRequest) -> HttpResponse:
    """Fills the desk form with a citizen found by the lookup, shows their history and suggests their open case."""
    pk = id_in(request.POST.get("citizen"))
    if pk is None:
        raise Http404
    citizen = get_citizen_for(request.user, pk)
    suggested_case = open_case_of(citizen, request.user)
    form = DeskForm(initial=_initial_of(citizen) | {"case": suggested_case}, staff=request.user, focus_cccd=False)
    context = {"form": form, "suggested_case": suggested_case} | history_of(citizen, request.user)
    return render(request, "reception/_citizen_picked.html", context)


@login_required
@require_POST
@passive
def case_search(request: HttpRequest) -> HttpResponse:
    """The case picker's matches: cases within scope found by the query; with no query, those of the citizen picked."""
    query = text_in(request.POST.get("case_query"))
    pk = id_in(request.POST.get("citizen"))
    citizen = citizens_seen_by(request.user).filter(pk=pk).first() if pk is not None else None
    if query.strip():
        cases = cases_matching(query, request.user)
    elif citizen is not None:
        cases = cases_of(citizen, request.user).select_related("citizen", "agency")[:CASE_MATCHES]
    else:
        cases = []
    return render(request, "reception/_case_matches.html", {"cases": cases, "searched": bool(query.strip())})


@login_required
@require_POST
def case_pick(request: HttpRequest) -> HttpResponse:
    """The case field with the case picked in the picker (or none: a new case)."""
    pk = id_in(request.POST.get("case"))
    case = get_object_or_404(desk_cases_for(request.user), pk=pk) if pk is not None else None
    form = DeskForm(initial={"case": case}, staff=request.user, focus_cccd=False)
    return render(request, "reception/_case_field.html", {"form": form})


def _initial_of(citizen: Citizen) -> dict:
    return {
        "citizen": citizen.pk,
        "cccd": citizen.cccd or "",
        "full_name": citizen.full_name,
        "birth_date": citizen.birth_date,
        "gender": citizen.gender,
        "address": citizen.address,
        "phone": citizen.phone,
    }
