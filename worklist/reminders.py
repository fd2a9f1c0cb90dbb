"""Reads of the reminders: each agency's policy (N working days ahead, M working days overdue before the leader is
told), what is escalated to an agency's leader, and what one day's run reads once for all the staff it concerns."""

from datetime import date, timedelta

from complaints.selectors import open_assignments_to
from danvan.models import Agency
from danvan.workdays import Calendar
from worklist.models import ReminderPolicy
from worklist.selectors import Queue, WorkScope, queue_of
from worklist.sources import AGENCY_SOURCES, CasesToResolve, Item


def policies(agency_ids) -> dict[int, ReminderPolicy]:
    """The policy of each of ``agency_ids``, the default one (unsaved) where the agency has none."""
    found = {policy.agency_id: policy for policy in ReminderPolicy.objects.filter(agency__in=list(agency_ids))}
    return {pk: found.get(pk) or ReminderPolicy(agency_id=pk) for pk in agency_ids}


def _late_beyond(items: list[Item], allowed: dict[int, int]) -> list[Item]:
    """The items overdue by more than their agency's allowance, counted as each one's rule counts."""
    return [item for item in items if -item.clock.days_left > allowed[item.agency_id]]


def escalations_to(agency: Agency, *, today: date, calendar: Calendar) -> list[Item]:
    """What goes to ``agency``'s leader: its own items overdue by more than its policy's M working days, and, for a
    People's Committee, the hotspot cases (Case.hotspot) of the agencies of the units directly under its unit overdue
    by more than theirs. Working days are never more than calendar days, so the query reads from M calendar days back
    and each item's own count decides."""
    own = policies([agency.pk])
    items = []
    for source in AGENCY_SOURCES:
        rows = (
            source.rows()
            .filter(item_agency=agency.pk)
            .filter(source.due_before(today - timedelta(own[agency.pk].escalate_after_days)))
        )
        items += [source.item(row, today=today, calendar=calendar) for row in rows.order_by("item_due", "pk")]
    found = _late_beyond(items, {agency.pk: own[agency.pk].escalate_after_days})
    if agency.kind == Agency.Kind.COMMITTEE:
        below = list(Agency.objects.filter(unit__parent=agency.unit_id).values_list("pk", flat=True))
        allowed = {pk: policy.escalate_after_days for pk, policy in policies(below).items()}
        source = CasesToResolve()
        rows = source.rows().filter(
            hotspot=True, item_agency__in=below, due_on__lt=today - timedelta(min(allowed.values(), default=0))
        )
        found += _late_beyond([source.item(row, today=today, calendar=calendar) for row in rows], allowed)
    return sorted(found, key=lambda item: item.sort_key)


class DayRun:
    """What one day's reminders read once and share: the items escalated to each agency (all its leaders get them) and
    the queue of each work scope (the staff of one agency and role act on the same records, approve the same
    proposals and send the same reports). Whoever has open assignments of their own gets a queue read for them alone.
    """

    def __init__(self, *, on: date, calendar: Calendar) -> None:
        self.on, self.calendar = on, calendar
        self._escalations: dict[int, list[Item]] = {}
        self._queues: dict[tuple, Queue] = {}

    def escalations_to(self, agency: Agency) -> list[Item]:
        if agency.pk not in self._escalations:
            self._escalations[agency.pk] = escalations_to(agency, today=self.on, calendar=self.calendar)
        return self._escalations[agency.pk]

    def queue(self, scope: WorkScope, *, due_by: date) -> Queue:
        if open_assignments_to(scope.staff).exists():
            return queue_of(scope, today=self.on, due_by=due_by, calendar=self.calendar)
        sending = tuple((unit.pk, agency) for unit, agency in scope.sending)
        key = (scope.acting.values, scope.approving.values, sending, due_by)
        if key not in self._queues:
            self._queues[key] = queue_of(scope, today=self.on, due_by=due_by, calendar=self.calendar)
        return self._queues[key]
