"""Dialogue pages: the filtered list with its totals by level, recording and editing a dialogue or voter meeting, and
its page with the minutes, the opinions raised there, the host's directives and the timeline."""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from danvan.audit import Export
from danvan.forms import applied
from danvan.pages import paginate, stored_download
from danvan.permissions import can_record
from danvan.selectors import timeline_of
from dialogues.filters import DialogueFilter
from dialogues.forms import DialogueForm, DirectiveForm, OpinionForm
from dialogues.models import Dialogue
from dialogues.selectors import dialogues_for, get_dialogue_for, mark_who_may_act, totals_of
from dialogues.services import add_directive, add_opinion, record_dialogue, update_dialogue

# The dialogue page serves its minutes file when asked for it by this query parameter.
MINUTES_PARAMETER = "bien-ban"
# Where the page opens after an opinion or a directive is added: at its table, the form for the next one below it.
SECTIONS = {"opinion_form": "y-kien", "directive_form": "ket-luan"}


@login_required
def dialogue_list(request: HttpRequest) -> HttpResponse:
    dialogues = dialogues_for(request.user).order_by("-date", "-pk")
    found = DialogueFilter(request.GET, queryset=dialogues, request=request)
    page = paginate(request, found.qs)
    context = {"filter": found, "page": page, "totals": totals_of(found.qs)}
    return render(request, "dialogues/dialogue_list.html", context)


@login_required
def dialogue_create(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = DialogueForm(request.POST if posted else None, request.FILES if posted else None, staff=request.user)
    if posted and form.is_valid():
        dialogue = applied(form, record_dialogue, by=request.user, **form.dialogue_fields())
        if dialogue is not None:
            messages.success(request, f"Đã ghi nhận {dialogue.get_kind_display().lower()}.")
            return redirect(dialogue)
    return render(request, "dialogues/dialogue_form.html", {"form": form}, status=400 if posted else 200)


@login_required
def dialogue_update(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = get_dialogue_for(request.user, pk)
    if not can_record(request.user, dialogue.agency):
        raise PermissionDenied("Bạn không ghi nhận đối thoại thay cho cơ quan này.")
    posted = request.method == "POST"
    form = DialogueForm(
        request.POST if posted else None, request.FILES if posted else None, instance=dialogue, staff=request.user
    )
    if posted and form.is_valid():
        fields = form.dialogue_fields()
        if applied(form, update_dialogue, dialogue=dialogue, by=request.user, **fields) is not None:
            messages.success(request, "Đã lưu thông tin hội nghị.")
            return redirect(dialogue)
    context = {"form": form, "dialogue": get_dialogue_for(request.user, pk)}
    return render(request, "dialogues/dialogue_form.html", context, status=400 if posted else 200)


def _dialogue_page(request: HttpRequest, dialogue: Dialogue, status: int = 200, **posted: Form) -> HttpResponse:
    """The dialogue page; a form that was posted and refused is shown again, with its messages."""
    staff = request.user
    records = can_record(staff, dialogue.agency)
    opinions = list(dialogue.opinion_records.select_related("assignee").order_by("pk"))
    directives = list(dialogue.directives.select_related("owner").order_by("pk"))
    mark_who_may_act(staff, opinions=opinions, directives=directives)
    context = {
        "dialogue": dialogue,
        "records": records,
        "opinions": opinions,
        "directives": directives,
        "timeline": timeline_of(dialogue),
        "today": timezone.localdate(),
        "minutes_parameter": MINUTES_PARAMETER,
        "minutes_name": PurePath(dialogue.minutes_file.name).name if dialogue.minutes_file else "",
        "opinion_form": posted.get("opinion_form") or (OpinionForm(staff=staff) if records else None),
        "directive_form": posted.get("directive_form") or (DirectiveForm(staff=staff) if records else None),
    }
    return render(request, "dialogues/dialogue_detail.html", context, status=status)


@login_required
def dialogue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = get_dialogue_for(request.user, pk)
    if MINUTES_PARAMETER in request.GET:
        if not dialogue.minutes_file:
            raise Http404("Hội nghị chưa có tệp biên bản.")
        export = Export(request.user, f"Biên bản hội nghị {dialogue.code}", subject=dialogue)
        return stored_download(dialogue.minutes_file, PurePath(dialogue.minutes_file.name).name, export=export)
    return _dialogue_page(request, dialogue)


def _add(request: HttpRequest, pk: int, form_name: str, form: Form, service, done: str) -> HttpResponse:
    """An opinion or directive added by staff recording for the dialogue's agency: saved by its service, or the page
    again with the refusal on the form."""
    dialogue = get_dialogue_for(request.user, pk)
    if not can_record(request.user, dialogue.agency):
        raise PermissionDenied("Bạn không ghi nhận đối thoại thay cho cơ quan này.")
    if form.is_valid() and applied(form, service, dialogue=dialogue, by=request.user, **form.cleaned_data):
        messages.success(request, done)
        return redirect(f"{dialogue.get_absolute_url()}#{SECTIONS[form_name]}")
    # The refused form is low on a long page: the browser scrolls to the field to correct.
    wrong = next((name for name in form.errors if name in form.fields), next(iter(form.fields)))
    form.fields[wrong].widget.attrs["autofocus"] = True
    return _dialogue_page(request, dialogue, status=400, **{form_name: form})


@login_required
@require_POST
def opinion_add(request: HttpRequest, pk: int) -> HttpResponse:
    form = OpinionForm(request.POST, staff=request.user)
    return _add(request, pk, "opinion_form", form, add_opinion, "Đã ghi ý kiến, kiến nghị.")


@login_required
@require_POST
def directive_add(request: HttpRequest, pk: int) -> HttpResponse:
    form = DirectiveForm(request.POST, staff=request.user)
    return _add(request, pk, "directive_form", form, add_directive, "Đã ghi kết luận, chỉ đạo.")
