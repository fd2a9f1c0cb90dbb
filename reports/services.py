"""Writes of reports: freezing a report as sent, and keying in an agency's opening figures."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from danvan.models import AdminUnit, Agency, Staff
from reports.figures import KEYS, report_data
from reports.labels import is_rate
from reports.models import OpeningFigure, SentReport
from reports.periods import Window


@transaction.atomic
def mark_sent(
    *, unit: AdminUnit, window: Window, by: Staff, narrative: str = "", workbook: bytes | None = None, number: str = ""
) -> SentReport:
    """Freezes the report of ``unit`` for ``window`` as sent: its figures and the same period's as they are now, the
    narrative as edited and the forms workbook as downloaded. A window is sent once."""
    if SentReport.objects.filter(unit=unit, kind=window.kind, start=window.start, end=window.end).exists():
        raise ValidationError(f"Báo cáo {window.label.lower()} của {unit.name} đã được đánh dấu gửi.")
    data = report_data(unit, window)
    sent = SentReport(
        unit=unit,
        kind=window.kind,
        start=window.start,
        end=window.end,
        year=window.year,
        month=window.month,
        figures=data["figures"],
        previous=data["previous"],
        narrative=narrative,
        number=number,
        sent_by=by,
    )
    if workbook is not None:
        sent.workbook.save(f"{unit.code}-{window.kind}-{window.end:%Y%m%d}.xlsx", ContentFile(workbook), save=False)
    sent.save()
    return sent


def enter_opening(*, agency: Agency, start: date, end: date, code: str, value: Decimal, by: Staff) -> OpeningFigure:
    """Keys in a figure of ``agency`` for the days before it used the portal; ``code`` a key of reports.md or a form
    column such as ``01/TCD:4``."""
    if start > end:
        raise ValidationError({"end": "Đến ngày phải sau hoặc bằng từ ngày."})
    if value < 0:
        raise ValidationError({"value": "Số liệu không được âm."})
    if ":" not in code and code not in KEYS:
        raise ValidationError({"code": f"Không có chỉ tiêu “{code}”."})
    if is_rate(code):
        raise ValidationError({"code": "Tỷ lệ được tính từ các số liệu, không nhập đầu kỳ."})
    try:
        with transaction.atomic():
            return OpeningFigure.objects.create(
                agency=agency, start=start, end=end, code=code, value=value, entered_by=by
            )
    except IntegrityError:
        raise ValidationError({"code": "Chỉ tiêu này của cơ quan cho khoảng thời gian đó đã được nhập."}) from None
