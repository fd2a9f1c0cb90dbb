"""The aggregates every figure is made of, each with its condition in its filter (so that the report drill-down can
list the rows a figure counts): a count that reads no column, and sums that are 0, not None, when no row matches."""

from decimal import Decimal

from django.db.models import Count, DecimalField, IntegerField, Q, Sum, Value
from django.db.models.functions import Coalesce


def count_where(condition: Q | None = None) -> Count:
    """The number of rows where ``condition`` holds, counting a constant (COUNT(*)-style, reading no column)."""
    return Count(Value(1), filter=condition)


def total_where(field: str, condition: Q | None = None) -> Coalesce:
    """The sum of a whole-number column where ``condition`` holds."""
    return Coalesce(Sum(field, filter=condition), 0, output_field=IntegerField())


def amount_where(field: str, condition: Q | None = None) -> Coalesce:
    """The sum of an amount (money or land) where ``condition`` holds."""
    return Coalesce(
        Sum(field, filter=condition), Value(Decimal(0)), output_field=DecimalField(max_digits=20, decimal_places=3)
    )
