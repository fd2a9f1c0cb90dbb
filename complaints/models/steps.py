"""The statutory steps between a case's acceptance and its decision: the verification of its content (xác minh) and,
for a complaint where the law requires it, the dialogue with the complainant (đối thoại). Which step is required when
is complaints.steps'."""

from django.db import models
from django.db.models import F, Q

from danvan.models import Case, Staff


class Verification(models.Model):
    """Who verifies the content of a complaint or denunciation, from when, and the report of what was found."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="verification")
    verifier = models.CharField("người, tổ xác minh", max_length=200)
    number = models.CharField("số văn bản giao nhiệm vụ xác minh", max_length=50)
    started_on = models.DateField("ngày giao nhiệm vụ xác minh")
    reported_on = models.DateField("ngày báo cáo kết quả xác minh", null=True, blank=True)
    findings = models.TextField("kết quả xác minh", blank=True)
    # Luật Khiếu nại, Điều 30: a first-round complaint requires a dialogue when the claim and the findings differ.
    differs_from_claim = models.BooleanField("kết quả xác minh khác với yêu cầu của người khiếu nại", default=False)
    by = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = "xác minh"
        verbose_name_plural = "xác minh"
        constraints = [
            models.CheckConstraint(
                condition=Q(reported_on__isnull=True) | Q(reported_on__gte=F("started_on")),
                name="verification_reported_after_started",
            ),
            models.CheckConstraint(
                condition=Q(reported_on__isnull=True) | ~Q(findings=""), name="verification_report_has_findings"
            ),
        ]

    def __str__(self) -> str:
        return f"Xác minh từ {self.started_on:%d/%m/%Y}"


class ComplaintDialogue(models.Model):
    """The dialogue of the complaint's resolver with the complainant and the person complained about, and its minutes
    (biên bản đối thoại)."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="complaint_dialogue")
    held_on = models.DateField("ngày đối thoại")
    place = models.CharField("địa điểm", max_length=200)
    participants = models.TextField("thành phần tham gia")
    minutes = models.TextField("biên bản đối thoại: ý kiến của các bên, kết quả")
    by = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = "đối thoại giải quyết khiếu nại"
        verbose_name_plural = "đối thoại giải quyết khiếu nại"

    def __str__(self) -> str:
        return f"Đối thoại ngày {self.held_on:%d/%m/%Y}"
