"""What the header of an administrative document says (Nghị định 30/2020/NĐ-CP, Phụ lục I), for the .docx documents
and the printed HTML slips alike: the superior body and the issuing body, the national name and motto, the place and
date."""

from datetime import date

from danvan.models import Agency

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DOTS = "…………"

_BODIES = ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")
# Bodies whose superior is the People's Committee of their unit (cơ quan chủ quản, printed above their name).
_UNDER_THE_COMMITTEE = (Agency.Kind.INSPECTORATE, Agency.Kind.RECEPTION_OFFICE, Agency.Kind.DEPARTMENT)


def parent_of(agency: Agency) -> str:
    """'UBND XÃ IA GRAI' above an inspectorate or a reception office; nothing above a committee or a council."""
    return f"UBND {agency.unit.name_in_sentence}".upper() if agency.kind in _UNDER_THE_COMMITTEE else ""


def header_name(name: str) -> list[str]:
    """An issuing body's name as the header prints it, in capitals: 'ỦY BAN NHÂN DÂN' on a line of its own above the
    unit's name ('XÃ IA GRAI'), as agencies write it rather than where the column happens to wrap it."""
    upper = name.upper()
    for body in _BODIES:
        if upper.startswith(body + " "):
            return [body, upper[len(body) + 1 :]]
    return [upper]


def dated(place: str, on: date | None) -> str:
    """'Ia Grai, ngày 05 tháng 3 năm 2026': a day below 10 and the months 1 and 2 take a leading zero; dots for a
    date the record does not have."""
    if on is None:
        return f"{place}, ngày {DOTS} tháng {DOTS} năm {DOTS}"
    month = f"{on.month:02d}" if on.month <= 2 else str(on.month)
    return f"{place}, ngày {on.day:02d} tháng {month} năm {on.year}"


def letterhead(agency: Agency, on: date | None) -> dict:
    """What an HTML slip's header prints (templates/_letterhead.html): the superior body, the issuing body's lines,
    the national name and motto, the place and date."""
    return {
        "parent": parent_of(agency),
        "agency_lines": header_name(agency.name),
        "nation": NATION,
        "motto": MOTTO,
        "dated": dated(agency.unit.bare_name, on),
    }
