"""Writes of staff accounts: a unit admin adds the staff of the agencies of their area, sets their roles there,
disables and re-enables them and sends them a link to set a new password; a staff member changes or resets their
own password. Never beyond the admin's area; every change goes to the audit log.

A reset sends the e-mailed link rather than setting a temporary password: the admin never knows nor passes on a
password (by phone, on paper), the link works once and expires, and the account's old password works until the link
is used (an account in doubt is disabled instead)."""

from collections.abc import Iterable

from axes.utils import reset as reset_lockout
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from danvan.accounts.mail import send_password_link
from danvan.accounts.selectors import refusal
from danvan.audit import audit
from danvan.models import Agency, AuditEntry, Membership, Role, Staff
from danvan.permissions import Action, ensure
from danvan.services import lock, refusing_conflicts
from danvan.versions import ensure_current, stored_version, version_of

Audited = AuditEntry.Action
ROLES_LABEL = "Vai trò"
DETAIL_LABELS = {"full_name": "Họ và tên", "title": "Chức vụ", "email": "E-mail"}


def ensure_can_change(by: Staff, staff: Staff) -> None:
    """Refuses (``PermissionDenied``) unless ``by`` may change ``staff``'s account (``selectors.refusal``)."""
    reason = refusal(by, staff)
    if reason:
        raise PermissionDenied(reason)


def roles_text(staff: Staff) -> str:
    """``staff``'s roles as the log records them: "Lãnh đạo — Ủy ban nhân dân xã Ia Grai; …"."""
    memberships = staff.memberships.select_related("agency").order_by("agency__name", "role")
    return "; ".join(f"{membership.get_role_display()} — {membership.agency.name}" for membership in memberships)


def _label(staff: Staff) -> str:
    return f"{staff.get_full_name()} ({staff.username})"


@refusing_conflicts
@transaction.atomic
def create_staff(
    *,
    by: Staff,
    username: str,
    full_name: str,
    title: str,
    email: str,
    password: str,
    agency: Agency,
    roles: Iterable[Role],
) -> Staff:
    """Adds an account with ``roles`` in ``agency``: with ``password``, or without one and a link to set it sent to
    ``email``."""
    ensure(by, Action.STAFF, agency)
    if Staff.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"Tên đăng nhập “{username}” đã có người dùng; hãy chọn tên khác."})
    if not password and not email:
        raise ValidationError("Hãy nhập mật khẩu ban đầu, hoặc e-mail để gửi liên kết đặt mật khẩu.")
    staff = Staff(username=username, full_name=full_name, title=title, email=email)
    if password:
        validate_password(password, staff)
        staff.set_password(password)
    else:
        staff.set_unusable_password()
    staff.save()
    Membership.objects.bulk_create(Membership(staff=staff, agency=agency, role=role) for role in roles)
    audit(
        by=by,
        action=Audited.STAFF_CREATED,
        summary=f"Thêm cán bộ {_label(staff)}",
        subject=staff,
        changes={ROLES_LABEL: ["", roles_text(staff)]},
    )
    if not password:
        send_password_link(staff, new_account=True)
    return staff


def details_version(staff: Staff) -> str:
    """The version (danvan.versions) of ``staff``'s name, title and e-mail as stored."""
    return stored_version(staff, DETAIL_LABELS)


def roles_version(staff: Staff) -> str:
    """The version (danvan.versions) of ``staff``'s roles, in every agency, as stored."""
    return version_of({"roles": sorted(staff.memberships.values_list("agency_id", "role"))})


@transaction.atomic
def change_details(
    *, by: Staff, staff: Staff, full_name: str, title: str, email: str, version: str | None = None
) -> None:
    """Changes ``staff``'s name, title and e-mail; logs what changed, old → new. A form opened before their last change
    (``version``) is refused."""
    lock(staff)
    ensure_can_change(by, staff)
    ensure_current(version, details_version(staff))
    wanted = {"full_name": full_name, "title": title, "email": email}
    changes = {DETAIL_LABELS[name]: [getattr(staff, name), value] for name, value in wanted.items()}
    changes = {label: values for label, values in changes.items() if values[0] != values[1]}
    if not changes:
        return
    for name, value in wanted.items():
        setattr(staff, name, value)
    staff.save(update_fields=list(wanted))
    audit(
        by=by,
        action=Audited.STAFF_CHANGED,
        summary=f"Sửa thông tin cán bộ {_label(staff)}",
        subject=staff,
        changes=changes,
    )


@refusing_conflicts
@transaction.atomic
def set_roles(*, by: Staff, staff: Staff, agency: Agency, roles: Iterable[Role], version: str | None = None) -> None:
    """Makes ``roles`` ``staff``'s roles in ``agency`` (none: they leave it); logs their roles, old → new. A staff
    member keeps at least one role somewhere: one who stops working is disabled instead. A form opened before their
    roles last changed (``version``) is refused."""
    lock(staff)
    ensure_can_change(by, staff)
    ensure(by, Action.STAFF, agency)
    ensure_current(version, roles_version(staff))
    wanted = set(roles)
    before = roles_text(staff)
    staff.memberships.filter(agency=agency).exclude(role__in=wanted).delete()
    held = set(staff.memberships.filter(agency=agency).values_list("role", flat=True))
    Membership.objects.bulk_create(Membership(staff=staff, agency=agency, role=role) for role in wanted - held)
    if not staff.memberships.exists():
        raise ValidationError(
            "Cán bộ phải còn ít nhất một vai trò. Để cán bộ thôi sử dụng hệ thống, hãy khóa tài khoản."
        )
    after = roles_text(staff)
    if after != before:
        audit(
            by=by,
            action=Audited.STAFF_CHANGED,
            summary=f"Sửa vai trò của cán bộ {_label(staff)}",
            subject=staff,
            changes={ROLES_LABEL: [before, after]},
        )


@transaction.atomic
def set_active(*, by: Staff, staff: Staff, active: bool, reason: str = "") -> None:
    """Disables ``staff``'s account (they can no longer log in; an open session ends at its next page) or enables it
    again."""
    ensure_can_change(by, staff)
    if staff.is_active == active:
        return
    staff.is_active = active
    staff.save(update_fields=["is_active"])
    action, verb = (Audited.STAFF_ENABLED, "Mở khóa") if active else (Audited.STAFF_DISABLED, "Khóa")
    audit(by=by, action=action, summary=f"{verb} tài khoản của cán bộ {_label(staff)}", subject=staff, reason=reason)


def send_reset(*, by: Staff, staff: Staff) -> None:
    """Sends ``staff`` a link to set a new password (see the module's note)."""
    ensure_can_change(by, staff)
    if not staff.is_active:
        raise ValidationError("Tài khoản đang bị khóa: hãy mở khóa trước khi gửi liên kết đặt lại mật khẩu.")
    send_password_link(staff)
    audit(
        by=by,
        action=Audited.PASSWORD_RESET,
        summary=f"Gửi liên kết đặt lại mật khẩu cho cán bộ {_label(staff)} đến {staff.email}",
        subject=staff,
    )


def own_password_changed(staff: Staff, *, by_link: bool) -> None:
    """Logs that ``staff`` changed their password (on their account page), or set it with an e-mailed link — which
    also lifts a login lock on their account: who holds the mailbox has shown who they are."""
    if by_link:
        reset_lockout(username=staff.username)
        audit(
            by=staff, action=Audited.PASSWORD_RESET, summary="Đặt mật khẩu mới qua liên kết gửi e-mail", subject=staff
        )
    else:
        audit(by=staff, action=Audited.STAFF_CHANGED, summary="Đổi mật khẩu", subject=staff)
