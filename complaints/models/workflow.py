"""Assignment and approval (giao việc, trình duyệt): a leader assigns a petition or case to a department or a handler;
the handler's proposals go back to the leader, who approves them or returns them for rework."""

from django.db import models
from django.db.models import Q

from complaints.models.petitions import Petition
from danvan.models import Agency, Case, Staff

# Exactly one of the two records is set.
ONE_RECORD = Q(petition__isnull=False, case__isnull=True) | Q(petition__isnull=True, case__isnull=False)


class Assignment(models.Model):
    petition = models.ForeignKey(
        Petition, verbose_name="đơn", on_delete=models.CASCADE, null=True, blank=True, related_name="assignments"
    )
    case = models.ForeignKey(
        Case, verbose_name="vụ việc", on_delete=models.CASCADE, null=True, blank=True, related_name="assignments"
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name="giao cho cơ quan, bộ phận",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
    )
    handler = models.ForeignKey(
        Staff,
        verbose_name="giao cho cán bộ",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
    )
    by = models.ForeignKey(Staff, verbose_name="lãnh đạo giao", on_delete=models.PROTECT, related_name="+")
    on = models.DateField("ngày giao")
    note = models.TextField("ý kiến chỉ đạo", blank=True)
    done_on = models.DateField("ngày hoàn thành", null=True, blank=True)

    class Meta:
        verbose_name = "giao việc"
        verbose_name_plural = "giao việc"
        ordering = ["-on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=ONE_RECORD, name="assignment_one_record"),
            models.CheckConstraint(
                condition=Q(agency__isnull=False) | Q(handler__isnull=False), name="assignment_has_an_assignee"
            ),
        ]
        indexes = [
            models.Index(fields=["handler", "on"], condition=Q(done_on__isnull=True), name="assignment_open_handler"),
            models.Index(fields=["agency", "on"], condition=Q(done_on__isnull=True), name="assignment_open_agency"),
        ]

    def __str__(self) -> str:
        return f"Giao việc ngày {self.on:%d/%m/%Y}"

    @property
    def record(self) -> Petition | Case:
        return self.petition or self.case


class ProposalKind(models.TextChoices):
    HANDLING = "handling", "Đề xuất xử lý đơn"
    VERIFICATION_REPORT = "verification_report", "Báo cáo kết quả xác minh"
    DRAFT_DECISION = "draft_decision", "Dự thảo quyết định, kết luận"


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "Chờ duyệt"
    APPROVED = "approved", "Đã duyệt"
    RETURNED = "returned", "Trả lại để làm lại"


class Proposal(models.Model):
    Kind = ProposalKind
    Status = ProposalStatus

    petition = models.ForeignKey(
        Petition, verbose_name="đơn", on_delete=models.CASCADE, null=True, blank=True, related_name="proposals"
    )
    case = models.ForeignKey(
        Case, verbose_name="vụ việc", on_delete=models.CASCADE, null=True, blank=True, related_name="proposals"
    )
    kind = models.CharField("loại văn bản trình", max_length=30, choices=Kind.choices)
    text = models.TextField("nội dung")
    # The handling of a petition as proposed: the handling form's fields as typed, validated again on approval.
    handling = models.JSONField("kết quả xử lý đề xuất", default=dict, blank=True)
    by = models.ForeignKey(Staff, verbose_name="người trình", on_delete=models.PROTECT, related_name="proposals")
    submitted_at = models.DateTimeField("thời điểm trình", auto_now_add=True)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.PENDING)
    reviewed_by = models.ForeignKey(
        Staff, verbose_name="lãnh đạo duyệt", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField("thời điểm duyệt", null=True, blank=True)
    review_note = models.TextField("ý kiến của lãnh đạo", blank=True)

    class Meta:
        verbose_name = "văn bản trình duyệt"
        verbose_name_plural = "văn bản trình duyệt"
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=ONE_RECORD, name="proposal_one_record"),
            models.CheckConstraint(
                condition=~Q(status=ProposalStatus.RETURNED) | ~Q(review_note=""), name="proposal_return_has_a_note"
            ),
            models.CheckConstraint(
                condition=Q(status=ProposalStatus.PENDING) | Q(reviewed_by__isnull=False, reviewed_at__isnull=False),
                name="proposal_reviewed_has_a_reviewer",
            ),
        ]
        indexes = [
            models.Index(fields=["submitted_at"], condition=Q(status=ProposalStatus.PENDING), name="proposal_pending")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def record(self) -> Petition | Case:
        return self.petition or self.case
