"""The citizens' public lookup (tra cứu): where a petition stands, found by its receipt code and the last 4 digits of
the petitioner's phone or CCCD; or what became of a reception, by the code of its desk slip and the last 4 digits of
the citizen received: its result and the petitions made from it.

Only dates, agency names and the labels of public steps leave this module. The petitioner's numbers are compared,
never returned; for a denunciation they are the denouncer's, read from the vault (Luật Tố cáo, Điều 8).
"""

import re
from dataclasses import dataclass
from datetime import date
from heapq import merge

from complaints.models import DenouncerIdentity, Petition
from danvan.codes import VISIT_PREFIX
from danvan.models import Citizen
from danvan.selectors import timeline_of
from reception.models import Visit

LAST_DIGITS = 4

# The steps a citizen reads, by event kind. A label given here replaces the recorded one, which names another
# petition. Kinds not listed here (internal marks such as a hotspot, kinds added later) stay off the public page.
PUBLIC_STEPS = {
    "received": None,
    "handled": None,
    "replied": None,
    "duplicate": "Xác định đơn trùng nội dung với đơn đã nhận trước đó",
    "acceptance_decided": None,
    "accepted": None,
    "answering": None,
    "handed_over": None,
    "verification_assigned": "Tiến hành xác minh nội dung",
    "verification_reported": "Có báo cáo kết quả xác minh",
    "complaint_dialogue": "Tổ chức đối thoại",
    "extended": None,
    "suspended": None,
    "resumed": None,
    "decided": None,
    "published": None,
    "enforced": None,
}


@dataclass(frozen=True)
class PublicStep:
    on: date
    label: str


@dataclass(frozen=True)
class PublicStatus:
    """What the public page shows of a petition: nothing personal, no content."""

    receipt_code: str
    received_on: date
    handled_by: str  # the agency handling it now: the receiving one, or the one it was forwarded to
    steps: list[PublicStep]
    handling_due_on: date
    handled_on: date | None
    resolution_due_on: date | None
    resolved_on: date | None


@dataclass(frozen=True)
class PublicVisit:
    """What the public page shows of a reception: its agency, day and result, and the petitions made from it."""

    receipt_code: str
    received_on: date
    agency: str
    result: str
    answer_due_on: date | None
    answered_on: date | None
    petitions: list[PublicStatus]


def _last_digits(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return digits[-LAST_DIGITS:] if len(digits) >= LAST_DIGITS else ""


def _digits_of(holder: Citizen | DenouncerIdentity | None) -> set[str]:
    if holder is None:
        return set()
    return {_last_digits(holder.phone or ""), _last_digits(holder.cccd or "")} - {""}


def _petitioner_digits(petition: Petition) -> set[str]:
    """The last digits of the phone and CCCD of who signed: for a denunciation the denouncer, kept in the vault."""
    if petition.is_denunciation:
        return _digits_of(DenouncerIdentity.objects.filter(petition=petition).only("phone", "cccd").first())
    return _digits_of(petition.person)


def can_be_looked_up(petition: Petition) -> bool:
    """Whether the petitioner gave a phone or CCCD: without one, nobody can ever look the petition up."""
    return bool(_petitioner_digits(petition))


def _public_steps(petition: Petition) -> list[PublicStep]:
    """The public steps of the petition and of its case by date; on one day the petition's come first (it is handled,
    then its case accepted). A duplicate joined an earlier petition's case: of that case only the steps from the day
    the duplicate was received, not the earlier ones."""
    case_events = timeline_of(petition.case) if petition.case else []
    if petition.duplicate_of_id:
        case_events = [event for event in case_events if event.on >= petition.received_on]
    events = merge(timeline_of(petition), case_events, key=lambda event: event.on)  # stable: a tie keeps the order
    return [PublicStep(e.on, PUBLIC_STEPS[e.kind] or e.label) for e in events if e.kind in PUBLIC_STEPS]


def _handled_by(petition: Petition) -> str:
    if petition.forwarded_to:
        return petition.forwarded_to.name
    return petition.forwarded_to_name or petition.agency.name


def look_up(*, receipt_code: str, last_digits: str) -> PublicStatus | PublicVisit | None:
    """The public status of the petition (DT-…) or of the reception (TD-…) with ``receipt_code`` whose petitioner's or
    citizen's phone or CCCD ends in ``last_digits``; None for an unknown code and for digits that match neither, alike,
    so codes cannot be probed."""
    if receipt_code.startswith(f"{VISIT_PREFIX}-"):
        return _visit_status(receipt_code, last_digits)
    petition = _petitions().filter(receipt_code=receipt_code).first()
    if petition is None or last_digits not in _petitioner_digits(petition):
        return None
    return _status(petition)


def _petitions():
    return Petition.objects.select_related("agency", "forwarded_to", "citizen", "case")


def _status(petition: Petition) -> PublicStatus:
    """A petition's dates are its own: a duplicate shows neither the deadline nor the resolution of the earlier case
    it joined, unless that case was resolved after the duplicate came in."""
    case = petition.case
    own_case = case is not None and not petition.duplicate_of_id
    resolved_on = case.resolved_on if case else None
    if resolved_on and not own_case and resolved_on < petition.received_on:
        resolved_on = None
    return PublicStatus(
        receipt_code=petition.receipt_code,
        received_on=petition.received_on,
        handled_by=_handled_by(petition),
        steps=_public_steps(petition),
        handling_due_on=petition.handling_due_on,
        handled_on=petition.handled_on,
        resolution_due_on=case.due_on if own_case and case.accepted_on else None,
        resolved_on=resolved_on,
    )


def _visit_status(receipt_code: str, last_digits: str) -> PublicVisit | None:
    """A reception by its slip's code, checked against the citizen received; with the petitions it handed over."""
    visit = Visit.objects.select_related("agency", "citizen").filter(receipt_code=receipt_code).first()
    if visit is None or last_digits not in _digits_of(visit.person):
        return None
    return PublicVisit(
        receipt_code=receipt_code,
        received_on=visit.received_on,
        agency=visit.agency.name,
        result=visit.get_result_display(),
        answer_due_on=visit.answer_due_on,
        answered_on=visit.answered_on,
        petitions=[_status(petition) for petition in _petitions().filter(visit=visit).order_by("pk")],
    )
