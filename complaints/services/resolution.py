"""Resolving accepted cases: extensions, suspension and resumption, the decision or conclusion, its enforcement.

Every step is taken by staff resolving for the case's agency, locks the case's row before it checks the case's
state (a second submit waits, then is refused), keeps ``Case.due_on`` (the deadline in force) and adds an event to the
case's timeline.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from complaints.deadlines import EXTENSION_MAX_DAYS, MAX_EXTENSIONS, resolution_deadline, suspension_send_deadline
from complaints.models import ComplaintDialogue, Decision, Enforcement, Extension, Suspension, Verification
from complaints.models.resolution import OPEN_SUSPENSION, PauseCause
from complaints.rules import ENDING, case_status, facts_errors, outcomes_for, suspension_refusal
from complaints.steps import decision_refusal, earliest_decision
from danvan.models import Case, Classification, Staff
from danvan.permissions import ensure_can_resolve
from danvan.services import lock, record_event, refusing_conflicts


def refresh_due(case: Case) -> date:
    """Recomputes the deadline in force from the rule, the extensions and the (resumed) suspensions."""
    extension_days = sum(case.extensions.values_list("days", flat=True))
    stood_still = [(s.suspended_on, s.resumed_on) for s in case.suspensions.exclude(resumed_on=None)]
    case.due_on = resolution_deadline(case, extension_days=extension_days, suspended=stood_still)
    case.save(update_fields=["due_on"])
    return case.due_on


def take(case: Case, by: Staff) -> None:
    """Locks the case as stored and refuses staff who do not resolve for its agency."""
    lock(case)
    ensure_can_resolve(by, case.agency)


def ensure_running(case: Case, on: date, field: str) -> None:
    if case.accepted_on is None or case.resolved_on is not None:
        raise ValidationError({field: "Vụ việc chưa được thụ lý hoặc đã giải quyết xong."})
    if on < case.accepted_on:
        raise ValidationError({field: "Ngày này không được trước ngày thụ lý."})
    if on > timezone.localdate():
        raise ValidationError({field: "Ngày này không được sau hôm nay."})


@transaction.atomic
def extend_case(*, case: Case, by: Staff, decided_on: date, number: str, days: int) -> Extension:
    """Extends a denunciation's deadline (gia hạn): once if complex, twice if especially complex, ≤ 30 days each; a
    decision is recorded once."""
    take(case, by)
    ensure_running(case, decided_on, "decided_on")
    if case.extensions.filter(number=number).exists():
        raise ValidationError({"number": f"Quyết định gia hạn số {number} đã được ghi cho vụ việc này."})
    if case.kind != Classification.DENUNCIATION:
        raise ValidationError({"days": "Luật Khiếu nại không quy định gia hạn; vụ việc phức tạp có thời hạn dài hơn."})
    allowed = MAX_EXTENSIONS[case.complexity or Case.Complexity.NORMAL]
    if case.extensions.count() >= allowed:
        kind = case.get_complexity_display().lower()
        raise ValidationError({"days": f"Vụ việc {kind} được gia hạn tối đa {allowed} lần (Luật Tố cáo, Điều 30)."})
    if not 1 <= days <= EXTENSION_MAX_DAYS:
        raise ValidationError({"days": f"Mỗi lần gia hạn không quá {EXTENSION_MAX_DAYS} ngày."})
    if case.suspended_since:
        raise ValidationError({"decided_on": "Vụ việc đang tạm đình chỉ."})
    extension = Extension(case=case, decided_on=decided_on, number=number, days=days, by=by, new_due_on=case.due_on)
    extension.save()
    extension.new_due_on = refresh_due(case)
    extension.save(update_fields=["new_due_on"])
    record_event(
        case, by=by, kind="extended", on=decided_on,
        label=f"Gia hạn {days} ngày (quyết định số {number}), hạn mới {extension.new_due_on:%d/%m/%Y}",
    )  # fmt: skip
    return extension


@refusing_conflicts
@transaction.atomic
def suspend_case(
    *, case: Case, by: Staff, on: date, number: str, reason: str = "", cause: str = PauseCause.SUSPENSION
) -> Suspension:
    """Stops the resolution clock until the decision to continue: a suspension (tạm đình chỉ; a complaint from
    01/07/2026 only, complaints.rules.COMPLAINT_SUSPENSION_FROM, its decision then sent to the parties within
    ``suspension_send_deadline``), or an expert examination of a denunciation (giám định), whose time does not count."""
    take(case, by)
    ensure_running(case, on, "on")
    examination = cause == PauseCause.EXAMINATION
    if refusal := suspension_refusal(kind=case.kind, on=on, examination=examination):
        raise ValidationError({"cause" if examination else "on": refusal})
    if case.suspended_since:
        raise ValidationError({"on": OPEN_SUSPENSION})
    send_due_on = None if examination else suspension_send_deadline(kind=case.kind, suspended_on=on)
    suspension = Suspension.objects.create(
        case=case, cause=cause, suspended_on=on, number=number, reason=reason, send_due_on=send_due_on
    )
    case.suspended_since = on
    case.save(update_fields=["suspended_since"])
    label = f"Trưng cầu giám định (văn bản số {number}): thời gian giám định không tính vào thời hạn giải quyết"
    if not examination:
        label = f"Tạm đình chỉ (quyết định số {number})" + (f", hạn gửi {send_due_on:%d/%m/%Y}" if send_due_on else "")
    record_event(case, by=by, kind="suspended", label=label, on=on)
    return suspension


@transaction.atomic
def resume_case(*, case: Case, by: Staff, on: date, number: str) -> Suspension:
    """Continues a suspended resolution, or one waiting for an expert examination: the deadline moves by the time the
    clock stood still."""
    take(case, by)
    suspension = case.suspensions.filter(resumed_on=None).first()
    if suspension is None:
        raise ValidationError({"on": "Vụ việc không ở trạng thái tạm dừng tính thời hạn."})
    if on < suspension.suspended_on or on > timezone.localdate():
        raise ValidationError({"on": "Ngày tiếp tục phải từ ngày tạm dừng đến hôm nay."})
    suspension.resumed_on, suspension.resume_number = on, number
    suspension.save(update_fields=["resumed_on", "resume_number"])
    case.suspended_since = None
    case.save(update_fields=["suspended_since"])
    due = refresh_due(case)
    what = "Nhận kết quả giám định" if suspension.cause == PauseCause.EXAMINATION else "Tiếp tục giải quyết"
    record_event(
        case, by=by, kind="resumed", on=on,
        label=f"{what} (văn bản số {number}), hạn giải quyết {due:%d/%m/%Y}",
    )  # fmt: skip
    return suspension


@transaction.atomic
def record_suspension_sent(*, case: Case, by: Staff, on: date) -> Suspension:
    """Records, once, the day a suspension decision was sent to the parties."""
    take(case, by)
    suspension = case.suspensions.filter(send_due_on__isnull=False, sent_on=None).first()
    if suspension is None:
        raise ValidationError({"on": "Không có quyết định tạm đình chỉ nào chờ gửi."})
    if on < suspension.suspended_on or on > timezone.localdate():
        raise ValidationError({"on": "Ngày gửi phải từ ngày ban hành quyết định tạm đình chỉ đến hôm nay."})
    suspension.sent_on = on
    suspension.save(update_fields=["sent_on"])
    on_time = "đúng hạn" if on <= suspension.send_due_on else "quá hạn"
    label = f"Gửi quyết định tạm đình chỉ số {suspension.number} cho các bên ({on_time})"
    record_event(case, by=by, kind="suspension_sent", label=label, on=on)
    return suspension


@refusing_conflicts
@transaction.atomic
def decide_case(*, case: Case, by: Staff, issued_on: date, number: str, outcome: str, **amounts) -> Decision:
    """Issues the decision (complaint) or conclusion (denunciation), or ends the case (withdrawn, terminated)."""
    take(case, by)
    errors = {}
    if case.accepted_on and issued_on < case.accepted_on:
        errors["issued_on"] = "Ngày giải quyết không được trước ngày thụ lý."
    elif issued_on > timezone.localdate():
        errors["issued_on"] = "Ngày giải quyết không được sau hôm nay."
    if case.accepted_on is None or case.resolved_on is not None:
        errors["issued_on"] = "Vụ việc chưa được thụ lý hoặc đã giải quyết xong."
    if outcome not in outcomes_for(kind=case.kind, round=case.round):
        errors["outcome"] = "Kết quả không phù hợp với loại vụ việc và lần giải quyết."
    verification = Verification.objects.filter(case=case).first()
    dialogue = ComplaintDialogue.objects.filter(case=case).first()
    if refusal := decision_refusal(case, outcome, verification, dialogue):
        errors["outcome"] = refusal
    elif (earliest := earliest_decision(verification, dialogue)) and issued_on < earliest and "issued_on" not in errors:
        errors["issued_on"] = f"Ngày ban hành không được trước ngày báo cáo xác minh, đối thoại ({earliest:%d/%m/%Y})."
    if case.suspended_since and outcome not in ENDING:
        errors["issued_on"] = "Vụ việc đang tạm đình chỉ: hãy ra quyết định tiếp tục trước."
    errors |= facts_errors(amounts)
    if errors:
        raise ValidationError(errors)
    decision = Decision(case=case, issued_on=issued_on, number=number, outcome=outcome, by=by, **amounts)
    decision.full_clean()
    decision.save()
    if decision.to_enforce:
        Enforcement.objects.create(decision=decision)
    case.resolved_on, case.status, case.suspended_since = issued_on, case_status(resolved_on=issued_on), None
    case.save(update_fields=["resolved_on", "status", "suspended_since"])
    record_event(
        case, by=by, kind="decided", on=issued_on,
        label=f"{_document(case)} số {number}: {decision.get_outcome_display()}",
    )  # fmt: skip
    return decision


DOCUMENTS = {
    Classification.COMPLAINT: "Quyết định giải quyết khiếu nại",
    Classification.DENUNCIATION: "Kết luận nội dung tố cáo",
    Classification.RECOMMENDATION: "Văn bản trả lời kiến nghị, phản ánh",
}


def _document(case: Case) -> str:
    return DOCUMENTS[case.kind]


@transaction.atomic
def complete_enforcement(
    *,
    enforcement: Enforcement,
    by: Staff,
    on: date,
    money_recovered: Decimal,
    land_recovered: Decimal,
    returned_money: Decimal = Decimal(0),
    returned_land: Decimal = Decimal(0),
    sanctioned_organisations: int = 0,
    sanctioned_people: int = 0,
    sanctioned_officials: int = 0,
    prosecuted_cases: int = 0,
    prosecuted_people: int = 0,
    prosecuted_officials: int = 0,
    notes: str = "",
) -> Enforcement:
    """Records that a decision or conclusion has been carried out, once, with what it actually did (05/KQTH):
    recovered for the State, returned to organisations and individuals, the administrative sanctions taken and the
    prosecutions."""
    done = {
        "money_recovered": money_recovered, "land_recovered": land_recovered, "returned_money": returned_money,
        "returned_land": returned_land, "sanctioned_organisations": sanctioned_organisations,
        "sanctioned_people": sanctioned_people, "sanctioned_officials": sanctioned_officials,
        "prosecuted_cases": prosecuted_cases, "prosecuted_people": prosecuted_people,
        "prosecuted_officials": prosecuted_officials,
    }  # fmt: skip
    lock(enforcement)
    ensure_can_resolve(by, enforcement.decision.case.agency)
    if enforcement.completed_on is not None:
        raise ValidationError({"on": "Quyết định, kết luận này đã được ghi nhận thực hiện xong."})
    errors = facts_errors(done)
    if on < enforcement.decision.issued_on or on > timezone.localdate():
        errors["on"] = "Ngày thực hiện xong phải từ ngày ban hành đến hôm nay."
    if errors:
        raise ValidationError(errors)
    enforcement.completed_on, enforcement.notes = on, notes
    for name, value in done.items():
        setattr(enforcement, name, value)
    enforcement.full_clean()
    enforcement.save()
    record_event(enforcement.decision.case, by=by, kind="enforced", label="Thực hiện xong quyết định, kết luận", on=on)
    return enforcement


def is_on_time(case: Case) -> bool | None:
    """Resolved within the deadline (đúng hạn), after it, or None while unresolved."""
    if case.resolved_on is None or case.due_on is None:
        return None
    return case.resolved_on <= case.due_on


@transaction.atomic
def mark_hotspot(*, case: Case, by: Staff, plan: str) -> Case:
    """Marks a case as mass, complex and prolonged (đông người, phức tạp, kéo dài) with its handling plan, once."""
    take(case, by)
    if case.hotspot:
        raise ValidationError({"plan": "Vụ việc đã được xác định là đông người, phức tạp, kéo dài."})
    if not plan.strip():
        raise ValidationError({"plan": "Vụ việc đông người, phức tạp, kéo dài phải có phương án xử lý."})
    case.hotspot, case.hotspot_plan = True, plan.strip()
    case.save(update_fields=["hotspot", "hotspot_plan"])
    record_event(
        case, by=by, kind="hotspot", label="Xác định vụ việc đông người, phức tạp, kéo dài", on=timezone.localdate()
    )
    return case


@transaction.atomic
def complete_hotspot_plan(*, case: Case, by: Staff, on: date) -> Case:
    """Records that the handling plan of a hotspot case has been carried out, once."""
    take(case, by)
    if not case.hotspot:
        raise ValidationError({"on": "Vụ việc chưa được xác định là đông người, phức tạp, kéo dài."})
    if case.hotspot_plan_done_on is not None:
        raise ValidationError({"on": "Phương án xử lý của vụ việc đã được ghi nhận hoàn thành."})
    if on > timezone.localdate():
        raise ValidationError({"on": "Ngày hoàn thành không được sau hôm nay."})
    case.hotspot_plan_done_on = on
    case.save(update_fields=["hotspot_plan_done_on"])
    record_event(case, by=by, kind="hotspot_done", label="Hoàn thành phương án xử lý vụ việc phức tạp", on=on)
    return case
