"""The audit log: who changed what that the law or the agency answers for — corrections of records, staff accounts and
their roles, exports that take personal data out of the portal."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from danvan.models.staff import Staff


class AuditAction(models.TextChoices):
    CORRECTION = "correction", "Sửa thông tin"
    STAFF_CREATED = "staff_created", "Thêm cán bộ"
    STAFF_CHANGED = "staff_changed", "Sửa cán bộ, vai trò"
    STAFF_DISABLED = "staff_disabled", "Khóa tài khoản"
    STAFF_ENABLED = "staff_enabled", "Mở khóa tài khoản"
    PASSWORD_RESET = "password_reset", "Đặt lại mật khẩu"
    EXPORT = "export", "Xuất dữ liệu"


class AuditEntry(models.Model):
    Action = AuditAction

    at = models.DateTimeField("thời điểm", auto_now_add=True)
    by = models.ForeignKey(
        Staff, verbose_name="người thực hiện", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField("thao tác", max_length=20, choices=Action.choices)
    subject_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    summary = models.CharField("nội dung", max_length=300)
    changes = models.JSONField("thay đổi", default=dict, blank=True)
    reason = models.TextField("lý do", blank=True)

    class Meta:
        verbose_name = "nhật ký thao tác"
        verbose_name_plural = "nhật ký thao tác"
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["-at"], name="audit_at"),
            models.Index(fields=["subject_type", "subject_id"], name="audit_subject"),
            models.Index(fields=["by", "-at"], name="audit_by_at"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(action__in=AuditAction.values), name="audit_action_known"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()}: {self.summary}"
