"""The navigation bar's counters, each loaded by the page after it is shown (htmx), so that no page pays for them:
the items of one's queue (and how many are overdue), kept a short while per person, and the unread notifications."""

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from danvan.sessions import passive
from worklist.models import Digest
from worklist.selectors import counters

COUNTERS_SECONDS = 120


@passive
@login_required
def queue_counts(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    key = f"worklist:counters:{request.user.pk}:{today.isoformat()}"
    found = cache.get(key)
    if found is None:
        found = counters(request.user, today=today)
        cache.set(key, found, COUNTERS_SECONDS)
    total, overdue = found
    return render(request, "worklist/_queue_counts.html", {"total": total, "overdue": overdue})


@passive
@login_required
def unread_count(request: HttpRequest) -> HttpResponse:
    unread = Digest.objects.filter(staff=request.user, read_at__isnull=True).count()
    return render(request, "worklist/_unread_count.html", {"unread": unread})
