from complaints.models.handover import HandOver
from complaints.models.issued import IssuedDocument
from complaints.models.petitions import Attachment, Petition, Source, UnprocessableReason
from complaints.models.resolution import Decision, Enforcement, Extension, Suspension
from complaints.models.steps import ComplaintDialogue, Verification
from complaints.models.templates import DocumentTemplate
from complaints.models.vault import DenouncerIdentity, IdentityDocument, IdentityReveal
from complaints.models.workflow import Assignment, Proposal, ProposalKind, ProposalStatus
from complaints.rules import Handling, Outcome

__all__ = [
    "Assignment",
    "Attachment",
    "ComplaintDialogue",
    "Decision",
    "DenouncerIdentity",
    "DocumentTemplate",
    "Enforcement",
    "Extension",
    "HandOver",
    "Handling",
    "IdentityDocument",
    "IdentityReveal",
    "IssuedDocument",
    "Outcome",
    "Petition",
    "Proposal",
    "ProposalKind",
    "ProposalStatus",
    "Source",
    "Suspension",
    "UnprocessableReason",
    "Verification",
]
