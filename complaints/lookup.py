"""The citizens' public lookup (tra cứu): where a petition stands, found by its receipt code and the last 4 digits of
the petitioner's phone or CCCD.

Only dates, agency names and the labels of public steps leave this module. The petitioner's numbers are compared,
never returned; for a denunciation they are the denouncer's, read from the vault (Luật Tố cáo, Điều 8).
"""

import re
from dataclasses import dataclass
from datetime import date
from heapq import merge

from complaints.models import DenouncerIdentity, Petition
from danvan.selectors import timeline_of

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


def _last_digits(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return digits[-LAST_DIGITS:] if len(digits) >= LAST_DIGITS else ""


def _petitioner_digits(petition: Petition) -> set[str]:
    """The last digits of the phone and CCCD of who signed: for a denunciation the denouncer, kept in the vault."""
    if petition.is_denunciation:
        holder = DenouncerIdentity.objects.filter(petition=petition).only("phone", "cccd").first()
    else:
        holder = petition.citizen
    if holder is None:
        return set()
    return {_last_digits(holder.phone or ""), _last_digits(holder.cccd or "")} - {""}


def _public_steps(petition: Petition) -> list[PublicStep]:
    """The public steps of the petition and of its case by date; on one day the petition's come first (it is handled,
    then its case accepted)."""
    timelines = [timeline_of(petition), timeline_of(petition.case) if petition.case else []]
    events = merge(*timelines, key=lambda event: event.on)  # stable: on a tie, the earlier timeline first
    return [PublicStep(e.on, PUBLIC_STEPS[e.kind] or e.label) for e in events if e.kind in PUBLIC_STEPS]


def _handled_by(petition: Petition) -> str:
    if petition.forwarded_to:
        return petition.forwarded_to.name
    return petition.forwarded_to_name or petition.agency.name


def petition_status(*, receipt_code: str, last_digits: str) -> PublicStatus | None:
    """The public status of the petition with ``receipt_code`` whose petitioner's phone or CCCD ends in
    ``last_digits``; None for an unknown code and for digits that match neither, alike, so codes cannot be probed."""
    petition = (
        Petition.objects.select_related("agency", "forwarded_to", "citizen", "case")
        .filter(receipt_code=receipt_code)
        .first()
    )
    if petition is None or last_digits not in _petitioner_digits(petition):
        return None
    case = petition.case
    return PublicStatus(
        receipt_code=petition.receipt_code,
        received_on=petition.received_on,
        handled_by=_handled_by(petition),
        steps=_public_steps(petition),
        handling_due_on=petition.handling_due_on,
        handled_on=petition.handled_on,
        resolution_due_on=case.due_on if case and case.accepted_on else None,
        resolved_on=case.resolved_on if case else None,
    )
