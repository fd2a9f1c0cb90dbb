"""Cases (vụ việc): the matter a citizen comes about. Visits (reception) and petitions (complaints) attach to one."""

from django.db import models
from django.db.models import F, Q

from danvan.models.agencies import Agency
from danvan.models.citizens import Citizen


class Classification(models.TextChoices):
    """What a visit or a petition is (phân loại): the kinds the law and the forms count apart."""

    COMPLAINT = "complaint", "Khiếu nại"
    DENUNCIATION = "denunciation", "Tố cáo"
    RECOMMENDATION = "recommendation", "Kiến nghị, phản ánh"


class SubjectField(models.TextChoices):
    """The subject field (lĩnh vực) the forms split figures by."""

    POLICY = "policy", "Hành chính: chế độ, chính sách"
    LAND = "land", "Hành chính: đất đai, nhà cửa"
    CIVIL_SERVICE = "civil_service", "Hành chính: công chức, công vụ"
    ADMINISTRATIVE_OTHER = "administrative_other", "Hành chính: lĩnh vực khác"
    JUDICIAL = "judicial", "Tư pháp"
    PARTY = "party", "Đảng, đoàn thể"
    CORRUPTION = "corruption", "Tham nhũng"
    OTHER = "other", "Khác"


class Case(models.Model):
    """The matter; once a complaint or denunciation is accepted (thụ lý), it carries its statutory clock too."""

    class Status(models.TextChoices):
        OPEN = "open", "Đang xử lý"
        CLOSED = "closed", "Đã kết thúc"

    class Round(models.TextChoices):
        FIRST = "first", "Lần đầu"
        SECOND = "second", "Lần hai"

    class Complexity(models.TextChoices):
        NORMAL = "normal", "Thông thường"
        COMPLEX = "complex", "Phức tạp"
        ESPECIALLY_COMPLEX = "especially_complex", "Đặc biệt phức tạp"

    # No index of its own: the indexes that start with the agency serve every lookup by it.
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="cases", db_index=False
    )
    citizen = models.ForeignKey(
        Citizen, verbose_name="công dân", on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    summary = models.CharField("tóm tắt vụ việc", max_length=300)
    kind = models.CharField("phân loại", max_length=20, choices=Classification.choices)
    field = models.CharField("lĩnh vực", max_length=30, choices=SubjectField.choices, blank=True)
    opened_on = models.DateField("ngày phát sinh")
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    # The statutory resolution of an accepted complaint or denunciation (giải quyết KNTC).
    round = models.CharField("lần giải quyết", max_length=10, choices=Round.choices, blank=True)
    repeat_denunciation = models.BooleanField("tố cáo tiếp", default=False)
    disciplinary = models.BooleanField("khiếu nại quyết định kỷ luật", default=False)
    complexity = models.CharField(
        "tính chất", max_length=20, choices=Complexity.choices, default=Complexity.NORMAL, blank=True
    )
    accepted_on = models.DateField("ngày thụ lý", null=True, blank=True)
    # A matter within competence whose acceptance was refused (thông báo không thụ lý).
    declined_on = models.DateField("ngày thông báo không thụ lý", null=True, blank=True)
    # The deadline in force, kept by the complaints services at every step that moves it, so lists can filter on it.
    due_on = models.DateField("hạn giải quyết", null=True, blank=True)
    suspended_since = models.DateField("tạm đình chỉ từ ngày", null=True, blank=True)
    resolved_on = models.DateField("ngày giải quyết xong", null=True, blank=True)
    hotspot = models.BooleanField("đông người, phức tạp, kéo dài", default=False)
    hotspot_plan = models.TextField("phương án xử lý", blank=True)
    hotspot_plan_done_on = models.DateField("ngày hoàn thành phương án", null=True, blank=True)

    class Meta:
        verbose_name = "vụ việc"
        verbose_name_plural = "vụ việc"
        constraints = [
            models.CheckConstraint(
                condition=Q(accepted_on__isnull=True) | Q(accepted_on__gte=F("opened_on")),
                name="case_accepted_after_opened",
            ),
            models.CheckConstraint(
                condition=Q(resolved_on__isnull=True) | Q(accepted_on__isnull=False, resolved_on__gte=F("accepted_on")),
                name="case_resolved_after_accepted",
            ),
            models.CheckConstraint(
                condition=Q(accepted_on__isnull=True) | Q(declined_on__isnull=True), name="case_accepted_or_declined"
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "status"], name="case_agency_status"),
            models.Index(fields=["citizen", "status"], name="case_citizen_status"),
            # A citizen's accepted cases latest first, with what the header search filters them on: it sorts the cases
            # of a few hundred citizens from the index alone (PostgreSQL; SQLite drops include).
            models.Index(
                fields=["citizen", "accepted_on"],
                include=["agency", "kind", "id"],
                condition=Q(accepted_on__isnull=False),
                name="case_citizen_accepted",
            ),
            models.Index(fields=["agency", "accepted_on"], name="case_agency_accepted"),
            models.Index(fields=["due_on"], condition=Q(resolved_on__isnull=True), name="case_open_due"),
            # The accepted cases whose clock runs (the queue's), by deadline: the queue's counts read the index alone.
            models.Index(
                fields=["due_on"],
                include=["agency", "id"],
                condition=Q(resolved_on__isnull=True, suspended_since__isnull=True, accepted_on__isnull=False),
                name="case_running_due",
            ),
            # Accepted cases open or resolved since a day: the resolution rate, the backlog by age, the overdue count.
            models.Index(
                fields=["agency", "resolved_on"],
                include=["kind", "accepted_on", "due_on", "suspended_since"],
                condition=Q(accepted_on__isnull=False),
                name="case_accepted_resolution",
            ),
            # The few days at the ends of a dashboard's window that the tally does not hold, for a thousand agencies.
            models.Index(
                fields=["accepted_on"],
                include=["agency", "kind"],
                condition=Q(accepted_on__isnull=False),
                name="case_accepted_day",
            ),
            models.Index(
                fields=["resolved_on"],
                include=["agency", "kind"],
                condition=Q(resolved_on__isnull=False),
                name="case_resolved_day",
            ),
            # The few second-round complaints and repeat denunciations, which 02/XLD (TT 06/2025) tests a window's
            # petitions within competence against.
            models.Index(
                fields=["id"], condition=Q(round="second") | Q(repeat_denunciation=True), name="case_second_round"
            ),
            # The complaints and denunciations with what the TT 06/2025 forms read of them, from the index alone: the
            # matters of 03/GQKN and 04/GQTC, and the case of each decision of 03/GQKN to 05/KQTH.
            models.Index(
                fields=["id"],
                include=["agency", "kind", "round", "repeat_denunciation", "accepted_on", "declined_on"],
                condition=Q(kind__in=["complaint", "denunciation"]),
                name="case_resolvable",
            ),
        ]

    def __str__(self) -> str:
        return self.summary
