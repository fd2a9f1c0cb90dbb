"""What reports keep: each report sent to a higher committee, frozen as it was sent, and the opening figures of an
agency that started using the portal in the middle of a period."""

from django.db import models
from django.db.models import F, Q

from danvan.models import AdminUnit, Agency, AuditEntry, Staff
from reports.periods import PeriodKind


class SentReport(models.Model):
    """A report marked as sent: its figures, the same period's, the narrative and the forms workbook as they were. Later
    changes to the records show as differences against it instead of silently changing what was sent."""

    unit = models.ForeignKey(AdminUnit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="sent_reports")
    kind = models.CharField("kỳ báo cáo", max_length=10, choices=PeriodKind.choices)
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày")
    year = models.PositiveSmallIntegerField("năm", null=True, blank=True)
    month = models.PositiveSmallIntegerField("tháng", null=True, blank=True)
    figures = models.JSONField("số liệu")
    previous = models.JSONField("số liệu cùng kỳ")
    narrative = models.TextField("báo cáo", blank=True)
    workbook = models.FileField("biểu mẫu", upload_to="bao-cao/%Y/", blank=True)
    number = models.CharField("số văn bản", max_length=50, blank=True)
    # The set of forms it was sent with ("TT 06/2025/TT-TTCP"), their total rows ({"01/TCD": [c1, c2, …]}), and the
    # narrative's sections the reporter wrote ({"III.1": "…"}): kept as sent, whatever the rules or texts are now.
    circular = models.CharField("thông tư áp dụng", max_length=30, blank=True)
    forms = models.JSONField("biểu số liệu (dòng tổng cộng)", default=dict, blank=True)
    sections = models.JSONField("các phần do người báo cáo viết", default=dict, blank=True)
    sent_by = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField("gửi lúc", auto_now_add=True)
    # The corrections made since, of records the report counted or counts now (reports.receivers): shown among its
    # differences, those that moved no figure (a content, a number) too.
    corrections = models.ManyToManyField(AuditEntry, verbose_name="sửa đổi sau khi gửi", related_name="+", blank=True)

    class Meta:
        verbose_name = "báo cáo đã gửi"
        verbose_name_plural = "báo cáo đã gửi"
        ordering = ["-end", "-sent_at"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="sent_report_window_ordered"),
            models.UniqueConstraint(fields=["unit", "kind", "start", "end"], name="sent_report_once_per_window"),
        ]
        indexes = [models.Index(fields=["unit", "end"], name="sent_report_unit_end")]

    def __str__(self) -> str:
        return f"{self.unit} — {self.get_kind_display()} {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"


class OpeningFigure(models.Model):
    """A figure an agency keyed in for the part of a period before it used the portal (from ``start`` to ``end``):
    a summary key of reports.md (``reception.visits``) or a form column (``01/TCD:4``). Reports whose window covers
    those days add it and say so."""

    agency = models.ForeignKey(Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="openings")
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày")
    code = models.CharField("chỉ tiêu", max_length=40)
    value = models.DecimalField("số liệu", max_digits=14, decimal_places=2)
    entered_by = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "số liệu đầu kỳ"
        verbose_name_plural = "số liệu đầu kỳ"
        constraints = [
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="opening_window_ordered"),
            models.CheckConstraint(condition=Q(value__gte=0), name="opening_value_not_negative"),
            models.UniqueConstraint(fields=["agency", "start", "end", "code"], name="opening_once_per_code"),
        ]
        indexes = [models.Index(fields=["agency", "start", "end"], name="opening_agency_window")]

    def __str__(self) -> str:
        return f"{self.agency}: {self.code} = {self.value}"


