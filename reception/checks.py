"""What the desk warns of while the officer types, before the visit is saved: a CCCD that contradicts the birth date or
gender typed, and a visit that likely repeats one the same citizen made recently about the same matter."""

from datetime import timedelta

from django.utils import timezone

from danvan.models import Citizen, Staff
from danvan.models.citizens import cccd_contradiction
from reception.selectors import visits_alike

CCCD_CONTRADICTS = "Lưu ý: số CCCD không khớp với ngày sinh hoặc giới tính đã nhập."
# A visit about the same matter within this many days is likely the same visit logged twice.
RECENT_DAYS = 30


def desk_warnings(cleaned: dict, staff: Staff) -> list[str]:
    """The warnings for what the desk form holds so far (``cleaned``: the fields that are valid yet)."""
    warnings = []
    cccd = cleaned.get("cccd") or ""
    if cccd and cccd_contradiction(cccd, cleaned.get("birth_date"), cleaned.get("gender") or ""):
        warnings.append(CCCD_CONTRADICTS)
    person = cleaned.get("citizen") or Citizen(
        full_name=cleaned.get("full_name") or "", cccd=cccd or None, address=cleaned.get("address") or ""
    )
    content = cleaned.get("content") or ""
    if person.full_name.strip() and content.strip():
        on = cleaned.get("received_on") or timezone.localdate()
        for visit in visits_alike(person, content, staff, since=on - timedelta(days=RECENT_DAYS)):
            warnings.append(
                f"Có thể trùng: {visit.person.full_name} đã được tiếp ngày {visit.received_on:%d/%m/%Y} về nội dung "
                f"tương tự (mã {visit.receipt_code})."
            )
    return warnings
