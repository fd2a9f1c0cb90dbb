"""Issuing a step's document: filled from the record with the agency's template in use, and kept as it was."""

from complaints.documents import Document
from complaints.documents.filling import fill
from complaints.documents.versions import template_in_use
from complaints.models import IssuedDocument, Petition
from danvan.models import Staff


def issue(*, document: Document, subject, by: Staff) -> IssuedDocument:
    """Generates ``document`` for ``subject`` (a petition or a case) and keeps the file with it and the template
    version it was filled from; an earlier one stays as it was."""
    template, version = template_in_use(document, subject.agency)
    owner = {"petition": subject} if isinstance(subject, Petition) else {"case": subject}
    return IssuedDocument.objects.create(
        **owner, slug=document.slug, step=document.step(subject), content=fill(template, document.facts(subject)),
        template=version, issued_by=by,
    )  # fmt: skip