class ManagementFigure(models.Model):
    """A figure of biểu 06/QLKNTC (state management of reception and complaints: documents issued, training,
    responsibility inspections and their results) that no record holds: an agency keys it in for one report window,
    column by column. A report shows the figures keyed for exactly its window."""

    agency = models.ForeignKey(Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="+")
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày")
    column = models.PositiveSmallIntegerField("cột")
    value = models.PositiveIntegerField("số liệu")
    entered_by = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "số liệu quản lý nhà nước"
        verbose_name_plural = "số liệu quản lý nhà nước"
        constraints = [
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="management_window_ordered"),
            models.CheckConstraint(condition=Q(column__gte=1, column__lte=17), name="management_column_of_form"),
            models.UniqueConstraint(fields=["agency", "start", "end", "column"], name="management_once_per_column"),
        ]
        indexes = [models.Index(fields=["start", "end", "agency"], name="management_window_agency")]

    def __str__(self) -> str:
        return f"{self.agency}: 06/QLKNTC cột {self.column} = {self.value}"


class ReportSection(models.Model):
    """A section of a report's narrative (Mẫu số 02) that no record can write — assessment, shortcomings, causes,
    outlook, tasks, recommendations — as the reporter wrote it for a unit's report of one window."""

    unit = models.ForeignKey(AdminUnit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("kỳ báo cáo", max_length=10, choices=PeriodKind.choices)
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày")
    section = models.CharField("mục", max_length=10)  # the outline's number: "III.1", "V"
    text = models.TextField("nội dung")
    written_by = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "nội dung báo cáo"
        verbose_name_plural = "nội dung báo cáo"
        constraints = [
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="report_section_window_ordered"),
            models.UniqueConstraint(fields=["unit", "kind", "start", "end", "section"], name="report_section_once"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}: {self.section}"


class Tally(models.Model):
    """What an agency received in a half month — from the 1st to the 14th, or from the 15th to the month's end —:
    visits and their people, petitions and among them complaints and denunciations; and the complaints and
    denunciations it accepted, and resolved, in it. Half months because report windows run from the 15th to the 14th
    (reports.md) and charts by calendar month: both are made of whole halves. Kept by database triggers on the visits,
    petitions and cases tables (``reports/tally_sql.py``), never written by the portal, so that every way a record is
    written, moved or deleted (forms, register imports, the admin, SQL) keeps it right.
    The dashboard reads whole halves here and only the days at a window's ends from the records
    (``reports/tallies.py``)."""

    # No database constraint: the triggers write here while a test database is emptied table by table in any order
    # (deleting visits after their agencies); an agency with records cannot be deleted anyway (PROTECT).
    agency = models.ForeignKey(Agency, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    half = models.DateField("nửa tháng")  # its first day: the 1st or the 15th
    visits = models.IntegerField(default=0)
    people = models.IntegerField(default=0)
    petitions = models.IntegerField(default=0)
    complaints = models.IntegerField(default=0)
    denunciations = models.IntegerField(default=0)
    accepted = models.IntegerField(default=0)  # cases of complaints and denunciations accepted (thụ lý)
    resolved = models.IntegerField(default=0)  # and resolved

    class Meta:
        verbose_name = "số liệu nửa tháng"
        verbose_name_plural = "số liệu nửa tháng"
        constraints = [models.UniqueConstraint(fields=["agency", "half"], name="tally_once_per_agency_half")]
        # Covering (PostgreSQL; SQLite drops include): a window's halves are read from the index alone.
        indexes = [
            models.Index(
                fields=["half", "agency"],
                include=["visits", "people", "petitions", "complaints", "denunciations", "accepted", "resolved"],
                name="tally_half_agency",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency}: {self.half:%d/%m/%Y}"


class RecordsVersion(models.Model):
    """A number that grows whenever a record a report counts is written or deleted (visits, sessions, petitions, cases
    and their steps, dialogues, opening and management figures, citizens, the calendar's days, units and agencies).
    Database triggers keep it (migration reports 0006), in the writer's transaction, so that it changes when the
    change is seen: a report's figures are kept under it (``reports/kept.py``) and never outlive the records they
    counted, however the records were written. One row."""

    number = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "phiên bản số liệu"
        verbose_name_plural = "phiên bản số liệu"
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="records_version_one_row")]

    def __str__(self) -> str:
        return str(self.number)
