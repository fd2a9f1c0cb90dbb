"""Which template of a document an agency fills its documents from: the latest version put in use, else the one the
portal ships; and the versions kept."""

from dataclasses import dataclass

from django.db.models import QuerySet

from complaints.documents import PETITION_DOCUMENTS, VISIT_DOCUMENTS, Document, available
from complaints.documents.filling import built_in
from complaints.models import DocumentTemplate, IssuedDocument, Petition
from danvan.models import Agency, Case
from reception.models import Visit


def history(agency: Agency, slug: str) -> QuerySet[DocumentTemplate]:
    """Every version of the agency's template of ``slug``, the latest first, drafts included."""
    return DocumentTemplate.objects.filter(agency=agency, slug=slug).select_related("uploaded_by", "published_by")


def in_use(agency: Agency, slug: str) -> DocumentTemplate | None:
    """The version documents are filled from; None while the portal's own is."""
    return history(agency, slug).filter(published_at__isnull=False).first()


def content_of(document, agency: Agency, version: DocumentTemplate | None) -> bytes:
    """The .docx of a version (the portal's own for None or a restored built-in one)."""
    if version is None or version.built_in:
        return built_in(document, agency)
    return bytes(version.content)


def template_in_use(document, agency: Agency) -> tuple[bytes, DocumentTemplate | None]:
    version = in_use(agency, document.slug)
    return content_of(document, agency, version), version


def owner_of(subject) -> dict:
    """The field of an issued document that names ``subject``: a petition, a case or a visit."""
    if isinstance(subject, Petition):
        return {"petition": subject}
    return {"visit": subject} if isinstance(subject, Visit) else {"case": subject}


def sample_record(document, agency: Agency):
    """The latest record of ``agency`` that has ``document`` at its step, to preview a template with; None if none."""
    if document in PETITION_DOCUMENTS:
        recent = Petition.objects.filter(agency=agency).select_related("agency__unit", "citizen", "case")
        recent = recent.order_by("-received_on", "-pk")
    elif document in VISIT_DOCUMENTS:
        recent = Visit.objects.filter(agency=agency).select_related("agency__unit", "citizen", "created_by")
        recent = recent.order_by("-received_on", "-pk")
    else:
        recent = Case.objects.filter(agency=agency, accepted_on__isnull=False).select_related("agency__unit")
        recent = recent.order_by("-accepted_on", "-pk")
    return next((record for record in recent[:200] if document.offered_for(record)), None)


def issued(document: Document, subject) -> IssuedDocument | None:
    """The latest file issued for ``document`` at the current step of a petition, a case or a visit; None until one
    is."""
    kept = IssuedDocument.objects.filter(**owner_of(subject), slug=document.slug, step=document.step(subject))
    return kept.select_related("template", "issued_by").first()


@dataclass(frozen=True)
class Offer:
    """A document a page offers: the document, and the file issued for it if one was."""

    document: Document
    issued: IssuedDocument | None

    @property
    def slug(self) -> str:
        return self.document.slug

    @property
    def label(self) -> str:
        return self.document.label


def offered(documents: tuple[Document, ...], subject) -> list[Offer]:
    """The documents of ``subject``'s current step, each with the file issued for it if one was."""
    return [Offer(document, issued(document, subject)) for document in available(documents, subject)]
