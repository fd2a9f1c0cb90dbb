"""Dialogues (hội nghị đối thoại) of heads of party committees and People's Committees with the people, and voter
meetings (tiếp xúc cử tri) of deputies: what was raised there, and the follow-up of what was assigned or concluded."""

from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from danvan.files import file_under
from danvan.models import AdminUnit, Agency, Staff
from danvan.text import fold

MINUTES_MAX_BYTES = 10 * 1024 * 1024
MINUTES_TYPES = ["pdf", "doc", "docx", "jpg", "jpeg", "png"]


class Kind(models.TextChoices):
    DIALOGUE = "dialogue", "Đối thoại"
    VOTER_MEETING = "voter_meeting", "Tiếp xúc cử tri"


class Host(models.TextChoices):
    PARTY_SECRETARY = "party_secretary", "Bí thư cấp ủy"
    COMMITTEE_CHAIR = "committee_chair", "Chủ tịch UBND"
    COUNCIL_STANDING = "council_standing", "Thường trực HĐND"
    ASSEMBLY_DEPUTY = "assembly_deputy", "Đại biểu Quốc hội"
    COUNCIL_DEPUTY = "council_deputy", "Đại biểu HĐND"


# The agency whose head hosts: the dialogue is that agency's record (and within the scope of those who see it).
HOST_AGENCY_KINDS = {
    Host.PARTY_SECRETARY: Agency.Kind.PARTY,
    Host.COMMITTEE_CHAIR: Agency.Kind.COMMITTEE,
    Host.COUNCIL_STANDING: Agency.Kind.COUNCIL,
    Host.ASSEMBLY_DEPUTY: Agency.Kind.ASSEMBLY_DELEGATION,
    Host.COUNCIL_DEPUTY: Agency.Kind.COUNCIL,
}


