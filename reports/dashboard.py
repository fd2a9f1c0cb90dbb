"""The leader's dashboard: the year so far against the same days a year earlier, the monthly trend, the backlog by age,
what is overdue, the heads below their reception minimum and a row per child unit — all within the user's scope, in
a number of small queries that grows neither with the number of units nor with the number of records: what was
received is read from the monthly tally (``reports.tallies``), what is open from the partial indexes of open cases
and unhandled petitions."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models import Window as Over

from complaints.figures import CASE_KINDS
from complaints.selectors import (
    Clock,
    LateClocks,
    case_clock,
    late_clocks_in,
    overdue_cases_in,
    overdue_on,
    unhandled_petitions_in,
    unresolved_cases_in,
)
from danvan.aggregates import count_where
from danvan.lookups import Ids
from danvan.models import AdminUnit, Agency, Case, Staff
from dialogues.figures import FIGURES as DIALOGUE_FIGURES
from dialogues.figures import dialogues_in
from dialogues.models import Kind, Opinion
from dialogues.selectors import overdue_opinions_in
from reception.frequency import HeadCompliance, frequency_compliance
from reception.session_forms import previous_month
from reports.figures import Figures, openings_in
from reports.kept import kept
from reports.labels import change_text, is_rate, number
from reports.periods import PeriodKind, Window, window
from reports.rows import RowKind, Rows, rows_of
from reports.selectors import agencies_in_scope, sees_whole
from reports.tallies import Received, received, resolution_rates

# The dashboard lists this many overdue cases, opinions and heads; the pages behind its links list them all.
SHOWN = 10
TREND_MONTHS = 12
# Ages of open cases and unhandled petitions: (label, fewest days, most days or None).
AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("Đến 30 ngày", 0, 30),
    ("31 – 60 ngày", 31, 60),
    ("61 – 90 ngày", 61, 90),
    ("Trên 90 ngày", 91, None),
)


def report_year(today: date) -> int:
    """The year whose report window holds ``today``: 15/12/2025 belongs to the report of 2026."""
    return today.year + 1 if today > window(PeriodKind.YEAR, year=today.year).end else today.year


def year_so_far(today: date) -> Window:
    """This year's report window (from 15/12 of the year before) up to ``today``; its ``previous()`` is the same days
    a year earlier."""
    return Window(PeriodKind.CUSTOM, window(PeriodKind.YEAR, year=report_year(today)).start, today)


@dataclass(frozen=True)
class Headline:
    label: str
    value: str
    previous: str
    change: str
    direction: str


# The dashboard's headline figures: a label and the keys of reports.md it adds up.
HEADLINES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Lượt tiếp công dân", ("reception.visits",)),
    ("Người được tiếp", ("reception.people",)),
    ("Đơn tiếp nhận", ("petitions.received",)),
    ("Đơn khiếu nại, tố cáo", ("petitions.complaints", "petitions.denunciations")),
    ("Tỷ lệ giải quyết khiếu nại, tố cáo", ("resolution_rate",)),
    ("Cuộc đối thoại", ("dialogues.total",)),
    ("Hội nghị tiếp xúc cử tri", ("voter_meetings.total",)),
)
_DIALOGUE_KEYS = ("dialogues.total", "voter_meetings.total")


def headline_figures(
    agency_ids: Ids | list[int], spans: list[Window], got: list[Received], *, still_open: int
) -> list[Figures]:
    """The figures of ``HEADLINES`` for each of ``spans``, as the report counts them (``reports.figures.figures_of``,
    opening figures included): what was received (``got``, per span: ``reports.tallies.received``); the dialogues of
    all spans in one query; the resolution rates from the tally (``still_open``: the complaints and denunciations
    accepted and not resolved today); the opening figures of all spans in one query."""
    agencies = Agency.objects.filter(pk__any_of=agency_ids)
    rates = resolution_rates(agency_ids, [(span.start, span.end) for span in spans], still_open=still_open)
    dialogues = dialogues_in(agency_ids, min(s.start for s in spans), max(s.end for s in spans)).aggregate(
        **{
            f"{index}:{key}": count_where(DIALOGUE_FIGURES[key].filter & Q(date__range=(span.start, span.end)))
            for index, span in enumerate(spans)
            for key in _DIALOGUE_KEYS
        }
    )
    result = []
    openings = openings_in(agencies, spans)
    for index, (counted, opening) in enumerate(zip(got, openings, strict=True)):
        figures: Figures = {
            "reception.visits": counted.visits,
            "reception.people": counted.people,
            "petitions.received": counted.petitions,
            "petitions.complaints": counted.complaints,
            "petitions.denunciations": counted.denunciations,
            "resolution_rate": rates[index],
            **{key: dialogues[f"{index}:{key}"] for key in _DIALOGUE_KEYS},
        }
        for key, value in opening.items():
            if key in figures:
                figures[key] += int(value)
        result.append(figures)
    return result


def headlines(now: Figures, before: Figures) -> list[Headline]:
    tiles = []
    for label, keys in HEADLINES:
        value, earlier = sum(now[key] for key in keys), sum(before[key] for key in keys)
        change, direction = change_text(keys[0], value, earlier)
        percent = "%" if is_rate(keys[0]) else ""
        tiles.append(Headline(label, number(value) + percent, number(earlier) + percent, change, direction))
    return tiles


def months_up_to(today: date, count: int = TREND_MONTHS) -> list[date]:
    """The first days of the ``count`` calendar months ending with ``today``'s, oldest first."""
    months, first = [], today.replace(day=1)
    for _ in range(count):
        months.append(first)
        first = (first - timedelta(days=1)).replace(day=1)
    return months[::-1]


