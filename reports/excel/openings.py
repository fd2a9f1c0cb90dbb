"""Opening figures keyed in per form column (``01/TCD:4``, reports.models.OpeningFigure): an agency that started using
the portal in the middle of a period gives, per column, its figures for the days before, one report month at a time.
A column is read in the circular in force at the opening's last day: the forms of a circular add the openings keyed
in its columns to the row of the agency's own figures and say so under the table."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import QuerySet, Sum

from danvan.models import Agency
from reports.models import OpeningFigure
from reports.opening_keys import columns_in
from reports.periods import Window
from reports.rows import Rows

Openings = dict[str, Decimal]  # "01/TCD:4" → value


def column_openings(rows: Rows, window: Window, agencies: QuerySet[Agency], circular: str) -> list[Openings]:
    """Per row of ``rows``, the openings of its agencies keyed in form columns for days wholly inside ``window``, in the
    columns of ``circular``'s forms (``reports.opening_keys.columns_in``): one query."""
    row_of = {pk: index for index, row in enumerate(rows) for pk in row.agency_ids}
    openings = (
        OpeningFigure.objects.filter(
            agency__in=agencies.values("pk"), start__gte=window.start, end__lte=window.end, code__contains=":"
        )
        .values("agency_id", "code", "end")
        .annotate(total=Sum("value"))
        .order_by()
    )
    by_row: list[Openings] = [defaultdict(Decimal) for _ in rows]
    for opening in openings:
        if opening["agency_id"] in row_of:
            for code in columns_in(circular, opening["code"], opening["end"]):
                by_row[row_of[opening["agency_id"]]][code] += opening["total"]
    return by_row


def total_openings(by_row: list[Openings]) -> Openings:
    total: Openings = defaultdict(Decimal)
    for openings in by_row:
        for code, value in openings.items():
            total[code] += value
    return total
