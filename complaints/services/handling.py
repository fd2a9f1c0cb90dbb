"""Handling petitions (xử lý đơn): classify, then accept, guide, forward, urge, file or return; replies to forwards;
duplicates."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from complaints.deadlines import reply_deadline, resolution_deadline
from complaints.models import Handling, Petition
from complaints.rules import handlings_for, may_accept, runs_resolution_clock
from danvan.models import Agency, Case, Staff
from danvan.permissions import ensure_can_handle
from danvan.services import lock, record_event
from danvan.text import headline


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
) -> Petition:
    """Records how a petition was handled, once. Accepting it (thụ lý) opens the case's resolution clock."""
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
    if handling not in handlings_for(processable=processable, in_competence=in_competence):
        errors["handling"] = "Hướng xử lý không phù hợp với kết quả phân loại đơn."
    if handling == Handling.FORWARD and not (forwarded_to or forwarded_to_name.strip()):
        errors["forwarded_to"] = "Hãy chọn cơ quan nhận đơn chuyển."
    if handling == Handling.FORWARD and not (letter_number.strip() and letter_date):
        errors["letter_number"] = "Hãy nhập số và ngày phiếu chuyển đơn."
    if handling == Handling.ACCEPT and not may_accept(kind=petition.kind, anonymous=petition.anonymous):
        errors["handling"] = "Không thụ lý đơn nặc danh (Luật Tố cáo, Điều 23)."
    if errors:
        raise ValidationError(errors)

    petition.processable = processable
    petition.unprocessable_reason = "" if processable else reason
    petition.in_competence = in_competence if processable else None
    petition.handling = handling
    petition.handled_on = on
    petition.handling_note = note
    if handling == Handling.FORWARD:
        petition.forwarded_to, petition.forwarded_to_name = forwarded_to, forwarded_to_name
        petition.forward_letter_number, petition.forward_letter_date = letter_number, letter_date
        petition.reply_due_on = reply_deadline(forwarded_on=letter_date)
    if handling == Handling.ACCEPT:
        petition.case = _accept(
            petition,
            by=by,
            on=on,
            round=round,
            disciplinary=disciplinary,
            complexity=complexity,
            repeat_denunciation=repeat_denunciation,
        )
    petition.full_clean()
    petition.save()
    record_event(petition, by=by, kind="handled", label=f"Xử lý đơn: {petition.get_handling_display()}", on=on)
    return petition


def _accept(petition: Petition, *, by: Staff, on: date, **statutory) -> Case:
    case = petition.case or Case(
        agency=petition.agency,
        citizen=petition.citizen,
        summary=headline(petition.content),
        kind=petition.kind,
        field=petition.field,
        opened_on=petition.received_on,
    )
    if case.pk is not None:
        lock(case)
    if case.accepted_on:
        raise ValidationError({"handling": "Vụ việc của đơn này đã được thụ lý."})
    for name, value in statutory.items():
        setattr(case, name, value)
    case.agency = petition.agency
    case.accepted_on = on
    if runs_resolution_clock(petition.kind):
        case.due_on = resolution_deadline(case)
    case.full_clean()
    case.save()
    label = "Thụ lý giải quyết" + (f", hạn giải quyết {case.due_on:%d/%m/%Y}" if case.due_on else "")
    record_event(case, by=by, kind="accepted", label=label, on=on)
    return case


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
