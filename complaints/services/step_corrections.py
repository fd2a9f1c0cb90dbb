"""What of a case's steps may be corrected, by whom and when (danvan.corrections): the verification, the dialogue with
the complainant, the decision or conclusion and its publication, its enforcement, a suspension, an extension.

Each is corrected by staff resolving for the case's agency and shows on the case's timeline. The steps before the
decision (verification, dialogue, suspension, extension) stay once the case is resolved: the decision rests on them.
The number and date of a decision or conclusion are corrected by a leader of the case's agency only, who signs it: a
handler asks the leader (the assignment and approval of complaints.services.workflow). What was not recorded yet
(a report, a publication, a completion, a resumption, a sending) is recorded by its step, not corrected. The dates
keep their order (acceptance ≤ verification ≤ report ≤ dialogue ≤ decision ≤ publication, completion), and what
follows from them moves along: the case's resolution day and status with the decision's date, the deadline in force
with a suspension's days, a suspension decision's sending deadline with its day. An extension's number of days is
not corrected: the deadlines that followed it were computed from it.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from complaints.deadlines import suspension_send_deadline
from complaints.models import ComplaintDialogue, Decision, Enforcement, Extension, Suspension, Verification
from complaints.rules import DECISION_AMOUNTS, ENFORCEMENT_AMOUNTS, case_status, facts_errors
from complaints.services.resolution import refresh_due
from complaints.steps import earliest_decision
from danvan.corrections import Changes, Correctable, Rule
from danvan.models import Case, Classification
from danvan.permissions import can_approve, ensure_can_resolve

RESOLVED = "Vụ việc đã giải quyết xong: các bước trước quyết định, kết luận không sửa."
LEADER_ONLY = "Số và ngày của quyết định, kết luận chỉ lãnh đạo cơ quan giải quyết sửa: hãy trình lãnh đạo."
NOT_REPORTED = "Chưa có báo cáo kết quả xác minh: hãy ghi báo cáo ở bước xác minh."
NOT_PUBLISHED = "Chưa công khai quyết định, kết luận: hãy ghi việc công khai."
NOT_COMPLETED = "Chưa thực hiện xong: hãy ghi việc thực hiện xong."
NOT_RESUMED = "Vụ việc đang tạm dừng: hãy ghi quyết định tiếp tục."
NOT_SENT = "Chưa gửi quyết định tạm đình chỉ: hãy ghi ngày gửi."


def _resolved(step, _staff) -> bool:
    return step.case.resolved_on is not None


def _ensure(staff, step) -> None:
    ensure_can_resolve(staff, _case(step).agency)


def _case(step) -> Case:
    return step.decision.case if isinstance(step, Enforcement) else step.case


def _within(errors: dict, name: str, day: date | None, first: date | None, what: str) -> None:
    """``day`` (when set) is not before ``first`` (what it follows) nor after today."""
    if day is None or name in errors:
        return
    if first and day < first:
        errors[name] = f"Ngày này không được trước {what} ({first:%d/%m/%Y})."
    elif day > timezone.localdate():
        errors[name] = "Ngày này không được sau hôm nay."


def _checked(errors: dict, step) -> None:
    if errors:
        raise ValidationError(errors)
    step.full_clean(exclude=["by"])  # who took the step is no correction's; an imported step has no one


def _step(what: str, fields: tuple[str, ...], check, *, rules=(), follow=None, days=None) -> Correctable:
    """A step of a case: corrected by staff resolving for the case's agency, shown on the case's timeline."""
    extra = {"follow": follow} if follow else {}
    return Correctable(
        what=what,
        code=lambda step: f"VV{_case(step).pk}",
        ensure=_ensure,
        fields=fields,
        rules=rules,
        agency=lambda step: _case(step).agency,
        days=days or (lambda step: (_case(step).accepted_on, _case(step).resolved_on)),
        check=check,
        timeline=_case,
        **extra,
    )


def _check_verification(verification: Verification, _changes: Changes, _staff) -> None:
    errors, case = {}, verification.case
    _within(errors, "started_on", verification.started_on, case.accepted_on, "ngày thụ lý")
    _within(errors, "reported_on", verification.reported_on, verification.started_on, "ngày giao xác minh")
    if verification.reported_on and not verification.findings.strip():
        errors["findings"] = "Hãy ghi kết quả xác minh."
    if verification.differs_from_claim and case.kind != Classification.COMPLAINT:
        errors["differs_from_claim"] = "Chỉ kết quả xác minh khiếu nại mới so với yêu cầu của người khiếu nại."
    held_on = ComplaintDialogue.objects.filter(case=case).values_list("held_on", flat=True).first()
    if held_on and verification.reported_on and verification.reported_on > held_on:
        errors["reported_on"] = f"Ngày báo cáo không được sau ngày đối thoại ({held_on:%d/%m/%Y})."
    _checked(errors, verification)


VERIFICATION_FIELDS = ("verifier", "number", "started_on", "reported_on", "findings", "differs_from_claim")
VERIFICATION = _step(
    "xác minh",
    VERIFICATION_FIELDS,
    _check_verification,
    rules=(
        Rule(VERIFICATION_FIELDS, _resolved, RESOLVED),
        Rule(("reported_on", "findings", "differs_from_claim"), lambda v, _: v.reported_on is None, NOT_REPORTED),
    ),
)


def _check_dialogue(dialogue: ComplaintDialogue, _changes: Changes, _staff) -> None:
    errors = {}
    reported_on = Verification.objects.filter(case=dialogue.case).values_list("reported_on", flat=True).first()
    _within(errors, "held_on", dialogue.held_on, reported_on, "ngày báo cáo xác minh")
    _checked(errors, dialogue)


COMPLAINT_DIALOGUE = _step(
    "đối thoại",
    ("held_on", "place", "participants", "minutes"),
    _check_dialogue,
    rules=(Rule(("held_on", "place", "participants", "minutes"), _resolved, RESOLVED),),
)


def _not_leader(decision: Decision, staff) -> bool:
    return staff is not None and not can_approve(staff, decision.case.agency)


def _check_decision(decision: Decision, _changes: Changes, _staff) -> None:
    case = decision.case
    errors = facts_errors({name: getattr(decision, name) for name in DECISION_AMOUNTS})
    verification = Verification.objects.filter(case=case).first()
    dialogue = ComplaintDialogue.objects.filter(case=case).first()
    first = max((day for day in (case.accepted_on, earliest_decision(verification, dialogue)) if day), default=None)
    _within(errors, "issued_on", decision.issued_on, first, "ngày thụ lý, báo cáo xác minh, đối thoại")
    _within(errors, "published_on", decision.published_on, decision.issued_on, "ngày ban hành")
    if bool(decision.published_on) != bool(decision.published_by):
        errors["published_by"] = "Hãy nhập cả ngày và hình thức công khai."
    completed_on = Enforcement.objects.filter(decision=decision).values_list("completed_on", flat=True).first()
    if completed_on and decision.issued_on > completed_on and "issued_on" not in errors:
        errors["issued_on"] = f"Ngày ban hành không được sau ngày thực hiện xong ({completed_on:%d/%m/%Y})."
    _checked(errors, decision)


def _follow_decision(decision: Decision, changes: Changes, _staff) -> None:
    """The case was resolved the day its decision or conclusion was issued."""
    if "issued_on" in changes:
        case = decision.case
        case.resolved_on, case.status = decision.issued_on, case_status(resolved_on=decision.issued_on)
        case.save(update_fields=["resolved_on", "status"])


DECISION = _step(
    "quyết định, kết luận",
    ("number", "issued_on", "summary", *DECISION_AMOUNTS, "published_on", "published_by"),
    _check_decision,
    rules=(
        Rule(("number", "issued_on"), _not_leader, LEADER_ONLY),
        Rule(("published_on", "published_by"), lambda d, _: d.published_on is None, NOT_PUBLISHED),
    ),
    follow=_follow_decision,
    days=lambda decision: (decision.issued_on,),
)


def _check_enforcement(enforcement: Enforcement, _changes: Changes, _staff) -> None:
    errors = facts_errors({name: getattr(enforcement, name) for name in ENFORCEMENT_AMOUNTS})
    _within(errors, "completed_on", enforcement.completed_on, enforcement.decision.issued_on, "ngày ban hành")
    if enforcement.completed_on is None:
        errors["completed_on"] = "Hãy nhập ngày thực hiện xong."
    _checked(errors, enforcement)


ENFORCEMENT = _step(
    "thi hành",
    ("completed_on", *ENFORCEMENT_AMOUNTS, "notes"),
    _check_enforcement,
    rules=(Rule(("completed_on", *ENFORCEMENT_AMOUNTS, "notes"), lambda e, _: e.completed_on is None, NOT_COMPLETED),),
    days=lambda enforcement: (enforcement.decision.issued_on, enforcement.completed_on),
)


def _check_suspension(suspension: Suspension, _changes: Changes, _staff) -> None:
    errors = {}
    _within(errors, "suspended_on", suspension.suspended_on, suspension.case.accepted_on, "ngày thụ lý")
    _within(errors, "resumed_on", suspension.resumed_on, suspension.suspended_on, "ngày tạm dừng")
    _within(errors, "sent_on", suspension.sent_on, suspension.suspended_on, "ngày tạm dừng")
    others = suspension.case.suspensions.exclude(pk=suspension.pk)
    end = suspension.resumed_on or timezone.localdate()
    if "suspended_on" not in errors and others.filter(suspended_on__lte=end, resumed_on__gte=suspension.suspended_on):
        errors["suspended_on"] = "Thời gian tạm dừng trùng với một lần tạm dừng khác của vụ việc."
    _checked(errors, suspension)


def _follow_suspension(suspension: Suspension, changes: Changes, _staff) -> None:
    """The sending deadline runs from the suspension's day; the deadline in force moves by the days it stood still."""
    if "suspended_on" in changes and suspension.send_due_on:
        kind, day = suspension.case.kind, suspension.suspended_on
        suspension.send_due_on = suspension_send_deadline(kind=kind, suspended_on=day)
        suspension.save(update_fields=["send_due_on"])
    case = suspension.case
    if suspension.resumed_on is None:
        case.suspended_since = suspension.suspended_on
        case.save(update_fields=["suspended_since"])
    if changes.keys() & {"suspended_on", "resumed_on"}:
        refresh_due(case)


SUSPENSION_FIELDS = ("suspended_on", "number", "reason", "resumed_on", "resume_number", "sent_on")
SUSPENSION = _step(
    "tạm dừng tính thời hạn",
    SUSPENSION_FIELDS,
    _check_suspension,
    rules=(
        Rule(SUSPENSION_FIELDS, _resolved, RESOLVED),
        Rule(("resumed_on", "resume_number"), lambda s, _: s.resumed_on is None, NOT_RESUMED),
        Rule(("sent_on",), lambda s, _: s.sent_on is None, NOT_SENT),
    ),
    follow=_follow_suspension,
)


def _check_extension(extension: Extension, _changes: Changes, _staff) -> None:
    errors = {}
    _within(errors, "decided_on", extension.decided_on, extension.case.accepted_on, "ngày thụ lý")
    if extension.case.extensions.exclude(pk=extension.pk).filter(number=extension.number).exists():
        errors["number"] = f"Quyết định gia hạn số {extension.number} đã được ghi cho vụ việc này."
    _checked(errors, extension)


EXTENSION = _step(
    "gia hạn",
    ("decided_on", "number"),
    _check_extension,
    rules=(Rule(("decided_on", "number"), _resolved, RESOLVED),),
)