def monthly_trend(agency_ids: Ids | list[int], *, today: date) -> dict:
    """Visits and petitions received per calendar month over the last 12 months: the data of the dashboard's charts."""
    months = months_up_to(today)
    by_month = received(agency_ids, months[0], today, by="month")
    counts = [by_month.get(month, Received()) for month in months]
    return {
        "months": [f"{month:%m/%Y}" for month in months],
        "visits": [count.visits for count in counts],
        "petitions": [count.petitions for count in counts],
    }


@dataclass(frozen=True)
class Backlog:
    label: str
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


def _age_buckets(field: str, today: date, *, prefix: str = "bucket", where: Q | None = None) -> dict:
    buckets = {}
    for index, (_, fewest, most) in enumerate(AGE_BUCKETS):
        age = Q(**{f"{field}__lte": today - timedelta(days=fewest)})
        if most is not None:
            age &= Q(**{f"{field}__gte": today - timedelta(days=most)})
        buckets[f"{prefix}_{index}"] = count_where(age if where is None else age & where)
    return buckets


def _bucket_counts(row: dict, prefix: str = "bucket") -> list[int]:
    return [row[f"{prefix}_{index}"] for index in range(len(AGE_BUCKETS))]


@dataclass(frozen=True)
class OpenCases:
    """An agency's accepted cases not resolved today, by age since their acceptance: the complaints and denunciations
    being resolved (those the resolution rate counts, and the only ones with a deadline, so the overdue ones are among
    them) and the recommendations being considered, not answered yet (kiến nghị, phản ánh: no statutory resolution)."""

    by_age: list[int]
    answering_by_age: list[int]
    overdue: int

    @property
    def total(self) -> int:
        return sum(self.by_age)


def open_cases(agency_ids: Ids | list[int], *, today: date) -> dict[int, OpenCases]:
    """The open cases of each agency: what the backlog, the overdue count and the table by unit show, in one query."""
    resolving = Q(kind__in=list(CASE_KINDS))
    counted = (
        unresolved_cases_in(agency_ids)
        .values("agency")
        .annotate(
            **_age_buckets("accepted_on", today, where=resolving),
            **_age_buckets("accepted_on", today, prefix="answering", where=~resolving),
            overdue=count_where(overdue_on(today)),
        )
    )
    return {
        row["agency"]: OpenCases(_bucket_counts(row), _bucket_counts(row, "answering"), row["overdue"])
        for row in counted.order_by()
    }


