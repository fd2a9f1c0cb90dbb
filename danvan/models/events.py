"""The shared timeline: every step taken on a record (a petition, a case, a dialogue) is an event."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from danvan.models.staff import Staff


class Event(models.Model):
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    kind = models.CharField("loại bước", max_length=40)
    label = models.CharField("nội dung", max_length=300)
    on = models.DateField("ngày")
    changes = models.JSONField("thay đổi", default=dict, blank=True)
    # Why a correction was made (danvan.corrections); empty for the steps themselves.
    reason = models.TextField("lý do", blank=True)
    by = models.ForeignKey(
        Staff, verbose_name="người thực hiện", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField("thời điểm ghi", auto_now_add=True)

    class Meta:
        verbose_name = "bước xử lý"
        verbose_name_plural = "các bước xử lý"
        ordering = ["on", "at", "pk"]
        indexes = [models.Index(fields=["subject_type", "subject_id", "on"], name="event_subject_on")]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y}: {self.label}"
