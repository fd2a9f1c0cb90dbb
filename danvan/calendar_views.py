"""The page "Lịch làm việc": a superuser enters the days off and make-up working days announced after the release."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from danvan.day_overrides import (
    CalendarChange,
    add_day_override,
    overrides_in,
    recent_recomputes,
    remove_day_override,
)
from danvan.forms import DayOverrideForm, applied
from danvan.inputs import id_in
from danvan.models import DayOverride


def _superuser_only(request: HttpRequest) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied


def _year(request: HttpRequest) -> int:
    year = id_in(request.GET.get("nam"))
    return year if year is not None and 2000 <= year <= 2100 else timezone.localdate().year


def _page(request: HttpRequest, year: int, form: DayOverrideForm) -> HttpResponse:
    context = {
        "year": year, "overrides": overrides_in(year), "form": form, "years": [year - 1, year + 1],
        "recomputes": recent_recomputes(),
    }  # fmt: skip
    return render(request, "danvan/calendar.html", context)


def _reported(request: HttpRequest, done: str, change: CalendarChange) -> HttpResponse:
    moved = change.moved()
    if moved is None:
        messages.success(request, f"{done} Việc tính lại hạn của các đơn, vụ việc đang mở đã được đưa vào hàng đợi.")
    else:
        messages.success(request, f"{done} Đã tính lại hạn: {moved} đơn, vụ việc được chuyển hạn.")
    return redirect(f"{reverse('calendar')}?nam={change.day.year}")


@login_required
def calendar(request: HttpRequest) -> HttpResponse:
    _superuser_only(request)
    if request.method != "POST":
        return _page(request, _year(request), DayOverrideForm())
    form = DayOverrideForm(request.POST)
    if not form.is_valid():
        return _page(request, _year(request), form)
    day = form.cleaned_data["date"]
    change = applied(form, add_day_override, day=day, kind=form.cleaned_data["kind"],
                     note=form.cleaned_data["note"], by=request.user)  # fmt: skip
    if change is None:
        return _page(request, day.year, form)
    return _reported(request, f"Đã thêm ngày {day:%d/%m/%Y} vào lịch.", change)


@login_required
@require_POST
def calendar_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _superuser_only(request)
    override = get_object_or_404(DayOverride, pk=pk)
    change = remove_day_override(override=override, by=request.user)
    return _reported(request, f"Đã xoá điều chỉnh ngày {override.date:%d/%m/%Y}.", change)
