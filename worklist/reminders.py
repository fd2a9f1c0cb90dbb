"""Reads of the reminders: each agency's policy (N working days ahead, M working days overdue before the leader is
told), what is escalated to an agency's leader, and what one day's run reads once for all the staff it concerns."""

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import Count, F, Model, QuerySet
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber

from complaints.selectors import staff_with_open_assignments
from danvan.lookups import Ids
from danvan.models import Agency, Membership, Role, Staff
from danvan.workdays import Calendar, add_working_days
from worklist.kinds import Kind
from worklist.models import DUE_WITHIN_DAYS, ReminderChoice, ReminderPolicy
from worklist.selectors import PAGE_SIZE, Queue, WorkScope, page_of, queue_of, report_items, work_scope
from worklist.sources import AGENCY_SOURCES, APPROVALS, ONE_DAY, CasesToResolve, Item, Source


def policies(agency_ids) -> dict[int, ReminderPolicy]:
    """The policy of each of ``agency_ids``, the default one (unsaved) where the agency has none."""
    found = {policy.agency_id: policy for policy in ReminderPolicy.objects.filter(agency__in=list(agency_ids))}
    return {pk: found.get(pk) or ReminderPolicy(agency_id=pk) for pk in agency_ids}


class DayRun:
    """What one day's reminders read once and share among the staff.

    - Each source's rows due by a day, for every agency whose staff the run reminds at once: the first ``PAGE_SIZE``
      of each agency and how many it has (``ROW_NUMBER()`` and ``COUNT(*)`` over the agency). A work scope's queue is
      put together from its agencies' (the staff of one agency and role share it); whoever has open assignments of
      their own gets a queue read for them alone.
    - The items escalated to each agency's leaders, read for every led agency at once.
    - Each item built once, whichever queues and escalations list it.
    - The agencies' policies and the staff's e-mail choices.
    """

    def __init__(self, *, on: date, calendar: Calendar) -> None:
        self.on, self.calendar = on, calendar
        self._reminded = Membership.objects.values("agency")
        self._firsts: dict[tuple, dict[int, tuple[list[Model], int]]] = {}
        self._queues: dict[tuple, Queue] = {}
        self._escalations: dict[int, list[Item]] | None = None
        self._items: dict[tuple, Item] = {}
        self._policies: dict[int, ReminderPolicy] | None = None
        self._choices: dict[int, bool] | None = None
        self._memberships: dict[int, list[Membership]] | None = None
        self._assigned: set[int] = set()
        self.rendered: dict[tuple, str] = {}  # what the run's e-mails share: their blocks of lines, rendered once

    def scope(self, staff: Staff) -> WorkScope:
        """``staff``'s work scope (without a leader's area: a digest escalates instead), the memberships of all the
        staff, and who has open assignments, read at once."""
        if self._memberships is None:
            self._memberships = defaultdict(list)
            for membership in Membership.objects.select_related("agency__unit"):
                self._memberships[membership.staff_id].append(membership)
            self._assigned = staff_with_open_assignments()
        assigned = None if staff.pk in self._assigned else {}  # read for those who have some
        return work_scope(staff, with_led=False, memberships=self._memberships.get(staff.pk, []), assigned=assigned)

    def due_by(self, scope: WorkScope) -> date:
        """The last day ``scope``'s digest reminds of: its agencies' N working days ahead (the longest of them)."""
        if self._policies is None:
            self._policies = {policy.agency_id: policy for policy in ReminderPolicy.objects.all()}
        default = ReminderPolicy()
        within = max(
            (self._policies.get(pk, default).due_within_days for pk in scope.acting.values), default=DUE_WITHIN_DAYS
        )
        return add_working_days(self.on, within, calendar=self.calendar)

    def wants_email(self, staff: Staff) -> bool:
        """Whether ``staff`` gets the digest by e-mail: they have an address and did not turn it off."""
        if self._choices is None:
            self._choices = dict(ReminderChoice.objects.values_list("staff", "email"))
        return bool(staff.email) and self._choices.get(staff.pk, True)

    def item(self, source: Source, row: Model) -> Item:
        key = (source.kind, row.pk)
        if key not in self._items:
            self._items[key] = source.item(row, today=self.on, calendar=self.calendar)
        return self._items[key]

    def queue(self, scope: WorkScope, *, due_by: date) -> Queue:
        if scope.has_assignments:
            return queue_of(scope, today=self.on, due_by=due_by, calendar=self.calendar)
        sending = tuple((unit.pk, agency) for unit, agency in scope.sending)
        key = (scope.acting.values, scope.approving.values, sending, due_by)
        if key not in self._queues:
            self._queues[key] = self._queue(scope, due_by=due_by)
        return self._queues[key]

    def _queue(self, scope: WorkScope, *, due_by: date) -> Queue:
        found, counts = [], {}
        for source in (*AGENCY_SOURCES, APPROVALS):
            firsts = self._firsts_of(source, due_by)
            for agency in (scope.approving if source is APPROVALS else scope.acting).values:
                rows, total = firsts.get(agency, ((), 0))
                found += [(source, row) for row in rows]
                counts[source.kind] = counts.get(source.kind, 0) + total
        reports = report_items(scope, today=self.on, until=due_by, calendar=self.calendar)
        counts[Kind.REPORT] = len(reports)
        return page_of(
            found,
            counts,
            reports,
            wanted=PAGE_SIZE,
            size=PAGE_SIZE,
            today=self.on,
            calendar=self.calendar,
            build=self.item,
        )

    def _firsts_of(self, source: Source, due_by: date) -> dict[int, tuple[list[Model], int]]:
        """The first ``PAGE_SIZE`` rows of ``source`` due by ``due_by`` of each reminded agency, and how many it has."""
        key = (source.kind, due_by)
        if key not in self._firsts:
            rows = source.rows().filter(source.due_before(due_by + ONE_DAY), item_agency__in=self._reminded)
            firsts = {}
            for row in _ranked(rows):
                firsts.setdefault(row.item_agency, ([], row.agency_rows))[0].append(row)
            self._firsts[key] = firsts
        return self._firsts[key]

    def escalations_to(self, agency: Agency) -> list[Item]:
        if self._escalations is None:
            led = Agency.objects.filter(pk__in=Membership.objects.filter(role=Role.LEADER).values("agency"))
            self._escalations = escalations(led, today=self.on, build=self.item)
        return self._escalations.get(agency.pk, [])


