"""Petitions (đơn): received from any source, handled within their deadline (xử lý đơn)."""

from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from complaints.rules import Handling
from danvan.files import file_under
from danvan.models import Agency, Case, Citizen, Classification, GivenDetails, Staff, SubjectField
from danvan.text import fold
from reception.models import Visit

# 5 or more signatories make a petition signed by many (đơn nhiều người đứng tên).
MANY_SIGNATORIES = 5
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_TYPES = ["pdf", "jpg", "jpeg", "png", "tif", "tiff"]


class Source(models.TextChoices):
    RECEPTION = "reception", "Trực tiếp (qua tiếp công dân)"
    POST = "post", "Bưu chính"
    FORWARDED = "forwarded", "Cơ quan khác chuyển đến"
    ELECTED_BODY = "elected_body", "ĐBQH, HĐND chuyển đến"
    ONLINE = "online", "Trực tuyến"


# The sources whose forwarding body is told the result (Luật Tiếp công dân 2013, Điều 27 khoản 2).
FORWARDING_SOURCES = (Source.FORWARDED, Source.ELECTED_BODY)
# The name stored for the body that forwarded a petition, or that one was forwarded to, when a register does not name
# it (the model wants one): not a name to print.
UNNAMED_AGENCY = "Không ghi trong sổ"


class UnprocessableReason(models.TextChoices):
    ANONYMOUS = "anonymous", "Đơn nặc danh, mạo danh, không rõ người đứng đơn"
    DUPLICATE = "duplicate", "Đơn trùng nội dung đã xử lý"
    ALREADY_RESOLVED = "already_resolved", "Đã được giải quyết đúng pháp luật"
    TIME_BARRED = "time_barred", "Hết thời hiệu"
    UNCLEAR = "unclear", "Nội dung không rõ ràng"
    OTHER = "other", "Lý do khác"


