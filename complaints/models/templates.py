"""The templates an agency edited of its documents (complaints.documents): one row per version."""

from django.db import models
from django.db.models import Q

from danvan.models import Agency, Staff


class DocumentTemplate(models.Model):
    """A version of an agency's template of one document (``slug``, complaints.documents.DOCUMENTS): a .docx uploaded
    by a unit admin, or ``built_in`` (the portal's own, restored). An upload is a draft until it is put in use
    (``published_at``), after its preview with a real record; the latest version in use is the one documents are
    filled from. Nothing is overwritten: restoring an earlier version puts a copy of it in use."""

    agency = models.ForeignKey(Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="+")
    slug = models.SlugField("văn bản", max_length=40)
    version = models.PositiveIntegerField("phiên bản")
    built_in = models.BooleanField("mẫu của cổng", default=False)
    content = models.BinaryField("tệp mẫu (.docx)", blank=True, editable=False)
    filename = models.CharField("tên tệp tải lên", max_length=200, blank=True)
    restored_from = models.PositiveIntegerField("khôi phục từ phiên bản", null=True, blank=True)
    uploaded_by = models.ForeignKey(
        Staff, verbose_name="người tải lên", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField("lúc tải lên", auto_now_add=True)
    published_by = models.ForeignKey(
        Staff, verbose_name="người áp dụng", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField("lúc áp dụng", null=True, blank=True)

    class Meta:
        verbose_name = "mẫu văn bản của cơ quan"
        verbose_name_plural = "mẫu văn bản của cơ quan"
        ordering = ["agency", "slug", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "slug", "version"], name="document_template_version_unique"),
            models.CheckConstraint(condition=Q(version__gte=1), name="document_template_version_from_one"),
        ]
        indexes = [
            # The version in use of an agency's document: the latest published.
            models.Index(
                fields=["agency", "slug", "-version"],
                condition=Q(published_at__isnull=False),
                name="document_template_in_use",
            )
        ]

    def __str__(self) -> str:
        return f"{self.slug} v{self.version}"
