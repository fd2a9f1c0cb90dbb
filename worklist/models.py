"""What the personal queue keeps: each agency's reminder policy, each staff member's choice of e-mail and saved filters,
the daily digests (the in-app notifications) and the escalations already recorded on a record's timeline."""

from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from danvan.models import Agency, Staff

DUE_WITHIN_DAYS = 3
ESCALATE_AFTER_DAYS = 2


class ReminderPolicy(models.Model):
    """An agency's reminders: what is due within ``due_within_days`` working days goes into its staff's digest; what is
    overdue by more than ``escalate_after_days`` working days goes to its leader. Without a row: the defaults."""

    agency = models.OneToOneField(Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="+")
    due_within_days = models.PositiveSmallIntegerField(
        "nhắc việc đến hạn trong (ngày làm việc)", default=DUE_WITHIN_DAYS, validators=[MaxValueValidator(30)]
    )
    escalate_after_days = models.PositiveSmallIntegerField(
        "báo lãnh đạo khi quá hạn quá (ngày làm việc)",
        default=ESCALATE_AFTER_DAYS,
        validators=[MinValueValidator(0), MaxValueValidator(30)],
    )

    class Meta:
        verbose_name = "cấu hình nhắc việc"
        verbose_name_plural = "cấu hình nhắc việc"

    def __str__(self) -> str:
        return f"Nhắc việc của {self.agency}"


class ReminderChoice(models.Model):
    """A staff member's choice: the digest by e-mail or not. The in-app notifications cannot be turned off."""

    staff = models.OneToOneField(Staff, on_delete=models.CASCADE, related_name="reminder_choice")
    email = models.BooleanField("nhận thư nhắc việc hằng ngày", default=True)

    class Meta:
        verbose_name = "lựa chọn nhận thư nhắc việc"
        verbose_name_plural = "lựa chọn nhận thư nhắc việc"

    def __str__(self) -> str:
        return f"{self.staff}: {'nhận' if self.email else 'không nhận'} thư nhắc việc"


class SavedFilter(models.Model):
    """A filter of the queue a staff member named, to open it again in one click."""

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="saved_filters")
    name = models.CharField("tên bộ lọc", max_length=80)
    query = models.CharField("điều kiện lọc", max_length=300)

    class Meta:
        verbose_name = "bộ lọc đã lưu"
        verbose_name_plural = "bộ lọc đã lưu"
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["staff", "name"], name="saved_filter_unique_name")]

    def __str__(self) -> str:
        return self.name


class Digest(models.Model):
    """One staff member's reminder of one day: shown in the portal's notifications and, unless turned off, e-mailed.
    One per person per day, whatever the number of workers or runs (the unique constraint)."""

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="digests")
    on = models.DateField("ngày")
    subject = models.CharField("tiêu đề", max_length=200)
    # The lines as sent: [{"kind", "title", "due_on", "label", "action", "url", "escalated"}], dates as dd/mm/yyyy.
    items = models.JSONField("nội dung", default=list)
    mailed_at = models.DateTimeField("thời điểm gửi thư", null=True, blank=True)
    read_at = models.DateTimeField("thời điểm đọc", null=True, blank=True)

    class Meta:
        verbose_name = "thông báo nhắc việc"
        verbose_name_plural = "thông báo nhắc việc"
        ordering = ["-on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["staff", "on"], name="digest_once_a_day")]
        indexes = [models.Index(fields=["staff"], condition=Q(read_at__isnull=True), name="digest_unread")]

    def __str__(self) -> str:
        return self.subject


class Escalation(models.Model):
    """An overdue item reported to the leader of an agency, once: the timeline says so on the day it happened."""

    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    kind = models.CharField("loại việc", max_length=20)
    to_agency = models.ForeignKey(
        Agency, verbose_name="báo lãnh đạo cơ quan", on_delete=models.CASCADE, related_name="+"
    )
    on = models.DateField("ngày báo")

    class Meta:
        verbose_name = "việc quá hạn đã báo lãnh đạo"
        verbose_name_plural = "việc quá hạn đã báo lãnh đạo"
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "kind", "to_agency"], name="escalation_once_per_leader"
            )
        ]

    def __str__(self) -> str:
        return f"Báo lãnh đạo {self.to_agency} ngày {self.on:%d/%m/%Y}"
