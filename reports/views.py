"""Report pages, within the user's scope: the machine-readable figures of a unit and period; the report page with
every figure against the same period and the draft narrative, downloadable as .docx; the leader's dashboard."""

from datetime import date
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from danvan.audit import Export
from danvan.inputs import id_in
from danvan.models import AdminUnit, Agency
from danvan.pages import paginate, xlsx_download
from danvan.pickers import rendered
from danvan.scope import visible_agencies
from danvan.versions import FIELD as VERSION
from danvan.versions import version_of
from reports.checks import violations
from reports.dashboard import HEADLINES, report_year
from reports.dashboard import dashboard as dashboard_of
from reports.drafting import draft
from reports.drilldown import RATE_DENOMINATORS, drill, line
from reports.excel.tt06_2025 import QLKNTC
from reports.excel.workbook import filename as xlsx_filename
from reports.excel.workbook import statutory_workbook
from reports.figures import agencies_of, figures_of, openings_of, report_data
from reports.forms import ReportForm
from reports.forms_data import form_set, report_json
from reports.labels import LABELS, is_rate, number, sections
from reports.management_forms import report_parts
from reports.openings_selectors import keys_openings, report_openings
from reports.outline import as_text, page_rows
from reports.page_forms import REPORT_UNITS, NarrativeForm, ReportPageForm, default_choice, report_unit_label
from reports.periods import with_narrative
from reports.selectors import (
    agencies_in_scope,
    default_unit,
    saved_sections,
    sees_part_of,
    sends_reports,
    units_in_scope,
)
from reports.sending import due_soon, sending_due


def _picked(request: HttpRequest) -> tuple[ReportForm, QuerySet[Agency]]:
    """The unit and period of ``?unit=64&period=year&year=2024`` (or ``month=``, or ``period=custom&start=&end=`` as
    dd/mm/yyyy) and the agencies the user sees; a unit outside their scope does not exist for them."""
    form = ReportForm(request.GET)
    in_scope = visible_agencies(request.user)
    if form.is_valid() and not agencies_of(form.place).filter(pk__in=in_scope.values("pk")).exists():
        raise Http404("Đơn vị ngoài phạm vi của bạn.")
    return form, in_scope


@login_required
def figures_json(request: HttpRequest) -> JsonResponse:
    """The JSON of reports.md, counting only the agencies the user sees."""
    form, in_scope = _picked(request)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    data = report_json(form.place, form.window, agencies=in_scope)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@login_required
def forms_xlsx(request: HttpRequest) -> HttpResponse:
    """The statutory forms of the report as one workbook, counting only the agencies the user sees."""
    form, in_scope = _picked(request)
    if not form.is_valid():
        return HttpResponseBadRequest(" ".join(message for messages in form.errors.values() for message in messages))
    workbook = statutory_workbook(form.place, form.window, agencies=in_scope)
    export = Export(request.user, f"Biểu mẫu báo cáo {form.place.name}, {form.window.label}")
    return xlsx_download(workbook.save, xlsx_filename(form.place, form.window), export=export)


def _default_unit(request: HttpRequest, today: date) -> AdminUnit:
    """The unit ``request.user`` reports on first on ``today``; a user with no role anywhere has none (403)."""
    unit = default_unit(request.user, today=today)
    if unit is None:
        raise PermissionDenied("Tài khoản chưa được giao vai trò tại cơ quan nào.")
    return unit


def report_choice(request: HttpRequest, data, form_class: type[ReportPageForm] = ReportPageForm) -> ReportPageForm:
    """The report's choice among the units ``request.user`` may report on."""
    unit = _default_unit(request, timezone.localdate())
    return form_class(
        data or None,
        units=units_in_scope(request.user),
        initial=default_choice(unit, year=report_year(timezone.localdate())),
    )


@login_required
def report(request: HttpRequest) -> HttpResponse:
    """The report page: pick a unit in scope and a period; see every figure beside the same period a year earlier, and
    the draft narrative to edit and download."""
    form = report_choice(request, request.GET)
    if form.outside_scope():
        raise Http404("Đơn vị ngoài phạm vi của bạn.")
    return report_page(request, form)


def report_page(
    request: HttpRequest, form: ReportPageForm, *, typed: NarrativeForm | None = None, status: int = 200
) -> HttpResponse:
    """The report page of the choice in ``form``; ``typed``, a narrative posted and refused, in place of the saved one,
    with the version it was posted with (danvan.versions): nothing typed is lost."""
    context = {"form": form}
    if typed is not None or (form.is_bound and form.is_valid()):
        visible = visible_agencies(request.user)
        data = report_data(form.place, form.window, agencies=visible)
        figures, previous = data["figures"], data["previous"]
        forms = form_set(form.place, form.window, agencies=visible)
        query = form.query()
        in_scope = agencies_in_scope(request.user, form.place)
        management = forms.totals().get(QLKNTC.code)
        context |= {
            "forms": forms,
            "form_tables": [(table, _printed(table.columns())) for table in forms.tables],
            "violations": violations(forms),
            "unit_report_url": f"{reverse('reports:report')}?{urlencode(_without_unit(form.page_query()))}&unit=",
            "place": form.place,
            "window": form.window,
            "previous_window": form.window.previous(),
            "sections": sections(figures, previous),
            "due": sending_due(form.place, form.window),
            "choice": form.hidden_choice(),
            "partial": (partial := sees_part_of(request.user, form.place)),
            "may_send": not partial and sends_reports(request.user),
            "json_url": f"{reverse('reports:figures-json')}?{urlencode(query)}",
            "forms_url": f"{reverse('reports:forms-xlsx')}?{urlencode(query)}",
            "drill_url": f"{reverse('reports:drilldown')}?{urlencode(query)}&key=",
            "openings": report_openings(in_scope, form.window),
            "keys_openings": keys_openings(request.user),
            "management": report_parts(dict(enumerate(management, start=1))) if management else None,
            "management_keyed": any(management or ()),
            "management_url": f"{reverse('reports:management')}?{urlencode(form.page_query())}",
        }
        context |= _narrative(form, data, visible, forms.totals(), typed)
    return render(request, "reports/report.html", context, status=status)


