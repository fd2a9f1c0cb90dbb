"""Reads of the report pages: the units a user may report on, and the leader's dashboard — the year so far against the
same days a year earlier, the monthly trend, the backlog by age, what is overdue, the heads below their reception
minimum and a row per child unit — all within the user's scope, in a number of queries that does not grow with the
number of units or records."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import groupby

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from complaints.models import Petition
from complaints.selectors import UNHANDLED, Clock, case_clock, cases_for, overdue_cases
from danvan.models import AdminUnit, Agency, Case, Role, Staff
from danvan.scope import UNIT_WIDE_ROLES, visible_agencies
from danvan.selectors import area_of
from dialogues.models import Dialogue, Kind, Opinion
from dialogues.selectors import overdue_opinions
from reception.frequency import HeadCompliance, frequency_compliance
from reception.models import Visit
from reception.session_forms import previous_month
from reports.figures import Figures, agencies_of, figures_of
from reports.labels import change_text, is_rate, number
from reports.periods import PeriodKind, Window, window
from reports.rows import RowKind, rows_of

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


# The units a user reports on. A select collapses spaces, not no-break spaces: they indent a unit under its parent.
INDENT = "\u00a0" * 3


def units_in_scope(staff: Staff) -> QuerySet[AdminUnit]:
    """The units whose report ``staff`` may read, as ``danvan.scope`` draws their records: a leader, handler, reporter
    or unit admin their agency's unit and every unit under it (with the units of the earlier era that went into
    them); a receptionist their agency's unit; a superuser every unit."""
    if staff.is_superuser:
        return AdminUnit.objects.all()
    condition = Q(pk__in=[])
    for membership in staff.memberships.select_related("agency__unit"):
        if membership.role in UNIT_WIDE_ROLES:
            condition |= Q(pk__in=area_of(membership.agency.unit).values("pk"))
        else:
            condition |= Q(pk=membership.agency.unit_id)
    return AdminUnit.objects.filter(condition)


def valid_on(unit: AdminUnit, on: date) -> bool:
    """Whether ``unit`` exists on ``on``."""
    return (unit.valid_from is None or unit.valid_from <= on) and (unit.valid_to is None or on <= unit.valid_to)


def _path(unit: AdminUnit) -> tuple[str, ...]:
    """The codes from the province down to ``unit``: sorts a province before its districts, each before its
    communes."""
    path = (unit.code,)
    while unit.parent_id is not None:
        unit = unit.parent
        path = (unit.code, *path)
    return path


def report_units(staff: Staff, *, today: date, picked: str | None = None) -> list[AdminUnit]:
    """The units offered to ``staff`` in the report's choice: those of today first, then each earlier era, each era in
    the order of the tree. A superuser, who may open any unit, is offered the provinces and the unit ``picked``."""
    units = units_in_scope(staff)
    if staff.is_superuser:
        units = units.filter(
            Q(level=AdminUnit.Level.PROVINCE) | Q(pk=int(picked) if picked and picked.isdigit() else None)
        )
    return sorted(
        units.select_related("parent__parent"),
        key=lambda unit: (not valid_on(unit, today), -(unit.valid_to or date.max).toordinal(), _path(unit)),
    )


def unit_choices(units: list[AdminUnit]) -> list[tuple[str, list[tuple[int, str]]]]:
    """The units grouped by era for a select, each indented under its parent: "Tỉnh Gia Lai (64)", "   Xã Ia Grai"."""
    groups = []
    for valid_to, era in groupby(units, key=lambda unit: unit.valid_to):
        title = "Đơn vị hành chính hiện nay" if valid_to is None else f"Đơn vị hành chính đến ngày {valid_to:%d/%m/%Y}"
        depths = [(unit, len(_path(unit))) for unit in era]
        top = min(depth for _, depth in depths)
        groups.append(
            (title, [(unit.pk, INDENT * (depth - top) + f"{unit.name} ({unit.code})") for unit, depth in depths])
        )
    return groups


def agencies_in_scope(staff: Staff, unit: AdminUnit) -> QuerySet[Agency]:
    """The agencies of ``unit``'s area whose records ``staff`` sees: what every figure of their report counts."""
    return agencies_of(unit).filter(pk__in=visible_agencies(staff).values("pk"))


SENDING_ROLES = (Role.LEADER, Role.REPORTER)