def _ranked(rows: QuerySet) -> QuerySet:
    """The first ``PAGE_SIZE`` of ``rows`` of each agency by deadline, each with the count of its agency's rows."""
    by_agency = {"partition_by": F("item_agency")}
    return rows.annotate(
        rank=Window(RowNumber(), order_by=(F("item_due").asc(), F("pk").asc()), **by_agency),
        agency_rows=Window(Count("pk"), **by_agency),
    ).filter(rank__lte=PAGE_SIZE)


def _late_beyond(items: list[Item], allowed: dict[int, int]) -> list[Item]:
    """The items overdue by more than their agency's allowance, counted as each one's rule counts."""
    return [item for item in items if -item.clock.days_left > allowed[item.agency_id]]


def escalations(agencies: QuerySet[Agency], *, today: date, build) -> dict[int, list[Item]]:
    """What goes to the leaders of each of ``agencies``: its own items overdue by more than its policy's M working
    days, and, for a People's Committee, the hotspot cases (Case.hotspot) of the agencies of the units directly under
    its unit overdue by more than theirs. Working days are never more than calendar days, so the queries read from M
    calendar days back and each item's own count decides. Read for all the agencies at once (one query per source and
    distinct M)."""
    agencies = list(agencies)
    allowed = {pk: policy.escalate_after_days for pk, policy in policies([agency.pk for agency in agencies]).items()}
    found = defaultdict(list)
    for days, group in _grouped(allowed).items():
        for source in AGENCY_SOURCES:
            rows = source.rows().filter(source.due_before(today - timedelta(days)), item_agency__any_of=Ids(group))
            for item in _late_beyond([build(source, row) for row in rows], allowed):
                found[item.agency_id].append(item)
    committees = defaultdict(list)  # unit → its committees among ``agencies``
    for agency in agencies:
        if agency.kind == Agency.Kind.COMMITTEE:
            committees[agency.unit_id].append(agency.pk)
    if committees:
        parent_of = dict(Agency.objects.filter(unit__parent__in=list(committees)).values_list("pk", "unit__parent"))
        below = {pk: policy.escalate_after_days for pk, policy in policies(list(parent_of)).items()}
        source = CasesToResolve()
        rows = source.rows().filter(
            hotspot=True, item_agency__any_of=Ids(below), due_on__lt=today - timedelta(min(below.values(), default=0))
        )
        for item in _late_beyond([build(source, row) for row in rows], below):
            for committee in committees[parent_of[item.agency_id]]:
                found[committee].append(item)
    return {pk: sorted(items, key=lambda item: item.sort_key) for pk, items in found.items()}


def _grouped(allowed: dict[int, int]) -> dict[int, list[int]]:
    """The agencies of each allowance."""
    groups = defaultdict(list)
    for pk, days in allowed.items():
        groups[days].append(pk)
    return groups
