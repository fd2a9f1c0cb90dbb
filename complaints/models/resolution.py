"""The resolution of an accepted case: extensions, suspensions, the decision or conclusion and its enforcement."""

from django.db import models
from django.db.models import F, Q

from complaints.rules import Outcome, enforcement_follows
from danvan.models import Case, Staff


class Extension(models.Model):
    """A written decision that moves the deadline (gia hạn)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="extensions")
    decided_on = models.DateField("ngày quyết định gia hạn")
    number = models.CharField("số quyết định", max_length=50)
    days = models.PositiveIntegerField("số ngày gia hạn")
    new_due_on = models.DateField("hạn mới")
    by = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = "gia hạn"
        verbose_name_plural = "gia hạn"
        ordering = ["decided_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(days__gte=1), name="extension_at_least_one_day")]

    def __str__(self) -> str:
        return f"Gia hạn {self.days} ngày ({self.number})"


class PauseCause(models.TextChoices):
    """Why a resolution clock stands still: a suspension decision (tạm đình chỉ), or the time of an expert examination
    (giám định) of a denunciation, which does not count (Nghị định 31/2019/NĐ-CP, Điều 15 khoản 4)."""

    SUSPENSION = "suspension", "Tạm đình chỉ giải quyết"
    EXAMINATION = "examination", "Trưng cầu giám định"


# Why a case cannot stop its clock again before it was restarted (a second open suspension).
OPEN_SUSPENSION = "Vụ việc đang tạm dừng tính thời hạn (tạm đình chỉ hoặc giám định)."


class Suspension(models.Model):
    """A pause of the resolution clock: a suspension (tạm đình chỉ) or an expert examination (giám định) stops it; the
    decision to continue, or the examination's result, restarts it. A complaint's suspension decision is sent to the
    parties within its own deadline (``send_due_on``)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="suspensions")
    cause = models.CharField(
        "lý do dừng tính thời hạn", max_length=12, choices=PauseCause.choices, default=PauseCause.SUSPENSION
    )
    suspended_on = models.DateField("ngày tạm đình chỉ")
    number = models.CharField("số quyết định tạm đình chỉ", max_length=50)
    reason = models.TextField("lý do", blank=True)
    resumed_on = models.DateField("ngày tiếp tục giải quyết", null=True, blank=True)
    resume_number = models.CharField("số quyết định tiếp tục", max_length=50, blank=True)
    send_due_on = models.DateField("hạn gửi quyết định tạm đình chỉ", null=True, blank=True)
    sent_on = models.DateField("ngày gửi quyết định tạm đình chỉ", null=True, blank=True)

    class Meta:
        verbose_name = "tạm đình chỉ"
        verbose_name_plural = "tạm đình chỉ"
        ordering = ["suspended_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(resumed_on__isnull=True) | Q(resumed_on__gte=F("suspended_on")),
                name="suspension_resumed_after_suspended",
            ),
            models.CheckConstraint(
                condition=Q(sent_on__isnull=True) | Q(sent_on__gte=F("suspended_on")), name="suspension_sent_after"
            ),
            # A case's clock stops once at a time: a second suspension waits for the decision to continue.
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(resumed_on__isnull=True),
                name="suspension_one_open_per_case",
                violation_error_message=OPEN_SUSPENSION,
            ),
        ]
        indexes = [
            # The suspension decisions not sent yet, by deadline: the overdue list and counts.
            models.Index(fields=["send_due_on"], condition=Q(sent_on__isnull=True), name="suspension_unsent_due")
        ]

    def __str__(self) -> str:
        return f"{self.get_cause_display()} từ {self.suspended_on:%d/%m/%Y}"


class Publication(models.TextChoices):
    """How a decision or conclusion is made public (công khai: Luật Khiếu nại, Điều 41; Luật Tố cáo, Điều 40)."""

    MEETING = "meeting", "Công bố tại cuộc họp"
    POSTING = "posting", "Niêm yết tại trụ sở làm việc, nơi tiếp công dân"
    MEDIA = "media", "Thông báo trên phương tiện thông tin đại chúng"
    WEBSITE = "website", "Đăng trên cổng thông tin điện tử"


