"""The timeline of the petitions and cases a register import writes: the steps the services record one at a time
(complaints.services.intake, handling, resolution), worded as they word them and dated on the days the register
gives — received, handled, taken up or declined, decided, enforced — never on the day of the import."""

from collections.abc import Iterator, Sequence
from datetime import date

from complaints.import_records import PetitionRecord
from complaints.models import Handling
from complaints.rules import Outcome
from complaints.services.resolution import DOCUMENTS
from danvan.models import Classification
from danvan.services import Step


def petition_steps(records: Sequence[PetitionRecord], petitions: Sequence[int]) -> Iterator[Step]:
    """Each petition received on its day and, when the register says so, handled on its day."""
    for record, pk in zip(records, petitions, strict=True):
        yield pk, "received", "Tiếp nhận đơn", record.date
        if record.handling:
            yield pk, "handled", f"Xử lý đơn: {Handling(record.handling).label}", record.handled_on


def case_steps(record: PetitionRecord, case: int, due_on: date | None) -> Iterator[Step]:
    """A case's steps: taken up (accepted, or considered to be answered), considered or declined, on the day of the
    petition's handling; decided on the day of its resolution; enforced when the register says it was."""
    on, cells = record.handled_on, record.case
    if record.handling == Handling.ACCEPT:
        yield case, "accepted", f"Thụ lý giải quyết, hạn giải quyết {due_on:%d/%m/%Y}", on
    elif record.handling == Handling.ANSWER:
        yield case, "answering", "Xem xét, trả lời kiến nghị, phản ánh", on
    elif record.handling == Handling.DECLINE:
        yield case, "declined", "Không thụ lý", on
    elif record.handling == Handling.CONSIDER:
        yield case, "considered", "Xem xét điều kiện thụ lý", on
    if cells.resolved_on:
        document = DOCUMENTS[Classification(record.kind)]
        yield case, "decided", f"{document}: {Outcome(cells.outcome).label}", cells.resolved_on


def enforced_step(case: int, completed_on: date) -> Step:
    return case, "enforced", "Thực hiện xong quyết định, kết luận", completed_on
