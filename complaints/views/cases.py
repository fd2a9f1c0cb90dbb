"""Case pages: the list of accepted cases, the case with its clock and timeline, and its resolution steps."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from complaints.deadlines import DayType, resolution_rule
from complaints.documents import CASE_DOCUMENTS
from complaints.documents.versions import offered
from complaints.filters import CaseFilter
from complaints.models import ComplaintDialogue, Decision, Enforcement, Verification
from complaints.selectors import (
    accepted_cases_for,
    case_clock,
    due_soon_until,
    extensions_left,
    get_case_for,
    petitions_of_case,
    send_clock,
)
from complaints.services.resolution import (
    complete_enforcement,
    complete_hotspot_plan,
    decide_case,
    extend_case,
    is_on_time,
    mark_hotspot,
    record_suspension_sent,
    resume_case,
    suspend_case,
)
from complaints.services.steps import assign_verification, hold_dialogue, publish_decision, report_verification
from complaints.step_forms import (
    ComplaintDialogueForm,
    DecisionForm,
    EnforcementForm,
    ExtensionForm,
    HotspotDoneForm,
    HotspotForm,
    PublicationForm,
    ResumptionForm,
    SuspensionForm,
    SuspensionSentForm,
    VerificationForm,
    VerificationReportForm,
)
from complaints.steps import (
    DIALOGUE_SOURCE,
    PUBLICATION_SOURCE,
    dialogue_required,
    has_steps,
    merits_refusal,
    steps_of,
)
from complaints.views.workflow import workflow_panel
from danvan.forms import applied
from danvan.models import Case, Classification, Staff
from danvan.pages import paginate
from danvan.permissions import can_resolve
from danvan.selectors import timeline_of

# In the order the page shows them: the step at hand first.
STEP_FORMS = {
    "resumption_form": ResumptionForm,
    "verification_form": VerificationForm,
    "report_form": VerificationReportForm,
    "dialogue_form": ComplaintDialogueForm,
    "decision_form": DecisionForm,
    "publication_form": PublicationForm,
    "enforcement_form": EnforcementForm,
    "extension_form": ExtensionForm,
    "suspension_form": SuspensionForm,
    "suspension_sent_form": SuspensionSentForm,
    "hotspot_form": HotspotForm,
    "hotspot_done_form": HotspotDoneForm,
}


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    # Open cases first, the nearest deadline on top; then the resolved ones, latest first.
    cases = accepted_cases_for(request.user).order_by(
        F("resolved_on").desc(nulls_first=True), F("due_on").asc(nulls_last=True), "-pk"
    )
    found = CaseFilter(request.GET, queryset=cases, request=request)
    page = paginate(request, found.qs)
    today = timezone.localdate()
    context = {"filter": found, "page": page, "today": today, "due_soon_until": due_soon_until(today)}
    return render(request, "complaints/case_list.html", context)


@dataclass(frozen=True)
class _Progress:
    """What the case's steps have recorded."""

    verification: Verification | None
    dialogue: ComplaintDialogue | None
    decision: Decision | None
    enforcement: Enforcement | None

    @classmethod
    def of(cls, case: Case) -> "_Progress":
        decision = Decision.objects.filter(case=case).select_related("enforcement").first()
        return cls(
            Verification.objects.filter(case=case).first(),
            ComplaintDialogue.objects.filter(case=case).first(),
            decision,
            getattr(decision, "enforcement", None),
        )


def _steps_shown(case: Case, progress: _Progress) -> set[str]:
    """The step forms that apply to the case in its state."""
    unsent = case.suspensions.filter(send_due_on__isnull=False, sent_on=None).exists()
    return _resolution_steps(case, progress) | _hotspot_steps(case) | ({"suspension_sent_form"} if unsent else set())


def _hotspot_steps(case: Case) -> set[str]:
    if not case.hotspot:
        return set() if case.resolved_on else {"hotspot_form"}
    return set() if case.hotspot_plan_done_on else {"hotspot_done_form"}


def _resolution_steps(case: Case, progress: _Progress) -> set[str]:
    if case.accepted_on is None:
        return set()
    if case.resolved_on is not None:
        decision, enforcement = progress.decision, progress.enforcement
        publish = {"publication_form"} if decision and decision.to_enforce and not decision.published_on else set()
        return publish | ({"enforcement_form"} if enforcement and enforcement.completed_on is None else set())
    if not has_steps(case):
        return {"decision_form"}  # a recommendation is answered
    if case.suspended_since:
        return {"resumption_form", "decision_form"}  # a suspended case may still end: withdrawn, terminated
    shown = {"suspension_form", "decision_form", _step_at_hand(case, progress)} - {""}
    return shown | ({"extension_form"} if extensions_left(case) else set())


def _step_at_hand(case: Case, progress: _Progress) -> str:
    """The form of the step before the decision still to take, or ""."""
    verification = progress.verification
    if verification is None:
        return "verification_form"
    if verification.reported_on is None:
        return "report_form"
    if progress.dialogue is None and dialogue_required(case, verification):
        return "dialogue_form"
    return ""


