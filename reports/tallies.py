"""What agencies received in a window — visits, people, petitions, complaints and denunciations — and the resolution
rate of their complaints and denunciations, read from the half-month tally (``reports.models.Tally``, kept by
triggers) for the whole halves, and from the records only for the days at a window's ends (a report window, from the
15th to the 14th, has none but the current half's): one query each, whatever the number of records. The dashboard
reads them; the report itself counts the records (its figures need far more than these counts)."""

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Case, Expression, F, IntegerField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import TruncMonth

from complaints.figures import every_petition, petitions_in, rate, resolvable_cases_by_day, resolvable_cases_dated
from danvan.aggregates import count_where, total_where
from danvan.lookups import Ids
from danvan.models import Classification
from reception.figures import every_visit, visits_in
from reports.models import Tally
from reports.periods import CUTOFF_DAY

# How each count is summed from the tally, and counted from visits and from petitions.
TALLY_SUMS = {
    "visits": Sum("visits"),
    "people": Sum("people"),
    "petitions": Sum("petitions"),
    "complaints": Sum("complaints"),
    "denunciations": Sum("denunciations"),
}
VISIT_COUNTS = {"visits": count_where(), "people": total_where("people")}
PETITION_COUNTS = {
    "petitions": count_where(),
    "complaints": count_where(Q(kind=Classification.COMPLAINT)),
    "denunciations": count_where(Q(kind=Classification.DENUNCIATION)),
}
# The day of each count of the cases the resolution rate counts (complaints.figures.RESOLVABLE).
CASE_DAYS = {"accepted": "accepted_on", "resolved": "resolved_on"}


@dataclass(frozen=True)
class Received:
    visits: int = 0
    people: int = 0
    petitions: int = 0
    complaints: int = 0
    denunciations: int = 0

    def __add__(self, other: "Received") -> "Received":
        return Received(
            self.visits + other.visits,
            self.people + other.people,
            self.petitions + other.petitions,
            self.complaints + other.complaints,
            self.denunciations + other.denunciations,
        )


SECOND_HALF = CUTOFF_DAY  # a half month starts on the 1st or on the report windows' cutoff day


def half_of(day: date) -> date:
    """The first day of ``day``'s half month."""
    return day.replace(day=SECOND_HALF if day.day >= SECOND_HALF else 1)


def next_half(half: date) -> date:
    if half.day == 1:
        return half.replace(day=SECOND_HALF)
    return (half.replace(day=28) + timedelta(days=4)).replace(day=1)


def whole_halves(start: date, end: date) -> tuple[date, date] | None:
    """The first and the last half month lying wholly from ``start`` to ``end``; None if there is none."""
    first = start if start == half_of(start) else next_half(half_of(start))
    last = half_of(end)
    if next_half(last) - timedelta(days=1) != end:
        last = half_of(last - timedelta(days=1))
    return (first, last) if first <= last else None


def received(agency_ids: Ids | list[int], start: date, end: date, *, by: str | None = None) -> dict:
    """What ``agency_ids`` received from ``start`` to ``end`` inclusive, as ``Received`` per agency id
    (``by="agency"``), per first day of a month (``by="month"``) or in all (``by=None``, the key None). One query:
    the tally's whole halves, and visits and petitions at each end, side by side (UNION ALL). One part per end and
    kind of record: a range beside the agencies is an index condition, an OR of two ranges is not."""
    halves = whole_halves(start, end)
    ends = [(start, end)]
    parts = []
    if halves is not None:
        ends = [(start, halves[0] - timedelta(days=1)), (next_half(halves[1]), end)]
        tallied = Tally.objects.filter(agency__any_of=agency_ids, half__range=halves)
        parts.append(_grouped(tallied, F("half"), by, TALLY_SUMS))
    for low, high in ends:
        if low <= high:
            for records_in, counts in ((visits_in, VISIT_COUNTS), (petitions_in, PETITION_COUNTS)):
                records = records_in(agency_ids, low, high)
                parts.append(_grouped(records, TruncMonth("received_on"), by, counts))
    totals: dict = defaultdict(Received)
    for key, *counts in parts[0].union(*parts[1:], all=True).values_list("key", *COUNTS):
        totals[_key(key, by)] += Received(*(count or 0 for count in counts))
    return dict(totals)


COUNTS = [f.name for f in fields(Received)]
_ZERO = Value(0, output_field=IntegerField())


