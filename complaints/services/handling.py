"""Handling petitions (xử lý đơn): classify, then accept, consider or decline (within competence), guide, forward, urge,
file or return; the acceptance decision on a considered petition; replies to forwards; the result told to the body
that forwarded a petition; duplicates."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from complaints.deadlines import forward_deadline, handling_deadline, reply_deadline, resolution_deadline
from complaints.models import Handling, Petition
from complaints.rules import (
    OPENS_CASE,
    TAKES_UP,
    handlings_for,
    may_accept,
    needs_acceptance_check,
    needs_reason,
    runs_resolution_clock,
)
from danvan.models import Agency, Case, Classification, Staff
from danvan.permissions import ensure_can_handle
from danvan.services import lock, record_event
from danvan.text import headline
from reception.services import record_answer


@transaction.atomic
def handle_petition(
    *,
    petition: Petition,
    by: Staff,
    on: date,
    processable: bool,
    in_competence: bool | None,
    handling: str,
    reason: str = "",
    note: str = "",
    forwarded_to: Agency | None = None,
    forwarded_to_name: str = "",
    letter_number: str = "",
    letter_date: date | None = None,
    round: str = Case.Round.FIRST,
    disciplinary: bool = False,
    complexity: str = Case.Complexity.NORMAL,
    repeat_denunciation: bool = False,
    several_places: bool = False,
) -> Petition:
    """Records how a petition was handled, once. Within competence its matter becomes a case: accepting it (thụ lý)
    starts the case's resolution clock; considering its acceptance (xem xét điều kiện thụ lý) leaves the decision to
    ``decide_acceptance``; declining it (không thụ lý) needs its reason in ``note``.

    A denunciation checked in several places or whose handling is delegated (``several_places``) has 10 working days
    of initial handling instead of 7; one outside competence is to be forwarded within 5 working days of its receipt
    (Luật Tố cáo 2018, Điều 24). Handling a petition made at a reception answers the citizen received there."""
    lock(petition)
    ensure_can_handle(by, petition.agency)
    errors = {}
    if petition.handling:
        errors["handling"] = "Đơn đã được xử lý; không xử lý lại."
    if on < petition.received_on:
        errors["on"] = "Ngày xử lý không được trước ngày nhận đơn."
    elif on > timezone.localdate():
        errors["on"] = "Ngày xử lý không được sau hôm nay."
    if not processable and not reason:
        errors["reason"] = "Hãy chọn lý do đơn không đủ điều kiện xử lý."
    if handling not in handlings_for(kind=petition.kind, processable=processable, in_competence=in_competence):
        errors["handling"] = "Hướng xử lý không phù hợp với kết quả phân loại đơn."
    if handling == Handling.FORWARD and not (forwarded_to or forwarded_to_name.strip()):
        errors["forwarded_to"] = "Hãy chọn cơ quan nhận đơn chuyển."
    if handling == Handling.FORWARD and not (letter_number.strip() and letter_date):
        errors["letter_number"] = "Hãy nhập số và ngày phiếu chuyển đơn."
    if needs_acceptance_check(handling) and not may_accept(anonymous=petition.anonymous):
        errors["handling"] = "Không thụ lý đơn nặc danh (Luật Tố cáo, Điều 23)."
    if needs_reason(handling) and not note.strip():
        errors["note"] = DECLINE_REASON_MISSING
    if errors:
        raise ValidationError(errors)

    petition.processable = processable
    petition.unprocessable_reason = "" if processable else reason
    petition.in_competence = in_competence if processable else None
    petition.handling = handling
    petition.handled_on = on
    petition.handling_note = note
    _time_denunciation(petition, several_places=several_places)
    if handling == Handling.FORWARD:
        petition.forwarded_to, petition.forwarded_to_name = forwarded_to, forwarded_to_name
        petition.forward_letter_number, petition.forward_letter_date = letter_number, letter_date
        petition.reply_due_on = reply_deadline(forwarded_on=letter_date)
    statutory = {
        "round": round, "disciplinary": disciplinary, "complexity": complexity,
        "repeat_denunciation": repeat_denunciation,
    }  # fmt: skip
    if handling in TAKES_UP:
        petition.case = _accept(petition, by=by, on=on, **statutory)
    elif handling in OPENS_CASE:
        petition.case = _open(petition, by=by, on=on, declined=handling == Handling.DECLINE, **statutory)
    petition.full_clean()
    petition.save()
    record_event(petition, by=by, kind="handled", label=f"Xử lý đơn: {petition.get_handling_display()}", on=on)
    if petition.visit_id:
        record_answer(visit=petition.visit, on=on)
    return petition


DECLINE_REASON_MISSING = "Hãy ghi lý do không thụ lý."


def _time_denunciation(petition: Petition, *, several_places: bool) -> None:
    """The clocks a denunciation's classification sets: its initial handling, longer when checked in several places
    or delegated; its forwarding, when outside competence. Other petitions keep theirs."""
    if not petition.is_denunciation:
        return
    petition.several_places = several_places
    petition.handling_due_on = handling_deadline(
        kind=petition.kind, received_on=petition.received_on, several_places=several_places
    )
    outside = petition.processable and not petition.in_competence
    petition.forward_due_on = forward_deadline(received_on=petition.received_on) if outside else None


def _case_of(petition: Petition, **statutory) -> Case:
    """The petition's case, locked, or a new one for its matter; not accepted nor declined yet."""
    case = petition.case or Case(
        agency=petition.agency,
        citizen=petition.citizen_of_case,
        summary=headline(petition.content),
        kind=petition.kind,
        field=petition.field,
        opened_on=petition.received_on,
    )
    if case.pk is not None:
        lock(case)
    if case.accepted_on:
        raise ValidationError({"handling": "Vụ việc của đơn này đã được thụ lý."})
    if case.declined_on:
        raise ValidationError({"handling": "Vụ việc của đơn này đã được thông báo không thụ lý."})
    for name, value in statutory.items():
        setattr(case, name, value)
    case.agency = petition.agency
    return case


