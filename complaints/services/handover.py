"""Hand-over (bàn giao): the open petitions and cases of an agency whose unit ended in the 2025 reform move to the
agency that carries on its work, which handles and resolves them from then on.

Each record changes agency and nothing else: its deadlines, suspension and history stay as they were (the clocks go
on), and a timeline entry names both agencies. The figures count a record where it is: handled or resolved after the
hand-over, at the receiving agency (see docs/hand-over.md for what this does to a report of the earlier days)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from complaints.models import HandOver, Petition
from complaints.selectors import open_records_of
from danvan.models import Agency, Case, Staff
from danvan.permissions import ensure_can_hand_over
from danvan.services import lock, record_event
from danvan.validity import within

KIND = "handed_over"


@dataclass(frozen=True)
class Pending:
    """What a hand-over would move: how many unhandled petitions and unresolved cases."""

    petitions: int
    cases: int


def pending_hand_over(*, giving: Agency, receiving: Agency, by: Staff | None, on: date) -> Pending:
    """What handing ``giving`` over to ``receiving`` on ``on`` would move, checked as the hand-over itself checks it
    (the confirmation step): refused for the same agency, an agency still in existence, a receiving agency not in
    existence that day, or nothing left to move."""
    ensure_can_hand_over(by, giving, receiving)
    _check(giving, receiving, on)
    petitions, cases = open_records_of(giving)
    pending = Pending(petitions=petitions.count(), cases=cases.count())
    if not (pending.petitions or pending.cases):
        raise ValidationError({"giving": _nothing_left(giving)})
    return pending


@transaction.atomic
def hand_over(*, giving: Agency, receiving: Agency, by: Staff | None, on: date) -> HandOver:
    """Moves the unhandled petitions and unresolved cases of ``giving`` to ``receiving`` on ``on``, once: a second
    submit waits for the first (the giving agency's row is locked) and is refused, nothing being left to move.

    Side effects: one timeline entry per record moved; the tally moves the records' counts to the receiving agency."""
    lock(giving)
    ensure_can_hand_over(by, giving, receiving)
    _check(giving, receiving, on)
    petitions, cases = open_records_of(giving)
    petition_ids = list(petitions.select_for_update().order_by("pk").values_list("pk", flat=True))
    case_ids = list(cases.select_for_update().order_by("pk").values_list("pk", flat=True))
    if not (petition_ids or case_ids):
        raise ValidationError({"giving": _nothing_left(giving)})
    Petition.objects.filter(pk__in=petition_ids).update(agency=receiving)
    Case.objects.filter(pk__in=case_ids).update(agency=receiving)
    done = HandOver.objects.create(
        giving=giving, receiving=receiving, on=on, petitions=len(petition_ids), cases=len(case_ids), by=by
    )
    label = f"Bàn giao từ {giving.name} sang {receiving.name}"[:300]
    changes = {"agency": [giving.pk, receiving.pk], "hand_over": done.pk}
    for record in [Petition(pk=pk) for pk in petition_ids] + [Case(pk=pk) for pk in case_ids]:
        record_event(record, by=by, kind=KIND, label=label, on=on, changes=changes)
    return done


def _check(giving: Agency, receiving: Agency, on: date) -> None:
    if giving.pk == receiving.pk:
        raise ValidationError({"receiving": "Cơ quan nhận bàn giao phải khác cơ quan bàn giao."})
    if giving.unit.valid_to is None or giving.unit.valid_to >= on:
        raise ValidationError(
            {
                "giving": f"{giving.name} vẫn còn hoạt động vào ngày {on:%d/%m/%Y}: chỉ bàn giao đơn, vụ việc của cơ"
                " quan thuộc đơn vị hành chính đã kết thúc hoạt động."
            }
        )
    if not within(on, receiving.unit.valid_from, receiving.unit.valid_to):
        raise ValidationError(
            {
                "receiving": f"{receiving.name} không hoạt động vào ngày {on:%d/%m/%Y}: hãy chọn cơ quan đang hoạt"
                " động để nhận bàn giao."
            }
        )


def _nothing_left(giving: Agency) -> str:
    return f"{giving.name} không còn đơn chưa xử lý hay vụ việc chưa giải quyết nào để bàn giao."