def backlog(agency_ids: Ids | list[int], opened: dict[int, OpenCases], *, today: date) -> list[Backlog]:
    """What is still open today, by its age: complaints and denunciations accepted and not resolved, recommendations
    considered and not answered (since their acceptance, from ``opened``) and petitions not yet handled (since their
    receipt, one query)."""
    petitions = unhandled_petitions_in(agency_ids)

    def summed(ages: str) -> list[int]:
        return [sum(getattr(counted, ages)[index] for counted in opened.values()) for index in range(len(AGE_BUCKETS))]

    return [
        Backlog("Khiếu nại, tố cáo đang giải quyết", summed("by_age")),
        Backlog("Kiến nghị, phản ánh chưa trả lời", summed("answering_by_age")),
        Backlog("Đơn chưa xử lý", _bucket_counts(petitions.aggregate(**_age_buckets("received_on", today)))),
    ]


@dataclass(frozen=True)
class Overdue:
    """A few of the records past their deadline, the longest overdue first, and how many there are."""

    rows: list
    count: int


def late_cases(agency_ids: Ids | list[int], opened: dict[int, OpenCases], *, today: date) -> Overdue:
    """Accepted cases running past their resolution deadline (``complaints.selectors.overdue_cases``), as many as
    ``opened`` counts."""
    # The agencies are those of the user's scope already (``agencies_in_scope``): no need to draw it again.
    cases = overdue_cases_in(agency_ids, today=today)
    shown: list[tuple[Case, Clock | None]] = [
        (case, case_clock(case, today=today)) for case in cases.order_by("due_on", "pk")[:SHOWN]
    ]
    return Overdue(shown, sum(counts.overdue for counts in opened.values()))


def late_opinions(agency_ids: Ids | list[int], *, today: date) -> Overdue:
    """Opinions raised at dialogues of the area, or assigned to its agencies, past their deadline
    (``dialogues.selectors.overdue_opinions``; the agencies are within the user's scope already)."""
    opinions = overdue_opinions_in(agency_ids, today=today)
    # How many there are rides along with the first few (a window over all of them): one query, not two.
    shown: list[Opinion] = list(
        opinions.select_related("dialogue__unit", "assignee").annotate(overdue=Over(Count("*")))[:SHOWN]
    )
    return Overdue(shown, shown[0].overdue if shown else 0)


@dataclass(frozen=True)
class ShortHeads:
    year: int
    month: int
    rows: list[HeadCompliance]
    count: int
    heads: int


def heads_below_minimum(agency_ids: Ids | list[int], *, today: date) -> ShortHeads:
    """The committee and party heads who held fewer days of periodic reception than their minimum in the last complete
    month (``reception.frequency``, as its compliance page judges them)."""
    year, month = previous_month(today)
    heads = frequency_compliance(agencies=Agency.objects.filter(pk__any_of=agency_ids), year=year, month=month)
    short = [head for head in heads if not head.met]
    return ShortHeads(year, month, short[:SHOWN], len(short), len(heads))


@dataclass(frozen=True)
class ChildRow:
    label: str
    unit: AdminUnit | None  # a direct child unit, whose own report the row opens; None for agencies' rows
    visits: int
    petitions: int
    dialogues: int
    open_cases: int
    overdue_cases: int


MEASURES = ("visits", "petitions", "dialogues", "open_cases", "overdue_cases")


def _count_by_agency(records: QuerySet) -> dict[int, int]:
    return dict(records.values("agency").annotate(count=count_where()).order_by().values_list("agency", "count"))


