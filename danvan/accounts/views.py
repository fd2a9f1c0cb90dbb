"""Pages of staff administration (a unit admin's, a superuser's): the staff of their area, a new account, one staff
member's details, roles, lock and password link, and the audit log of the area. Staff outside the area do not exist
for the admin (404); those inside it whom they may not change (``selectors.refusal``) are shown with the reason, and a
change posted anyway is refused (403) with it."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts import forms, selectors, services
from danvan.forms import applied
from danvan.models import AuditEntry, Staff
from danvan.pages import paginate
from danvan.permissions import MATRIX, Action, holds

HISTORY_ROWS = 20


def admin_only(view: Callable) -> Callable:
    """Logged in, and a unit admin or a superuser (403 otherwise)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not holds(request.user, Action.STAFF):
            raise PermissionDenied(MATRIX[Action.STAFF].refusal)
        return view(request, *args, **kwargs)

    return wrapped


@admin_only
def staff_list(request: HttpRequest) -> HttpResponse:
    agencies = selectors.administered_agencies(request.user)
    found = forms.StaffFilter(request.GET, queryset=selectors.staff_in_scope(request.user), agencies=agencies)
    return render(request, "accounts/staff_list.html", {"filter": found, "page": paginate(request, found.qs)})


@admin_only
def staff_new(request: HttpRequest) -> HttpResponse:
    form = forms.NewStaffForm(request.POST or None, admin=request.user)
    if request.method == "POST" and form.is_valid():
        staff = applied(form, services.create_staff, by=request.user, **form.cleaned_data)
        if staff is not None:
            sent = "" if form.cleaned_data["password"] else f" Đã gửi liên kết đặt mật khẩu đến {staff.email}."
            messages.success(request, f"Đã thêm cán bộ {staff.get_full_name()}.{sent}")
            return redirect("staff-detail", pk=staff.pk)
    status = 400 if form.is_bound else 200
    return render(request, "accounts/staff_new.html", {"form": form}, status=status)


def _page(request: HttpRequest, staff: Staff, status: int = 200, **posted) -> HttpResponse:
    """A staff member's page, with the form just posted (and its errors) in place of its blank one."""
    admin = request.user
    history = AuditEntry.objects.filter(
        subject_type=ContentType.objects.get_for_model(Staff), subject_id=staff.pk
    ).select_related("by")[:HISTORY_ROWS]
    roles_version = services.roles_version(staff)
    context = {
        "staff": staff,
        "refusal": selectors.refusal(admin, staff),
        "details": forms.StaffDetailsForm(
            initial={name: getattr(staff, name) for name in services.DETAIL_LABELS}
            | {"version": services.details_version(staff)}
        ),
        "add_roles": forms.RolesForm(agencies=selectors.offered_agencies(admin), initial={"version": roles_version}),
        "roles_version": roles_version,
        "roles": forms.Role.choices,
        "active_form": forms.ActiveForm(),
        "history": history,
        **posted,
    }
    return render(request, "accounts/staff_detail.html", context, status=status)


@admin_only
def staff_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, selectors.get_staff_for(request.user, pk))


def _changing(view: Callable) -> Callable:
    """A POST that changes a staff member of the admin's area: one outside it is 404, one they may not change 403
    with the reason on the page."""

    @admin_only
    @require_POST
    @wraps(view)
    def wrapped(request: HttpRequest, pk: int) -> HttpResponse:
        staff = selectors.get_staff_for(request.user, pk)
        reason = selectors.refusal(request.user, staff)
        if reason:
            messages.error(request, reason)
            return _page(request, staff, status=403)
        return view(request, staff)

    return wrapped


@_changing
def staff_details(request: HttpRequest, staff: Staff) -> HttpResponse:
    form = forms.StaffDetailsForm(request.POST)
    if form.is_valid():
        applied(form, services.change_details, by=request.user, staff=staff, **form.cleaned_data)
    if form.errors:
        return _page(request, staff, status=400, details=form)
    messages.success(request, "Đã lưu thông tin cán bộ.")
    return redirect("staff-detail", pk=staff.pk)


@_changing
def staff_roles(request: HttpRequest, staff: Staff) -> HttpResponse:
    form = forms.RolesForm(request.POST, agencies=selectors.administered_agencies(request.user))
    if form.is_valid():
        applied(form, services.set_roles, by=request.user, staff=staff, **form.cleaned_data)
    if not form.errors:
        messages.success(request, "Đã lưu vai trò của cán bộ.")
        return redirect("staff-detail", pk=staff.pk)
    return _page(request, staff, status=400, add_roles=form)


@_changing
def staff_active(request: HttpRequest, staff: Staff) -> HttpResponse:
    form = forms.ActiveForm(request.POST)
    active = request.POST.get("active") == "1"
    if not form.is_valid():
        return _page(request, staff, status=400, active_form=form)
    services.set_active(by=request.user, staff=staff, active=active, reason=form.cleaned_data["reason"])
    messages.success(
        request, "Đã mở khóa tài khoản." if active else "Đã khóa tài khoản: cán bộ không đăng nhập được nữa."
    )
    return redirect("staff-detail", pk=staff.pk)


@_changing
def staff_reset(request: HttpRequest, staff: Staff) -> HttpResponse:
    try:
        services.send_reset(by=request.user, staff=staff)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, f"Đã gửi liên kết đặt lại mật khẩu đến {staff.email}.")
    return redirect("staff-detail", pk=staff.pk)


@admin_only
def audit_log(request: HttpRequest) -> HttpResponse:
    entries = selectors.audit_log_for(request.user)
    found = forms.AuditFilter(request.GET, queryset=entries, staff=selectors.staff_in_scope(request.user))
    return render(request, "accounts/audit_log.html", {"filter": found, "page": paginate(request, found.qs)})
