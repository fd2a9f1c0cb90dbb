"""Pages of the visit register: the filtered list, a visit, its receipt slip, the Excel export."""

from tempfile import SpooledTemporaryFile

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from danvan.filters import criteria_for_log
from danvan.views import PAGE_SIZE
from reception.filters import VisitFilter
from reception.register import case_code, export_visits, identity_hidden
from reception.selectors import get_visit_for, visits_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# An export up to this size stays in memory; a larger one goes to a temporary file.
EXPORT_IN_MEMORY = 16 * 1024 * 1024


def _filtered(request: HttpRequest) -> VisitFilter:
    return VisitFilter(request.GET, queryset=visits_for(request.user), request=request)


@login_required
def visit_list(request: HttpRequest) -> HttpResponse:
    visits = _filtered(request)
    page = Paginator(visits.qs, PAGE_SIZE).get_page(request.GET.get("trang"))
    rows = [(visit, identity_hidden(visit)) for visit in page]
    return render(request, "reception/visit_list.html", {"filter": visits, "page": page, "rows": rows})


@login_required
def visit_export(request: HttpRequest) -> FileResponse:
    visits = _filtered(request)
    workbook = SpooledTemporaryFile(max_size=EXPORT_IN_MEMORY)  # noqa: SIM115 - the response closes it once sent
    export_visits(visits=visits.qs, out=workbook, by=request.user, criteria=criteria_for_log(visits))
    workbook.seek(0)
    filename = f"so-tiep-cong-dan-{timezone.localdate():%d-%m-%Y}.xlsx"
    return FileResponse(workbook, as_attachment=True, filename=filename, content_type=XLSX)


@login_required
def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = get_visit_for(request.user, pk)
    context = {"visit": visit, "identity_hidden": identity_hidden(visit), "case_code": case_code(visit)}
    return render(request, "reception/visit_detail.html", context)


@login_required
def visit_receipt(request: HttpRequest, pk: int) -> HttpResponse:
    visit = get_visit_for(request.user, pk)
    if not visit.receipt_code:
        raise Http404("Lượt tiếp này không nhận giấy tờ nên không có giấy biên nhận.")
    return render(request, "reception/visit_receipt.html", {"visit": visit, "identity_hidden": identity_hidden(visit)})