def child_rows(
    rows: Rows, agency_ids: Ids, span: Window, got: dict[int, Received], opened: dict[int, OpenCases]
) -> tuple[list[ChildRow], ChildRow]:
    """A row of ``rows`` per direct child unit, then the unit's own agencies, as the statutory forms draw them, with
    what each received in ``span`` (``got``, per agency), the dialogues it held and what is open or overdue today
    (``opened``); and the total row. Only the agencies of ``agency_ids`` (those in the user's scope) count; rows with
    none of them are left out."""
    visible = set(agency_ids.values)
    counts = {
        "visits": {pk: count.visits for pk, count in got.items()},
        "petitions": {pk: count.petitions for pk, count in got.items()},
        "dialogues": _count_by_agency(dialogues_in(agency_ids, span.start, span.end, kind=Kind.DIALOGUE)),
        "open_cases": {pk: counted.total for pk, counted in opened.items()},
        "overdue_cases": {pk: counted.overdue for pk, counted in opened.items()},
    }
    table, totals = [], dict.fromkeys(MEASURES, 0)
    for row in rows:
        ids = [pk for pk in row.agency_ids if pk in visible]
        if not ids:
            continue
        sums = {measure: sum(counts[measure].get(pk, 0) for pk in ids) for measure in MEASURES}
        for measure, value in sums.items():
            totals[measure] += value
        table.append(ChildRow(row.label, row.unit if row.kind == RowKind.CHILD else None, **sums))
    return table, ChildRow("Tổng cộng", None, **totals)


@dataclass(frozen=True)
class Dashboard:
    unit: AdminUnit
    span: Window
    year: int
    headlines: list[Headline]
    trend: dict
    backlog: list[Backlog]
    age_labels: list[str]
    late_cases: Overdue
    late_opinions: Overdue
    late_records: LateClocks
    short_heads: ShortHeads
    rows: list[ChildRow]
    total: ChildRow

    @property
    def trend_rows(self) -> list[tuple[str, int, int]]:
        """The charts' data as a table: month, visits, petitions."""
        return list(zip(self.trend["months"], self.trend["visits"], self.trend["petitions"], strict=True))


def dashboard(staff: Staff, unit: AdminUnit, *, today: date) -> Dashboard:
    """Everything the leader's dashboard shows for ``unit``, counting only the records ``staff`` sees. What it returns
    is shared (kept): read it, never change it."""
    rows = rows_of(unit)
    # The agencies in scope, read once: every query below filters on their ids rather than on the nested subqueries
    # of the area and the scope. Those of the rows when the user sees the whole unit (the rows hold every agency).
    if sees_whole(staff, unit):
        agency_ids = Ids(rows.agency_ids)
    else:
        agency_ids = Ids(agencies_in_scope(staff, unit).values_list("pk", flat=True))
    # Counted once between two changes of the records (reports/kept.py): every leader of the unit opens it all day.
    return kept("dashboard", (unit.pk, today, agency_ids.values), lambda: _counted(unit, rows, agency_ids, today))


def _counted(unit: AdminUnit, rows: Rows, agency_ids: Ids, today: date) -> Dashboard:
    span, previous = year_so_far(today), year_so_far(today).previous()
    by_agency = received(agency_ids, span.start, span.end, by="agency")
    before = received(agency_ids, previous.start, previous.end).get(None, Received())
    opened = open_cases(agency_ids, today=today)
    table, total = child_rows(rows, agency_ids, span, by_agency, opened)
    now_and_before = headline_figures(
        agency_ids,
        [span, previous],
        [sum(by_agency.values(), Received()), before],
        still_open=sum(counted.total for counted in opened.values()),
    )
    return Dashboard(
        unit=unit,
        span=span,
        year=report_year(today),
        headlines=headlines(*now_and_before),
        trend=monthly_trend(agency_ids, today=today),
        backlog=backlog(agency_ids, opened, today=today),
        age_labels=[label for label, _, _ in AGE_BUCKETS],
        late_cases=late_cases(agency_ids, opened, today=today),
        late_opinions=late_opinions(agency_ids, today=today),
        # Forwarding a denunciation, telling the forwarding body the result, answering a citizen received.
        late_records=late_clocks_in(agency_ids, today=today),
        short_heads=heads_below_minimum(agency_ids, today=today),
        rows=table,
        total=total,
    )
