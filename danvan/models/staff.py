"""Staff (cán bộ, công chức) are the portal's users; a membership gives one a role in an agency."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from danvan.models.agencies import Agency


class Staff(AbstractUser):
    full_name = models.CharField("họ và tên", max_length=150, blank=True)
    title = models.CharField("chức vụ", max_length=150, blank=True)

    class Meta:
        verbose_name = "cán bộ"
        verbose_name_plural = "cán bộ"

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or self.username

    def get_short_name(self) -> str:
        return self.get_full_name()


class Role(models.TextChoices):
    RECEPTIONIST = "receptionist", "Cán bộ tiếp công dân"
    HANDLER = "handler", "Cán bộ xử lý đơn"
    LEADER = "leader", "Lãnh đạo"
    REPORTER = "reporter", "Cán bộ tổng hợp, báo cáo"
    UNIT_ADMIN = "unit_admin", "Quản trị đơn vị"


class Membership(models.Model):
    staff = models.ForeignKey(Staff, verbose_name="cán bộ", on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField("vai trò", max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = "vai trò của cán bộ"
        verbose_name_plural = "vai trò của cán bộ"
        constraints = [models.UniqueConstraint(fields=["staff", "agency", "role"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.staff} — {self.get_role_display()}, {self.agency}"
