"""Assignment and approval (giao việc, trình duyệt): a leader of the record's agency assigns it to a department or a
handler; the assignee proposes (the handling of a petition, the verification report or the draft decision of a case);
the leader approves the proposal or returns it for rework."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from complaints.models import Assignment, Petition, Proposal, ProposalKind, ProposalStatus
from complaints.selectors import open_assignments_to
from complaints.services.handling import handle_petition
from danvan.models import Agency, Case, Staff
from danvan.permissions import can_handle, can_resolve, ensure_can_approve
from danvan.services import lock, record_event

# What the assignee proposes on each record; approving the last one of a record completes its assignments.
KINDS_FOR_PETITION = (ProposalKind.HANDLING,)
KINDS_FOR_CASE = (ProposalKind.VERIFICATION_REPORT, ProposalKind.DRAFT_DECISION)
FINAL_KINDS = (ProposalKind.HANDLING, ProposalKind.DRAFT_DECISION)


def record_fields(record: Petition | Case) -> dict:
    """The field of an assignment or proposal that points at ``record``."""
    return {"petition": record} if isinstance(record, Petition) else {"case": record}


def proposal_kinds(record: Petition | Case) -> tuple[ProposalKind, ...]:
    return KINDS_FOR_PETITION if isinstance(record, Petition) else KINDS_FOR_CASE


def is_assignee_of(staff: Staff, record: Petition | Case) -> bool:
    return open_assignments_to(staff).filter(**record_fields(record)).exists()


def may_act_for(staff: Staff, record: Petition | Case) -> bool:
    """Whether ``staff`` may take the record's steps for its agency: handle a petition, resolve a case."""
    return (can_handle if isinstance(record, Petition) else can_resolve)(staff, record.agency)


@transaction.atomic
def assign(
    *,
    record: Petition | Case,
    by: Staff,
    on: date,
    agency: Agency | None = None,
    handler: Staff | None = None,
    note: str = "",
) -> Assignment:
    """A leader of the record's agency assigns it to a department of the same unit, to a handler, or to both; not
    again to the same while that assignment is open."""
    lock(record)
    ensure_can_approve(by, record.agency)
    errors = {}
    if agency is None and handler is None:
        errors["handler"] = "Hãy chọn cán bộ hoặc cơ quan, bộ phận được giao."
    elif record.assignments.filter(agency=agency, handler=handler, done_on__isnull=True).exists():
        errors["handler"] = "Hồ sơ đang được giao cho cán bộ, bộ phận này."
    if agency is not None and agency.unit_id != record.agency.unit_id:
        errors["agency"] = "Chỉ giao cho cơ quan, bộ phận cùng đơn vị hành chính."
    if handler is not None and not may_act_for(handler, record):
        errors["handler"] = f"Chỉ giao cho cán bộ được xử lý đơn, giải quyết vụ việc của {record.agency}."
    if on > timezone.localdate():
        errors["on"] = "Ngày giao không được sau hôm nay."
    if errors:
        raise ValidationError(errors)
    assignment = Assignment.objects.create(
        **record_fields(record), agency=agency, handler=handler, by=by, on=on, note=note.strip()
    )
    assignees = ", ".join(str(assignee) for assignee in (handler, agency) if assignee is not None)
    record_event(record, by=by, kind="assigned", label=f"Giao xử lý cho {assignees}", on=on)
    return assignment


@transaction.atomic
def propose(*, record: Petition | Case, by: Staff, kind: str, text: str, handling: dict | None = None) -> Proposal:
    """The assignee submits a proposal on the record to the leader for approval; one of a kind waits at a time. The
    handling of a petition is proposed as the handling form filled in (``handling``: its fields as typed), which
    approving records on the petition."""
    lock(record)
    if not is_assignee_of(by, record):
        raise PermissionDenied("Chỉ cán bộ, bộ phận được giao mới được trình đề xuất.")
    errors = {}
    if kind not in proposal_kinds(record):
        errors["kind"] = "Loại văn bản trình không phù hợp với hồ sơ này."
    elif Proposal.objects.filter(**record_fields(record), kind=kind, status=ProposalStatus.PENDING).exists():
        errors["kind"] = "Văn bản này đã được trình và đang chờ lãnh đạo duyệt."
    if not text.strip():
        errors["text"] = "Hãy nhập nội dung trình duyệt."
    if kind == ProposalKind.HANDLING and not handling:
        errors["kind"] = HANDLING_MISSING
    if errors:
        raise ValidationError(errors)
    proposal = Proposal.objects.create(
        **record_fields(record), kind=kind, text=text.strip(), by=by, handling=handling or {}
    )
    label = f"Trình duyệt: {proposal.get_kind_display()}"
    record_event(record, by=by, kind="proposed", label=label, on=timezone.localdate())
    return proposal


def _review(proposal: Proposal, by: Staff, status: ProposalStatus, note: str) -> Proposal:
    lock(proposal)
    ensure_can_approve(by, proposal.record.agency)
    if status == ProposalStatus.RETURNED and not note.strip():
        raise ValidationError({"note": "Hãy nêu ý kiến khi trả lại để làm lại."})
    if proposal.status != ProposalStatus.PENDING:
        raise ValidationError({"note": "Văn bản này đã được duyệt hoặc trả lại; không xem xét lại."})
    proposal.status, proposal.review_note = status, note.strip()
    proposal.reviewed_by, proposal.reviewed_at = by, timezone.now()
    proposal.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at"])
    return proposal


HANDLING_MISSING = 'Đề xuất xử lý đơn phải kèm kết quả xử lý: điền mẫu "Xử lý đơn" rồi bấm "Trình lãnh đạo duyệt".'


@transaction.atomic
def approve(*, proposal: Proposal, by: Staff, note: str = "", handling: dict | None = None) -> Proposal:
    """A leader approves a pending proposal; approving the final one (the handling of a petition, the draft decision
    of a case) completes the record's assignments. Approving the handling of a petition records it (``handling``: the
    proposed handling, validated again, as ``handle_petition`` takes it), by the leader on the day of approval; if it
    no longer holds (the petition was handled meanwhile), nothing is approved."""
    _review(proposal, by, ProposalStatus.APPROVED, note)
    today = timezone.localdate()
    if proposal.kind == ProposalKind.HANDLING:
        if not handling:
            raise ValidationError({"note": HANDLING_MISSING})
        handle_petition(petition=proposal.petition, by=by, on=today, **handling)
    if proposal.kind in FINAL_KINDS:
        Assignment.objects.filter(**record_fields(proposal.record), done_on__isnull=True).update(done_on=today)
    label = f"Lãnh đạo duyệt: {proposal.get_kind_display()}"
    record_event(proposal.record, by=by, kind="proposal_approved", label=label, on=today)
    return proposal


@transaction.atomic
def return_for_rework(*, proposal: Proposal, by: Staff, note: str) -> Proposal:
    """A leader returns a pending proposal for rework, saying why."""
    _review(proposal, by, ProposalStatus.RETURNED, note)
    label = f"Trả lại để làm lại: {proposal.get_kind_display()}"
    record_event(proposal.record, by=by, kind="proposal_returned", label=label, on=timezone.localdate())
    return proposal


# Reads: what waits for whom. (They would sit in complaints/selectors.py, which this feature does not own.)
