"""The opening figures' page: a reporter, leader or unit admin keys in, per column of the forms in force for the month,
the figures of their agency for the days of a report month before it used the portal; reports whose window holds the
month add them and say so. The page also lists what was keyed in, each figure with its deletion."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from danvan.pages import paginate
from reports.labels import number
from reports.opening_forms import SHOW, OpeningsForm
from reports.openings_selectors import code_label, get_opening_for, opening_agencies, openings_for
from reports.services import delete_opening, enter_openings

NO_ROLE = "Chỉ cán bộ tổng hợp, lãnh đạo hoặc quản trị đơn vị của một cơ quan mới nhập số liệu đầu kỳ của cơ quan đó."


@login_required
def openings(request: HttpRequest) -> HttpResponse:
    """The form (an agency, a report month and its days before the portal, a grid per statutory form of the month's
    circular) and the figures keyed in so far. "Hiện biểu của tháng" shows the grid of the month chosen, saving
    nothing."""
    agencies = opening_agencies(request.user)
    if not agencies.exists():
        raise PermissionDenied(NO_ROLE)
    posted = request.method == "POST" and SHOW not in request.POST
    if posted:
        form = OpeningsForm(request.POST, agencies=agencies, today=timezone.localdate())
    else:
        chosen = {name: request.POST[name] for name in ("agency", "month", "end") if request.POST.get(name)}
        form = OpeningsForm(initial=chosen, agencies=agencies, today=timezone.localdate())
    if posted and form.is_valid():
        agency, start, end = (form.cleaned_data[name] for name in ("agency", "start", "end"))
        try:
            entered = enter_openings(agency=agency, start=start, end=end, values=form.values(), by=request.user)
        except ValidationError as error:
            form.add_refusals(error)
        else:
            messages.success(
                request,
                f"Đã lưu {number(len(entered))} số liệu đầu kỳ của {agency.name} từ ngày {start:%d/%m/%Y}"
                f" đến ngày {end:%d/%m/%Y}.",
            )
            return redirect("reports:openings")
    page = paginate(request, openings_for(request.user))
    context = {
        "form": form,
        "page": page,
        "rows": [(opening, code_label(opening.code, opening.end), number(opening.value)) for opening in page],
    }
    return render(request, "reports/openings.html", context, status=400 if posted else 200)


@login_required
@require_POST
def opening_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Deletes one figure keyed in by mistake; a figure of an agency the user does not key in for does not exist."""
    opening = get_opening_for(request.user, pk)
    delete_opening(opening=opening, by=request.user)
    messages.success(
        request,
        f"Đã xóa số liệu đầu kỳ “{code_label(opening.code, opening.end)}” của {opening.agency.name}"
        f" ({opening.start:%d/%m/%Y} – {opening.end:%d/%m/%Y}).",
    )
    return redirect("reports:openings")
