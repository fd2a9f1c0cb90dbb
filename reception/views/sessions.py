"""Pages of heads' reception sessions (kỳ tiếp) and their published schedules (lịch tiếp công dân)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.correction_pages import correction_page
from danvan.forms import applied
from danvan.models import Staff
from danvan.pages import paginate
from danvan.permissions import can_record
from danvan.selectors import timeline_of
from reception.corrections import SESSION
from reception.frequency import DELEGATION_BAR_SOURCE, DELEGATION_BARRED_FROM, counts_as_periodic
from reception.models import ReceptionSession
from reception.selectors import get_session_for, schedules_for, sessions_for, visits_for
from reception.services import conclude_session, publish_schedule, record_session
from reception.session_filters import SessionFilter
from reception.session_forms import ConclusionForm, ScheduleForm, SessionForm


def _posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


@login_required
def session_list(request: HttpRequest) -> HttpResponse:
    sessions = sessions_for(request.user).annotate(visit_count=Count("visits")).order_by("-date", "agency__name", "-pk")
    found = SessionFilter(request.GET, queryset=sessions, request=request)
    page = paginate(request, found.qs)
    return render(request, "reception/session_list.html", {"filter": found, "page": page})


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    form = SessionForm(_posted(request), staff=request.user)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        session = applied(form, record_session, by=request.user, on=fields.pop("date"), **fields)
        if session is not None:
            messages.success(request, "Đã ghi nhận kỳ tiếp.")
            return redirect(session)
    return render(request, "reception/session_form.html", {"form": form})


def _session_page(
    request: HttpRequest, session: ReceptionSession, conclusion_form: ConclusionForm, status: int = 200
) -> HttpResponse:
    records = _may_record_for(request.user, session)
    entering = conclusion_form.is_bound or not session.conclusion
    context = {
        "session": session,
        "visits": visits_for(request.user).filter(session=session).order_by("received_time", "pk"),
        "counts_as_periodic": counts_as_periodic(session),
        "delegation_barred_from": DELEGATION_BARRED_FROM,
        "delegation_bar_source": DELEGATION_BAR_SOURCE,
        "records": records,
        # A stored notice is corrected with a reason (the correction page); the form enters the first one.
        "conclusion_form": conclusion_form if records and entering else None,
        "timeline": timeline_of(session),
    }
    return render(request, "reception/session_detail.html", context, status=status)


def _may_record_for(staff: Staff, session: ReceptionSession) -> bool:
    return can_record(staff, session.agency)


@login_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk)
    return _session_page(request, session, ConclusionForm(instance=session))


@login_required
@require_POST
def session_conclude(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk)
    if not _may_record_for(request.user, session):
        raise PermissionDenied
    form = ConclusionForm(request.POST)
    if (
        form.is_valid()
        and applied(form, conclude_session, session=session, by=request.user, **form.cleaned_data) is not None
    ):
        messages.success(request, "Đã lưu thông báo kết luận.")
        return redirect(session)
    return _session_page(request, session, form, status=400)


@login_required
def session_correct(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk)
    heading = f"Sửa kỳ tiếp ngày {session.date:%d/%m/%Y}"
    return correction_page(request, SESSION, session, back=session.get_absolute_url(), heading=heading)


@login_required
def schedule_list(request: HttpRequest) -> HttpResponse:
    schedules = schedules_for(request.user).order_by("agency__name", "-valid_from", "-pk")
    page = paginate(request, schedules)
    return render(request, "reception/schedule_list.html", {"page": page})


@login_required
def schedule_create(request: HttpRequest) -> HttpResponse:
    form = ScheduleForm(_posted(request), staff=request.user)
    if (
        request.method == "POST"
        and form.is_valid()
        and applied(form, publish_schedule, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, "Đã lưu lịch tiếp công dân.")
        return redirect("reception:schedule-list")
    return render(request, "reception/schedule_form.html", {"form": form})
