"""Sent reports: marking a report as sent freezes it; its page shows it as sent and what the records say differently
today, so that a later edit never silently changes what a higher committee received."""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from danvan.audit import Export
from danvan.forms import applied
from danvan.pages import XLSX, download, paginate
from danvan.versions import FIELD as VERSION
from reports.labels import LABELS
from reports.models import SentReport
from reports.narrative_views import refused
from reports.outline import HEADINGS
from reports.page_forms import NarrativeForm
from reports.selectors import sees_part_of, sends_reports, sent_reports_for
from reports.services import mark_sent
from reports.snapshots import cell_changes_since, changes_since
from reports.views import report_choice, report_page


@login_required
@require_POST
def report_mark_sent(request: HttpRequest) -> HttpResponse:
    """Freezes the report on the page, with the narrative as edited and its written sections saved, as sent. Only a
    leader or reporter who sees the whole unit may do it: a report of part of a unit is not the unit's report."""
    form = report_choice(request, request.POST, NarrativeForm)
    if form.outside_scope():
        raise Http404("Đơn vị ngoài phạm vi của bạn.")
    if not sends_reports(request.user) or (form.is_valid() and sees_part_of(request.user, form.place)):
        raise PermissionDenied(
            "Chỉ lãnh đạo, cán bộ tổng hợp thấy toàn bộ số liệu của đơn vị mới đánh dấu gửi báo cáo."
        )
    if not form.is_valid():
        return refused(request, form)
    sent = applied(
        form,
        mark_sent,
        unit=form.place,
        window=form.window,
        by=request.user,
        narrative=form.cleaned_data["text"],
        sections=form.section_texts(),
        version=form.cleaned_data[VERSION],
    )
    if sent is None:  # the page again, the refusal above it, the texts as typed
        return report_page(request, form, typed=form, status=400)
    messages.success(request, f"Đã lưu báo cáo {form.window.label.lower()} của {form.place.name} như đã gửi.")
    return redirect("reports:sent-detail", pk=sent.pk)


def _sent_in_scope(request: HttpRequest):
    return sent_reports_for(request.user).select_related("unit", "sent_by")


@login_required
def sent_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, _sent_in_scope(request))
    return render(request, "reports/sent_list.html", {"page": page})


@login_required
def sent_detail(request: HttpRequest, pk: int) -> HttpResponse:
    sent = get_object_or_404(_sent_in_scope(request), pk=pk)
    if "bieu-mau" in request.GET:
        if not sent.workbook:
            raise Http404("Báo cáo không có biểu mẫu.")
        return _download(request, sent)
    changes = [(LABELS[change.key], change) for change in changes_since(sent)]
    figures = [(LABELS[key], value, sent.previous.get(key)) for key, value in sent.figures.items()]
    written = [(HEADINGS[number].label, text) for number, text in sent.sections.items() if number in HEADINGS]
    context = {
        "sent": sent,
        "changes": changes,
        "cell_changes": cell_changes_since(sent),
        "corrections": sent.corrections.select_related("by").order_by("at", "pk"),
        "figures": figures,
        "written": written,
    }
    return render(request, "reports/sent_detail.html", context)


def _download(request: HttpRequest, sent: SentReport) -> FileResponse:
    export = Export(request.user, f"Biểu mẫu báo cáo đã gửi {sent}", subject=sent)
    return download(sent.workbook.open("rb"), PurePath(sent.workbook.name).name, XLSX, export=export)