def sends_reports(staff: Staff) -> bool:
    """Whether ``staff`` may mark reports as sent: a leader or reporter (of a unit they see whole)."""
    return staff.is_superuser or staff.memberships.filter(role__in=SENDING_ROLES).exists()


def sees_part_of(staff: Staff, unit: AdminUnit) -> bool:
    """Whether some agencies of ``unit``'s area lie outside ``staff``'s scope: their report then counts only part of
    the unit (a receptionist's, their own agency)."""
    return agencies_of(unit).exclude(pk__in=visible_agencies(staff).values("pk")).exists()


# The dashboard.


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


# The dashboard's headline figures: a label and the keys it adds up.
HEADLINES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Lượt tiếp công dân", ("reception.visits",)),
    ("Vụ việc được tiếp", ("reception.cases",)),
    ("Đơn tiếp nhận", ("petitions.received",)),
    ("Đơn khiếu nại, tố cáo", ("petitions.complaints", "petitions.denunciations")),
    ("Tỷ lệ giải quyết khiếu nại, tố cáo", ("resolution_rate",)),
    ("Cuộc đối thoại", ("dialogues.total",)),
    ("Hội nghị tiếp xúc cử tri", ("voter_meetings.total",)),
)


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


def _per_month(records: QuerySet, field: str, months: list[date], today: date) -> list[int]:
    counted = (
        records.filter(**{f"{field}__gte": months[0], f"{field}__lte": today})
        .annotate(month=TruncMonth(field))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by()
    )
    by_month = {_as_date(row["month"]): row["count"] for row in counted}
    return [by_month.get(month, 0) for month in months]


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def monthly_trend(agencies: QuerySet[Agency], *, today: date) -> dict:
    """Visits and petitions received per calendar month over the last 12 months, in two queries: the data of the
    dashboard's charts."""
    months = months_up_to(today)
    in_scope = agencies.values("pk")
    return {
        "months": [f"{month:%m/%Y}" for month in months],
        "visits": _per_month(Visit.objects.filter(agency__in=in_scope), "received_on", months, today),
        "petitions": _per_month(Petition.objects.filter(agency__in=in_scope), "received_on", months, today),
    }


@dataclass(frozen=True)
class Backlog:
    label: str
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


def _by_age(records: QuerySet, field: str, today: date) -> list[int]:
    buckets = {}
    for index, (_, fewest, most) in enumerate(AGE_BUCKETS):
        age = Q(**{f"{field}__lte": today - timedelta(days=fewest)})
        if most is not None:
            age &= Q(**{f"{field}__gte": today - timedelta(days=most)})
        buckets[f"bucket_{index}"] = Count("pk", filter=age)
    counts = records.aggregate(**buckets)
    return [counts[f"bucket_{index}"] for index in range(len(AGE_BUCKETS))]


def backlog(agencies: QuerySet[Agency], *, today: date) -> list[Backlog]:
    """What is still open today, by its age: accepted cases not resolved (since their acceptance) and petitions not
    yet handled (since their receipt). Two queries."""
    in_scope = agencies.values("pk")
    cases = Case.objects.filter(agency__in=in_scope, accepted_on__isnull=False, resolved_on__isnull=True)
    petitions = Petition.objects.filter(UNHANDLED, agency__in=in_scope)
    return [
        Backlog("Vụ việc đang giải quyết", _by_age(cases, "accepted_on", today)),
        Backlog("Đơn chưa xử lý", _by_age(petitions, "received_on", today)),
    ]


@dataclass(frozen=True)
class Overdue:
    """A few of the records past their deadline, the longest overdue first, and how many there are."""

    rows: list
    count: int


def late_cases(staff: Staff, agencies: QuerySet[Agency], *, today: date) -> Overdue:
    """Accepted cases running past their resolution deadline (``complaints.selectors.overdue_cases``)."""
    cases = overdue_cases(cases_for(staff).filter(agency__in=agencies.values("pk")), today=today)
    shown: list[tuple[Case, Clock | None]] = [
        (case, case_clock(case)) for case in cases.order_by("due_on", "pk")[:SHOWN]
    ]
    return Overdue(shown, cases.count())


