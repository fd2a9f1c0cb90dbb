"""Reads of the personal queue ("Việc của tôi"): what a staff member must act on, sorted by urgency, and its counts.

Whose work is what:
- the records of the agencies where one handles (a handler's or a leader's own agency), and those assigned to one or to
  one's department (complaints' ``Assignment``);
- the proposals waiting for a leader's approval;
- the periodic reports of the units whose reports one sends (a leader, a reporter);
- for a leader, also the overdue items of every agency of the area they lead.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import itemgetter

from django.db.models import CharField, Count, Model, Q, QuerySet, Value
from django.urls import reverse

from complaints.selectors import open_assignments_to
from danvan.clocks import clock, due_soon_until
from danvan.lookups import Ids
from danvan.models import AdminUnit, Agency, Membership, Role, Staff
from danvan.permissions import Action, agencies_granted, memberships_of, own_agencies_granted
from danvan.scope import visible_agencies
from danvan.structure import kept_for_unit
from danvan.workdays import Calendar
from reports.figures import agencies_of
from reports.sending import unsent
from worklist.kinds import Kind
from worklist.sources import AGENCY_SOURCES, APPROVALS, ASSIGNABLE, ONE_DAY, Item, Source

OVERDUE, SOON, ALL = "qua-han", "sap-den-han", "tat-ca"
STATES = {OVERDUE: "Quá hạn", SOON: "Sắp đến hạn", ALL: "Tất cả"}
PAGE_SIZE = 50
HOME_SIZE = 10  # the most urgent items the home page shows before the link to the whole queue
QUEUE_ROLES = (Role.HANDLER, Role.LEADER)  # whose home page opens on their queue
# How far ahead the queue lists the reports to send (one year back it still lists those not sent).
REPORTS_LOOK_AHEAD = timedelta(days=366)


@dataclass(frozen=True)
class WorkScope:
    """The agencies and records a staff member acts on, read once for all the sources."""

    staff: Staff
    acting: Ids
    approving: Ids
    led: Ids | None  # the leader's area, for its overdue items; None when the staff member leads nothing
    sending: tuple[tuple[AdminUnit, int], ...]  # (unit, agency) of the reports one sends
    assigned: dict[str, Ids]  # the records assigned to one or one's department, by kind (ASSIGNABLE)
    leading: tuple[Agency, ...]  # the agencies one leads (with their units): their escalations are one's

    @property
    def has_assignments(self) -> bool:
        return any(ids.values for ids in self.assigned.values())


def _assigned(staff: Staff) -> dict[str, Ids]:
    rows = list(open_assignments_to(staff).values_list(*ASSIGNABLE.values()))
    return {kind: Ids(row[n] for row in rows if row[n] is not None) for n, kind in enumerate(ASSIGNABLE)}


def _agency_order(agency: Agency) -> tuple:
    return (agency.unit.code, agency.kind, agency.name)  # Agency.Meta.ordering


def _agencies_of_area(unit: AdminUnit) -> list[int]:
    """The agencies of ``unit``'s area (the earlier era's included), kept with the structure: a leader's queue reads
    them on every page."""
    return kept_for_unit(
        "worklist:area-agencies", unit.pk, lambda: list(agencies_of(unit).order_by().values_list("pk", flat=True))
    )


def _granted(staff: Staff, memberships: list[Membership], action: Action) -> Ids:
    own = own_agencies_granted(staff, memberships, action)
    found = agencies_granted(staff, action).order_by().values_list("pk", flat=True) if own is None else own
    return Ids(sorted(found))


def work_scope(
    staff: Staff,
    *,
    with_led: bool = True,
    memberships: list[Membership] | None = None,
    assigned: dict[str, Ids] | None = None,
) -> WorkScope:
    """``staff``'s work scope; ``memberships`` (theirs, with their agencies and units) and ``assigned`` (the records
    assigned to them), if read already."""
    if memberships is None:
        memberships = memberships_of(staff)
    leading = [membership for membership in memberships if membership.role == Role.LEADER]
    led = None
    if with_led and leading:
        led = Ids(sorted({pk for membership in leading for pk in _agencies_of_area(membership.agency.unit)}))
    sending = {
        membership.agency.unit_id: (membership.agency.unit, membership.agency_id)
        for membership in memberships
        if membership.role in (Role.LEADER, Role.REPORTER)
    }
    return WorkScope(
        staff,
        acting=_granted(staff, memberships, Action.HANDLE),
        approving=_granted(staff, memberships, Action.APPROVE),
        led=led,
        sending=tuple(sending.values()),
        assigned=_assigned(staff) if assigned is None else assigned,
        leading=tuple(sorted({membership.agency for membership in leading}, key=_agency_order)),
    )


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    agency: int | None = None
    state: str = ALL


@dataclass
class Queue:
    items: list[Item]
    total: int
    counts: dict[str, int] = field(default_factory=dict)


def _own(source: Source, scope: WorkScope) -> Q:
    if source is APPROVALS:
        return Q(item_agency__any_of=scope.approving)
    own = Q(item_agency__any_of=scope.acting)
    assigned = scope.assigned.get(source.kind)
    if assigned and assigned.values:
        own |= Q(pk__any_of=assigned, item_agency__in=visible_agencies(scope.staff).values("pk"))
    return own


def _within(source: Source, scope: WorkScope, today: date) -> Q:
    """The rows of ``source`` that are ``scope``'s work."""
    where = _own(source, scope)
    if scope.led is not None and source is not APPROVALS:
        where |= Q(item_agency__any_of=scope.led) & source.due_before(today)
    return where


