"""The portal's home page: the user's memberships, the register import and hand-over entry points, the follow-up that
is overdue."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from danvan.permissions import Action, can_import, holds
from dialogues.selectors import overdue_follow_up


@login_required
def home(request: HttpRequest) -> HttpResponse:
    memberships = request.user.memberships.select_related("agency__unit").order_by("agency__name", "role")
    return render(
        request,
        "portal/home.html",
        {
            "memberships": memberships,
            "may_import": can_import(request.user),
            "may_hand_over": holds(request.user, Action.HAND_OVER),
            **overdue_follow_up(request.user, today=timezone.localdate()),
        },
    )
