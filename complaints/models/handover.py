"""Hand-overs (bàn giao): the open petitions and cases of an agency whose unit ended in the 2025 reform, moved to the
agency that carries on its work. Each record moved names both agencies on its timeline; the hand-over keeps the
batch: who, when, how many."""

from django.db import models
from django.db.models import F, Q

from danvan.models import Agency, Staff


class HandOver(models.Model):
    giving = models.ForeignKey(
        Agency, verbose_name="cơ quan bàn giao", on_delete=models.PROTECT, related_name="hand_overs_given"
    )
    receiving = models.ForeignKey(
        Agency, verbose_name="cơ quan nhận bàn giao", on_delete=models.PROTECT, related_name="hand_overs_received"
    )
    on = models.DateField("ngày bàn giao")
    petitions = models.PositiveIntegerField("số đơn chưa xử lý")
    cases = models.PositiveIntegerField("số vụ việc chưa giải quyết")
    by = models.ForeignKey(
        Staff, verbose_name="người thực hiện", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField("thời điểm ghi", auto_now_add=True)

    class Meta:
        verbose_name = "bàn giao đơn, vụ việc"
        verbose_name_plural = "bàn giao đơn, vụ việc"
        ordering = ["-on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(giving=F("receiving")), name="hand_over_between_two_agencies"),
        ]

    def __str__(self) -> str:
        return f"{self.giving} → {self.receiving} ({self.on:%d/%m/%Y})"
