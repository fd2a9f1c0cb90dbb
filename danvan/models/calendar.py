"""The yearly changes the Government announces to the working-day calendar."""

from django.db import models


class DayOverride(models.Model):
    class Kind(models.TextChoices):
        DAY_OFF = "day_off", "Ngày nghỉ"
        WORKING_DAY = "working_day", "Ngày làm việc (làm bù)"

    date = models.DateField("ngày", unique=True)
    kind = models.CharField("loại", max_length=20, choices=Kind.choices)
    note = models.CharField("căn cứ, ghi chú", max_length=200, blank=True)

    class Meta:
        verbose_name = "điều chỉnh lịch làm việc"
        verbose_name_plural = "điều chỉnh lịch làm việc"
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {self.get_kind_display()}"


class CalendarRecompute(models.Model):
    """One recomputation of the stored deadlines after a change to the calendar: asked for at once, finished by the
    job on the task queue, which writes how many deadlines moved."""

    day = models.DateField("ngày điều chỉnh")
    requested_at = models.DateTimeField("thời điểm yêu cầu", auto_now_add=True)
    requested_by = models.ForeignKey(
        "danvan.Staff", verbose_name="người điều chỉnh", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    finished_at = models.DateTimeField("thời điểm xong", null=True, blank=True)
    moved = models.PositiveIntegerField("số hạn được chuyển", null=True, blank=True)

    class Meta:
        verbose_name = "lần tính lại hạn"
        verbose_name_plural = "lần tính lại hạn"
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"Tính lại hạn sau điều chỉnh ngày {self.day:%d/%m/%Y}"
