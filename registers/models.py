"""Register imports and exports: each upload and its outcome, the rows already taken in (so that importing a file
again writes nothing new), and each export written on the task queue."""

from datetime import date

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from danvan.models import Agency, Staff

# What an import takes: Excel's workbooks, macro-enabled ones, Excel 97–2003's, and OpenDocument spreadsheets.
WORKBOOK_EXTENSIONS = ["xlsx", "xlsm", "xls", "ods"]


def progress_percent(done: int, total: int, *, finished: bool) -> int:
    """How far a job on the task queue has gone: 100 only once it has finished, never before."""
    if finished:
        return 100
    return min(99, done * 100 // total) if total else 0


def failure_message(lead: str, error: Exception) -> str:
    """What a job that raised ``error`` says: ``lead`` and, for whoever the user reports it to, what the error said."""
    return f"{lead} Chi tiết: {str(error) or type(error).__name__}"


def export_filename(start: date, end: date) -> str:
    """The name a registers workbook downloads under, whether written at once or on the task queue."""
    return f"so-{start:%d-%m-%Y}-den-{end:%d-%m-%Y}.xlsx"


class QueuedJob:
    """What an import and an export share as jobs on the task queue: one whose worker died (killed, out of memory, its
    machine restarted) never says so, so a job that has shown no progress (``progress_at``) for the setting
    ``REGISTER_JOB_STALLED_AFTER`` is taken as dead, and its page stops waiting."""

    STALLED_MESSAGE: str

    @property
    def stalled(self) -> bool:
        return self.running and self.progress_at < timezone.now() - settings.REGISTER_JOB_STALLED_AFTER

    def fail_if_stalled(self) -> None:
        """Stores a stalled job as failed with its message, unless it moved since it was read."""
        if not self.stalled:
            return
        now = timezone.now()
        unchanged = type(self).objects.filter(pk=self.pk, status=self.status, progress_at=self.progress_at)
        if unchanged.update(status=self.Status.FAILED, message=self.STALLED_MESSAGE, finished_at=now):
            self.status, self.message, self.finished_at = self.Status.FAILED, self.STALLED_MESSAGE, now


class RegisterImport(QueuedJob, models.Model):
    """One workbook uploaded for import: checked first (a preview with counts and the errors), then written on
    confirmation, all or nothing. Large files run on the task queue; the page follows their progress here. Of a file
    full of errors only the first ``registers.importer.KEPT_PROBLEMS`` are kept, with the count of every error by kind.
    """

    STALLED_MESSAGE = "Tiến trình xử lý đã dừng; hãy tải tệp lên lại."

    class Status(models.TextChoices):
        QUEUED = "queued", "Đang chờ xử lý"
        CHECKING = "checking", "Đang kiểm tra"
        CHECKED = "checked", "Đã kiểm tra, chờ xác nhận"
        INVALID = "invalid", "Có lỗi, chưa nhập"
        WRITING = "writing", "Đang ghi dữ liệu"
        DONE = "done", "Đã nhập xong"
        FAILED = "failed", "Không nhập được"

    file = models.FileField(
        "tệp Excel", upload_to="nhap-so/%Y/%m/", validators=[FileExtensionValidator(WORKBOOK_EXTENSIONS)]
    )
    filename = models.CharField("tên tệp", max_length=255)
    status = models.CharField("tình trạng", max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows_total = models.PositiveIntegerField("số dòng", default=0)
    rows_done = models.PositiveIntegerField("số dòng đã xử lý", default=0)
    progress_at = models.DateTimeField("có tiến độ lúc", default=timezone.now)
    # {sheet: {"rows": n, "invalid": n, "skipped": n, "new": n, "existing": n}}
    counts = models.JSONField("số liệu theo sheet", default=dict, blank=True)
    # The first errors, those listed one by one: [[sheet, row, column, message], …]
    problems = models.JSONField("lỗi", default=list, blank=True)
    problems_total = models.PositiveIntegerField("số lỗi", default=0)
    # Every error counted by kind (danvan.sheets.rows.Problem.kind), the most frequent first: [[sheet, column, kind, n]]
    problem_kinds = models.JSONField("số lỗi theo loại", default=list, blank=True)
    # The values no catalogue value matched, once per sheet, column and value (registers.importer.value_groups).
    values = models.JSONField("giá trị chưa khớp danh mục", default=list, blank=True)
    message = models.TextField("thông báo", blank=True)
    created_by = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField("hoàn thành lúc", null=True, blank=True)

    class Meta:
        db_table = "danvan_registerimport"  # the table it had in the core app: moved without a rename
        verbose_name = "lần nhập sổ"
        verbose_name_plural = "lần nhập sổ"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(rows_done__lte=F("rows_total")), name="import_done_within_total"),
        ]
        indexes = [models.Index(fields=["created_by", "created_at"], name="import_by_created")]

    def __str__(self) -> str:
        return self.filename

    def get_absolute_url(self) -> str:
        return reverse("registers:import-detail", args=[self.pk])

    @property
    def percent(self) -> int:
        finished = self.status in (self.Status.DONE, self.Status.CHECKED, self.Status.INVALID)
        return progress_percent(self.rows_done, self.rows_total, finished=finished)

    @property
    def unmatched(self) -> list[dict]:
        """The values no catalogue value matched and no choice was applied to: their rows are errors."""
        return [value for value in self.values if value["applied"] is None]

    @property
    def running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.CHECKING, self.Status.WRITING)


