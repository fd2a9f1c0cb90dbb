"""The steps between acceptance and decision, and the publication after it: the verification (assigned, then
reported), the dialogue with the complainant, the publication of the decision or conclusion. Each is taken once, by
staff resolving for the case's agency, with the case's row locked, and adds an event to the case's timeline."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from complaints.models import ComplaintDialogue, Decision, Verification
from complaints.services.resolution import ensure_running, take
from complaints.steps import has_steps
from danvan.models import Case, Classification, Staff
from danvan.services import lock, record_event, refusing_conflicts


def _ensure_steps(case: Case, field: str) -> None:
    if not has_steps(case):
        raise ValidationError({field: "Chỉ khiếu nại, tố cáo đã thụ lý mới xác minh, đối thoại."})


@refusing_conflicts
@transaction.atomic
def assign_verification(*, case: Case, by: Staff, on: date, verifier: str, number: str) -> Verification:
    """Assigns the verification of the case's content (giao nhiệm vụ xác minh), once."""
    take(case, by)
    _ensure_steps(case, "on")
    ensure_running(case, on, "on")
    if Verification.objects.filter(case=case).exists():
        raise ValidationError({"on": "Vụ việc đã được giao xác minh."})
    verification = Verification(case=case, started_on=on, verifier=verifier.strip(), number=number.strip(), by=by)
    verification.full_clean()
    verification.save()
    record_event(
        case, by=by, kind="verification_assigned", on=on,
        label=f"Giao xác minh cho {verification.verifier} (văn bản số {verification.number})",
    )  # fmt: skip
    return verification


@transaction.atomic
def report_verification(
    *, case: Case, by: Staff, on: date, findings: str, differs_from_claim: bool = False
) -> Verification:
    """Records the report of the verification's findings (báo cáo kết quả xác minh), once; for a complaint, whether
    they differ from the claim (a first-round complaint then requires a dialogue)."""
    take(case, by)
    verification = Verification.objects.filter(case=case).first()
    if verification is None:
        raise ValidationError({"on": "Vụ việc chưa được giao xác minh."})
    if verification.reported_on is not None:
        raise ValidationError({"on": "Đã ghi báo cáo kết quả xác minh của vụ việc."})
    ensure_running(case, on, "on")
    errors = {}
    if on < verification.started_on:
        errors["on"] = f"Ngày báo cáo không được trước ngày giao xác minh ({verification.started_on:%d/%m/%Y})."
    if not findings.strip():
        errors["findings"] = "Hãy ghi kết quả xác minh."
    if errors:
        raise ValidationError(errors)
    verification.reported_on, verification.findings = on, findings.strip()
    verification.differs_from_claim = differs_from_claim and case.kind == Classification.COMPLAINT
    verification.save(update_fields=["reported_on", "findings", "differs_from_claim"])
    label = "Báo cáo kết quả xác minh" + (", khác với yêu cầu của người khiếu nại" if differs_from_claim else "")
    record_event(case, by=by, kind="verification_reported", label=label, on=on)
    return verification


@refusing_conflicts
@transaction.atomic
def hold_dialogue(*, case: Case, by: Staff, on: date, place: str, participants: str, minutes: str) -> ComplaintDialogue:
    """Records the dialogue with the complainant and its minutes (biên bản đối thoại), once, after the verification's
    report it discusses."""
    take(case, by)
    _ensure_steps(case, "on")
    if case.kind != Classification.COMPLAINT:
        raise ValidationError({"on": "Chỉ giải quyết khiếu nại mới tổ chức đối thoại."})
    if ComplaintDialogue.objects.filter(case=case).exists():
        raise ValidationError({"on": "Đã ghi cuộc đối thoại của vụ việc."})
    ensure_running(case, on, "on")
    reported_on = Verification.objects.filter(case=case).values_list("reported_on", flat=True).first()
    if reported_on is None:
        raise ValidationError({"on": "Đối thoại sau khi có báo cáo kết quả xác minh: hãy ghi kết quả xác minh trước."})
    if on < reported_on:
        raise ValidationError(
            {"on": f"Ngày đối thoại không được trước ngày báo cáo xác minh ({reported_on:%d/%m/%Y})."}
        )
    dialogue = ComplaintDialogue(
        case=case, held_on=on, place=place.strip(), participants=participants.strip(), minutes=minutes.strip(), by=by
    )
    dialogue.full_clean()
    dialogue.save()
    record_event(case, by=by, kind="complaint_dialogue", label=f"Đối thoại tại {dialogue.place}", on=on)
    return dialogue


@transaction.atomic
def publish_decision(*, decision: Decision, by: Staff, on: date, published_by: str) -> Decision:
    """Records that the decision or conclusion was made public (công khai), once, on or after its issue."""
    lock(decision)
    case = decision.case
    take(case, by)
    if decision.published_on is not None:
        raise ValidationError({"on": "Đã ghi việc công khai quyết định, kết luận này."})
    if on < decision.issued_on or on > timezone.localdate():
        raise ValidationError({"on": "Ngày công khai phải từ ngày ban hành đến hôm nay."})
    decision.published_on, decision.published_by = on, published_by
    decision.full_clean()
    decision.save(update_fields=["published_on", "published_by"])
    record_event(case, by=by, kind="published", label=f"Công khai: {decision.get_published_by_display()}", on=on)
    return decision
