"""Pages anyone may read without logging in: the published reception schedules of heads (lịch tiếp công dân)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from danvan.pages import paginate
from reception.selectors import published_schedules


def schedule_board(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    page = paginate(request, published_schedules(today))
    return render(request, "reception/public_schedules.html", {"page": page, "today": today})
