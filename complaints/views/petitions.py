"""Petition pages: the filtered list, intake, the petition with its clock and timeline, and its handling steps."""

from collections.abc import Callable
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from complaints.attachments import attachments_for
from complaints.checks import intake_warnings
from complaints.deadlines import handling_rule
from complaints.documents import PETITION_DOCUMENTS
from complaints.documents.versions import offered
from complaints.filters import PetitionFilter
from complaints.forms import AcceptanceForm, DuplicateForm, HandlingForm, IntakeForm, NotifyForwarderForm, ReplyForm
from complaints.lookup import can_be_looked_up
from complaints.models import Attachment, Handling, IdentityDocument, Petition, ProposalKind
from complaints.selectors import (
    due_soon_until,
    duplicate_candidates,
    forward_clock,
    get_petition_for,
    handling_clock,
    notify_clock,
    notify_due_on,
    petitions_for,
    reply_clock,
)
from complaints.services.handling import (
    confirm_duplicate,
    decide_acceptance,
    handle_petition,
    notify_forwarder,
    record_reply,
)
from complaints.services.intake import receive_petition
from complaints.services.workflow import is_assignee_of, propose
from complaints.views.workflow import workflow_panel
from danvan.audit import Export
from danvan.citizens import typed_notices
from danvan.forms import applied, described, typed
from danvan.inputs import id_in
from danvan.live_checks import warnings_page
from danvan.models import Staff
from danvan.pages import paginate, stored_download
from danvan.permissions import can_handle, can_record, can_reveal
from danvan.scope import visible_agencies
from danvan.selectors import timeline_of
from danvan.sessions import passive

# The petition page serves one of its attachments when asked for it by this query parameter.
ATTACHMENT_PARAMETER = "tep"


@login_required
def petition_list(request: HttpRequest) -> HttpResponse:
    found = PetitionFilter(request.GET, queryset=petitions_for(request.user), request=request)
    page = paginate(request, found.qs)
    today = timezone.localdate()
    context = {"filter": found, "page": page, "today": today, "due_soon_until": due_soon_until(today)}
    return render(request, "complaints/petition_list.html", context)


# The public lookup checks the last 4 digits of the petitioner's phone or CCCD: without either, it never finds the
# petition. The petition is received all the same.
NO_LOOKUP_DIGITS = (
    "Đơn không có số điện thoại và số CCCD của người đứng đơn: công dân sẽ không tra cứu được đơn bằng mã tra cứu."
)


@transaction.atomic
def _receive(*, intake: IntakeForm, staff: Staff) -> Petition:
    """The petition and its files, or nothing."""
    petition = receive_petition(by=staff, details=intake.details(), **intake.petition_fields())
    _store(petition, intake.cleaned_data["attachments"], confidential=intake.cleaned_data["confidential"], by=staff)
    return petition


def _store(petition: Petition, files: list[UploadedFile], *, confidential: bool, by: Staff) -> None:
    """Files of a denunciation reveal its denouncer (the signed letter, the handwriting): they go to the vault."""
    if petition.is_denunciation and not petition.anonymous:
        for file in files:
            IdentityDocument.objects.create(identity=petition.denouncer, file=file)
        return
    for file in files:
        Attachment.objects.create(
            petition=petition, file=file, name=PurePath(file.name).name[:200], confidential=confidential, uploaded_by=by
        )