def _state(source: Source, state: str, today: date, soon_until: date) -> Q:
    if state == OVERDUE:
        return source.due_before(today)
    if state == SOON:
        return source.due_from(today) & source.due_before(soon_until + ONE_DAY)
    return Q()


def report_items(scope: WorkScope, *, today: date, until: date, calendar: Calendar) -> list[Item]:
    items = []
    for unit, agency_id in scope.sending:
        for due in unsent(unit, since=today.replace(year=today.year - 1), until=until):
            url = f"{reverse('reports:report')}?unit={unit.pk}&period={due.window.kind}&year={due.window.year}"
            title = f"Báo cáo {due.window.label} của {unit.name}"
            action = f"Gửi báo cáo lên cấp trên ({due.source})"
            due_clock = clock(due.on, working_days=False, today=today, calendar=calendar)
            items.append(Item(Kind.REPORT, unit.pk, agency_id, title, action, url, due_clock))
    return items


def queue_of(
    scope: WorkScope,
    *,
    filters: Filters = Filters(),
    today: date,
    page: int = 1,
    size: int = PAGE_SIZE,
    due_by: date | None = None,
    calendar: Calendar | None = None,
) -> Queue:
    """One page of ``size`` items of ``scope``'s work, the most urgent first (the earliest deadline), with the count of
    each kind. ``due_by`` keeps only what falls due by that day (overdue included): the digest's."""
    calendar = calendar or Calendar()
    soon_until = due_soon_until(today, calendar=calendar)
    wanted = page * size
    found, counts, beyond = [], {}, {}
    for source in (*AGENCY_SOURCES, APPROVALS):
        if filters.kind and filters.kind != source.kind:
            continue
        rows = source.rows().filter(_within(source, scope, today), _state(source, filters.state, today, soon_until))
        if filters.agency:
            rows = rows.filter(item_agency=filters.agency)
        if due_by is not None:
            rows = rows.filter(source.due_before(due_by + ONE_DAY))
        first = list(rows.order_by("item_due", "pk")[:wanted])
        counts[source.kind] = len(first)
        if len(first) == wanted:  # there may be more: counted below
            beyond[source.kind] = rows
        found += [(source, row) for row in first]
    counts.update(_count_each(beyond))
    reports = []
    if not filters.kind or filters.kind == Kind.REPORT:
        until = due_by or (soon_until if filters.state == SOON else today + REPORTS_LOOK_AHEAD)
        reports = report_items(scope, today=today, until=until, calendar=calendar)
        reports = [item for item in reports if _in_state(item, filters, soon_until) and _of_agency(item, filters)]
        counts[Kind.REPORT] = len(reports)
    return page_of(found, counts, reports, wanted=wanted, size=size, today=today, calendar=calendar)


def page_of(
    found: list[tuple[Source, Model]],
    counts: dict[str, int],
    reports: list[Item],
    *,
    wanted: int,
    size: int,
    today: date,
    calendar: Calendar,
    build: Callable[[Source, Model], Item] | None = None,
) -> Queue:
    """The items ``wanted - size`` to ``wanted`` by deadline of the rows ``found`` (each source's first ``wanted``
    rows at least) and of ``reports``: only the rows of the page become items (by ``build``, if given)."""
    build = build or (lambda source, row: source.item(row, today=today, calendar=calendar))
    candidates = [
        ((source.due_on(row.item_due, calendar=calendar), source.kind, row.pk), source, row) for source, row in found
    ]
    candidates += [(item.sort_key, None, item) for item in reports]
    candidates.sort(key=itemgetter(0))
    items = [row if source is None else build(source, row) for _, source, row in candidates[wanted - size : wanted]]
    counts = {kind: count for kind, count in counts.items() if count}
    return Queue(items, sum(counts.values()), counts)


def _count_each(queries: dict[str, QuerySet]) -> dict[str, int]:
    """The rows of each query, counted in one statement (a UNION ALL of their counts)."""
    if not queries:
        return {}
    counted = [
        rows.order_by()
        .annotate(queue_kind=Value(kind, output_field=CharField()))
        .values("queue_kind")
        .annotate(rows=Count("pk"))
        for kind, rows in queries.items()
    ]
    return dict(counted[0].union(*counted[1:], all=True).values_list("queue_kind", "rows"))


def _in_state(item: Item, filters: Filters, soon_until: date) -> bool:
    if filters.state == OVERDUE:
        return item.clock.overdue
    return filters.state != SOON or (not item.clock.overdue and item.clock.due_on <= soon_until)


def _of_agency(item: Item, filters: Filters) -> bool:
    return not filters.agency or item.agency_id == filters.agency


def queue_for(
    staff: Staff, *, filters: Filters = Filters(), today: date, page: int = 1, size: int = PAGE_SIZE
) -> Queue:
    return queue_of(work_scope(staff), filters=filters, today=today, page=page, size=size)


def home_queue(staff: Staff, *, today: date) -> Queue | None:
    """The most urgent items of a handler's or a leader's queue, which their home page shows first; None for the
    other roles (receptionists, reporters, unit admins), whose home page stays as it was."""
    if not staff.memberships.filter(role__in=QUEUE_ROLES).exists():
        return None
    return queue_for(staff, today=today, size=HOME_SIZE)


def counters(staff: Staff, *, today: date) -> tuple[int, int]:
    """The navigation bar's figures: the items in ``staff``'s queue, and how many of them are overdue."""
    scope = work_scope(staff)
    total = queue_of(scope, today=today, page=0).total
    overdue = queue_of(scope, filters=Filters(state=OVERDUE), today=today, page=0).total
    return total, overdue
