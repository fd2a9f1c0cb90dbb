"""Reads of the report pages: the units a user may report on, as ``danvan.scope`` draws their records, offered by era
in the order of the tree; the agencies of a unit the user sees, and whether they see the whole unit; whether the user
may send reports, and the sent reports they may open; the narrative's written sections as saved."""

from datetime import date

from django.db.models import Q, QuerySet

from danvan.models import AdminUnit, Agency, Staff
from danvan.permissions import (
    MATRIX,
    Action,
    agency_ids_granted,
    agency_ids_of_area,
    holds,
    holds_over,
    memberships_of,
    units_held_over,
)
from danvan.scope import visible_agencies
from danvan.selectors import area_of
from danvan.validity import within
from reports.figures import agencies_of
from reports.models import ReportSection, SentReport
from reports.outline import WRITTEN
from reports.periods import Window


def units_in_scope(staff: Staff) -> QuerySet[AdminUnit]:
    """The units whose report ``staff`` may read, as ``danvan.scope`` draws their records: a leader, handler, reporter
    or unit admin their agency's unit and every unit under it (with the units of the earlier era that went into
    them); a receptionist their agency's unit; a superuser every unit."""
    if staff.is_superuser:
        return AdminUnit.objects.all()
    condition = Q(pk__in=[])
    for membership in staff.memberships.select_related("agency__unit"):
        if membership.role in MATRIX[Action.SEE].area:
            condition |= Q(pk__in=area_of(membership.agency.unit).values("pk"))
        else:
            condition |= Q(pk=membership.agency.unit_id)
    return AdminUnit.objects.filter(condition)


def valid_on(unit: AdminUnit, on: date) -> bool:
    """Whether ``unit`` exists on ``on``."""
    return within(on, unit.valid_from, unit.valid_to)


def _path(unit: AdminUnit) -> tuple[str, ...]:
    """The codes from the province down to ``unit``: sorts a province before its districts, each before its
    communes."""
    path = (unit.code,)
    while unit.parent_id is not None:
        unit = unit.parent
        path = (unit.code, *path)
    return path


def default_unit(staff: Staff, *, today: date) -> AdminUnit | None:
    """The unit the report and the dashboard open on: of the units ``staff`` may report on, the first of today's, then
    of each earlier era, in the order of the tree. It is one of their own units, each the top of its area (the earlier
    units in an area ended sooner), read without the area; a superuser's are the provinces. None without a role."""
    if staff.is_superuser:
        units = AdminUnit.objects.filter(level=AdminUnit.Level.PROVINCE)
    else:
        units = AdminUnit.objects.filter(pk__in={membership.agency.unit_id for membership in memberships_of(staff)})
    return min(
        units.select_related("parent__parent"),
        key=lambda unit: (not valid_on(unit, today), -(unit.valid_to or date.max).toordinal(), _path(unit)),
        default=None,
    )


def agencies_in_scope(staff: Staff, unit: AdminUnit) -> QuerySet[Agency]:
    """The agencies of ``unit``'s area whose records ``staff`` sees: what every figure of their report counts."""
    return agencies_of(unit).filter(pk__in=visible_agencies(staff).values("pk"))


def sends_reports(staff: Staff) -> bool:
    """Whether ``staff`` may mark reports as sent: a leader or reporter (of a unit they see whole)."""
    return holds(staff, Action.SEND)


def sees_whole(staff: Staff, unit: AdminUnit) -> bool:
    """Whether ``staff`` sees every agency of ``unit``'s area, known without drawing the area: a superuser, or a
    unit-wide role at ``unit`` or at a unit above it (whose area holds ``unit``'s). One query."""
    return holds_over(staff, unit, Action.SEE)


def units_seen_whole(staff: Staff, units: QuerySet[AdminUnit]) -> QuerySet[AdminUnit]:
    """Those of ``units`` whose every agency ``staff`` sees: their report counts the whole unit for ``staff``, not part
    of it (a receptionist's counts their own agency). Those held over (``sees_whole``) in one query; any other (a
    receptionist's own unit, a unit of the earlier era) by its area's agencies, kept with the structure, against the
    agencies in scope."""
    held = units_held_over(staff, Action.SEE).values("pk")
    others = list(units.exclude(pk__in=held))
    visible = set(agency_ids_granted(staff, Action.SEE)) if others else set()
    whole = [unit.pk for unit in others if visible.issuperset(agency_ids_of_area(unit))]
    return units.filter(Q(pk__in=held) | Q(pk__in=whole))


def sees_part_of(staff: Staff, unit: AdminUnit) -> bool:
    """Whether some agencies of ``unit``'s area lie outside ``staff``'s scope: their report then counts only part of
    the unit (a receptionist's, their own agency)."""
    if sees_whole(staff, unit):
        return False
    return not units_seen_whole(staff, AdminUnit.objects.filter(pk=unit.pk)).exists()


def sent_reports_for(staff: Staff) -> QuerySet[SentReport]:
    """The sent reports ``staff`` may open: those of the units whose report they see whole, as the report page counts
    it (``sees_part_of``). A sent report counts every agency of its unit; who sees part of the unit (a receptionist)
    sees none of it."""
    sending = units_in_scope(staff).filter(pk__in=SentReport.objects.values("unit"))
    return SentReport.objects.filter(unit__in=units_seen_whole(staff, sending).values("pk"))


def saved_sections(unit: AdminUnit, window: Window) -> dict[str, str]:
    """The written sections of ``unit``'s narrative for ``window`` as saved, in the outline's order: {"III.1": text}."""
    saved = dict(
        ReportSection.objects.filter(unit=unit, kind=window.kind, start=window.start, end=window.end).values_list(
            "section", "text"
        )
    )
    return {number: saved[number] for number in WRITTEN if number in saved}
