"""Reads of staff administration: the agencies a unit admin administers, the staff of those agencies, whether one of
them is theirs to change, and the audit log of their area."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Length
from django.shortcuts import get_object_or_404
from django.utils import timezone

from danvan.models import AdminUnit, Agency, AuditEntry, Membership, Staff
from danvan.permissions import Action, agencies_granted
from danvan.text import fold


def administered_agencies(admin: Staff) -> QuerySet[Agency]:
    """The agencies whose staff ``admin`` administers: those of their unit and below (every one for a superuser)."""
    return agencies_granted(admin, Action.STAFF)


def offered_agencies(admin: Staff) -> QuerySet[Agency]:
    """The agencies a form offers ``admin`` to give roles in: those administered whose unit exists today, the
    province's first."""
    today = AdminUnit.objects.valid_on(timezone.localdate()).values("pk")
    return (
        administered_agencies(admin)
        .filter(unit__in=today)
        .select_related("unit")
        .order_by(Length("unit__code"), "unit__code", "name")
    )


def _staff_of(admin: Staff) -> QuerySet[Staff]:
    """The staff holding a role in an agency ``admin`` administers; every account for a superuser."""
    if admin.is_superuser:
        return Staff.objects.all()
    agencies = administered_agencies(admin).values("pk")
    return Staff.objects.filter(pk__in=Membership.objects.filter(agency__in=agencies).values("staff"))


def staff_in_scope(admin: Staff) -> QuerySet[Staff]:
    """The staff of ``admin``'s area by name, each with their roles there (``roles_in_scope``; a role elsewhere is
    none of the admin's business)."""
    agencies = administered_agencies(admin).values("pk")
    roles = Membership.objects.filter(agency__in=agencies).select_related("agency").order_by("agency__name", "role")
    return (
        _staff_of(admin)
        .prefetch_related(Prefetch("memberships", queryset=roles, to_attr="roles_in_scope"))
        .order_by("full_name", "username")
    )


def matching(staff: QuerySet[Staff], text: str) -> QuerySet[Staff]:
    """The staff whose name, username, title or e-mail holds ``text``, diacritics and case aside. Folded here, not in
    a stored column: an area has some thousands of accounts at most, read as four short columns."""
    wanted = fold(text)
    if not wanted:
        return staff
    rows = staff.values_list("pk", "full_name", "username", "title", "email")
    return staff.filter(pk__in=[pk for pk, *texts in rows if wanted in fold(" ".join(texts))])


def get_staff_for(admin: Staff, pk: int) -> Staff:
    """A staff member of ``admin``'s area, or 404: one outside it does not exist for them."""
    return get_object_or_404(staff_in_scope(admin), pk=pk)


def refusal(admin: Staff, staff: Staff) -> str:
    """Why ``admin`` may not change ``staff`` ("" when they may): a superuser, oneself, or staff who hold a role
    outside ``admin``'s area belong to an admin above."""
    if staff.is_superuser:
        return "Tài khoản quản trị toàn hệ thống chỉ được sửa tại trang Quản trị."
    if staff.pk == admin.pk:
        return "Bạn không tự sửa vai trò hay khóa tài khoản của mình; hãy nhờ quản trị đơn vị cấp trên."
    if staff.memberships.exclude(agency__in=administered_agencies(admin).values("pk")).exists():
        return "Cán bộ này còn vai trò ở cơ quan ngoài phạm vi của bạn: chỉ quản trị đơn vị cấp trên sửa được."
    return ""


def audit_log_for(admin: Staff) -> QuerySet[AuditEntry]:
    """The audit entries of ``admin``'s area: what its staff did, and what was done to its staff's accounts (by an
    admin above, say); every entry for a superuser."""
    entries = AuditEntry.objects.select_related("by").order_by("-at", "-pk")
    if admin.is_superuser:
        return entries
    staff = _staff_of(admin).values("pk")
    staff_type = ContentType.objects.get_for_model(Staff)
    return entries.filter(Q(by__in=staff) | Q(subject_type=staff_type, subject_id__in=staff))