def _printed(columns: list) -> list[tuple]:
    """A form's columns with their values as printed: 1.234; 12,5; "—" for a column the agency fills in."""
    return [(column, "—" if value is None else number(value)) for column, value in columns]


def _without_unit(query: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in query.items() if name != "unit"}


def _narrative(
    form: ReportPageForm, data: dict, agencies: QuerySet[Agency], totals: dict, typed: NarrativeForm | None
) -> dict:
    """The narrative's part of the report page: none for a period of forms only; else the whole draft, the outline
    (the figure paragraphs under TT 06/2025, the written sections as saved, or as ``typed``) and before TT 06/2025 the
    summary figures' draft to edit; the version of the saved sections, which saving them checks."""
    if not with_narrative(form.window.kind):
        return {"narrative": None}
    saved = saved_sections(form.place, form.window)
    written = draft(form.place, form.window, sections=saved, agencies=agencies, data=data, totals=totals)
    summary = None if written.whole else (typed and typed.cleaned_data["text"]) or "\n\n".join(written.summary)
    return {
        "narrative": as_text(written.parts()),
        "summary": summary,
        "outline": page_rows(written.blocks, saved | (typed.section_texts() if typed else {}), whole=written.whole),
        "sections_version": typed.cleaned_data[VERSION] if typed else version_of(saved),
    }


@login_required
def dashboard(request: HttpRequest, *, today: date | None = None) -> HttpResponse:
    """The leader's dashboard of a unit in scope (``?unit=``, the user's first by default) on ``today`` (the local date
    unless a URL pattern fixes it)."""
    picked = request.GET.get("unit", "")
    today = today or timezone.localdate()
    # The dashboard is about today: the units of today's structure (their area holds the earlier era's records).
    unit = _default_unit(request, today)
    if picked:
        if id_in(picked) is None:
            raise Http404("Đơn vị ngoài phạm vi của bạn.")
        unit = get_object_or_404(units_in_scope(request.user), pk=id_in(picked))
    board = dashboard_of(request.user, unit, today=today)
    span = {"unit": unit.code, "period": "custom", "start": f"{board.span.start:%d/%m/%Y}", "end": f"{today:%d/%m/%Y}"}
    drill_url = f"{reverse('reports:drilldown')}?{urlencode(span)}&key="
    # A tile of one figure opens its records; a tile adding up several does not.
    links = [f"{drill_url}{keys[0]}" if len(keys) == 1 else "" for _, keys in HEADLINES]
    context = {
        "board": board,
        "tiles": list(zip(board.headlines, links, strict=True)),
        "partial": sees_part_of(request.user, unit),
        "today": today,
        "due_soon": due_soon(unit, today=today),
        "unit_picker": rendered(
            REPORT_UNITS.name,
            name="unit",
            field_id="id_unit",
            value=unit.pk,
            label=report_unit_label(unit),
            placeholder="Gõ tên hoặc mã đơn vị",
        ),
    }
    return render(request, "reports/dashboard.html", context)


DRILL_PAGE = 50


@login_required
def drilldown(request: HttpRequest) -> HttpResponse:
    """The records behind one figure (``?key=reception.visits`` and the report's unit and period), counting only the
    agencies the user sees, 50 a page, each linking to its own page."""
    form, _ = _picked(request)
    if not form.is_valid():
        return HttpResponseBadRequest(" ".join(message for messages in form.errors.values() for message in messages))
    key = request.GET.get("key", "")
    if key not in LABELS:
        raise Http404("Không có chỉ tiêu này.")
    agencies = agencies_in_scope(request.user, form.place)
    records = drill(key, agencies, form.window)
    opening = openings_of(agencies, form.window).get(key)
    page = paginate(request, records.records, size=DRILL_PAGE)
    context = {
        "drill": records,
        "label": LABELS[key],
        "figure": number(figures_of(agencies, form.window)[key]) + ("%" if is_rate(key) else ""),
        "opening": number(opening) if opening else "",
        "denominator": [LABELS[part] for part in RATE_DENOMINATORS.get(key, ())],
        "place": form.place,
        "window": form.window,
        "partial": sees_part_of(request.user, form.place),
        "page": page,
        "lines": [line(records.kind, record) for record in page],
        "report_url": f"{reverse('reports:report')}?{urlencode(form.page_query())}",
    }
    return render(request, "reports/drilldown.html", context)
