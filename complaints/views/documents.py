"""The document of each step of a petition, a case or a visit: the file issued for it (the first download issues it,
filled from the record with the agency's template in use); generating it again from the record keeps the earlier
one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from complaints.documents import CASE_DOCUMENTS, PETITION_DOCUMENTS, VISIT_DOCUMENTS, Document, available
from complaints.documents.versions import issued
from complaints.models import Petition
from complaints.services.issuing import issue
from danvan.audit import Export
from danvan.models import Case
from danvan.pages import DOCX, download
from danvan.scope import get_scoped_or_404
from reception.models import Visit
from reception.selectors import get_visit_for


def _document(documents: tuple[Document, ...], subject, slug: str) -> Document:
    document = next((d for d in available(documents, subject) if d.slug == slug), None)
    if document is None:
        raise Http404("Văn bản này chưa có ở bước hiện tại.")
    return document


def _download(request: HttpRequest, documents: tuple[Document, ...], subject, slug: str, name: str) -> HttpResponse:
    document = _document(documents, subject, slug)
    kept = issued(document, subject) or issue(document=document, subject=subject, by=request.user)
    export = Export(request.user, f"Văn bản “{document.title}” của {name}", subject=subject)
    return download(bytes(kept.content), f"{slug}-{name}.docx", DOCX, export=export)


def _petition(request: HttpRequest, pk: int) -> Petition:
    return get_scoped_or_404(Petition.objects.select_related("agency__unit", "citizen", "case"), request.user, pk=pk)


def _case(request: HttpRequest, pk: int) -> Case:
    accepted = Case.objects.filter(accepted_on__isnull=False).select_related("agency__unit__parent", "citizen")
    return get_scoped_or_404(accepted, request.user, pk=pk)


@login_required
def petition_document(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    petition = _petition(request, pk)
    return _download(request, PETITION_DOCUMENTS, petition, slug, petition.receipt_code)


def _visit_name(visit: Visit) -> str:
    return visit.receipt_code or f"TD{visit.pk}"


@login_required
def visit_document(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    visit = get_visit_for(request.user, pk)
    return _download(request, VISIT_DOCUMENTS, visit, slug, _visit_name(visit))


@login_required
def case_document(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    case = _case(request, pk)
    return _download(request, CASE_DOCUMENTS, case, slug, f"VV{case.pk}")


def _regenerated(request: HttpRequest, documents: tuple[Document, ...], subject, slug: str, page: str) -> HttpResponse:
    document = _document(documents, subject, slug)
    issue(document=document, subject=subject, by=request.user)
    messages.success(
        request, f"Đã tạo lại văn bản “{document.title}” từ hồ sơ hiện tại; bản đã tạo trước vẫn được lưu."
    )
    return redirect(page, subject.pk)


@login_required
@require_POST
def petition_document_again(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    return _regenerated(request, PETITION_DOCUMENTS, _petition(request, pk), slug, "complaints:petition-detail")


@login_required
@require_POST
def case_document_again(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    return _regenerated(request, CASE_DOCUMENTS, _case(request, pk), slug, "complaints:case-detail")


@login_required
@require_POST
def visit_document_again(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    return _regenerated(request, VISIT_DOCUMENTS, get_visit_for(request.user, pk), slug, "reception:visit-detail")