def late_opinions(staff: Staff, agencies: QuerySet[Agency], *, today: date) -> Overdue:
    """Opinions raised at dialogues of the area, or assigned to its agencies, past their deadline."""
    in_scope = agencies.values("pk")
    opinions = overdue_opinions(staff, today=today).filter(Q(dialogue__agency__in=in_scope) | Q(assignee__in=in_scope))
    shown: list[Opinion] = list(opinions[:SHOWN])
    return Overdue(shown, opinions.count())


@dataclass(frozen=True)
class ShortHeads:
    year: int
    month: int
    rows: list[HeadCompliance]
    count: int
    heads: int


def heads_below_minimum(agencies: QuerySet[Agency], *, today: date) -> ShortHeads:
    """The committee and party heads who held fewer days of periodic reception than their minimum in the last complete
    month (``reception.frequency``, as its compliance page judges them)."""
    year, month = previous_month(today)
    heads = frequency_compliance(agencies=agencies, year=year, month=month)
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
    return dict(records.values("agency").annotate(count=Count("pk")).order_by().values_list("agency", "count"))


def child_rows(unit: AdminUnit, agency_ids: list[int], span: Window, *, today: date) -> tuple[list[ChildRow], ChildRow]:
    """A row per direct child unit, then the unit's own agencies, as the statutory forms draw them
    (``reports.rows``), with what each did in ``span`` and what is open or overdue today; and the total row. Only the
    agencies of ``agency_ids`` (those in the user's scope) count; rows with none of them are left out. Nine queries
    whatever the number of units."""
    rows = rows_of(unit)
    visible = set(agency_ids)
    window_range = (span.start, span.end)
    open_cases = Case.objects.filter(agency__in=agency_ids, accepted_on__isnull=False, resolved_on__isnull=True)
    counts = {
        "visits": _count_by_agency(Visit.objects.filter(agency__in=agency_ids, received_on__range=window_range)),
        "petitions": _count_by_agency(Petition.objects.filter(agency__in=agency_ids, received_on__range=window_range)),
        "dialogues": _count_by_agency(
            Dialogue.objects.filter(agency__in=agency_ids, kind=Kind.DIALOGUE, date__range=window_range)
        ),
        "open_cases": _count_by_agency(open_cases),
        "overdue_cases": _count_by_agency(overdue_cases(open_cases, today=today)),
    }
    children = iter(AdminUnit.objects.filter(parent=unit).order_by("code"))
    table, totals = [], defaultdict(int)
    for row in rows:
        child = next(children) if row.kind == RowKind.CHILD else None
        ids = [pk for pk in row.agency_ids if pk in visible]
        if not ids:
            continue
        sums = {measure: sum(counts[measure].get(pk, 0) for pk in ids) for measure in MEASURES}
        for measure, value in sums.items():
            totals[measure] += value
        table.append(ChildRow(row.label, child, **sums))
    return table, ChildRow("Tổng cộng", None, **{measure: totals[measure] for measure in MEASURES})


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
    short_heads: ShortHeads
    rows: list[ChildRow]
    total: ChildRow

    @property
    def trend_rows(self) -> list[tuple[str, int, int]]:
        """The charts' data as a table: month, visits, petitions."""
        return list(zip(self.trend["months"], self.trend["visits"], self.trend["petitions"], strict=True))


def dashboard(staff: Staff, unit: AdminUnit, *, today: date) -> Dashboard:
    """Everything the leader's dashboard shows for ``unit``, counting only the records ``staff`` sees."""
    # The agencies in scope, read once: every query below filters on their ids rather than on the nested subqueries
    # of the area and the scope, which SQLite would plan badly.
    agency_ids = list(agencies_in_scope(staff, unit).values_list("pk", flat=True))
    agencies = Agency.objects.filter(pk__in=agency_ids)
    span = year_so_far(today)
    rows, total = child_rows(unit, agency_ids, span, today=today)
    return Dashboard(
        unit=unit,
        span=span,
        year=report_year(today),
        headlines=headlines(figures_of(agencies, span), figures_of(agencies, span.previous())),
        trend=monthly_trend(agencies, today=today),
        backlog=backlog(agencies, today=today),
        age_labels=[label for label, _, _ in AGE_BUCKETS],
        late_cases=late_cases(staff, agencies, today=today),
        late_opinions=late_opinions(staff, agencies, today=today),
        short_heads=heads_below_minimum(agencies, today=today),
        rows=rows,
        total=total,
    )
