"""Correction pages of a petition and of a case's steps (danvan.corrections): the fields the user may correct now and
the reason; back to the record, whose timeline shows old → new."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from complaints.models import ComplaintDialogue, Decision, Enforcement, Extension, Suspension, Verification
from complaints.selectors import get_case_for, get_petition_for
from complaints.services.corrections import PETITION
from complaints.services.step_corrections import (
    COMPLAINT_DIALOGUE,
    DECISION,
    ENFORCEMENT,
    EXTENSION,
    SUSPENSION,
    VERIFICATION,
)
from danvan.correction_pages import correction_page

# Each step of a case by the slug of its correction page: how it is corrected, its records and how one names a case's.
STEPS = {
    "xac-minh": (VERIFICATION, Verification, "case"),
    "doi-thoai": (COMPLAINT_DIALOGUE, ComplaintDialogue, "case"),
    "quyet-dinh": (DECISION, Decision, "case"),
    "thi-hanh": (ENFORCEMENT, Enforcement, "decision__case"),
    "tam-dung": (SUSPENSION, Suspension, "case"),
    "gia-han": (EXTENSION, Extension, "case"),
}


@login_required
def petition_correct(request: HttpRequest, pk: int) -> HttpResponse:
    petition = get_petition_for(request.user, pk)
    heading = f"Sửa đơn {petition.receipt_code}"
    return correction_page(request, PETITION, petition, back=petition.get_absolute_url(), heading=heading)


@login_required
def step_correct(request: HttpRequest, pk: int, step: str, item: int) -> HttpResponse:
    case = get_case_for(request.user, pk)
    if step not in STEPS:
        raise Http404("Không có bước giải quyết này.")
    spec, model, of_case = STEPS[step]
    record = get_object_or_404(model.objects.filter(**{of_case: case}), pk=item)
    heading = f"Sửa {spec.what} của vụ việc VV{case.pk}"
    back = reverse("complaints:case-detail", args=[case.pk])
    return correction_page(request, spec, record, back=back, heading=heading)
