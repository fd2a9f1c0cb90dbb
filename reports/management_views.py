"""Biểu 06/QLKNTC's page: for a unit and period picked as on the report page, one form per agency of the unit whose
figures the user keys in (as for the opening figures), its 17 columns pre-filled with what was keyed for that window."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from danvan.inputs import id_in
from danvan.models import Agency
from danvan.versions import FIELD as VERSION
from reports.management_forms import ManagementForm
from reports.openings_selectors import opening_agencies
from reports.periods import Window
from reports.qlkntc import FORM, keyed_by_agency
from reports.services import enter_management_figures
from reports.views import report_choice

NO_ROLE = (
    "Chỉ cán bộ tổng hợp, lãnh đạo hoặc quản trị đơn vị của một cơ quan mới nhập số liệu biểu 06/QLKNTC của cơ quan đó."
)
TEMPLATE = "reports/management.html"


@login_required
def management(request: HttpRequest) -> HttpResponse:
    """GET: the period's choice and the forms of the agencies keyed for. POST (one agency's form, ``agency``): saves
    its figures for the window chosen in the query, or shows the form again with each refusal beside its field."""
    keying = opening_agencies(request.user)
    if not keying.exists():
        raise PermissionDenied(NO_ROLE)
    choice = report_choice(request, request.GET)
    if choice.outside_scope():
        raise Http404("Đơn vị ngoài phạm vi của bạn.")
    posted = request.method == "POST"
    context = {"form": choice, "qlkntc": FORM}
    if not (choice.is_bound and choice.is_valid()):
        return render(request, TEMPLATE, context, status=400 if posted else 200)
    agencies = keying.filter(unit=choice.place)
    keyed = keyed_by_agency(agencies, choice.window)
    bound = None
    if posted:
        agency = _posted_agency(request, agencies)
        bound = ManagementForm(request.POST, keyed=keyed.get(agency.pk, {}), prefix=_prefix(agency))
        if _saved(request, bound, agency, choice.window):
            return redirect(request.get_full_path())
    context |= {
        "place": choice.place,
        "window": choice.window,
        "entries": [
            (agency, bound if bound is not None and bound.prefix == _prefix(agency) else _unbound(agency, keyed))
            for agency in agencies
        ],
    }
    return render(request, TEMPLATE, context, status=400 if posted else 200)


def _prefix(agency: Agency) -> str:
    return f"co-quan-{agency.pk}"


def _unbound(agency: Agency, keyed: dict[int, dict[int, int]]) -> ManagementForm:
    return ManagementForm(keyed=keyed.get(agency.pk, {}), prefix=_prefix(agency))


def _posted_agency(request: HttpRequest, agencies: QuerySet[Agency]) -> Agency:
    """The agency whose form was posted: one of ``agencies``, or 404."""
    pk = id_in(request.POST.get("agency"))
    if pk is None:
        raise Http404("Không có cơ quan này.")
    return get_object_or_404(agencies, pk=pk)


def _saved(request: HttpRequest, form: ManagementForm, agency: Agency, window: Window) -> bool:
    """Saves the posted figures, saying so; False with the refusals on the form."""
    if not form.is_valid():
        return False
    try:
        enter_management_figures(
            agency=agency, window=window, values=form.values(), by=request.user, version=form.cleaned_data[VERSION]
        )
    except ValidationError as error:
        form.add_refusals(error)
        return False
    messages.success(request, f"Đã lưu số liệu biểu 06/QLKNTC của {agency.name} ({window.label}).")
    return True
