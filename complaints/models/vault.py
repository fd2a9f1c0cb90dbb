"""The denouncer identity vault: who denounced is stored apart and shown only to a permitted user with a reason.

Luật Tố cáo 2018, Điều 8(3), 47(2), 56: nobody may disclose a denouncer's name, address, handwriting or anything else
that reveals them.
"""

from django.core.validators import FileExtensionValidator
from django.db import models

from complaints.models.petitions import ATTACHMENT_TYPES, Petition
from danvan.models import Staff
from danvan.text import fold


class DenouncerIdentity(models.Model):
    petition = models.OneToOneField(Petition, on_delete=models.CASCADE, related_name="denouncer")
    full_name = models.CharField("họ và tên", max_length=150)
    # Folded name, searched only for users with the permission to reveal.
    search_name = models.CharField(max_length=150, editable=False, db_index=True)
    cccd = models.CharField("số CCCD", max_length=12, blank=True)
    address = models.CharField("địa chỉ", max_length=300, blank=True)
    phone = models.CharField("điện thoại", max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "danh tính người tố cáo"
        verbose_name_plural = "danh tính người tố cáo"

    def __str__(self) -> str:
        return "Người tố cáo (bảo mật)"

    def save(self, *args, **kwargs) -> None:
        self.search_name = fold(self.full_name)
        super().save(*args, **kwargs)


class IdentityDocument(models.Model):
    """A scan that reveals the denouncer (the signed letter, handwriting): kept in the vault, never in attachments."""

    identity = models.ForeignKey(DenouncerIdentity, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField("tệp", upload_to="bao-mat/%Y/%m/", validators=[FileExtensionValidator(ATTACHMENT_TYPES)])
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tài liệu thể hiện danh tính"
        verbose_name_plural = "tài liệu thể hiện danh tính"

    def __str__(self) -> str:
        return "Tài liệu bảo mật"


class IdentityReveal(models.Model):
    """Each time a permitted user saw a denouncer's identity: who, when and why."""

    identity = models.ForeignKey(DenouncerIdentity, on_delete=models.PROTECT, related_name="reveals")
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField("lý do")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "lần xem danh tính người tố cáo"
        verbose_name_plural = "nhật ký xem danh tính người tố cáo"
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.staff} — {self.at:%d/%m/%Y %H:%M}"