@login_required
def petition_create(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = IntakeForm(request.POST if posted else None, request.FILES if posted else None, staff=request.user)
    if posted and form.is_valid() and (petition := applied(form, _receive, intake=form, staff=request.user)):
        messages.success(request, f"Đã tiếp nhận đơn, mã tra cứu {petition.receipt_code}.")
        if not petition.anonymous and not can_be_looked_up(petition):
            messages.warning(request, NO_LOOKUP_DIGITS)
        for notice in typed_notices(form.details(), petition):
            messages.warning(request, notice)
        return redirect(petition)
    return render(request, "complaints/petition_form.html", {"form": form}, status=400 if posted else 200)


@login_required
@require_POST
@passive
def petition_warnings(request: HttpRequest) -> HttpResponse:
    """What the intake form warns of for the petition as typed so far, before it is saved (htmx, while typing)."""
    return warnings_page(request, IntakeForm(request.POST, staff=request.user), intake_warnings)


def _petition_page(request: HttpRequest, petition: Petition, status: int = 200, **posted: Form) -> HttpResponse:
    """The petition page; a form that was posted and refused is shown again, with its messages."""
    staff = request.user
    received_here = visible_agencies(staff).filter(pk=petition.agency_id).exists()
    handles = can_handle(staff, petition.agency)
    # A petition accepted as a case of its own is no longer marked a duplicate (the service refuses it).
    markable = handles and not petition.duplicate_of_id and not (petition.case and petition.case.accepted_on)
    replies = petition.handling == Handling.FORWARD and not petition.replied_on
    replies = replies and can_handle(staff, petition.agency, petition.forwarded_to)
    considered = handles and petition.handling == Handling.CONSIDER
    # An assignee proposes the handling to the leader; who may handle the petition may also record it directly.
    proposes = not petition.handling and is_assignee_of(staff, petition)
    notify_due = notify_due_on(petition)

    def form(name: str, shown: bool, make: Callable[[], Form]) -> Form | None:
        return posted.get(name) or (make() if shown else None)

    context = {
        "petition": petition,
        "clock": handling_clock(petition),
        "handling_citation": handling_rule(kind=petition.kind, received_on=petition.received_on).citation,
        "reply_clock": reply_clock(petition),
        "forward_clock": forward_clock(petition),
        "notify_clock": notify_clock(petition),
        "notify_due": notify_due,
        "attachments": (attachments := list(attachments_for(staff, petition))),
        "withheld": petition.attachments.count() - len(attachments),
        "attachment_parameter": ATTACHMENT_PARAMETER,
        "documents": offered(PETITION_DOCUMENTS, petition) if received_here else [],
        "reveal": petition.is_denunciation and not petition.anonymous and can_reveal(staff, petition.agency),
        "case_visible": bool(petition.case and petition.case.accepted_on and received_here),
        "duplicates": petitions_for(staff).filter(duplicate_of=petition),
        "timeline": timeline_of(petition),
        "corrects": can_record(staff, petition.agency),
        "candidates": duplicate_candidates(petition, staff) if markable else [],
        "handling_form": form(
            "handling_form",
            (handles and not petition.handling) or proposes,
            lambda: HandlingForm(petition=petition, staff=staff),
        ),
        "records_handling": handles,
        "proposes_handling": proposes,
        "acceptance_form": form("acceptance_form", considered, lambda: AcceptanceForm(petition=petition)),
        "reply_form": form("reply_form", replies, ReplyForm),
        "notify_form": form(
            "notify_form", handles and bool(notify_due) and not petition.forwarder_notified_on, NotifyForwarderForm
        ),
        "duplicate_form": form("duplicate_form", markable, lambda: DuplicateForm(petition=petition, staff=staff)),
        **workflow_panel(staff, petition),
    }
    return render(request, "complaints/petition_detail.html", context, status=status)


@login_required
def petition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    petition = get_petition_for(request.user, pk)
    if ATTACHMENT_PARAMETER in request.GET:
        wanted = request.GET[ATTACHMENT_PARAMETER]
        attachment = get_object_or_404(attachments_for(request.user, petition), pk=id_in(wanted))
        what = "Tài liệu mật" if attachment.confidential else "Tài liệu"
        export = Export(request.user, f"{what} kèm theo đơn {petition.receipt_code}", subject=petition)
        return stored_download(attachment.file, attachment.name, export=export)
    return _petition_page(request, petition)


def _step(
    request: HttpRequest,
    pk: int,
    *,
    form_name: str,
    make_form: Callable[[Petition], Form],
    apply: Callable[..., Petition],
    done: Callable[[Petition], str],
    receiving_too: bool = False,
) -> HttpResponse:
    """A step on a petition by staff acting for its agency (or, with ``receiving_too``, for the agency it was
    forwarded to): applied by its service, or the page again with the refusal on the form."""
    petition = get_petition_for(request.user, pk)
    receiving = petition.forwarded_to if receiving_too else None
    if not can_handle(request.user, petition.agency, receiving):
        raise PermissionDenied("Bạn không xử lý đơn thay cho cơ quan này.")
    form = make_form(petition)
    if form.is_valid() and applied(form, apply, petition=petition, by=request.user, **form.cleaned_data):
        messages.success(request, done(petition))
        return redirect(petition)
    # A refused service may have changed the petition in memory before it refused: show it as stored.
    return _petition_page(request, get_petition_for(request.user, pk), status=400, **{form_name: form})


@login_required
@require_POST
def petition_handle(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request, pk, form_name="handling_form",
        make_form=lambda petition: HandlingForm(request.POST, petition=petition, staff=request.user),
        apply=handle_petition,
        done=lambda petition: f"Đã ghi kết quả xử lý đơn: {petition.get_handling_display().lower()}.",
    )  # fmt: skip


@login_required
@require_POST
def petition_propose(request: HttpRequest, pk: int) -> HttpResponse:
    """The assignee sends the handling form, filled in, to the leader for approval instead of recording it: approving
    it records it. Its date is the day of approval."""
    petition = get_petition_for(request.user, pk)
    form = HandlingForm(request.POST, petition=petition, staff=request.user)
    if form.is_valid() and applied(
        form, propose, record=petition, by=request.user, kind=ProposalKind.HANDLING,
        text=described(form, leaving=("on",)), handling=typed(form, leaving=("on",)),
    ):  # fmt: skip
        messages.success(request, "Đã trình lãnh đạo duyệt kết quả xử lý đơn.")
        return redirect(petition)
    return _petition_page(request, get_petition_for(request.user, pk), status=400, handling_form=form)


@login_required
@require_POST
def petition_decide(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request, pk, form_name="acceptance_form",
        make_form=lambda petition: AcceptanceForm(request.POST, petition=petition), apply=decide_acceptance,
        done=lambda petition: f"Đã ghi quyết định {petition.get_handling_display().lower()} đơn.",
    )  # fmt: skip


@login_required
@require_POST
def petition_reply(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request, pk, form_name="reply_form", make_form=lambda petition: ReplyForm(request.POST), apply=record_reply,
        done=lambda petition: f"Đã ghi nhận văn bản phúc đáp số {petition.reply_number}.", receiving_too=True,
    )  # fmt: skip


@login_required
@require_POST
def petition_notify(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request, pk, form_name="notify_form", make_form=lambda petition: NotifyForwarderForm(request.POST),
        apply=notify_forwarder,
        done=lambda petition: f"Đã ghi nhận thông báo kết quả số {petition.forwarder_notice_number}.",
    )  # fmt: skip


def _confirm(*, petition: Petition, by: Staff, duplicate_of: Petition) -> Petition:
    return confirm_duplicate(petition=petition, of=duplicate_of, by=by)


@login_required
@require_POST
def petition_duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request, pk, form_name="duplicate_form",
        make_form=lambda petition: DuplicateForm(request.POST, petition=petition, staff=request.user), apply=_confirm,
        done=_duplicate_confirmed,
    )  # fmt: skip


def _duplicate_confirmed(petition: Petition) -> str:
    joined = f" Đơn được gắn vào vụ việc VV{petition.case_id} của đơn đó." if petition.case_id else ""
    return f"Đã xác định đơn trùng với đơn {petition.duplicate_of.receipt_code}.{joined}"
