"""Dated rules and units: a validity window from ``valid_from`` to ``valid_to`` (both inclusive, None: open), and the
reform that changed the administrative structure."""

from datetime import date

from django.db.models import Q

# From this day the provinces merged and the district level was abolished (the two-tier structure, registers.md).
REFORM = date(2025, 7, 1)


def within(on: date, valid_from: date | None, valid_to: date | None) -> bool:
    """Whether ``on`` falls in the window from ``valid_from`` to ``valid_to``."""
    return (valid_from is None or valid_from <= on) and (valid_to is None or on <= valid_to)


def before_unit(unit, on: date) -> str:
    """Why a record of ``unit`` (an AdminUnit) cannot be dated ``on``: the unit did not exist yet (a commune formed in
    the 2025 reform has nothing before 01/07/2025); "" when it did."""
    if unit.valid_from is not None and on < unit.valid_from:
        return f"Vào ngày {on:%d/%m/%Y}, {unit.name} chưa có: đơn vị có từ ngày {unit.valid_from:%d/%m/%Y}."
    return ""


def overlapping_q(first: date, last: date, prefix: str = "") -> Q:
    """Rows whose window (``prefix`` + valid_from/valid_to) meets the days from ``first`` to ``last``; a single day
    when both are the same."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": last})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": first})
    )
