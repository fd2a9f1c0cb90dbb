"""Cases (vụ việc): the matter a citizen comes about. Visits (reception) and petitions (complaints) attach to one."""

from django.db import models

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
    class Status(models.TextChoices):
        OPEN = "open", "Đang xử lý"
        CLOSED = "closed", "Đã kết thúc"

    agency = models.ForeignKey(Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="cases")
    citizen = models.ForeignKey(
        Citizen, verbose_name="công dân", on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    summary = models.CharField("tóm tắt vụ việc", max_length=300)
    kind = models.CharField("phân loại", max_length=20, choices=Classification.choices)
    field = models.CharField("lĩnh vực", max_length=30, choices=SubjectField.choices, blank=True)
    opened_on = models.DateField("ngày phát sinh")
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "vụ việc"
        verbose_name_plural = "vụ việc"
        indexes = [
            models.Index(fields=["agency", "status"], name="case_agency_status"),
            models.Index(fields=["citizen", "status"], name="case_citizen_status"),
        ]

    def __str__(self) -> str:
        return self.summary