def _open(petition: Petition, *, by: Staff, on: date, declined: bool, **statutory) -> Case:
    """The petition's matter as a case without a clock: its acceptance being considered, or declined on ``on``."""
    case = _case_of(petition, **statutory)
    case.declined_on = on if declined else None
    case.full_clean()
    case.save()
    label = "Không thụ lý" if declined else "Xem xét điều kiện thụ lý"
    record_event(case, by=by, kind="declined" if declined else "considered", label=label, on=on)
    return case


def _accept(petition: Petition, *, by: Staff, on: date, **statutory) -> Case:
    case = _case_of(petition, **statutory)
    case.accepted_on = on
    if runs_resolution_clock(petition.kind):
        case.due_on = resolution_deadline(case)
    case.full_clean()
    case.save()
    if case.kind == Classification.RECOMMENDATION:
        record_event(case, by=by, kind="answering", label="Xem xét, trả lời kiến nghị, phản ánh", on=on)
    else:
        label = f"Thụ lý giải quyết, hạn giải quyết {case.due_on:%d/%m/%Y}"
        record_event(case, by=by, kind="accepted", label=label, on=on)
    return case


@transaction.atomic
def decide_acceptance(
    *,
    petition: Petition,
    by: Staff,
    on: date,
    accept: bool,
    note: str = "",
    round: str = Case.Round.FIRST,
    disciplinary: bool = False,
    complexity: str = Case.Complexity.NORMAL,
    repeat_denunciation: bool = False,
) -> Petition:
    """Decides, once, on the acceptance of a petition whose conditions of acceptance were being considered: accepting
    it (thụ lý) starts its case's resolution clock on ``on``; declining it (không thụ lý) needs its reason in ``note``.
    The petition keeps the day it was handled (reviewed); the case holds the day of the decision."""
    lock(petition)
    ensure_can_handle(by, petition.agency)
    if petition.handling != Handling.CONSIDER:
        raise ValidationError({"accept": "Chỉ quyết định thụ lý cho đơn đang xem xét điều kiện thụ lý."})
    errors = {}
    if on < petition.handled_on:
        errors["on"] = f"Ngày quyết định không được trước ngày xử lý đơn ({petition.handled_on:%d/%m/%Y})."
    elif on > timezone.localdate():
        errors["on"] = "Ngày quyết định không được sau hôm nay."
    if accept and not may_accept(anonymous=petition.anonymous):
        errors["accept"] = "Không thụ lý đơn nặc danh (Luật Tố cáo, Điều 23)."
    if not accept and not note.strip():
        errors["note"] = DECLINE_REASON_MISSING
    if errors:
        raise ValidationError(errors)

    statutory = {
        "round": round, "disciplinary": disciplinary, "complexity": complexity,
        "repeat_denunciation": repeat_denunciation,
    }  # fmt: skip
    if accept:
        petition.case = _accept(petition, by=by, on=on, **statutory)
    else:
        petition.case = _open(petition, by=by, on=on, declined=True)
    petition.handling = Handling.ACCEPT if accept else Handling.DECLINE
    petition.handling_note = "\n".join(text for text in (petition.handling_note, note.strip()) if text)
    petition.full_clean()
    petition.save(update_fields=["handling", "handling_note", "case"])
    label = f"Quyết định {petition.get_handling_display().lower()}"
    record_event(petition, by=by, kind="acceptance_decided", label=label, on=on)
    return petition