class Decision(models.Model):
    """The decision on a complaint (quyết định giải quyết) or the conclusion on a denunciation (kết luận nội dung
    tố cáo), or the decision to end it (rút đơn, đình chỉ), with what it orders."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="decision")
    issued_on = models.DateField("ngày ban hành")
    number = models.CharField("số văn bản", max_length=50)
    outcome = models.CharField("kết quả", max_length=20, choices=Outcome.choices)
    summary = models.TextField("tóm tắt nội dung", blank=True)
    money_due = models.DecimalField(
        "thu hồi cho Nhà nước: tiền (triệu đồng)", max_digits=14, decimal_places=3, default=0
    )
    land_due = models.DecimalField("thu hồi cho Nhà nước: đất (m²)", max_digits=14, decimal_places=1, default=0)
    returned_money = models.DecimalField("trả lại: tiền (triệu đồng)", max_digits=14, decimal_places=3, default=0)
    returned_land = models.DecimalField("trả lại: đất (m²)", max_digits=14, decimal_places=1, default=0)
    returned_organisations = models.PositiveIntegerField("số tổ chức được trả lại quyền lợi", default=0)
    returned_individuals = models.PositiveIntegerField("số cá nhân được trả lại quyền lợi", default=0)
    sanctioned_organisations = models.PositiveIntegerField("kiến nghị xử lý hành chính: số tổ chức", default=0)
    sanctioned_people = models.PositiveIntegerField("kiến nghị xử lý hành chính: số người", default=0)
    sanctioned_officials = models.PositiveIntegerField("trong đó cán bộ, công chức, viên chức", default=0)
    referred_cases = models.PositiveIntegerField("chuyển cơ quan điều tra: số vụ", default=0)
    referred_people = models.PositiveIntegerField("chuyển cơ quan điều tra: số người", default=0)
    referred_officials = models.PositiveIntegerField(
        "chuyển cơ quan điều tra: trong đó cán bộ, công chức, viên chức", default=0
    )
    published_on = models.DateField("ngày công khai", null=True, blank=True)
    published_by = models.CharField("hình thức công khai", max_length=10, choices=Publication.choices, blank=True)
    by = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "quyết định, kết luận"
        verbose_name_plural = "quyết định, kết luận"
        constraints = [
            models.CheckConstraint(
                condition=Q(money_due__gte=0, land_due__gte=0, returned_money__gte=0, returned_land__gte=0),
                name="decision_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(sanctioned_officials__lte=F("sanctioned_people")), name="decision_officials_among_people"
            ),
            models.CheckConstraint(
                condition=Q(referred_officials__lte=F("referred_people")), name="decision_referred_officials_among"
            ),
            models.CheckConstraint(
                condition=Q(published_on__isnull=True, published_by="")
                | Q(published_on__gte=F("issued_on")) & ~Q(published_by=""),
                name="decision_published_after_issued",
            ),
        ]
        indexes = [models.Index(fields=["issued_on"], name="decision_issued")]

    def __str__(self) -> str:
        return f"{self.number} ({self.issued_on:%d/%m/%Y})"

    @property
    def to_enforce(self) -> bool:
        """Whether anything is to be carried out (complaints.rules.enforcement_follows)."""
        return enforcement_follows(self.outcome)


class Enforcement(models.Model):
    """Carrying out a decision or conclusion (thi hành), to completion, with what was actually done: recovered for the
    State, returned to organisations and individuals, the administrative sanctions and the prosecutions (05/KQTH)."""

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="enforcement")
    completed_on = models.DateField("ngày thực hiện xong", null=True, blank=True)
    money_recovered = models.DecimalField("đã thu hồi: tiền (triệu đồng)", max_digits=14, decimal_places=3, default=0)
    land_recovered = models.DecimalField("đã thu hồi: đất (m²)", max_digits=14, decimal_places=1, default=0)
    returned_money = models.DecimalField("đã trả lại: tiền (triệu đồng)", max_digits=14, decimal_places=3, default=0)
    returned_land = models.DecimalField("đã trả lại: đất (m²)", max_digits=14, decimal_places=1, default=0)
    sanctioned_organisations = models.PositiveIntegerField("đã xử lý hành chính: số tổ chức", default=0)
    sanctioned_people = models.PositiveIntegerField("đã xử lý hành chính: số người", default=0)
    sanctioned_officials = models.PositiveIntegerField("trong đó cán bộ, công chức, viên chức", default=0)
    prosecuted_cases = models.PositiveIntegerField("đã khởi tố: số vụ", default=0)
    prosecuted_people = models.PositiveIntegerField("đã khởi tố: số người", default=0)
    prosecuted_officials = models.PositiveIntegerField("đã khởi tố: trong đó cán bộ, công chức, viên chức", default=0)
    notes = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "thi hành quyết định, kết luận"
        verbose_name_plural = "thi hành quyết định, kết luận"
        constraints = [
            models.CheckConstraint(
                condition=Q(money_recovered__gte=0, land_recovered__gte=0), name="enforcement_amounts_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(returned_money__gte=0, returned_land__gte=0), name="enforcement_returns_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(sanctioned_officials__lte=F("sanctioned_people")), name="enforcement_sanctioned_officials"
            ),
            models.CheckConstraint(
                condition=Q(prosecuted_officials__lte=F("prosecuted_people")), name="enforcement_prosecuted_officials"
            ),
        ]

    def __str__(self) -> str:
        return f"Thi hành {self.decision}"
