"""The documents as they were issued: the file generated for a step, kept with its petition, case or visit."""

from django.db import models
from django.db.models import Q

from complaints.models.petitions import Petition
from complaints.models.templates import DocumentTemplate
from danvan.models import Case, Staff
from reception.models import Visit

# Exactly one record owns a document: a petition, a case or a visit.
_ONE_OWNER = (
    Q(petition__isnull=False, case__isnull=True, visit__isnull=True)
    | Q(petition__isnull=True, case__isnull=False, visit__isnull=True)
    | Q(petition__isnull=True, case__isnull=True, visit__isnull=False)
)


class IssuedDocument(models.Model):
    """The .docx generated for a step of a petition, a case or a visit (``slug``, complaints.documents.DOCUMENTS), as
    it was: later downloads give this file, not one filled again from a record corrected since. ``template`` is the
    version of the agency's template it was filled from (None: the portal's own). Generating it again from the
    record keeps this one and adds the next."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    slug = models.SlugField("văn bản", max_length=40)
    step = models.CharField("bước", max_length=20, blank=True)  # which of the record's steps, when it has several
    content = models.BinaryField("tệp (.docx)", editable=False)
    template = models.ForeignKey(
        DocumentTemplate, verbose_name="phiên bản mẫu", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    issued_by = models.ForeignKey(
        Staff, verbose_name="người tạo", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    issued_at = models.DateTimeField("lúc tạo", auto_now_add=True)

    class Meta:
        verbose_name = "văn bản đã tạo"
        verbose_name_plural = "văn bản đã tạo"
        ordering = ["-issued_at", "-pk"]
        constraints = [models.CheckConstraint(condition=_ONE_OWNER, name="issued_document_of_one_record")]
        indexes = [
            models.Index(fields=["petition", "slug", "step", "-issued_at"], name="issued_document_petition"),
            models.Index(fields=["case", "slug", "step", "-issued_at"], name="issued_document_case"),
            models.Index(fields=["visit", "slug", "step", "-issued_at"], name="issued_document_visit"),
        ]

    def __str__(self) -> str:
        return f"{self.slug} ({self.issued_at:%d/%m/%Y})"
