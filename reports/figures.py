"""A report's figures (reports.md, "Summary figures"): every key, composed from the apps' selectors, for a unit and
everything under it in a window, beside the same period a year earlier."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from complaints.figures import KEYS as COMPLAINTS_KEYS
from complaints.figures import complaints_figures
from danvan.models import AdminUnit, Agency
from danvan.permissions import agency_ids_of_area
from danvan.selectors import area_of
from dialogues.figures import KEYS as DIALOGUES_KEYS
from dialogues.figures import dialogues_figures
from reception.figures import KEYS as RECEPTION_KEYS
from reception.figures import reception_figures
from reports.kept import kept
from reports.models import OpeningFigure
from reports.opening_keys import mapped_columns, summary_keys_of
from reports.periods import Window

# Every key, in the order of reports.md: other systems read them.
KEYS: tuple[str, ...] = RECEPTION_KEYS + COMPLAINTS_KEYS + DIALOGUES_KEYS
Figures = dict[str, int | float]


def agencies_of(unit: AdminUnit) -> QuerySet[Agency]:
    """The agencies of ``unit`` and every unit under it, with the units of the earlier era that went into them: a window
    that crosses 01/07/2025 counts the old units' records into their new ones."""
    return Agency.objects.filter(unit__in=area_of(unit).values("pk"))


def scope_ids(unit: AdminUnit, agencies: QuerySet[Agency] | None = None) -> list[int]:
    """The ids of the agencies a report of ``unit`` counts: those of its area (kept with the structure), narrowed to
    ``agencies`` (a user's scope), in order."""
    in_area = agency_ids_of_area(unit)
    if agencies is None:
        return sorted(in_area)
    return sorted(set(in_area).intersection(agencies.order_by().values_list("pk", flat=True)))


def scope_of(unit: AdminUnit, agencies: QuerySet[Agency] | None = None) -> QuerySet[Agency]:
    """The agencies of ``scope_ids``, their ids read once. Every query of the report then filters on a list of ids
    instead of repeating the nested subqueries of the area and the scope, which both databases would plan and run again
    in each of them."""
    return Agency.objects.filter(pk__in=scope_ids(unit, agencies))


def figures_of(agencies: QuerySet[Agency], window: Window) -> Figures:
    """Every figure of the records of ``agencies`` in ``window``, keyed and ordered as reports.md, with the opening
    figures keyed in for days of the window before an agency used the portal (``openings_of``)."""
    span = {"agencies": agencies, "start": window.start, "end": window.end}
    figures = reception_figures(**span) | complaints_figures(**span) | dialogues_figures(**span)
    for key, value in openings_of(agencies, window).items():
        figures[key] += int(value) if isinstance(figures[key], int) else float(value)
    return {key: figures[key] for key in KEYS}


def openings_of(agencies: QuerySet[Agency], window: Window) -> dict[str, Decimal]:
    """The opening figures of ``agencies`` keyed for days wholly inside ``window``, summed per summary key: those keyed
    by summary key, and those keyed by a form column that makes a summary key (reports/opening_keys.py)."""
    return openings_in(agencies, [window])[0]


def openings_in(agencies: QuerySet[Agency], windows: list[Window]) -> list[dict[str, Decimal]]:
    """``openings_of`` each of ``windows``, in one query."""
    openings = OpeningFigure.objects.filter(
        agency__in=agencies.values("pk"),
        start__gte=min(window.start for window in windows),
        end__lte=max(window.end for window in windows),
        code__in=[*KEYS, *mapped_columns()],
    )
    # By code and last day: a column's summary keys are those of the circular in force on that day.
    sums = openings.values("code", "end").annotate(
        **{
            f"in_{index}": Sum("value", filter=Q(start__gte=window.start, end__lte=window.end))
            for index, window in enumerate(windows)
        }
    )
    by_window: list[dict[str, Decimal]] = [defaultdict(Decimal) for _ in windows]
    for row in sums.order_by():
        keys = (row["code"],) if row["code"] in KEYS else summary_keys_of(row["code"], row["end"])
        for index, added in enumerate(by_window):
            if row[f"in_{index}"] is not None:
                for key in keys:
                    added[key] += row[f"in_{index}"]
    return [dict(added) for added in by_window]


def report_data(unit: AdminUnit, window: Window, agencies: QuerySet[Agency] | None = None) -> dict:
    """The machine-readable report of reports.md: the unit, the period, its figures and those of the same period a
    year earlier. ``agencies`` narrows the unit's agencies (to a user's scope)."""
    ids = scope_ids(unit, agencies)

    def count() -> tuple[Figures, Figures]:
        in_scope = Agency.objects.filter(pk__in=ids)
        return figures_of(in_scope, window), figures_of(in_scope, window.previous())

    figures, previous = kept("report", (unit.pk, window.start, window.end, tuple(ids)), count)
    return {
        "unit": {"code": unit.code, "name": unit.name, "level": unit.level},
        "period": {"kind": window.kind, "start": window.start.isoformat(), "end": window.end.isoformat()},
        "figures": dict(figures),  # the caller's own: what is kept stays as counted
        "previous": dict(previous),
    }
