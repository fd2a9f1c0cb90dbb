"""Revealing a denouncer's identity: only with the permission, only with a stated reason, always logged."""

from django.core.exceptions import PermissionDenied, ValidationError

from complaints.models import DenouncerIdentity, IdentityReveal, Petition
from danvan.models import Staff

REVEAL_PERMISSION = "complaints.reveal_denouncer"
MIN_REASON_LENGTH = 10


def may_reveal(staff: Staff) -> bool:
    return staff.has_perm(REVEAL_PERMISSION)


def reveal_denouncer(*, petition: Petition, by: Staff, reason: str) -> DenouncerIdentity:
    """The denouncer's identity, for a permitted user who said why; the reveal is logged (who, when, why)."""
    if not may_reveal(by):
        raise PermissionDenied("Bạn không có quyền xem danh tính người tố cáo.")
    if len(reason.strip()) < MIN_REASON_LENGTH:
        raise ValidationError({"reason": "Hãy nêu rõ lý do cần xem danh tính người tố cáo."})
    identity = DenouncerIdentity.objects.get(petition=petition)
    IdentityReveal.objects.create(identity=identity, staff=by, reason=reason.strip())
    return identity
