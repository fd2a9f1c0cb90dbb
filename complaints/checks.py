"""What the intake form warns of while the officer types, before the petition is saved: a CCCD of a citizen already
on record outside the user's sight (said without a field of theirs), and an earlier petition of the same petitioner
with a like content (a likely duplicate, đơn trùng; complaints.selectors.petitions_alike)."""

from complaints.selectors import petitions_alike
from danvan.citizens import KNOWN_ELSEWHERE, known_elsewhere
from danvan.models import Citizen, Classification, Staff


def intake_warnings(cleaned: dict, staff: Staff) -> list[str]:
    """The warnings for what the intake form holds so far (``cleaned``: the fields that are valid yet). A denunciation
    or an anonymous petition is never compared: its petitioner is not on record."""
    if cleaned.get("anonymous") or cleaned.get("kind") == Classification.DENUNCIATION:
        return []
    elsewhere = [KNOWN_ELSEWHERE] if known_elsewhere(cleaned.get("cccd") or "", staff) else []
    person = Citizen(
        full_name=cleaned.get("full_name") or "", cccd=cleaned.get("cccd") or None, address=cleaned.get("address") or ""
    )
    content = cleaned.get("content") or ""
    if not person.full_name.strip() or not content.strip():
        return elsewhere
    return elsewhere + [
        f"Có thể trùng: đơn {petition.receipt_code} nhận ngày {petition.received_on:%d/%m/%Y} của cùng người đứng "
        "đơn, nội dung tương tự."
        for petition in petitions_alike(person, content, staff)
    ]
