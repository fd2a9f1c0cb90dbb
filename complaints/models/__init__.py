from complaints.models.petitions import Attachment, Handling, Petition, Source, UnprocessableReason
from complaints.models.resolution import Decision, Enforcement, Extension, Outcome, Suspension
from complaints.models.vault import DenouncerIdentity, IdentityDocument, IdentityReveal

__all__ = [
    "Attachment",
    "Decision",
    "DenouncerIdentity",
    "Enforcement",
    "Extension",
    "Handling",
    "IdentityDocument",
    "IdentityReveal",
    "Outcome",
    "Petition",
    "Source",
    "Suspension",
    "UnprocessableReason",
]
