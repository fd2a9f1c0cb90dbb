"""The narrative's actions on the report page: saving its written sections, and downloading the whole narrative as a
.docx to finish and sign."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from danvan.audit import Export
from danvan.forms import applied
from danvan.pages import DOCX, download
from danvan.scope import visible_agencies
from danvan.versions import FIELD as VERSION
from reports.docx import filename, narrative_docx
from reports.drafting import draft
from reports.page_forms import NarrativeForm
from reports.periods import with_narrative
from reports.selectors import saved_sections
from reports.services import FORMS_ONLY_REFUSAL, save_sections
from reports.views import report_choice, report_page


def _posted(request: HttpRequest) -> NarrativeForm | HttpResponse:
    """The page's narrative form as posted, or the page again (400) when its choice does not make a report; a unit
    outside the user's scope, or a period of forms only, has no narrative (404)."""
    form = report_choice(request, request.POST, NarrativeForm)
    if form.outside_scope():
        raise Http404("Đơn vị ngoài phạm vi của bạn.")
    if not form.is_valid():
        return refused(request, form)
    if not with_narrative(form.window.kind):
        raise Http404(FORMS_ONLY_REFUSAL)
    return form


def refused(request: HttpRequest, form: NarrativeForm) -> HttpResponse:
    """The page again (400) with what was wrong: the choice's errors beside it, a text's above it (too long)."""
    for name in form.text_fields_with_errors():
        for message in form.errors.pop(name):
            form.add_error(None, f"{form.fields[name].label}: {message}")
    return render(request, "reports/report.html", {"form": form}, status=400)


@login_required
@require_POST
def narrative_download(request: HttpRequest) -> HttpResponse:
    """The whole narrative as on the page — the summary figures' draft as edited, the written sections as typed (those
    not posted as saved) — as a .docx to finish and sign."""
    form = _posted(request)
    if isinstance(form, HttpResponse):
        return form
    sections = saved_sections(form.place, form.window) | form.section_texts()
    written = draft(
        form.place,
        form.window,
        sections=sections,
        edited=form.cleaned_data["text"],
        agencies=visible_agencies(request.user),
    )
    return download(
        narrative_docx(form.place, form.window, written.parts()),
        filename(form.place, form.window),
        DOCX,
        export=Export(request.user, f"Báo cáo {form.place.name}, {form.window.label} (văn bản)"),
    )


@login_required
@require_POST
def sections_save(request: HttpRequest) -> HttpResponse:
    """Saves the written sections of the narrative on the page with the report, then shows the page again."""
    form = _posted(request)
    if isinstance(form, HttpResponse):
        return form
    texts, version = form.section_texts(), form.cleaned_data[VERSION]
    saved = applied(
        form, save_sections, unit=form.place, window=form.window, texts=texts, by=request.user, version=version
    )
    if saved is None:  # the page again, the refusal above it, the texts as typed
        return report_page(request, form, typed=form, status=400)
    messages.success(request, "Đã lưu nội dung báo cáo.")
    return redirect(f"{reverse('reports:report')}?{urlencode(form.page_query())}")
