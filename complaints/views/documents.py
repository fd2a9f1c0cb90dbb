"""Downloads of the pre-filled .docx of each step of a petition or a case."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from complaints.documents import CASE_DOCUMENTS, PETITION_DOCUMENTS, Template, available
from complaints.models import Petition
from complaints.paper import render
from danvan.audit import Export
from danvan.models import Case
from danvan.pages import DOCX, download
from danvan.scope import get_scoped_or_404


def _download(request: HttpRequest, templates: tuple[Template, ...], subject, slug: str, name: str) -> HttpResponse:
    template = next((t for t in available(templates, subject) if t.slug == slug), None)
    if template is None:
        raise Http404("Văn bản này chưa có ở bước hiện tại.")
    export = Export(request.user, f"Văn bản “{template.label}” của {name}", subject=subject)
    return download(render(template.build(subject)), f"{slug}-{name}.docx", DOCX, export=export)


@login_required
def petition_document(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    petition = get_scoped_or_404(
        Petition.objects.select_related("agency__unit", "citizen", "case"), request.user, pk=pk
    )
    return _download(request, PETITION_DOCUMENTS, petition, slug, petition.receipt_code)


@login_required
def case_document(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    case = get_scoped_or_404(
        Case.objects.filter(accepted_on__isnull=False).select_related("agency__unit"), request.user, pk=pk
    )
    return _download(request, CASE_DOCUMENTS, case, slug, f"VV{case.pk}")
