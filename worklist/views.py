"""The personal queue ("Việc của tôi"), its saved filters, the notifications and the e-mail choice."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from danvan.inputs import id_in
from danvan.pickers import AGENCIES
from worklist.forms import EmailChoiceForm, QueueFilterForm, SaveFilterForm
from worklist.models import Digest, ReminderChoice, SavedFilter
from worklist.selectors import PAGE_SIZE, queue_for
from worklist.services import choose_email, mark_read, save_filter

# Past this page the queue has nothing to show (no queue is 500,000 items long): no larger offset is asked.
LAST_PAGE = 10_000


def _page_number(request: HttpRequest) -> int:
    return min(max(id_in(request.GET.get("trang")) or 1, 1), LAST_PAGE)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET or None, agencies=AGENCIES.choices(request.user))
    number = _page_number(request)
    found = queue_for(request.user, filters=form.filters(), today=timezone.localdate(), page=number)
    query = request.GET.copy()
    query.pop("trang", None)
    choice = ReminderChoice.objects.filter(staff=request.user).first()
    context = {
        "form": form,
        "queue": found,
        "number": number,
        "has_next": number * PAGE_SIZE < found.total,
        "query": query.urlencode(),
        "saved": request.user.saved_filters.all(),
        "save_form": SaveFilterForm(initial={"query": query.urlencode()}),
        "email_form": EmailChoiceForm(initial={"email": choice is None or choice.email}),
    }
    return render(request, "worklist/mine.html", context)


@login_required
@require_POST
def filter_save(request: HttpRequest) -> HttpResponse:
    form = SaveFilterForm(request.POST)
    if form.is_valid():
        save_filter(staff=request.user, name=form.cleaned_data["name"], query=form.cleaned_data["query"])
        messages.success(request, "Đã lưu bộ lọc.")
    else:
        messages.error(request, "Hãy đặt tên cho bộ lọc.")
    return redirect("worklist:mine")


@login_required
@require_POST
def filter_delete(request: HttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(SavedFilter, staff=request.user, pk=pk).delete()
    messages.success(request, "Đã xóa bộ lọc.")
    return redirect("worklist:mine")


@login_required
@require_POST
def email_choice(request: HttpRequest) -> HttpResponse:
    form = EmailChoiceForm(request.POST)
    form.is_valid()
    choose_email(staff=request.user, email=form.cleaned_data.get("email", False))
    messages.success(request, "Đã lưu lựa chọn nhận thư nhắc việc. Thông báo trong hệ thống vẫn được giữ.")
    return redirect("worklist:mine")


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    """The digests of the last days, the unread ones marked; opening the list reads them."""
    digests = list(Digest.objects.filter(staff=request.user)[:30])
    mark_read(staff=request.user)
    return render(request, "worklist/notifications.html", {"digests": digests})
