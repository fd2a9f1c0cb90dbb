"""What of a petition may be corrected, by whom and when (danvan.corrections): its intake details by staff recording
for its agency, its handling result by staff handling for it.

Once handled, its received date, source and kind stay: its deadline ran from them and the case opened from it rests
on them. A petition received at the desk keeps the visit's day. Its kind never changes between a denunciation and
another kind: a denouncer's identity is kept apart from the petition (the vault), a petitioner's on it. The handling's
direction stays (another direction is another handling); its day stays once it opened a case (the day of acceptance
rests on it). Its deadlines follow a corrected day: the handling's from the received date, the forwarded body's reply
from the forwarding letter's date.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from complaints.deadlines import handling_deadline, reply_deadline
from complaints.models import Handling, Petition
from complaints.rules import OPENS_CASE, needs_reason
from danvan.corrections import Changes, Correctable, Rule
from danvan.models import Classification
from danvan.permissions import can_handle, ensure_can_record
from danvan.validity import before_unit

INTAKE = ("received_on", "source", "kind", "field", "content", "signatories", "reference", "forwarded_by_name")
HANDLING = (
    "handled_on", "unprocessable_reason", "handling_note", "forward_letter_number", "forward_letter_date",
    "reply_number", "forwarder_notice_number",
)  # fmt: skip

HANDLED = "Đơn đã được xử lý: ngày nhận, nguồn đơn và loại đơn gắn với thời hạn xử lý và vụ việc, không sửa."
FROM_VISIT = "Đơn tiếp nhận tại buổi tiếp công dân: ngày nhận đơn là ngày tiếp, không sửa."
NOT_HANDLED = "Đơn chưa được xử lý: chưa có kết quả xử lý để sửa."
NOT_A_HANDLER = "Chỉ cán bộ xử lý đơn, lãnh đạo của cơ quan nhận đơn mới sửa kết quả xử lý đơn."
OPENED_A_CASE = "Đơn đã mở vụ việc: ngày xử lý gắn với ngày thụ lý hoặc không thụ lý, không sửa."
PROCESSABLE = "Đơn đủ điều kiện xử lý: không có lý do không đủ điều kiện."
NOT_FORWARDED = "Đơn không chuyển đi: không có phiếu chuyển đơn."
NO_REPLY = "Chưa nhận văn bản phúc đáp: chưa có số văn bản để sửa."
NOT_NOTIFIED = "Chưa thông báo kết quả cho cơ quan chuyển đơn: chưa có số văn bản để sửa."
DENOUNCER_APART = (
    "Không sửa loại đơn giữa tố cáo và loại khác: danh tính người tố cáo được giữ riêng, tách khỏi đơn "
    "(Luật Tố cáo, Điều 47)."
)


def _handled(petition: Petition, _staff) -> bool:
    return bool(petition.handling)


def _not_a_handler(petition: Petition, staff) -> bool:
    return staff is not None and not can_handle(staff, petition.agency)


RULES = (
    Rule(("received_on", "source", "kind"), _handled, HANDLED),
    Rule(("received_on",), lambda petition, _: petition.visit_id is not None, FROM_VISIT),
    Rule(HANDLING, lambda petition, _: not petition.handling, NOT_HANDLED),
    Rule(HANDLING, _not_a_handler, NOT_A_HANDLER),
    Rule(("handled_on",), lambda petition, _: petition.handling in OPENS_CASE, OPENED_A_CASE),
    Rule(("unprocessable_reason",), lambda petition, _: petition.processable is not False, PROCESSABLE),
    Rule(
        ("forward_letter_number", "forward_letter_date"),
        lambda petition, _: petition.handling != Handling.FORWARD,
        NOT_FORWARDED,
    ),
    Rule(("reply_number",), lambda petition, _: petition.replied_on is None, NO_REPLY),
    Rule(("forwarder_notice_number",), lambda petition, _: petition.forwarder_notified_on is None, NOT_NOTIFIED),
)


def _errors(petition: Petition, changes: Changes) -> dict[str, str]:
    today, errors = timezone.localdate(), {}
    if "kind" in changes and Classification.DENUNCIATION in changes["kind"]:
        errors["kind"] = DENOUNCER_APART
    if petition.received_on > today:
        errors["received_on"] = "Ngày nhận đơn không được sau hôm nay."
    elif "received_on" in changes and (early := before_unit(petition.agency.unit, petition.received_on)):
        errors["received_on"] = early
    handled_on, letter = petition.handled_on, petition.forward_letter_date
    if petition.handling and not (handled_on and petition.received_on <= handled_on <= today):
        errors["handled_on"] = "Ngày xử lý phải từ ngày nhận đơn đến hôm nay."
    elif petition.handling == Handling.FORWARD and not (letter and handled_on <= letter <= today):
        errors["forward_letter_date"] = "Ngày phiếu chuyển phải từ ngày xử lý đơn đến hôm nay."
    if "forward_letter_number" in changes and not petition.forward_letter_number.strip():
        errors["forward_letter_number"] = "Hãy nhập số phiếu chuyển đơn."
    if "unprocessable_reason" in changes and not petition.unprocessable_reason:
        errors["unprocessable_reason"] = "Hãy chọn lý do đơn không đủ điều kiện xử lý."
    if needs_reason(petition.handling) and not petition.handling_note.strip():
        errors["handling_note"] = "Hãy ghi lý do không thụ lý."
    return errors


def _check(petition: Petition, changes: Changes, _staff) -> None:
    if errors := _errors(petition, changes):
        raise ValidationError(errors)
    petition.full_clean()


def _follow(petition: Petition, changes: Changes, _staff) -> None:
    """The deadlines that run from a corrected day or kind."""
    if changes.keys() & {"received_on", "kind"}:
        petition.handling_due_on = handling_deadline(
            kind=petition.kind, received_on=petition.received_on, several_places=petition.several_places
        )
    if "forward_letter_date" in changes:
        petition.reply_due_on = reply_deadline(forwarded_on=petition.forward_letter_date)
    petition.save(update_fields=["handling_due_on", "reply_due_on"])


PETITION = Correctable(
    what="đơn",
    code=lambda petition: petition.receipt_code,
    ensure=lambda staff, petition: ensure_can_record(staff, petition.agency),
    fields=INTAKE + HANDLING,
    rules=RULES,
    agency=lambda petition: petition.agency,
    days=lambda petition: (petition.received_on, petition.handled_on),
    check=_check,
    follow=_follow,
)
