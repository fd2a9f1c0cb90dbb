"""When the working-day calendar changes (danvan.day_overrides), the stored deadlines of open petitions and cases whose
clock runs across the changed day are recomputed on the task queue; each one that moved says so on its timeline."""

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from complaints.deadlines import handling_deadline
from complaints.models import Petition
from complaints.selectors import UNHANDLED
from complaints.services.resolution import refresh_due
from danvan.models import Case
from danvan.services import lock, record_event

logger = logging.getLogger("complaints")
KIND = "deadline_moved"


@task()
def recompute_deadlines(day: str) -> int:
    """The task: ``day`` as yyyy-mm-dd (a task's arguments are JSON). Returns how many deadlines moved."""
    moved = move_deadlines_across(date.fromisoformat(day))
    logger.info("calendar changed on %s: %s deadlines moved", day, moved)
    return moved


def move_deadlines_across(day: date) -> int:
    """Recomputes the handling deadline of each unhandled petition and the resolution deadline of each open case whose
    clock runs from before ``day`` to ``day`` or after it; returns how many of them moved."""
    petitions = Petition.objects.filter(UNHANDLED, received_on__lt=day, handling_due_on__gte=day)
    cases = Case.objects.filter(accepted_on__lt=day, due_on__gte=day, resolved_on__isnull=True)
    moved = sum(_move_petition(pk) for pk in petitions.values_list("pk", flat=True).order_by("pk"))
    return moved + sum(_move_case(pk) for pk in cases.values_list("pk", flat=True).order_by("pk"))


def _label(what: str, before: date, after: date) -> str:
    return f"{what} chuyển từ {before:%d/%m/%Y} sang {after:%d/%m/%Y} do điều chỉnh lịch làm việc"


def _changes(field: str, before: date, after: date) -> dict:
    return {field: [before.isoformat(), after.isoformat()]}


@transaction.atomic
def _move_petition(pk: int) -> bool:
    petition = Petition.objects.get(pk=pk)
    lock(petition)
    before = petition.handling_due_on
    after = handling_deadline(kind=petition.kind, received_on=petition.received_on)
    if petition.handling != "" or after == before:
        return False
    petition.handling_due_on = after
    petition.save(update_fields=["handling_due_on"])
    record_event(
        petition, by=None, kind=KIND, on=timezone.localdate(),
        label=_label("Hạn xử lý đơn", before, after), changes=_changes("handling_due_on", before, after),
    )  # fmt: skip
    return True


@transaction.atomic
def _move_case(pk: int) -> bool:
    case = Case.objects.get(pk=pk)
    lock(case)
    before = case.due_on
    if case.resolved_on is not None or before is None:
        return False
    after = refresh_due(case)
    if after == before:
        return False
    record_event(
        case, by=None, kind=KIND, on=timezone.localdate(),
        label=_label("Hạn giải quyết", before, after), changes=_changes("due_on", before, after),
    )  # fmt: skip
    return True
