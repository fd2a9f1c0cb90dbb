"""Pages of the visit register: the filtered list, a visit and its correction, its receipt slip, the Excel export."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from danvan.audit import Export
from danvan.correction_pages import correction_page
from danvan.filters import criteria_for_log, criteria_text
from danvan.letterhead import letterhead
from danvan.offers import offers
from danvan.pages import paginate, xlsx_download
from danvan.permissions import can_record
from danvan.selectors import timeline_of
from reception.corrections import VISIT
from reception.filters import VisitFilter
from reception.offer_places import VISIT_LIST, VISIT_PAGE
from reception.register import case_code, export_visits, identity_hidden
from reception.selectors import answer_clock, get_visit_for, visits_for


def _filtered(request: HttpRequest) -> VisitFilter:
    return VisitFilter(request.GET, queryset=visits_for(request.user), request=request)


@login_required
def visit_list(request: HttpRequest) -> HttpResponse:
    visits = _filtered(request)
    page = paginate(request, visits.qs)
    rows = [(visit, identity_hidden(visit)) for visit in page]
    context = {
        "filter": visits, "page": page, "rows": rows, "today": timezone.localdate(),
        "books": offers(VISIT_LIST, request),
    }  # fmt: skip
    return render(request, "reception/visit_list.html", context)


@login_required
def visit_export(request: HttpRequest) -> FileResponse:
    visits = _filtered(request)
    return xlsx_download(
        lambda out: export_visits(visits=visits.qs, out=out, by=request.user, criteria=criteria_for_log(visits)),
        f"so-tiep-cong-dan-{timezone.localdate():%d-%m-%Y}.xlsx",
        export=Export(request.user, "Sổ tiếp công dân", criteria_text(visits)),
    )


@login_required
def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = get_visit_for(request.user, pk)
    context = {
        "visit": visit,
        "identity_hidden": identity_hidden(visit),
        "case_code": case_code(visit),
        "clock": answer_clock(visit),
        "timeline": timeline_of(visit),
        "corrects": can_record(request.user, visit.agency),
        "documents": offers(VISIT_PAGE, request, visit),
    }
    return render(request, "reception/visit_detail.html", context)


@login_required
def visit_correct(request: HttpRequest, pk: int) -> HttpResponse:
    visit = get_visit_for(request.user, pk)
    heading = f"Sửa lượt tiếp ngày {visit.received_on:%d/%m/%Y}"
    return correction_page(request, VISIT, visit, back=visit.get_absolute_url(), heading=heading)


@login_required
def visit_receipt(request: HttpRequest, pk: int) -> HttpResponse:
    visit = get_visit_for(request.user, pk)
    if not visit.documents_received:
        raise Http404("Lượt tiếp này không nhận giấy tờ nên không có giấy biên nhận.")
    context = {
        "visit": visit,
        "identity_hidden": identity_hidden(visit),
        # Where the citizen looks the code up: the portal's public lookup, at the address this page was served from.
        "lookup_url": request.build_absolute_uri(reverse("public-lookup")),
        "letterhead": letterhead(visit.agency, visit.received_on),
    }
    return render(request, "reception/visit_receipt.html", context)
