"""Issuing a step's document: filled from the record with the agency's template in use, and kept as it was."""

from complaints.documents import Document
from complaints.documents.filling import fill
from complaints.documents.versions import owner_of, template_in_use
from complaints.models import IssuedDocument
from danvan.models import Staff


def issue(*, document: Document, subject, by: Staff) -> IssuedDocument:
    """Generates ``document`` for ``subject`` (a petition, a case or a visit) and keeps the file with it and the
    template version it was filled from; an earlier one stays as it was."""
    template, version = template_in_use(document, subject.agency)
    return IssuedDocument.objects.create(
        **owner_of(subject), slug=document.slug, step=document.step(subject),
        content=fill(template, document.facts(subject)), template=version, issued_by=by,
    )  # fmt: skip
