"""Downloads of the pre-filled .docx of each step of a petition or a case."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from complaints.documents import CASE_DOCUMENTS, PETITION_DOCUMENTS, Document, available
from complaints.documents.filling import fill
from complaints.documents.versions import template_in_use
from complaints.models import Petition
from danvan.models import Case
from danvan.scope import get_scoped_or_404

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(documents: tuple[Document, ...], subject, slug: str, name: str) -> HttpResponse:
    document = next((d for d in available(documents, subject) if d.slug == slug), None)
    if document is None:
        raise Http404("Văn bản này chưa có ở bước hiện tại.")
    template, _ = template_in_use(document, subject.agency)
    response = HttpResponse(fill(template, document.facts(subject)), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{slug}-{name}.docx"'
    return response


@login_required
def petition_document(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    petition = get_scoped_or_404(
        Petition.objects.select_related("agency__unit", "citizen", "case"), request.user, pk=pk
    )
    return _download(PETITION_DOCUMENTS, petition, slug, petition.receipt_code)


@login_required
def case_document(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    case = get_scoped_or_404(
        Case.objects.filter(accepted_on__isnull=False).select_related("agency__unit"), request.user, pk=pk
    )
    return _download(CASE_DOCUMENTS, case, slug, f"VV{case.pk}")
