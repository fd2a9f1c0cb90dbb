"""Where a petition or a case stands, as the catalogue of documents asks it: which step it has reached (the
documents of that step are offered) and the date of the step (which picks the form in force)."""

from complaints.documents import pauses
from complaints.models import Handling, Outcome
from complaints.models.petitions import Source
from complaints.rules import ENDING
from complaints.steps import has_steps
from danvan.models import Classification


def complaint(subject) -> bool:
    return subject.kind == Classification.COMPLAINT


def denunciation(subject) -> bool:
    return subject.kind == Classification.DENUNCIATION


def accepted(petition) -> bool:
    return petition.handling == Handling.ACCEPT


def refused(petition) -> bool:
    return petition.processable is False or petition.handling == Handling.DECLINE


def made_at_hand(petition) -> bool:
    """A complaint made at the desk or online, which the officer writes down on the complainant's form."""
    return complaint(petition) and petition.source in (Source.RECEPTION, Source.ONLINE)


def forwarded(petition) -> bool:
    return petition.handling == Handling.FORWARD


def forwarded_on(petition):
    """The forwarding slip's date as recorded, else the day of the handling."""
    return petition.forward_letter_date or petition.handled_on


def received_on(petition):
    return petition.received_on


def handled_on(petition):
    return petition.handled_on


def accepted_on(petition):
    return petition.case.accepted_on


def case_accepted_on(case):
    return case.accepted_on


def verifying(case) -> bool:
    """A case whose verification was assigned."""
    return has_steps(case) and hasattr(case, "verification")


def verified(case) -> bool:
    return verifying(case) and case.verification.reported_on is not None


def verification_started_on(case):
    return case.verification.started_on


def verification_reported_on(case):
    return case.verification.reported_on


def decided(case) -> bool:
    return has_steps(case) and hasattr(case, "decision")


def on_the_merits(case) -> bool:
    """Decided on its merits: a decision that ends the case (withdrawn, terminated) has its own documents."""
    return decided(case) and case.decision.outcome not in ENDING


def ended(case) -> bool:
    return decided(case) and case.decision.outcome in ENDING


def withdrawn(case) -> bool:
    return decided(case) and case.decision.outcome == Outcome.WITHDRAWN


def decided_on(case):
    return case.decision.issued_on


def suspended(case) -> bool:
    return pauses.latest_suspension(case) is not None


def resumed(case) -> bool:
    return (suspension := pauses.latest_suspension(case)) is not None and suspension.resumed_on is not None


def suspension_step(case) -> str:
    return str(pauses.latest_suspension(case).pk)


def suspended_on(case):
    return pauses.latest_suspension(case).suspended_on


def resumed_on(case):
    return pauses.latest_suspension(case).resumed_on


def examined(case) -> bool:
    return pauses.latest_examination(case) is not None


def examination_step(case) -> str:
    return str(pauses.latest_examination(case).pk)


def examined_on(case):
    return pauses.latest_examination(case).suspended_on
