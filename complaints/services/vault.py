"""Revealing a denouncer's identity: only with the permission, only with a stated reason, always logged."""

from django.core.exceptions import ValidationError

from complaints.models import DenouncerIdentity, IdentityReveal, Petition
from danvan.models import Staff
from danvan.permissions import ensure_can_reveal

MIN_REASON_LENGTH = 10


def reveal_denouncer(*, petition: Petition, by: Staff, reason: str) -> DenouncerIdentity:
    """The denouncer's identity, for a permitted user in scope who said why; the reveal is logged (who, when, why)."""
    ensure_can_reveal(by, petition.agency)
    if len(reason.strip()) < MIN_REASON_LENGTH:
        raise ValidationError({"reason": "Hãy nêu rõ lý do cần xem danh tính người tố cáo."})
    identity = DenouncerIdentity.objects.get(petition=petition)
    IdentityReveal.objects.create(identity=identity, staff=by, reason=reason.strip())
    return identity
