"""The follow-up of dialogues ("Theo dõi ý kiến, kết luận"): the opinions assigned to an agency and the host's
directives in the user's scope, the overdue first; and the pages where their result is recorded."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from danvan.forms import applied
from danvan.models import Agency, Staff
from danvan.pages import paginate
from danvan.permissions import can_record
from dialogues.filters import FollowUp
from dialogues.forms import CompleteDirectiveForm, ResolveOpinionForm
from dialogues.models import Dialogue, Directive, DirectiveStatus, Opinion, OpinionStatus
from dialogues.selectors import dialogues_for, directives_for, mark_who_may_act, opinions_for
from dialogues.services import complete_directive, resolve_opinion

# The directives' table pages on its own parameter, so that paging one table keeps the other where it is.
DIRECTIVE_PAGE = "trang_kl"


def _visible_dialogues(staff: Staff, *pages) -> set[int]:
    """Which of the dialogues behind these rows ``staff`` may open (an assignee outside it sees only its task)."""
    wanted = {row.dialogue_id for page in pages for row in page}
    return set(dialogues_for(staff).filter(pk__in=wanted).values_list("pk", flat=True))


@login_required
def follow_up(request: HttpRequest) -> HttpResponse:
    staff, today = request.user, timezone.localdate()
    state = FollowUp(request.GET)
    opinions = paginate(request, state.opinions(staff, today=today))
    directives = paginate(request, state.directives(staff, today=today), parameter=DIRECTIVE_PAGE)
    mark_who_may_act(staff, opinions=opinions, directives=directives)
    context = {
        "state": state,
        "opinions": opinions,
        "directives": directives,
        "visible": _visible_dialogues(staff, opinions, directives),
        "today": today,
    }
    return render(request, "dialogues/follow_up.html", context)


def _after(staff: Staff, dialogue: Dialogue) -> HttpResponse:
    """Back to the dialogue when the user sees it, else to the follow-up list."""
    if dialogues_for(staff).filter(pk=dialogue.pk).exists():
        return redirect(dialogue)
    return redirect("dialogues:follow-up")


def _step(
    request: HttpRequest,
    task: Opinion | Directive,
    *,
    given_to: Agency | None,
    form: Form,
    save,
    heading: str,
    done: str,
) -> HttpResponse:
    """The result of an opinion or a directive, recorded by staff acting for the dialogue's agency or for the agency
    the task was given to; else the page again with the refusal on the form."""
    if not can_record(request.user, task.dialogue.agency, given_to):
        raise PermissionDenied("Bạn không theo dõi việc này thay cho cơ quan được giao.")
    posted = request.method == "POST"
    if posted and form.is_valid() and applied(form, save, task, by=request.user, **form.cleaned_data):
        messages.success(request, done)
        return _after(request.user, task.dialogue)
    context = {
        "task": task,
        "form": form,
        "heading": heading,
        "visible": dialogues_for(request.user).filter(pk=task.dialogue_id).exists(),
    }
    return render(request, "dialogues/follow_up_step.html", context, status=400 if posted else 200)


@login_required
def opinion_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    opinion = get_object_or_404(opinions_for(request.user).select_related("dialogue__agency", "assignee"), pk=pk)
    if opinion.status != OpinionStatus.ASSIGNED and request.method != "POST":
        return _after(request.user, opinion.dialogue)
    form = ResolveOpinionForm(request.POST if request.method == "POST" else None)
    return _step(
        request, opinion, given_to=opinion.assignee, form=form, save=resolve_opinion,
        heading="Ghi kết quả giải quyết ý kiến", done="Đã ghi kết quả giải quyết ý kiến.",
    )  # fmt: skip


@login_required
def directive_complete(request: HttpRequest, pk: int) -> HttpResponse:
    directive = get_object_or_404(directives_for(request.user).select_related("dialogue__agency", "owner"), pk=pk)
    if directive.status != DirectiveStatus.OPEN and request.method != "POST":
        return _after(request.user, directive.dialogue)
    form = CompleteDirectiveForm(request.POST if request.method == "POST" else None)
    return _step(
        request, directive, given_to=directive.owner, form=form, save=complete_directive,
        heading="Ghi kết quả thực hiện kết luận, chỉ đạo", done="Đã ghi kết quả thực hiện kết luận, chỉ đạo.",
    )  # fmt: skip