@transaction.atomic
def record_reply(*, petition: Petition, by: Staff, on: date, number: str) -> Petition:
    """Records the receiving agency's reply (văn bản phúc đáp) to a forwarded petition, once; by staff handling for
    the forwarding agency or the receiving one."""
    lock(petition)
    ensure_can_handle(by, petition.agency, petition.forwarded_to)
    if petition.handling != Handling.FORWARD:
        raise ValidationError({"on": "Chỉ đơn đã chuyển mới có văn bản phúc đáp."})
    if petition.replied_on:
        raise ValidationError({"on": "Đã ghi nhận văn bản phúc đáp của đơn này."})
    if on < petition.forward_letter_date or on > timezone.localdate():
        raise ValidationError({"on": "Ngày phúc đáp phải từ ngày chuyển đơn đến hôm nay."})
    petition.replied_on, petition.reply_number = on, number
    petition.save(update_fields=["replied_on", "reply_number"])
    record_event(petition, by=by, kind="replied", label=f"Nhận văn bản phúc đáp số {number}", on=on)
    return petition


@transaction.atomic
def notify_forwarder(*, petition: Petition, by: Staff, on: date, number: str) -> Petition:
    """Records, once, that the body which forwarded the petition (another agency, a deputy, a People's Council) was
    told the result of its resolution, within 7 working days of it (Luật Tiếp công dân 2013, Điều 27 khoản 2)."""
    lock(petition)
    ensure_can_handle(by, petition.agency)
    resolved_on = petition.case.resolved_on if petition.case else None
    if not petition.from_forwarding_body:
        raise ValidationError({"on": "Chỉ đơn do cơ quan khác, ĐBQH, HĐND chuyển đến mới thông báo kết quả."})
    if petition.forwarder_notified_on:
        raise ValidationError({"on": "Đã ghi nhận thông báo kết quả cho cơ quan chuyển đơn."})
    if resolved_on is None:
        raise ValidationError({"on": "Vụ việc của đơn chưa giải quyết xong: chưa có kết quả để thông báo."})
    if on < resolved_on or on > timezone.localdate():
        window = f"từ ngày giải quyết xong ({resolved_on:%d/%m/%Y}) đến hôm nay"
        raise ValidationError({"on": f"Ngày thông báo phải {window}."})
    if not number.strip():
        raise ValidationError({"number": "Hãy nhập số văn bản thông báo kết quả."})
    petition.forwarder_notified_on, petition.forwarder_notice_number = on, number.strip()
    petition.save(update_fields=["forwarder_notified_on", "forwarder_notice_number"])
    label = f"Thông báo kết quả cho cơ quan chuyển đơn, văn bản số {petition.forwarder_notice_number}"
    record_event(petition, by=by, kind="forwarder_notified", label=label, on=on)
    return petition


@transaction.atomic
def confirm_duplicate(*, petition: Petition, of: Petition, by: Staff) -> Petition:
    """Marks a petition as a duplicate of an earlier one, once: it joins the same case and is not a case of its own."""
    lock(petition)
    ensure_can_handle(by, petition.agency)
    if petition.duplicate_of_id:
        raise ValidationError({"duplicate_of": "Đơn đã được xác định trùng với một đơn khác."})
    if of.pk == petition.pk or of.duplicate_of_id == petition.pk:
        raise ValidationError({"duplicate_of": "Không thể đánh dấu đơn trùng với chính nó."})
    if petition.case_id and petition.case.accepted_on and petition.case_id != of.case_id:
        raise ValidationError({"duplicate_of": "Đơn đã được thụ lý thành vụ việc riêng; không đánh dấu trùng."})
    petition.duplicate_of = of
    petition.case = of.case or petition.case
    petition.save(update_fields=["duplicate_of", "case"])
    record_event(
        petition, by=by, kind="duplicate", label=f"Xác định trùng với đơn {of.receipt_code}", on=timezone.localdate()
    )
    return petition