def _grouped(records: QuerySet, month: Expression, by: str | None, aggregates: dict) -> QuerySet:
    """``aggregates`` of ``records`` under "key" (per agency id, per month or, for ``by=None``, one row), with 0 for
    the counts they do not give."""
    key = {"agency": F("agency_id"), "month": month, None: _ZERO}[by]
    return (
        records.annotate(key=key)
        .values("key")
        .annotate(**{name: aggregates.get(name, _ZERO) for name in COUNTS})
        .order_by()
    )


def _key(key, by: str | None):
    if by is None:
        return None
    if by == "month":
        # A month truncated by PostgreSQL is a timestamp, a half a date: the union gives both as timestamps.
        return (key.date() if isinstance(key, datetime) else key).replace(day=1)
    return key


def _since(day: date) -> tuple[date, tuple[date, date] | None]:
    """How what happened from ``day`` on is counted: the tally's halves from the one returned first, and the records of
    the days returned second (from ``day`` to the eve of that half), unless ``day`` starts a half."""
    first = day if day == half_of(day) else next_half(half_of(day))
    return first, None if first == day else (day, first - timedelta(days=1))


def resolution_rates(agency_ids: Ids | list[int], windows: list[tuple[date, date]], *, still_open: int) -> list[float]:
    """``resolution_rate`` of each window (start, end) as ``complaints.figures`` counts it (resolved in the window, of
    the cases accepted by its end and not resolved before its start), from what was accepted and resolved from a day
    on. A case is resolved on or after the day it was accepted, so
    - resolved in the window = resolved since the start − resolved since the day after the end;
    - to resolve = ``still_open`` (complaints and denunciations accepted and not resolved today) + resolved since the
      start − accepted since the day after the end (those were never to resolve in the window).
    Only what happened since the earliest start is read, whatever the age of the records: two queries, the tally's
    halves and the records of the days a half does not hold (the partial indexes on the two days serve those)."""
    days: set[tuple[str, date]] = set()
    for start, end in windows:
        after = end + timedelta(days=1)
        days |= {("resolved", start), ("resolved", after), ("accepted", after)}
    tallied, parts = {}, []
    for what, day in days:
        label, (first_half, part) = f"{what}:{day}", _since(day)
        tallied[label] = Sum(what, filter=Q(half__gte=first_half))
        if part is not None:
            # One part per range: beside the agencies, a range is an index condition; an OR of ranges is not.
            records = resolvable_cases_by_day(agency_ids, CASE_DAYS[what], *part)
            parts.append(records.annotate(key=Value(label)).values("key").annotate(count=count_where()).order_by())
    earliest = min(_since(day)[0] for _, day in days)
    counts = Tally.objects.filter(agency__any_of=agency_ids, half__gte=earliest).aggregate(**tallied)
    if parts:
        for label, count in parts[0].union(*parts[1:], all=True).values_list("key", "count"):
            counts[label] = (counts[label] or 0) + count

    def since(what: str, day: date) -> int:
        return counts[f"{what}:{day}"] or 0

    rates = []
    for start, end in windows:
        after = end + timedelta(days=1)
        resolved = since("resolved", start) - since("resolved", after)
        rates.append(rate(resolved, still_open + since("resolved", start) - since("accepted", after)))
    return rates


@transaction.atomic
def rebuild_tallies() -> int:
    """Counts the tally again from the records (the triggers keep it afterwards). Returns the number of tally rows."""
    counts: dict[tuple[int, date], dict[str, int]] = defaultdict(dict)
    sources = [
        (every_visit(), "received_on", VISIT_COUNTS),
        (every_petition(), "received_on", PETITION_COUNTS),
    ]
    sources += [(resolvable_cases_dated(day), day, {what: count_where()}) for what, day in CASE_DAYS.items()]
    for records, day, aggregates in sources:
        second = Case(When(**{f"{day}__day__gte": SECOND_HALF}, then=Value(True)), default=Value(False))
        grouped = (
            records.annotate(month=TruncMonth(day), second=second)
            .values("agency_id", "month", "second")
            .annotate(**aggregates)
            .order_by()
        )
        for row in grouped:
            month = row.pop("month")
            half = month.replace(day=SECOND_HALF) if row.pop("second") else month
            counts[(row.pop("agency_id"), half)] |= row
    Tally.objects.all().delete()
    Tally.objects.bulk_create(
        (Tally(agency_id=agency, half=half, **values) for (agency, half), values in counts.items()), batch_size=2000
    )
    return len(counts)
