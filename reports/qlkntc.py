"""Biểu 06/QLKNTC's figures, keyed in by each agency for a report window (reports.models.ManagementFigure): documents
issued, training, responsibility inspections and their results, which no record holds. A report counts the figures
keyed for exactly its window: those keyed for Quý I are not part of the year's report."""

from collections import defaultdict

from django.db.models import QuerySet, Sum

from danvan.models import Agency
from reports.excel.tt06_2025 import QLKNTC
from reports.models import ManagementFigure
from reports.periods import Window
from reports.rows import Rows

FORM = QLKNTC
COLUMNS = range(1, 18)
# Each column's label as printed (the group above it tells "Tổ chức" of 9 from that of 14): 1 → "Số văn bản ban hành
# mới", … 17 → "Đối tượng".
LABELS: dict[int, str] = dict(enumerate((column.label for column in FORM.columns), start=1))


def key(column: int) -> str:
    """A column's key among a row's figures: ``"qlkntc.8"``."""
    return f"qlkntc.{column}"


def _keyed(agencies: QuerySet[Agency], window: Window) -> QuerySet[ManagementFigure]:
    """The figures of ``agencies`` keyed for exactly ``window``."""
    return ManagementFigure.objects.filter(agency__in=agencies.values("pk"), start=window.start, end=window.end)


def management_by_row(rows: Rows, window: Window, agencies: QuerySet[Agency]) -> list[dict[str, int]]:
    """Per row of ``rows``, the figures its agencies in ``agencies`` keyed for exactly ``window``, by column
    ("qlkntc.1" … "qlkntc.17"): one query."""
    row_of = {pk: index for index, row in enumerate(rows) for pk in row.agency_ids}
    by_row = [{key(column): 0 for column in COLUMNS} for _ in rows]
    keyed = _keyed(agencies, window).values("agency_id", "column").annotate(total=Sum("value")).order_by()
    for figure in keyed:
        if figure["agency_id"] in row_of:
            by_row[row_of[figure["agency_id"]]][key(figure["column"])] += figure["total"]
    return by_row


def keyed_by_agency(agencies: QuerySet[Agency], window: Window) -> dict[int, dict[int, int]]:
    """What each of ``agencies`` keyed for exactly ``window``: agency id → column → value (only the columns keyed)."""
    keyed: dict[int, dict[int, int]] = defaultdict(dict)
    for agency, column, value in _keyed(agencies, window).values_list("agency_id", "column", "value"):
        keyed[agency][column] = value
    return keyed
