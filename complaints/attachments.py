"""Who opens a petition's attachments: anyone who sees the petition opens those not marked "Mật"; one marked "Mật" opens
only for the handlers and leaders of the petition's agency and for those the petition was assigned to (a handler, or
the handlers and leaders of a department). The others of the unit — the receptionist who received it, the agencies
beside it, the leaders of the unit above — neither open it (404) nor read its name."""

from django.db.models import Q, QuerySet

from complaints.models import Attachment, Petition
from danvan.models import Staff
from danvan.permissions import Action, agencies_granted, can_handle


def reads_confidential(staff: Staff, petition: Petition) -> bool:
    """Whether ``staff`` opens the attachments of ``petition`` marked "Mật"."""
    if can_handle(staff, petition.agency):
        return True
    handling = agencies_granted(staff, Action.HANDLE).values("pk")
    return petition.assignments.filter(Q(handler=staff) | Q(agency__in=handling)).exists()


def attachments_for(staff: Staff, petition: Petition) -> QuerySet[Attachment]:
    """The attachments of ``petition`` that ``staff`` opens, in the order they were added."""
    attachments = petition.attachments.order_by("pk")
    return attachments if reads_confidential(staff, petition) else attachments.filter(confidential=False)
