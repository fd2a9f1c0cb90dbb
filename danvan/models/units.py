"""Administrative units of both eras: three tiers until 30/06/2025, two tiers since 01/07/2025."""

from datetime import date

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.urls import reverse

from danvan.validity import overlapping_q

# Longest first: "Thị xã" before "Xã", "Thành phố" before a bare word.
NAME_PREFIXES = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Tỉnh", "Xã")


class AdminUnitQuerySet(models.QuerySet):
    def valid_on(self, on: date) -> "AdminUnitQuerySet":
        return self.filter(overlapping_q(on, on))


class AdminUnit(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", "Cấp tỉnh"
        DISTRICT = "district", "Cấp huyện"
        COMMUNE = "commune", "Cấp xã"

    class Type(models.TextChoices):
        PROVINCE = "province", "tỉnh"
        MUNICIPALITY = "municipality", "thành phố trung ương"
        RURAL_DISTRICT = "rural_district", "huyện"
        URBAN_DISTRICT = "urban_district", "quận"
        TOWN = "town", "thị xã"
        PROVINCIAL_CITY = "provincial_city", "thành phố"
        COMMUNE = "commune", "xã"
        WARD = "ward", "phường"
        TOWNSHIP = "township", "thị trấn"
        SPECIAL_ZONE = "special_zone", "đặc khu"

    # The width of an official code is its level: bare numbers collide across levels.
    CODE_WIDTH = {Level.PROVINCE: 2, Level.DISTRICT: 3, Level.COMMUNE: 5}

    code = models.CharField("mã", max_length=5)
    name = models.CharField("tên", max_length=100)
    type = models.CharField("loại", max_length=20, choices=Type.choices)
    level = models.CharField("cấp", max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name="trực thuộc", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    remote_area = models.BooleanField(
        "vùng sâu, vùng xa", default=False, help_text="Thời hạn giải quyết khiếu nại được kéo dài."
    )
    successors = models.ManyToManyField(
        "self", through="UnitSuccession", symmetrical=False, related_name="predecessors", blank=True
    )

    objects = AdminUnitQuerySet.as_manager()

    class Meta:
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "đơn vị hành chính"
        ordering = ["code", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(Exact(Length("code"), 2), level="province")
                | Q(Exact(Length("code"), 3), level="district")
                | Q(Exact(Length("code"), 5), level="commune"),
                name="admin_unit_code_width_is_level",
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True) | Q(valid_to__isnull=True) | Q(valid_from__lte=F("valid_to")),
                name="admin_unit_validity_ordered",
            ),
            models.CheckConstraint(
                condition=Q(level="province", parent__isnull=True) | (~Q(level="province") & Q(parent__isnull=False)),
                name="admin_unit_only_provinces_have_no_parent",
            ),
            models.UniqueConstraint(
                fields=["level", "code", "valid_from"],
                condition=Q(valid_from__isnull=False),
                name="admin_unit_code_unique_per_era",
            ),
            models.UniqueConstraint(
                fields=["level", "code"],
                condition=Q(valid_from__isnull=True),
                name="admin_unit_code_unique_in_first_era",
            ),
        ]
        indexes = [models.Index(fields=["code", "level"], name="admin_unit_code_level")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("admin:danvan_adminunit_change", args=[self.pk])

    @property
    def name_in_sentence(self) -> str:
        """The name as it stands inside a phrase: "Ủy ban nhân dân tỉnh Gia Lai"."""
        return self.name[:1].lower() + self.name[1:]

    @property
    def bare_name(self) -> str:
        """The name without its type prefix: "Gia Lai"."""
        for prefix in NAME_PREFIXES:
            if self.name.startswith(prefix + " "):
                return self.name[len(prefix) + 1 :]
        return self.name


class UnitSuccession(models.Model):
    """The 2025 reform: an old unit went (wholly, or partly when it was split) into a new one."""

    old = models.ForeignKey(AdminUnit, on_delete=models.CASCADE, related_name="+")
    new = models.ForeignKey(AdminUnit, on_delete=models.CASCADE, related_name="+")
    partly = models.BooleanField("một phần", default=False)

    class Meta:
        verbose_name = "chuyển đổi đơn vị hành chính"
        verbose_name_plural = "chuyển đổi đơn vị hành chính"
        constraints = [
            models.UniqueConstraint(fields=["old", "new"], name="unit_succession_unique"),
            models.CheckConstraint(condition=~Q(old=F("new")), name="unit_succession_not_itself"),
        ]

    def __str__(self) -> str:
        return f"{self.old} → {self.new}"
