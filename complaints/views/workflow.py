"""Assignment and approval: the panel on the petition and case pages, its steps, and each staff member's queue."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from complaints.forms import HandlingForm
from complaints.models import Petition, Proposal, ProposalStatus
from complaints.selectors import (
    accepted_cases_for,
    assignments_waiting_for,
    get_case_for,
    get_petition_for,
    late_clocks,
    petitions_for,
    proposals_waiting_for,
)
from complaints.services.workflow import (
    approve,
    assign,
    is_assignee_of,
    propose,
    record_fields,
    return_for_rework,
)
from complaints.workflow_forms import AssignForm, ProposalForm, ReviewForm
from danvan.models import Case, Staff
from danvan.pages import paginate
from danvan.permissions import can_approve
from reception.selectors import visits_for

# The queue shows one list at a time, chosen by this query parameter: the assignments, or (for leaders) the approvals.
QUEUE_PARAMETER = "muc"
APPROVALS = "duyet"


def _url(record: Petition | Case, suffix: str = "detail") -> str:
    prefix = "petition" if isinstance(record, Petition) else "case"
    return reverse(f"complaints:{prefix}-{suffix}", args=[record.pk])


def workflow_panel(staff: Staff, record: Petition | Case) -> dict:
    """The context of the assignment and approval panel of a record page, by the user's role on the record."""
    leads = can_approve(staff, record.agency)
    proposals = Proposal.objects.filter(**record_fields(record)).select_related("by", "reviewed_by")
    return {
        "workflow": {
            "assignments": record.assignments.select_related("agency", "handler", "by"),
            "proposals": [
                (proposal, ReviewForm(auto_id=f"id_review_{proposal.pk}_%s") if leads else None)
                for proposal in proposals
            ],
            "assign_form": AssignForm(record=record) if leads else None,
            "assign_url": _url(record, "assign"),
            # A petition's handling is proposed from its handling form.
            "propose_form": ProposalForm(record=record)
            if isinstance(record, Case) and is_assignee_of(staff, record)
            else None,
            "propose_url": _url(record, "propose"),
            "pending": ProposalStatus.PENDING,
        }
    }


def _apply(
    request: HttpRequest, back_to: Petition | Case, form: Form, service: Callable, done: str, **arguments
) -> HttpResponse:
    """Applies the service with the form's data and goes back to the record page, with its message or refusal."""
    try:
        if not form.is_valid():
            raise ValidationError(form.errors)
        service(by=request.user, **arguments, **form.cleaned_data)
        messages.success(request, done)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_url(back_to))


def _assign(request: HttpRequest, record: Petition | Case) -> HttpResponse:
    form = AssignForm(request.POST, record=record)
    return _apply(request, record, form, assign, "Đã giao xử lý.", record=record)


def _propose(request: HttpRequest, record: Petition | Case) -> HttpResponse:
    form = ProposalForm(request.POST, record=record)
    return _apply(request, record, form, propose, "Đã trình lãnh đạo duyệt.", record=record)


@login_required
@require_POST
def petition_assign(request: HttpRequest, pk: int) -> HttpResponse:
    return _assign(request, get_petition_for(request.user, pk))


@login_required
@require_POST
def case_assign(request: HttpRequest, pk: int) -> HttpResponse:
    return _assign(request, get_case_for(request.user, pk))


@login_required
@require_POST
def case_propose(request: HttpRequest, pk: int) -> HttpResponse:
    return _propose(request, get_case_for(request.user, pk))


@login_required
@require_POST
def proposal_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Approves the proposal, or (with ``quyet_dinh=tra-lai``) returns it for rework."""
    proposal = get_object_or_404(Proposal, pk=pk)
    # A proposal on a record outside the user's scope does not exist for them.
    if proposal.petition_id:
        proposal.petition = get_petition_for(request.user, proposal.petition_id)
    else:
        proposal.case = get_case_for(request.user, proposal.case_id)
    if request.POST.get("quyet_dinh") == "tra-lai":
        return _apply(
            request, proposal.record, ReviewForm(request.POST), return_for_rework, "Đã trả lại để làm lại.",
            proposal=proposal,
        )  # fmt: skip
    try:
        handling = _proposed_handling(request, proposal)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect(_url(proposal.record))
    done = "Đã duyệt và ghi kết quả xử lý đơn." if handling else "Đã duyệt."
    return _apply(request, proposal.record, ReviewForm(request.POST), approve, done, proposal=proposal, **handling)


def _proposed_handling(request: HttpRequest, proposal: Proposal) -> dict:
    """The handling a proposal carries, validated again as of today (the day of approval, its date), as ``approve``
    takes it; a refusal if it no longer holds."""
    if not proposal.handling:
        return {}
    today = timezone.localdate().strftime("%d/%m/%Y")
    form = HandlingForm({**proposal.handling, "on": today}, petition=proposal.petition, staff=request.user)
    if not form.is_valid():
        refusal = " ".join(message for messages_ in form.errors.values() for message in messages_)
        raise ValidationError(f"Kết quả xử lý đề xuất không còn phù hợp: {refusal} Hãy trả lại để làm lại.")
    return {"handling": {name: value for name, value in form.cleaned_data.items() if name != "on"}}


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    approvals = request.GET.get(QUEUE_PARAMETER) == APPROVALS
    assignments = assignments_waiting_for(request.user)
    proposals = proposals_waiting_for(request.user)
    page = paginate(request, proposals if approvals else assignments)
    context = {
        "page": page,
        "approvals": approvals,
        "assignment_count": assignments.count(),
        "proposal_count": proposals.count(),
        "parameter": QUEUE_PARAMETER,
        "approvals_value": APPROVALS,
        "late": late_clocks(
            petitions_for(request.user),
            visits_for(request.user),
            accepted_cases_for(request.user),
            today=timezone.localdate(),
        ),
    }
    return render(request, "complaints/queue.html", context)