def _case_page(request: HttpRequest, case: Case, status: int = 200, **posted: Form) -> HttpResponse:
    """The case page; a form that was posted and refused is shown again, with its messages."""
    progress = _Progress.of(case)
    rule = resolution_rule(case) if case.due_on else None
    resolves = can_resolve(request.user, case.agency)
    shown = _steps_shown(case, progress) if resolves else set()
    refusal = merits_refusal(case, progress.verification, progress.dialogue)
    context = {
        "case": case,
        "clock": case_clock(case),
        "rule": rule,
        "working_days": rule is not None and rule.day_type == DayType.WORKING,
        "remote_area": case.kind == Classification.COMPLAINT and case.agency.unit.remote_area,
        "extensions": case.extensions.all(),
        "extensions_left": extensions_left(case),
        "suspensions": [(suspension, send_clock(suspension)) for suspension in case.suspensions.all()],
        "steps": steps_of(case, **vars(progress)) if has_steps(case) else [],
        "dialogue_hint": f"Căn cứ {DIALOGUE_SOURCE.get(case.round or Case.Round.FIRST, '')}.",
        "publication_hint": f"Căn cứ {PUBLICATION_SOURCE.get(case.kind, '')}.",
        **vars(progress),
        "on_time": is_on_time(case),
        "petitions": petitions_of_case(case, request.user),
        "timeline": timeline_of(case),
        "resolves": resolves,
        "documents": offered(CASE_DOCUMENTS, case),
        **workflow_panel(request.user, case),
    }
    for name, form_class in STEP_FORMS.items():
        extra = {"merits_refusal": refusal} if form_class is DecisionForm else {}
        context[name] = posted.get(name) or (form_class(case=case, **extra) if name in shown else None)
    return render(request, "complaints/case_detail.html", context, status=status)


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_page(request, get_case_for(request.user, pk))


def _step(request: HttpRequest, pk: int, form_name: str, apply, done: str) -> HttpResponse:
    """A resolution step by staff acting for the case's agency: applied by its service, or the page again with the
    refusal on the form."""
    case = get_case_for(request.user, pk)
    if not can_resolve(request.user, case.agency):
        raise PermissionDenied("Bạn không giải quyết vụ việc thay cho cơ quan này.")
    form = STEP_FORMS[form_name](request.POST, case=case)
    if form.is_valid() and applied(form, apply, case=case, by=request.user, **form.cleaned_data) is not None:
        messages.success(request, done)
        return redirect("complaints:case-detail", pk=pk)
    # A refused service may have changed the case in memory before it refused: show it as stored.
    return _case_page(request, get_case_for(request.user, pk), status=400, **{form_name: form})


@login_required
@require_POST
def case_extend(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "extension_form", extend_case, "Đã ghi quyết định gia hạn; đã tính lại hạn giải quyết.")


@login_required
@require_POST
def case_suspend(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "suspension_form", suspend_case, "Đã tạm đình chỉ giải quyết vụ việc.")


@login_required
@require_POST
def case_suspension_sent(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request, pk, "suspension_sent_form", record_suspension_sent, "Đã ghi ngày gửi quyết định tạm đình chỉ."
    )


@login_required
@require_POST
def case_resume(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "resumption_form", resume_case, "Đã tiếp tục giải quyết; đã tính lại hạn giải quyết.")


@login_required
@require_POST
def case_decide(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "decision_form", decide_case, "Đã ghi quyết định giải quyết, kết luận của vụ việc.")


def _enforce(*, case: Case, by: Staff, **done) -> Enforcement:
    enforcement = Enforcement.objects.filter(decision__case=case).select_related("decision__case").first()
    if enforcement is None:
        raise ValidationError({"on": "Vụ việc chưa có quyết định, kết luận cần thi hành."})
    return complete_enforcement(enforcement=enforcement, by=by, **done)


@login_required
@require_POST
def case_hotspot(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "hotspot_form", mark_hotspot, "Đã xác định vụ việc đông người, phức tạp, kéo dài.")


@login_required
@require_POST
def case_hotspot_done(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "hotspot_done_form", complete_hotspot_plan, "Đã ghi nhận hoàn thành phương án xử lý.")


@login_required
@require_POST
def case_enforce(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "enforcement_form", _enforce, "Đã ghi nhận việc thực hiện xong quyết định, kết luận.")


@login_required
@require_POST
def case_verify(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "verification_form", assign_verification, "Đã giao nhiệm vụ xác minh.")


@login_required
@require_POST
def case_verification_report(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "report_form", report_verification, "Đã ghi báo cáo kết quả xác minh.")


@login_required
@require_POST
def case_dialogue(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "dialogue_form", hold_dialogue, "Đã ghi cuộc đối thoại và biên bản.")


def _publish(*, case: Case, by: Staff, on, published_by: str) -> Decision:
    decision = Decision.objects.filter(case=case).first()
    if decision is None:
        raise ValidationError({"on": "Vụ việc chưa có quyết định, kết luận để công khai."})
    return publish_decision(decision=decision, by=by, on=on, published_by=published_by)


@login_required
@require_POST
def case_publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "publication_form", _publish, "Đã ghi việc công khai quyết định, kết luận.")
