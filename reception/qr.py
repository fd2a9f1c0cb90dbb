"""The QR code on the chip-based citizen ID card (CCCD gắn chip), as a desk scanner types it into a field:

    CCCD|CMND|Họ tên|ddmmyyyy (ngày sinh)|Giới tính|Nơi thường trú|ddmmyyyy (ngày cấp)

static/js/desk.js reads it in the browser; this reads it on the server when the browser had no script.
"""

from datetime import datetime

from danvan.models import Citizen
from danvan.models.citizens import is_cccd

_GENDERS = {"nam": Citizen.Gender.MALE, "nữ": Citizen.Gender.FEMALE, "nu": Citizen.Gender.FEMALE}


def parse_chip_qr(text: str) -> dict[str, str] | None:
    """The citizen's details in a scanned QR text as the desk form's values, or None when the text is not one."""
    parts = text.strip().split("|")
    if len(parts) < 6 or not is_cccd(parts[0]):
        return None
    return {
        "cccd": parts[0],
        "full_name": " ".join(parts[2].split()),
        "birth_date": _day_month_year(parts[3]),
        "gender": _GENDERS.get(parts[4].strip().lower(), ""),
        "address": parts[5].strip(),
    }


def _day_month_year(text: str) -> str:
    try:
        return datetime.strptime(text.strip(), "%d%m%Y").strftime("%d/%m/%Y")
    except ValueError:
        return ""