class Petition(GivenDetails):
    # No index of its own: the indexes that start with the agency serve every lookup by it.
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan nhận đơn", on_delete=models.PROTECT, related_name="petitions", db_index=False
    )
    received_on = models.DateField("ngày nhận đơn")
    source = models.CharField("nguồn đơn", max_length=20, choices=Source.choices)
    forwarded_by = models.ForeignKey(
        Agency,
        verbose_name="cơ quan chuyển đến",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petitions_forwarded_out",
    )
    forwarded_by_name = models.CharField("cơ quan chuyển đến (ngoài hệ thống)", max_length=200, blank=True)
    visit = models.ForeignKey(
        Visit, verbose_name="lượt tiếp", on_delete=models.PROTECT, null=True, blank=True, related_name="petitions"
    )
    # The petitioner; empty when anonymous, and for a denunciation, whose denouncer is kept in the identity vault.
    citizen = models.ForeignKey(
        Citizen,
        verbose_name="người đứng đơn",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petitions",
    )
    anonymous = models.BooleanField("đơn nặc danh", default=False)
    signatories = models.PositiveIntegerField("số người đứng tên", default=1)
    kind = models.CharField("loại đơn", max_length=20, choices=Classification.choices)
    field = models.CharField("lĩnh vực", max_length=30, choices=SubjectField.choices, blank=True)
    content = models.TextField("nội dung")
    search_text = models.TextField(editable=False, blank=True)
    reference = models.CharField("số hiệu đơn của cơ quan", max_length=50, blank=True)
    receipt_code = models.CharField("mã tra cứu", max_length=20, unique=True)
    handling_due_on = models.DateField("hạn xử lý đơn")
    # A denunciation's initial handling runs 10 working days instead of 7 (Luật Tố cáo 2018, Điều 24 khoản 1).
    several_places = models.BooleanField("phải kiểm tra, xác minh tại nhiều nơi hoặc ủy quyền", default=False)

    processable = models.BooleanField("đủ điều kiện xử lý", null=True, blank=True)
    unprocessable_reason = models.CharField(
        "lý do không đủ điều kiện", max_length=20, choices=UnprocessableReason.choices, blank=True
    )
    in_competence = models.BooleanField("thuộc thẩm quyền", null=True, blank=True)
    handling = models.CharField("hướng xử lý", max_length=10, choices=Handling.choices, blank=True)
    handled_on = models.DateField("ngày xử lý", null=True, blank=True)
    handling_note = models.TextField("ghi chú xử lý", blank=True)

    forwarded_to = models.ForeignKey(
        Agency,
        verbose_name="chuyển đến cơ quan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petitions_forwarded_in",
    )
    forwarded_to_name = models.CharField("chuyển đến (ngoài hệ thống)", max_length=200, blank=True)
    forward_letter_number = models.CharField("số phiếu chuyển", max_length=50, blank=True)
    forward_letter_date = models.DateField("ngày phiếu chuyển", null=True, blank=True)
    reply_due_on = models.DateField("hạn văn bản phúc đáp", null=True, blank=True)
    replied_on = models.DateField("ngày nhận văn bản phúc đáp", null=True, blank=True)
    reply_number = models.CharField("số văn bản phúc đáp", max_length=50, blank=True)
    # A denunciation classified outside competence is forwarded, and its denouncer told, by this day.
    forward_due_on = models.DateField("hạn chuyển đơn tố cáo", null=True, blank=True)
    # The result told to the body that forwarded the petition (source forwarded or elected body).
    forwarder_notified_on = models.DateField("ngày thông báo kết quả cho cơ quan chuyển đơn", null=True, blank=True)
    forwarder_notice_number = models.CharField("số văn bản thông báo kết quả", max_length=50, blank=True)

    duplicate_of = models.ForeignKey(
        "self", verbose_name="trùng với đơn", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicates"
    )
    case = models.ForeignKey(
        Case, verbose_name="vụ việc", on_delete=models.PROTECT, null=True, blank=True, related_name="petitions"
    )
    created_by = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "đơn"
        verbose_name_plural = "đơn"
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(signatories__gte=1), name="petition_signatories_at_least_one"),
            models.CheckConstraint(
                condition=Q(handled_on__isnull=True) | Q(handled_on__gte=F("received_on")),
                name="petition_handled_after_received",
            ),
            models.CheckConstraint(
                condition=Q(handling="") | Q(handled_on__isnull=False), name="petition_handling_has_a_date"
            ),
            models.CheckConstraint(
                condition=~Q(handling=Handling.FORWARD) | Q(forwarded_to__isnull=False) | ~Q(forwarded_to_name=""),
                name="petition_forward_has_a_recipient",
            ),
            models.CheckConstraint(
                condition=Q(anonymous=False) | Q(citizen__isnull=True), name="petition_anonymous_has_no_citizen"
            ),
            models.CheckConstraint(
                condition=Q(replied_on__isnull=True) | Q(handling=Handling.FORWARD), name="petition_reply_to_a_forward"
            ),
        ]
        indexes = [
            # Cover a window's petitions of some agencies (PostgreSQL; SQLite drops include), and the few days at the
            # ends of a dashboard's window that the tally does not hold, for a thousand agencies at once.
            models.Index(fields=["agency", "received_on"], include=["kind"], name="petition_agency_received_kind"),
            models.Index(fields=["received_on"], include=["agency", "kind"], name="petition_received"),
            models.Index(fields=["agency", "handled_on"], name="petition_agency_handled"),
            # The petitions within competence (about a third), from the index alone: 02/XLD's matters and second
            # rounds, and the matters of 03/GQKN and 04/GQTC (TT 06/2025), read them among a window's petitions.
            models.Index(
                fields=["received_on"],
                include=["handled_on", "agency", "kind", "case"],
                condition=Q(processable=True, in_competence=True),
                name="petition_in_competence",
            ),
            models.Index(fields=["kind", "received_on"], name="petition_kind_received"),
            # A citizen's petitions latest first, with what the header search filters them on: it sorts the petitions
            # of a few hundred citizens from the index alone (PostgreSQL; SQLite drops include).
            models.Index(
                fields=["citizen", "received_on"],
                include=["agency", "forwarded_to", "kind", "id"],
                name="petition_citizen_received",
            ),
            # A register row's Mã hồ sơ looked up among the agencies' own references (danvan.sheets.codes).
            models.Index(fields=["reference"], condition=~Q(reference=""), name="petition_reference"),
            models.Index(fields=["source", "received_on"], name="petition_source_received"),
            # The petitions to handle by deadline, with what the queue filters them on: its counts read the index alone.
            models.Index(
                fields=["handling_due_on"],
                include=["agency", "id"],
                condition=Q(handling=""),
                name="petition_unhandled_due",
            ),
            models.Index(
                fields=["agency", "received_on"], condition=Q(handling=""), name="petition_unhandled_received"
            ),
            models.Index(
                fields=["forwarded_to", "reply_due_on"],
                condition=Q(replied_on__isnull=True),
                name="petition_awaiting_reply",
            ),
            # The forwarded petitions whose reply is awaited, by deadline: the personal queue's "replies awaited" of
            # an area read from the index alone (the index above, by recipient, was read whole: 800 pages, 32 ms).
            models.Index(
                fields=["reply_due_on"],
                include=["agency", "id"],
                condition=Q(handling="forward", replied_on__isnull=True, reply_due_on__isnull=False),
                name="petition_reply_due",
            ),
            # The few denunciations outside competence not forwarded yet, and the petitions forwarded by another body
            # whose result it has not been told yet: the filters and the dashboard's overdue figures read them.
            models.Index(
                fields=["forward_due_on"],
                condition=Q(forward_due_on__isnull=False, forward_letter_date__isnull=True),
                name="petition_forward_pending",
            ),
            models.Index(
                fields=["case"],
                condition=Q(source__in=FORWARDING_SOURCES, forwarder_notified_on__isnull=True),
                name="petition_notify_pending",
            ),
        ]
        permissions = [("reveal_denouncer", "Xem danh tính người tố cáo")]

    def __str__(self) -> str:
        return f"Đơn {self.receipt_code}"

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold(self.content)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("complaints:petition-detail", args=[self.pk])

    @property
    def signed_by_many(self) -> bool:
        return self.signatories >= MANY_SIGNATORIES

    @property
    def is_denunciation(self) -> bool:
        return self.kind == Classification.DENUNCIATION

    @property
    def from_forwarding_body(self) -> bool:
        return self.source in FORWARDING_SOURCES


class Attachment(models.Model):
    """A scanned page or file of a petition (PDF or image, at most 10 MB)."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="attachments")
    # Stored as don/<year>/<month of receipt>/<petition>/<file name>.
    file = models.FileField("tệp", upload_to="don/", validators=[FileExtensionValidator(ATTACHMENT_TYPES)])
    name = models.CharField("tên tài liệu", max_length=200)
    confidential = models.BooleanField("mật", default=False)
    uploaded_by = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tài liệu kèm theo"
        verbose_name_plural = "tài liệu kèm theo"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        file_under(self.file, f"{self.petition.received_on:%Y/%m}", str(self.petition_id))
        super().save(*args, **kwargs)
