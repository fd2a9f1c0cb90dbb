"""Agencies (cơ quan, đơn vị): each belongs to one administrative unit."""

from django.db import models
from django.db.models import Q
from django.urls import reverse

from danvan.models.units import AdminUnit


class AgencyKind(models.TextChoices):
    COMMITTEE = "committee", "Ủy ban nhân dân"
    PARTY = "party", "Cấp ủy"
    COUNCIL = "council", "Hội đồng nhân dân"
    ASSEMBLY_DELEGATION = "assembly_delegation", "Đoàn đại biểu Quốc hội"
    RECEPTION_OFFICE = "reception_office", "Ban Tiếp công dân"
    INSPECTORATE = "inspectorate", "Thanh tra"
    DEPARTMENT = "department", "Sở, ban, ngành, cơ quan khác"
    FRONT = "front", "Mặt trận Tổ quốc, tổ chức chính trị - xã hội"


# A unit has at most one agency of each of these kinds; departments and fronts may be many.
ONE_PER_UNIT_KINDS = (
    AgencyKind.COMMITTEE,
    AgencyKind.PARTY,
    AgencyKind.COUNCIL,
    AgencyKind.ASSEMBLY_DELEGATION,
    AgencyKind.RECEPTION_OFFICE,
    AgencyKind.INSPECTORATE,
)


class Agency(models.Model):
    Kind = AgencyKind
    ONE_PER_UNIT = ONE_PER_UNIT_KINDS

    unit = models.ForeignKey(
        AdminUnit, verbose_name="đơn vị hành chính", on_delete=models.PROTECT, related_name="agencies"
    )
    kind = models.CharField("loại cơ quan", max_length=30, choices=Kind.choices)
    name = models.CharField("tên cơ quan", max_length=200)

    class Meta:
        verbose_name = "cơ quan"
        verbose_name_plural = "cơ quan"
        ordering = ["unit__code", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "kind"], condition=Q(kind__in=ONE_PER_UNIT_KINDS), name="agency_one_of_a_kind_per_unit"
            ),
            models.UniqueConstraint(fields=["unit", "name"], name="agency_name_unique_per_unit"),
        ]
        indexes = [models.Index(fields=["kind", "unit"], name="agency_kind_unit")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("agency-detail", args=[self.pk])
