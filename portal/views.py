"""The portal's home page: for a handler or a leader, their queue's most urgent items first; then the user's
memberships, the register import and hand-over entry points, the follow-up that is overdue."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from danvan.permissions import Action, can_import, holds
from dialogues.selectors import overdue_follow_up
from worklist.selectors import home_queue


@login_required
def home(request: HttpRequest) -> HttpResponse:
    memberships = request.user.memberships.select_related("agency__unit").order_by("agency__name", "role")
    today = timezone.localdate()
    return render(
        request,
        "portal/home.html",
        {
            "memberships": memberships,
            "may_import": can_import(request.user),
            "may_hand_over": holds(request.user, Action.HAND_OVER),
            "may_administer": holds(request.user, Action.STAFF),
            "may_edit_templates": holds(request.user, Action.TEMPLATES),
            "queue": home_queue(request.user, today=today),
            **overdue_follow_up(request.user, today=today),
        },
    )
