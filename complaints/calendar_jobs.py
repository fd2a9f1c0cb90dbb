"""When the working-day calendar changes (danvan.day_overrides), the stored deadlines of open petitions and cases whose
clock runs across the changed day are recomputed on the task queue; each one that moved says so on its timeline."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks import task

from complaints.deadlines import (
    answer_deadline,
    forward_deadline,
    handling_deadline,
    reply_deadline,
    suspension_send_deadline,
)
from complaints.models import Petition, Suspension
from complaints.selectors import UNHANDLED, awaiting_reply
from complaints.services.resolution import refresh_due
from danvan.day_overrides import finish_recompute
from danvan.models import Case
from danvan.services import lock, record_event
from reception.models import Visit
from reception.selectors import AWAITING_ANSWER
from reception.services import await_answer

logger = logging.getLogger("complaints")
KIND = "deadline_moved"


@task()
def recompute_deadlines(day: str, run_id: int) -> int:
    """The task: ``day`` as yyyy-mm-dd (a task's arguments are JSON), ``run_id`` the CalendarRecompute that the page
    shows. Returns how many deadlines moved."""
    moved = move_deadlines_across(date.fromisoformat(day))
    finish_recompute(run_id, moved=moved)
    logger.info("calendar changed on %s: %s deadlines moved", day, moved)
    return moved


@dataclass(frozen=True)
class _PetitionClock:
    """A deadline stored on petitions: its field, its name on the timeline, the petitions whose clock still runs, the
    field its clock starts from and how the deadline is computed."""

    field: str
    name: str
    running: Callable[[QuerySet[Petition]], QuerySet[Petition]]
    start: str
    deadline: Callable[[Petition], date]


PETITION_CLOCKS = (
    _PetitionClock(
        "handling_due_on", "Hạn xử lý đơn", lambda petitions: petitions.filter(UNHANDLED), "received_on",
        lambda p: handling_deadline(kind=p.kind, received_on=p.received_on, several_places=p.several_places),
    ),
    _PetitionClock(
        "forward_due_on", "Hạn chuyển đơn tố cáo", lambda petitions: petitions.filter(forward_letter_date__isnull=True),
        "received_on", lambda p: forward_deadline(received_on=p.received_on),
    ),
    _PetitionClock(
        "reply_due_on", "Hạn văn bản phúc đáp", awaiting_reply, "forward_letter_date",
        lambda p: reply_deadline(forwarded_on=p.forward_letter_date),
    ),
)  # fmt: skip


def move_deadlines_across(day: date) -> int:
    """Recomputes the deadlines of unhandled petitions (handling), of denunciations outside competence not forwarded yet
    (forwarding), of forwarded ones awaiting a reply (reply), of visits awaiting their answer, of suspension decisions
    not sent (sending) and of open cases (resolution) whose clock runs from before ``day`` to ``day`` or after it;
    returns how many moved."""
    moved = 0
    for clock in PETITION_CLOCKS:
        crossing = clock.running(Petition.objects.all()).filter(
            **{f"{clock.start}__lt": day, f"{clock.field}__gte": day}
        )
        moved += sum(_move_petition(pk, clock) for pk in crossing.values_list("pk", flat=True).order_by("pk"))
    visits = Visit.objects.filter(AWAITING_ANSWER, received_on__lt=day, answer_due_on__gte=day)
    moved += sum(_move_visit(pk) for pk in visits.values_list("pk", flat=True).order_by("pk"))
    unsent = Suspension.objects.filter(sent_on__isnull=True, suspended_on__lt=day, send_due_on__gte=day)
    moved += sum(_move_sending(pk) for pk in unsent.values_list("pk", flat=True).order_by("pk"))
    cases = Case.objects.filter(accepted_on__lt=day, due_on__gte=day, resolved_on__isnull=True)
    return moved + sum(move_case(pk) for pk in cases.values_list("pk", flat=True).order_by("pk"))


CALENDAR_CHANGED = "do điều chỉnh lịch làm việc"


def _label(what: str, before: date, after: date, because: str = CALENDAR_CHANGED) -> str:
    return f"{what} chuyển từ {before:%d/%m/%Y} sang {after:%d/%m/%Y} {because}"


def _changes(field: str, before: date, after: date) -> dict:
    return {field: [before.isoformat(), after.isoformat()]}


@transaction.atomic
def _move_petition(pk: int, clock: _PetitionClock) -> bool:
    petition = Petition.objects.get(pk=pk)
    lock(petition)
    if not clock.running(Petition.objects.filter(pk=pk)).exists():
        return False
    before, after = getattr(petition, clock.field), clock.deadline(petition)
    if after == before:
        return False
    setattr(petition, clock.field, after)
    petition.save(update_fields=[clock.field])
    record_event(
        petition, by=None, kind=KIND, on=timezone.localdate(),
        label=_label(clock.name, before, after), changes=_changes(clock.field, before, after),
    )  # fmt: skip
    return True


@transaction.atomic
def _move_visit(pk: int) -> bool:
    visit = Visit.objects.get(pk=pk)
    lock(visit)
    before, after = visit.answer_due_on, answer_deadline(received_on=visit.received_on)
    if visit.answered_on is not None or after == before:
        return False
    await_answer(visit=visit, due_on=after)
    record_event(
        visit, by=None, kind=KIND, on=timezone.localdate(),
        label=_label("Hạn trả lời công dân", before, after), changes=_changes("answer_due_on", before, after),
    )  # fmt: skip
    return True


@transaction.atomic
def _move_sending(pk: int) -> bool:
    suspension = Suspension.objects.select_related("case").get(pk=pk)
    lock(suspension)
    before = suspension.send_due_on
    after = suspension_send_deadline(kind=suspension.case.kind, suspended_on=suspension.suspended_on)
    if suspension.sent_on is not None or after == before:
        return False
    suspension.send_due_on = after
    suspension.save(update_fields=["send_due_on"])
    record_event(
        suspension.case, by=None, kind=KIND, on=timezone.localdate(),
        label=_label("Hạn gửi quyết định tạm đình chỉ", before, after), changes=_changes("send_due_on", before, after),
    )  # fmt: skip
    return True


@transaction.atomic
def move_case(pk: int, because: str = CALENDAR_CHANGED) -> bool:
    """Recomputes the resolution deadline of the open case ``pk``; says so, and ``because``, on its timeline if it
    moved."""
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
        label=_label("Hạn giải quyết", before, after, because), changes=_changes("due_on", before, after),
    )  # fmt: skip
    return True
