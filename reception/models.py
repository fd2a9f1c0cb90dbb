"""Reception (tiếp công dân): visits at the desk, heads' reception sessions and their published schedules."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from danvan.models import Agency, Case, Citizen, Classification, GivenDetails, Staff, SubjectField
from danvan.text import fold

# Online reception exists from 01/07/2026 (Luật 136/2025/QH15).
ONLINE_RECEPTION_FROM = date(2026, 7, 1)
# 5 or more people with the same content make a group (đoàn đông người).
GROUP_SIZE = 5


class Mode(models.TextChoices):
    REGULAR = "regular", "Thường xuyên"
    PERIODIC = "periodic", "Định kỳ"
    AD_HOC = "ad_hoc", "Đột xuất"


class Receiver(models.TextChoices):
    OFFICER = "officer", "Cán bộ tiếp công dân"
    HEAD = "head", "Thủ trưởng"
    DELEGATE = "delegate", "Ủy quyền"


class Channel(models.TextChoices):
    IN_PERSON = "in_person", "Trực tiếp"
    ONLINE = "online", "Trực tuyến"


class Result(models.TextChoices):
    GUIDED = "guided", "Hướng dẫn, giải thích"
    PETITION_RECEIVED = "petition_received", "Tiếp nhận đơn"
    FORWARDED = "forwarded", "Chuyển đơn"
    ANSWERED = "answered", "Trả lời trực tiếp"


# A visit whose citizen was guided or answered there and then hands nothing on: the matter it opened ends with it.
ENDED_ON_THE_SPOT = (Result.GUIDED, Result.ANSWERED)

HEAD_RECEIVERS = (Receiver.HEAD, Receiver.DELEGATE)
# A head receives periodically (định kỳ, on the published schedule) or ad hoc (đột xuất, when a case is urgent); only
# periodic reception counts toward the head's minimum.
HEAD_MODES = (Mode.PERIODIC, Mode.AD_HOC)


class ReceptionSession(models.Model):
    """One day of reception by an agency's head in person or by their delegate (kỳ tiếp, buổi tiếp), periodic or ad hoc.

    A scheduled session at which no citizen came is recorded too: it counts as a session held.
    """

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="reception_sessions"
    )
    date = models.DateField("ngày tiếp")
    mode = models.CharField(
        "hình thức tiếp", max_length=10, choices=[(m.value, m.label) for m in HEAD_MODES], default=Mode.PERIODIC
    )
    receiver = models.CharField(
        "người tiếp", max_length=10, choices=[(r.value, r.label) for r in HEAD_RECEIVERS], default=Receiver.HEAD
    )
    host_name = models.CharField("họ tên người chủ trì", max_length=150)
    host_title = models.CharField("chức vụ", max_length=150)
    reference = models.CharField("mã kỳ tiếp", max_length=50, blank=True)
    conclusion = models.TextField("thông báo kết luận", blank=True)
    conclusion_number = models.CharField("số thông báo kết luận", max_length=50, blank=True)
    created_by = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "kỳ tiếp công dân"
        verbose_name_plural = "kỳ tiếp công dân"
        ordering = ["-date", "agency"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "date", "mode", "receiver", "reference"], name="session_unique_per_day_and_mode"
            ),
            models.CheckConstraint(condition=Q(receiver__in=HEAD_RECEIVERS), name="session_by_head_or_delegate"),
            models.CheckConstraint(condition=Q(mode__in=HEAD_MODES), name="session_periodic_or_ad_hoc"),
        ]
        indexes = [models.Index(fields=["agency", "date"], name="session_agency_date")]

    def __str__(self) -> str:
        return f"{self.agency} — {self.date:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("reception:session-detail", args=[self.pk])


class ReceptionSchedule(models.Model):
    """The published schedule of a head's periodic reception (lịch tiếp công dân)."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="reception_schedules"
    )
    head_name = models.CharField("họ tên người đứng đầu", max_length=150)
    head_title = models.CharField("chức vụ", max_length=150)
    description = models.CharField("thời gian tiếp", max_length=300, help_text="Ví dụ: ngày 15 hằng tháng")
    place = models.CharField("địa điểm", max_length=300)
    valid_from = models.DateField("áp dụng từ ngày")
    document = models.CharField("văn bản công bố", max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "lịch tiếp công dân"
        verbose_name_plural = "lịch tiếp công dân"
        ordering = ["agency", "-valid_from"]
        indexes = [models.Index(fields=["agency", "valid_from"], name="schedule_agency_from")]

    def __str__(self) -> str:
        return f"{self.head_title} {self.head_name}: {self.description}"


class Visit(GivenDetails):
    """One reception of one citizen or one group about one matter (lượt tiếp)."""

    # No index of its own: the indexes that start with the agency serve every lookup by it.
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan tiếp", on_delete=models.PROTECT, related_name="visits", db_index=False
    )
    received_on = models.DateField("ngày tiếp")
    received_time = models.TimeField("giờ tiếp", null=True, blank=True)
    mode = models.CharField("hình thức tiếp", max_length=10, choices=Mode.choices, default=Mode.REGULAR)
    receiver = models.CharField("người tiếp", max_length=10, choices=Receiver.choices, default=Receiver.OFFICER)
    receiver_name = models.CharField("họ tên người tiếp", max_length=150, blank=True)
    receiver_title = models.CharField("chức vụ người tiếp", max_length=150, blank=True)
    channel = models.CharField("kênh tiếp", max_length=10, choices=Channel.choices, default=Channel.IN_PERSON)
    citizen = models.ForeignKey(
        Citizen, verbose_name="công dân (người đại diện)", on_delete=models.PROTECT, related_name="visits"
    )
    other_representatives = models.TextField("người đại diện khác", blank=True, help_text="Mỗi người một dòng")
    people = models.PositiveIntegerField("số người", default=1)
    content = models.TextField("nội dung")
    # Folded content (no diacritics, lower case) for the list's text search.
    search_text = models.TextField(editable=False, blank=True)
    # One name with Petition.kind and Case.kind; the column keeps its first name (triggers and reports read it).
    kind = models.CharField("phân loại", max_length=20, choices=Classification.choices, db_column="classification")
    field = models.CharField("lĩnh vực", max_length=30, choices=SubjectField.choices, blank=True)
    case = models.ForeignKey(
        Case, verbose_name="vụ việc", on_delete=models.PROTECT, null=True, blank=True, related_name="visits"
    )
    result = models.CharField("kết quả tiếp", max_length=20, choices=Result.choices, blank=True)
    notes = models.TextField("ghi chú", blank=True)
    session = models.ForeignKey(
        ReceptionSession, verbose_name="kỳ tiếp", on_delete=models.PROTECT, null=True, blank=True, related_name="visits"
    )
    # What a reception received and handed on as a petition is answered within 10 working days (Luật Tiếp công dân
    # 2013, Điều 28 khoản 1): set when the petition is made, answered when it is handled.
    answer_due_on = models.DateField("hạn trả lời công dân", null=True, blank=True)
    answered_on = models.DateField("ngày trả lời công dân", null=True, blank=True)
    documents_received = models.BooleanField("có nhận giấy tờ, tài liệu", default=False)
    # What the citizen handed over, as the receipt slip lists it (one per line).
    documents = models.TextField("giấy tờ, tài liệu nhận", blank=True)
    # The visit's stable code (danvan.codes), given to every visit (reception 0010 gave the earlier ones theirs): shown
    # at the desk, written in the register's Mã hồ sơ, looked up by the citizen. The column stays nullable: making it
    # NOT NULL rebuilds the table on SQLite, which drops the tally's triggers. ``reference`` is an imported register's
    # own Mã hồ sơ, when it was no code.
    receipt_code = models.CharField("mã biên nhận", max_length=20, null=True, blank=True, unique=True)
    reference = models.CharField("mã hồ sơ", max_length=50, blank=True)
    created_by = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "lượt tiếp công dân"
        verbose_name_plural = "lượt tiếp công dân"
        ordering = ["-received_on", "-received_time", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(people__gte=1), name="visit_people_at_least_one"),
            models.CheckConstraint(
                condition=Q(mode=Mode.REGULAR, receiver=Receiver.OFFICER)
                | (~Q(mode=Mode.REGULAR) & Q(receiver__in=HEAD_RECEIVERS)),
                name="visit_receiver_fits_mode",
            ),
            models.CheckConstraint(
                condition=Q(session__isnull=True) | Q(receiver__in=HEAD_RECEIVERS), name="visit_session_has_a_head"
            ),
            models.CheckConstraint(
                condition=Q(channel=Channel.IN_PERSON) | Q(received_on__gte=ONLINE_RECEPTION_FROM),
                name="visit_online_from_july_2026",
            ),
        ]
        indexes = [
            # Cover a window's visits of some agencies (PostgreSQL; SQLite drops include), and the few days at the
            # ends of a dashboard's window that the tally does not hold, for a thousand agencies at once.
            models.Index(fields=["agency", "received_on"], include=["people"], name="visit_agency_date_people"),
            # With the way of reception and the case too: a window's visits of 01/TCD (TT 06/2025) from the index alone.
            models.Index(
                fields=["received_on"], include=["agency", "people", "mode", "receiver", "case"], name="visit_date"
            ),
            models.Index(fields=["mode", "received_on"], name="visit_mode_date"),
            models.Index(fields=["receiver", "received_on"], name="visit_receiver_date"),
            models.Index(fields=["kind", "received_on"], name="visit_class_date"),
            models.Index(fields=["field", "received_on"], name="visit_field_date"),
            models.Index(fields=["received_on"], condition=Q(people__gte=GROUP_SIZE), name="visit_group_date"),
            models.Index(fields=["case", "received_on"], name="visit_case_date"),
            # A citizen's visits latest first, with what the header search filters them on: it sorts the visits of a
            # few hundred citizens from the index alone (PostgreSQL; SQLite drops include).
            models.Index(
                fields=["citizen", "received_on"],
                include=["received_time", "agency", "kind", "id"],
                name="visit_citizen_date",
            ),
            # A register row's Mã hồ sơ looked up among the agencies' own references (danvan.sheets.codes): without
            # it, importing a register again scanned every visit once per chunk of its rows.
            models.Index(fields=["reference"], condition=~Q(reference=""), name="visit_reference"),
            models.Index(
                fields=["answer_due_on"],
                condition=Q(answer_due_on__isnull=False, answered_on__isnull=True),
                name="visit_awaiting_answer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.received_on:%d/%m/%Y}"

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold(self.content)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("reception:visit-detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if self.mode == Mode.REGULAR and self.receiver != Receiver.OFFICER:
            errors["receiver"] = "Tiếp thường xuyên do cán bộ tiếp công dân thực hiện."
        elif self.mode != Mode.REGULAR and self.receiver not in HEAD_RECEIVERS:
            errors["receiver"] = "Tiếp định kỳ, đột xuất do thủ trưởng tiếp hoặc người được ủy quyền tiếp."
        if self.receiver in HEAD_RECEIVERS and not self.receiver_name.strip():
            errors["receiver_name"] = "Hãy nhập họ tên người chủ trì buổi tiếp."
        if self.channel == Channel.ONLINE and self.received_on and self.received_on < ONLINE_RECEPTION_FROM:
            errors["channel"] = "Tiếp công dân trực tuyến chỉ áp dụng từ ngày 01/07/2026."
        if errors:
            raise ValidationError(errors)

    @property
    def is_group(self) -> bool:
        return self.people >= GROUP_SIZE
