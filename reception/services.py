"""Writes of the reception desk: citizens, visits, heads' reception sessions and schedules."""

from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from danvan.citizens import CitizenDetails, register_citizen
from danvan.codes import VISIT_PREFIX, new_code
from danvan.models import Agency, Case, Citizen, Staff
from danvan.permissions import ensure_can_record
from danvan.services import lock, refusing_conflicts
from danvan.text import headline
from danvan.validity import before_unit
from reception.models import (
    ENDED_ON_THE_SPOT,
    HEAD_MODES,
    HEAD_RECEIVERS,
    Mode,
    ReceptionSchedule,
    ReceptionSession,
    Visit,
)
from reception.signals import visit_received


def _session_for(
    *, agency: Agency, on: date, mode: str, receiver: str, host_name: str, host_title: str, by: Staff | None
):
    """That day's reception session of the agency in this mode with this receiver, created when needed."""
    session, _ = ReceptionSession.objects.get_or_create(
        agency=agency,
        date=on,
        mode=mode,
        receiver=receiver,
        reference="",
        defaults={"host_name": host_name, "host_title": host_title, "created_by": by},
    )
    return session


@transaction.atomic
def receive_visit(
    *,
    agency: Agency,
    by: Staff,
    details: CitizenDetails,
    citizen: Citizen | None = None,
    received_on: date,
    received_time: time | None = None,
    case: Case | None = None,
    **fields,
) -> Visit:
    """Logs a visit at the desk (lượt tiếp): the citizen (picked, or found by CCCD, or new) and the visit, or nothing.
    A citizen found keeps their stored details; one known elsewhere (danvan.citizens.register_citizen) is linked, and
    the visit keeps the details as given.

    Without a case picked, the visit opens a new one, closed at once when the citizen was guided or answered on the
    spot (nothing is left to do on it); a case closed that way opens again with a later visit that does not end on the
    spot. A periodic or ad-hoc visit received by the head or a delegate
    joins that day's session of the agency in that mode, created when needed: an ad-hoc one never counts toward the
    head's periodic minimum. Every visit gets its receipt code (the citizen looks it up; the register writes it).
    """
    ensure_can_record(by, agency)
    registration = register_citizen(details=details, by=by, citizen=citizen)
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": "Ngày tiếp không được sau hôm nay."})
    if early := before_unit(agency.unit, received_on):
        raise ValidationError({"received_on": early})
    if case is not None and case.agency_id != agency.pk:
        raise ValidationError({"case": "Vụ việc đã chọn thuộc cơ quan khác."})
    visit = Visit(
        agency=agency, citizen=registration.citizen, received_on=received_on, received_time=received_time, **fields
    )
    if registration.known_elsewhere:
        visit.keep_given(details)
    visit.created_by = by
    visit.documents = visit.documents.strip()
    visit.documents_received = visit.documents_received or bool(visit.documents)
    if case is None:
        case = Case.objects.create(
            agency=agency,
            citizen=visit.citizen_of_case,
            summary=headline(visit.content),
            kind=visit.kind,
            field=visit.field,
            opened_on=received_on,
            status=Case.Status.CLOSED if visit.result in ENDED_ON_THE_SPOT else Case.Status.OPEN,
        )
    elif _ended_at_the_desk(case) and visit.result not in ENDED_ON_THE_SPOT:
        case.status = Case.Status.OPEN
        case.save(update_fields=["status"])
    visit.case = case
    if visit.receiver in HEAD_RECEIVERS and visit.mode in HEAD_MODES:
        visit.session = _session_for(
            agency=agency,
            on=received_on,
            mode=visit.mode,
            receiver=visit.receiver,
            host_name=visit.receiver_name,
            host_title=visit.receiver_title,
            by=by,
        )
    visit.receipt_code = new_code(VISIT_PREFIX, taken=lambda code: Visit.objects.filter(receipt_code=code).exists())
    visit.full_clean()
    visit.save()
    visit_received.send(sender=Visit, visit=visit, by=by)
    return visit


def _ended_at_the_desk(case: Case) -> bool:
    """Whether ``case`` was closed by the visits that ended on the spot, not by a decision or a handling step."""
    return case.status == Case.Status.CLOSED and case.accepted_on is None and case.declined_on is None


def await_answer(*, visit: Visit, due_on: date) -> Visit:
    """Starts the clock of the answer to the citizen on what the visit handed on (Luật Tiếp công dân 2013, Điều 28
    khoản 1). The app that handles what was handed on owns the rule and gives the deadline."""
    visit.answer_due_on = due_on
    visit.save(update_fields=["answer_due_on"])
    return visit


def record_answer(*, visit: Visit, on: date) -> Visit:
    """The citizen received at the visit was answered on ``on``; the first answer stops the clock, a later one does not
    move it."""
    if visit.answer_due_on is None or visit.answered_on is not None:
        return visit
    visit.answered_on = on
    visit.save(update_fields=["answered_on"])
    return visit


@refusing_conflicts
@transaction.atomic
def record_session(
    *,
    agency: Agency,
    by: Staff,
    on: date,
    receiver: str,
    host_name: str,
    host_title: str,
    mode: str = Mode.PERIODIC,
    reference: str = "",
    conclusion: str = "",
    conclusion_number: str = "",
) -> ReceptionSession:
    """Records a head's reception session, also one at which no citizen came (it still counts as held); a periodic one
    counts toward the head's minimum, an ad-hoc one does not."""
    ensure_can_record(by, agency)
    if on > timezone.localdate():
        raise ValidationError({"date": "Không ghi nhận kỳ tiếp ở ngày tương lai."})
    if early := before_unit(agency.unit, on):
        raise ValidationError({"date": early})
    session = ReceptionSession(
        agency=agency,
        date=on,
        mode=mode,
        receiver=receiver,
        host_name=host_name,
        host_title=host_title,
        reference=reference,
        conclusion=conclusion,
        conclusion_number=conclusion_number,
        created_by=by,
    )
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def conclude_session(
    *, session: ReceptionSession, by: Staff, conclusion: str, conclusion_number: str
) -> ReceptionSession:
    """Stores the concluding notice (thông báo kết luận) of a session, once: a stored one is corrected with a reason
    (reception.corrections.SESSION). The session's row stays locked from the check to the write: a second notice
    entered at the same time waits, then is refused."""
    lock(session)
    ensure_can_record(by, session.agency)
    if session.conclusion.strip():
        raise ValidationError({"conclusion": "Kỳ tiếp đã có thông báo kết luận: hãy dùng “Sửa” và ghi lý do sửa."})
    if not conclusion.strip():
        raise ValidationError({"conclusion": "Hãy nhập nội dung thông báo kết luận."})
    session.conclusion = conclusion
    session.conclusion_number = conclusion_number
    session.save(update_fields=["conclusion", "conclusion_number"])
    return session


def publish_schedule(*, agency: Agency, by: Staff, **fields) -> ReceptionSchedule:
    """Keeps a head's published reception schedule (lịch tiếp công dân)."""
    ensure_can_record(by, agency)
    schedule = ReceptionSchedule(agency=agency, **fields)
    schedule.full_clean()
    schedule.save()
    return schedule