class ImportedRow(models.Model):
    """A register row already imported, by its key: its sheet, agency, date and Mã hồ sơ, or all its cells."""

    key = models.CharField(max_length=64, unique=True)
    sheet = models.CharField(max_length=20)
    batch = models.ForeignKey(RegisterImport, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        db_table = "danvan_importedrow"
        verbose_name = "dòng đã nhập"
        verbose_name_plural = "dòng đã nhập"

    def __str__(self) -> str:
        return f"{self.sheet} {self.key[:12]}"


class ValueMapping(models.Model):
    """An agency's choice for a value of a register column that matches no catalogue value: the catalogue value it
    stands for, or skipping the rows holding it (``mapped`` empty). Applied to every row with that value, in every
    import by the agency's staff."""

    agency = models.ForeignKey(Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="+")
    sheet = models.CharField("sheet", max_length=20)
    column = models.CharField("cột", max_length=50)
    value = models.CharField("giá trị (đã chuẩn hóa)", max_length=300)
    mapped = models.CharField("giá trị trong danh mục", max_length=200, blank=True, help_text="Để trống: bỏ dòng.")
    updated_by = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "ánh xạ giá trị khi nhập sổ"
        verbose_name_plural = "ánh xạ giá trị khi nhập sổ"
        constraints = [
            models.UniqueConstraint(fields=["agency", "sheet", "column", "value"], name="value_mapping_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.sheet} / {self.column}: {self.value} → {self.mapped or 'bỏ dòng'}"


class RegisterExport(QueuedJob, models.Model):
    """One export of whole registers too large to write while the user waits: written on the task queue, its page
    follows the progress here and offers the workbook once written."""

    STALLED_MESSAGE = "Tiến trình xử lý đã dừng; hãy xuất lại."

    class Status(models.TextChoices):
        QUEUED = "queued", "Đang chờ xử lý"
        WRITING = "writing", "Đang ghi tệp"
        DONE = "done", "Đã xuất xong"
        FAILED = "failed", "Không xuất được"

    date_from = models.DateField("từ ngày")
    date_to = models.DateField("đến ngày")
    registers = models.JSONField("sổ", default=list)  # sheet names, as the registry names them
    status = models.CharField("tình trạng", max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows_total = models.PositiveIntegerField("số dòng", default=0)
    rows_done = models.PositiveIntegerField("số dòng đã ghi", default=0)
    progress_at = models.DateTimeField("có tiến độ lúc", default=timezone.now)
    file = models.FileField("tệp Excel", upload_to="xuat-so/%Y/%m/", blank=True)
    message = models.TextField("thông báo", blank=True)
    created_by = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField("hoàn thành lúc", null=True, blank=True)

    class Meta:
        verbose_name = "lần xuất sổ"
        verbose_name_plural = "lần xuất sổ"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(rows_done__lte=F("rows_total")), name="export_done_within_total"),
        ]
        indexes = [models.Index(fields=["created_by", "created_at"], name="export_by_created")]

    def __str__(self) -> str:
        return self.filename

    def get_absolute_url(self) -> str:
        return reverse("registers:export-detail", args=[self.pk])

    @property
    def filename(self) -> str:
        return export_filename(self.date_from, self.date_to)

    @property
    def percent(self) -> int:
        return progress_percent(self.rows_done, self.rows_total, finished=self.status == self.Status.DONE)

    @property
    def running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.WRITING)
