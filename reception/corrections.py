"""What of a saved visit and of a head's reception session may be corrected, by whom and when (danvan.corrections).

A visit is corrected by staff recording for its agency. Its way of reception (mode, receiver) and its citizen are not
corrected here: they tie it to a session and to a person. Once it handed a petition on (result "Tiếp nhận đơn"), its
day, classification and result are the petition's too and stay; a visit received at a head's session keeps the
session's day. The case the visit opened, while it holds nothing else, follows its day, classification, field and
content (a denouncer stays off it). A session's concluding notice is corrected by staff recording for its agency.

A citizen's stored details change only here (never by logging a visit or a petition: danvan.citizens), corrected by
staff recording for an agency that has a record of them (danvan.scope.citizens_seen_by); the correction shows on the
citizen's page and in the audit log, which names the citizen by number, never by name.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from danvan.corrections import Changes, Correctable, Rule
from danvan.models import Case, Citizen, Classification, Staff
from danvan.permissions import Action, ensure_can_record
from danvan.scope import citizens_seen_by
from danvan.text import headline
from danvan.validity import before_unit
from reception.models import ReceptionSession, Result, Visit

HANDED_ON = "Lượt tiếp đã chuyển thành đơn: ngày tiếp, phân loại và kết quả tiếp gắn với đơn, không sửa ở đây."
IN_SESSION = "Lượt tiếp thuộc kỳ tiếp của người đứng đầu: ngày tiếp là ngày của kỳ tiếp, không sửa."
NOT_HANDED_ON = "Kết quả “Tiếp nhận đơn” chỉ ghi khi tiếp nhận đơn tại bàn tiếp công dân, không sửa thành."


def _handed_on(visit: Visit, _staff) -> bool:
    return visit.result == Result.PETITION_RECEIVED or visit.petitions.exists()


def _in_session(visit: Visit, _staff) -> bool:
    return visit.session_id is not None


def _check_visit(visit: Visit, changes: Changes, _staff) -> None:
    if "received_on" in changes and visit.received_on > timezone.localdate():
        raise ValidationError({"received_on": "Ngày tiếp không được sau hôm nay."})
    if "received_on" in changes and (early := before_unit(visit.agency.unit, visit.received_on)):
        raise ValidationError({"received_on": early})
    if "result" in changes and visit.result == Result.PETITION_RECEIVED:
        raise ValidationError({"result": NOT_HANDED_ON})
    visit.full_clean()


def _own_case(visit: Visit) -> Case | None:
    """The case the visit opened while it holds nothing else: no other visit nor petition, not accepted nor declined."""
    case = visit.case
    if case is None or case.accepted_on or case.declined_on or case.petitions.exists():
        return None
    return None if case.visits.exclude(pk=visit.pk).exists() else case


def _follow_visit(visit: Visit, changes: Changes, _staff) -> None:
    case = _own_case(visit)
    if case is None or not changes.keys() & {"received_on", "kind", "field", "content"}:
        return
    case.opened_on, case.kind, case.field, case.summary = (
        visit.received_on,
        visit.kind,
        visit.field,
        headline(visit.content),
    )
    case.citizen = visit.citizen_of_case
    case.save(update_fields=["opened_on", "kind", "field", "summary", "citizen"])


FIELDS = (
    "received_on", "received_time", "receiver_name", "receiver_title", "channel", "people",
    "other_representatives", "content", "kind", "field", "result", "documents_received", "notes",
)  # fmt: skip

VISIT = Correctable(
    what="lượt tiếp",
    code=lambda visit: visit.receipt_code or visit.reference or f"lượt tiếp số {visit.pk}",
    ensure=lambda staff, visit: ensure_can_record(staff, visit.agency),
    fields=FIELDS,
    rules=(
        Rule(("received_on", "kind", "result"), _handed_on, HANDED_ON),
        Rule(("received_on",), _in_session, IN_SESSION),
    ),
    agency=lambda visit: visit.agency,
    days=lambda visit: (visit.received_on,),
    check=_check_visit,
    follow=_follow_visit,
    # The companions of a denouncer are as confidential as the denouncer (Luật Tố cáo, Điều 47).
    secret=lambda visit: ("other_representatives",) if visit.kind == Classification.DENUNCIATION else (),
)


def _check_session(session: ReceptionSession, changes: Changes, _staff) -> None:
    if "conclusion" in changes and not session.conclusion.strip():
        raise ValidationError({"conclusion": "Hãy nhập nội dung thông báo kết luận."})
    session.full_clean()


SESSION = Correctable(
    what="kỳ tiếp",
    code=lambda session: session.reference or f"kỳ tiếp ngày {session.date:%d/%m/%Y}",
    ensure=lambda staff, session: ensure_can_record(staff, session.agency),
    fields=("host_name", "host_title", "conclusion_number", "conclusion"),
    agency=lambda session: session.agency,
    days=lambda session: (session.date,),
    check=_check_session,
)


NOT_YOUR_CITIZEN = "Chỉ cán bộ ghi nhận hồ sơ cho cơ quan đã tiếp nhận công dân này mới sửa được thông tin công dân."


def can_correct_citizen(staff: Staff, citizen: Citizen) -> bool:
    """Whether ``staff`` records for an agency that has a record of ``citizen``."""
    return citizens_seen_by(staff, Action.RECORD).filter(pk=citizen.pk).exists()


def _ensure_can_correct_citizen(staff: Staff | None, citizen: Citizen) -> None:
    if staff is not None and not can_correct_citizen(staff, citizen):
        raise PermissionDenied(NOT_YOUR_CITIZEN)


CITIZEN = Correctable(
    what="công dân",
    code=lambda citizen: f"công dân số {citizen.pk}",
    ensure=_ensure_can_correct_citizen,
    fields=("full_name", "cccd", "birth_date", "gender", "address", "phone"),
    # A citizen's details are counted in no figure: no sent report lists their correction.
    agency=lambda _citizen: None,
    days=lambda _citizen: (),
)
