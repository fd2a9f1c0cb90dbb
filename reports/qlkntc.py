"""Biểu 06/QLKNTC's figures, keyed in by each agency for a report window (reports.models.ManagementFigure)."""

from django.db.models import QuerySet, Sum

from danvan.models import Agency
from reports.models import ManagementFigure
from reports.periods import Window
from reports.rows import Rows

COLUMNS = range(1, 18)


def management_by_row(rows: Rows, window: Window, agencies: QuerySet[Agency]) -> list[dict[str, int]]:
    """Per row of ``rows``, the figures its agencies in ``agencies`` keyed for exactly ``window``, by column
    ("qlkntc.1" … "qlkntc.17"): one query."""
    row_of = {pk: index for index, row in enumerate(rows) for pk in row.agency_ids}
    by_row = [{f"qlkntc.{column}": 0 for column in COLUMNS} for _ in rows]
    keyed = (
        ManagementFigure.objects.filter(agency__in=agencies.values("pk"), start=window.start, end=window.end)
        .values("agency_id", "column")
        .annotate(total=Sum("value"))
        .order_by()
    )
    for figure in keyed:
        if figure["agency_id"] in row_of:
            by_row[row_of[figure["agency_id"]]][f"qlkntc.{figure['column']}"] += figure["total"]
    return by_row