class Dialogue(models.Model):
    """One dialogue or voter meeting. Its level (province, district, commune) is the level of the unit where it was
    held, in the structure in force on its date; the opinion counts are the minutes' totals."""

    kind = models.CharField("hình thức", max_length=20, choices=Kind.choices, default=Kind.DIALOGUE)
    date = models.DateField("ngày tổ chức")
    unit = models.ForeignKey(
        AdminUnit, verbose_name="địa bàn tổ chức", on_delete=models.PROTECT, related_name="dialogues"
    )
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan tổ chức", on_delete=models.PROTECT, related_name="dialogues"
    )
    host = models.CharField("người chủ trì", max_length=20, choices=Host.choices)
    host_name = models.CharField("họ tên người chủ trì", max_length=150)
    host_title = models.CharField("chức vụ người chủ trì", max_length=150)
    co_organisers = models.CharField(
        "cơ quan phối hợp", max_length=300, blank=True, help_text="Mặt trận Tổ quốc, các tổ chức chính trị - xã hội."
    )
    topic = models.CharField("chủ đề", max_length=500)
    participants = models.PositiveIntegerField("số người tham dự")
    opinions_raised = models.PositiveIntegerField("số ý kiến, kiến nghị", default=0)
    opinions_answered = models.PositiveIntegerField("số ý kiến trả lời tại chỗ", default=0)
    minutes = models.TextField("biên bản", blank=True)
    minutes_file = models.FileField(
        "tệp biên bản",
        upload_to="doi-thoai/",  # below it, the dialogue's year and month
        blank=True,
        validators=[FileExtensionValidator(MINUTES_TYPES)],
        help_text="PDF, Word hoặc ảnh chụp, tối đa 10 MB.",
    )
    # The dialogue's stable code (danvan.codes), written in the register's Mã hồ sơ; ``reference`` is the agency's own
    # reference, typed on the page or read from an imported register whose Mã hồ sơ was not a code.
    code = models.CharField("mã hội nghị", max_length=20, unique=True)
    reference = models.CharField("mã hồ sơ", max_length=50, blank=True)
    # The host's name and the topic folded (no diacritics, lower case), for the header search.
    search_text = models.TextField(editable=False, blank=True)
    created_by = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "hội nghị đối thoại, tiếp xúc cử tri"
        verbose_name_plural = "hội nghị đối thoại, tiếp xúc cử tri"
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="dialogue_kind_known"),
            models.CheckConstraint(condition=Q(host__in=Host.values), name="dialogue_host_known"),
            models.CheckConstraint(
                condition=Q(opinions_answered__lte=F("opinions_raised")), name="dialogue_answered_within_raised"
            ),
            models.UniqueConstraint(
                fields=["agency", "date", "reference"], condition=~Q(reference=""), name="dialogue_reference_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "date"], name="dialogue_agency_date"),
            models.Index(fields=["date", "kind"], name="dialogue_date_kind"),
            models.Index(fields=["unit", "date"], name="dialogue_unit_date"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ngày {self.date:%d/%m/%Y} — {self.unit.name}"

    def save(self, *args, **kwargs) -> None:
        file_under(self.minutes_file, f"{self.date:%Y/%m}")
        self.fold_search_text()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("dialogues:dialogue-detail", args=[self.pk])

    def fold_search_text(self) -> None:
        """Sets ``search_text``: writers that bypass ``save`` (the register import) call it themselves."""
        self.search_text = fold(f"{self.host_name} {self.topic}")

    @property
    def host_line(self) -> str:
        """Who hosted, as pages show it: "Phạm Minh Đức, Chủ tịch UBND xã"; only the host's role when the record names
        no one (a register row carries the role alone)."""
        return ", ".join(part for part in (self.host_name, self.host_title) if part) or self.get_host_display()


class OpinionStatus(models.TextChoices):
    ANSWERED_ON_SPOT = "on_spot", "Đã trả lời tại chỗ"
    ASSIGNED = "assigned", "Đã giao cơ quan xử lý"
    RESOLVED = "resolved", "Đã giải quyết"


class Opinion(models.Model):
    """An opinion or recommendation raised at a dialogue: answered on the spot, or assigned to an agency with a
    deadline and later resolved with its answer."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="opinion_records")
    content = models.TextField("nội dung ý kiến")
    raised_by = models.CharField("người nêu ý kiến", max_length=200, blank=True)
    status = models.CharField("tình trạng", max_length=10, choices=OpinionStatus.choices)
    assignee = models.ForeignKey(
        Agency,
        verbose_name="cơ quan được giao",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_opinions",
    )
    due_on = models.DateField("hạn giải quyết", null=True, blank=True)
    answer = models.TextField("nội dung trả lời, kết quả giải quyết", blank=True)
    resolved_on = models.DateField("ngày giải quyết", null=True, blank=True)

    class Meta:
        verbose_name = "ý kiến, kiến nghị"
        verbose_name_plural = "ý kiến, kiến nghị"
        ordering = ["dialogue", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=OpinionStatus.values), name="opinion_status_known"),
            models.CheckConstraint(
                condition=~Q(status=OpinionStatus.ASSIGNED) | Q(assignee__isnull=False, due_on__isnull=False),
                name="opinion_assigned_has_agency_and_deadline",
            ),
            models.CheckConstraint(
                condition=Q(status=OpinionStatus.RESOLVED, resolved_on__isnull=False)
                | (~Q(status=OpinionStatus.RESOLVED) & Q(resolved_on__isnull=True)),
                name="opinion_resolved_iff_dated",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_on"], name="opinion_status_due"),
            models.Index(fields=["assignee", "status"], name="opinion_assignee_status"),
        ]

    def __str__(self) -> str:
        return self.content[:80]


class DirectiveStatus(models.TextChoices):
    OPEN = "open", "Đang thực hiện"
    DONE = "done", "Đã hoàn thành"


class Directive(models.Model):
    """A conclusion or instruction (kết luận, chỉ đạo) of the host: a task with an owner agency and a deadline."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="directives")
    content = models.TextField("nội dung kết luận, chỉ đạo")
    owner = models.ForeignKey(
        Agency, verbose_name="cơ quan thực hiện", on_delete=models.PROTECT, related_name="directives"
    )
    due_on = models.DateField("thời hạn")
    status = models.CharField(
        "tình trạng", max_length=10, choices=DirectiveStatus.choices, default=DirectiveStatus.OPEN
    )
    done_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    result = models.TextField("kết quả thực hiện", blank=True)

    class Meta:
        verbose_name = "kết luận, chỉ đạo"
        verbose_name_plural = "kết luận, chỉ đạo"
        ordering = ["dialogue", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=DirectiveStatus.values), name="directive_status_known"),
            models.CheckConstraint(
                condition=Q(status=DirectiveStatus.DONE, done_on__isnull=False)
                | Q(status=DirectiveStatus.OPEN, done_on__isnull=True),
                name="directive_done_iff_dated",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_on"], name="directive_status_due"),
            models.Index(fields=["owner", "status"], name="directive_owner_status"),
        ]

    def __str__(self) -> str:
        return self.content[:80]
