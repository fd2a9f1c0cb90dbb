"""What every document says of its record, formatted as the documents write it: the issuer's header, the
petitioner, the legal bases (Căn cứ) of a step, dates in words, amounts with the Vietnamese separators. A fact the
record lacks is a dotted blank for the officer to fill in by hand, never a default value."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from complaints.issuers import head_of, numbered, signer_of
from complaints.paper import Paper, Signer
from danvan.letterhead import DOTS, parent_of
from danvan.models import Agency, Case, Citizen, Classification
from danvan.numbers import number

BLANK = DOTS * 3
NOUN = {
    Classification.COMPLAINT: "khiếu nại",
    Classification.DENUNCIATION: "tố cáo",
    Classification.RECOMMENDATION: "kiến nghị, phản ánh",
}
ROUND = {Case.Round.FIRST: "lần đầu", Case.Round.SECOND: "lần hai"}

LAW = {
    Classification.COMPLAINT: "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;",
    Classification.DENUNCIATION: "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018;",
}
DECREE = {
    Classification.COMPLAINT: "Căn cứ Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định chi "
    "tiết một số điều và biện pháp thi hành Luật Khiếu nại;",
    Classification.DENUNCIATION: "Căn cứ Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ quy định "
    "chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo;",
}
HANDLING_CIRCULAR = (
    "Thông tư số 05/2021/TT-TTCP ngày 01 tháng 10 năm 2021 của Thanh tra Chính phủ quy định quy trình xử lý đơn khiếu "
    "nại, đơn tố cáo, đơn kiến nghị, phản ánh"
)
# The law that sets a People's Committee's functions and powers (the form's "(4)"); other bodies' charters are
# their own decisions, which the record does not hold.
_CHARTER = {Agency.Kind.COMMITTEE: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"}


def charter(agency: Agency) -> str:
    """The Căn cứ line of the agency's functions and powers (the form's "(4)")."""
    return _CHARTER.get(agency.kind, f"Căn cứ {BLANK};")


# From 01/07/2026 the laws stand as amended by Luật 136/2025/QH15 and the decrees as amended by NĐ 155/2026 (khiếu
# nại) and NĐ 156/2026 (tố cáo); the identity papers are named anew (spec/documents.md §0.8, §8.1). No official
# wording of the citations was found: the lines below follow the spec's recommendation, and staff may edit them.
AMENDED_FROM = date(2026, 7, 1)
_AMENDING_LAW = (
    "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo ngày 10 tháng 12 "
    "năm 2025;"
)
_AMENDING_DECREE = {
    Classification.COMPLAINT: "Nghị định số 155/2026/NĐ-CP ngày 15 tháng 5 năm 2026",
    Classification.DENUNCIATION: "Nghị định số 156/2026/NĐ-CP ngày 15 tháng 5 năm 2026",
}


def legal_bases(kind: str, on: date | None) -> dict:
    """The law and decree of a step dated ``on``, as its Căn cứ lines cite them: as amended from 01/07/2026 (the
    amending law on a line of its own, the amending decree after the decree), as issued before."""
    amended = on is not None and on >= AMENDED_FROM
    decree = DECREE[kind]
    if amended:
        decree = f"{decree[:-1]}, được sửa đổi, bổ sung bởi {_AMENDING_DECREE[kind]};"
    return {"law": LAW[kind], "amending_law": _AMENDING_LAW if amended else "", "decree": decree}


# How the forms name the identity paper: those of 2019 and 2020, and those from 01/07/2026 (Luật 136/2025/QH15).
IDENTITY_2020 = "Số CMND/Hộ chiếu/Thẻ căn cước công dân"
IDENTITY_2026 = "Số căn cước/định danh cá nhân/giấy chứng nhận căn cước/hộ chiếu"


def identity_label(on: date | None) -> str:
    """How a form in force on both sides of 01/07/2026 names the identity paper on the day ``on``."""
    return IDENTITY_2026 if on is not None and on >= AMENDED_FROM else IDENTITY_2020


# The Căn cứ lines of a law and its decree in a template, the amending law only where the step's date wants it.
BASES = ["{{ law }}", "{%p if amending_law %}", "{{ amending_law }}", "{%p endif %}", "{{ decree }}"]


def in_words(on: date | None) -> str:
    """'ngày 02 tháng 3 năm 2026' (a day below 10 and the months 1 and 2 with a leading zero), or dots."""
    if on is None:
        return f"ngày {DOTS} tháng {DOTS} năm {DOTS}"
    month = f"{on.month:02d}" if on.month <= 2 else str(on.month)
    return f"ngày {on.day:02d} tháng {month} năm {on.year}"


def day(on: date | None) -> str:
    return f"{on:%d/%m/%Y}" if on else BLANK


@dataclass(frozen=True)
class Person:
    """A petitioner as a document names them; dots for whatever the record does not hold (a denouncer's identity is
    never filled in: the officer writes it on the paper that goes to the denouncer)."""

    name: str
    address: str
    identity: str
    honorific: str

    @property
    def addressed(self) -> str:
        """'ông Nguyễn Văn Khiếu', 'bà …', 'ông (bà) …'."""
        return f"{self.honorific} {self.name}"


def person(citizen: Citizen | None) -> Person:
    if citizen is None:
        return Person(BLANK, BLANK, BLANK, "ông (bà)")
    honorific = {Citizen.Gender.MALE: "ông", Citizen.Gender.FEMALE: "bà"}.get(citizen.gender, "ông (bà)")
    return Person(citizen.full_name, citizen.address or BLANK, citizen.cccd or BLANK, honorific)


def petitioner_of(case: Case) -> Person:
    """The petitioner a case's documents name: its citizen; for a case whose citizen is known elsewhere (kept off the
    case), the person its first petition shows, as given there; dots for a denouncer."""
    if case.citizen is not None:
        return person(case.citizen)
    petition = case.petitions.order_by("received_on", "pk").first()
    return person(petition.person if petition else None)


def _amount(value: Decimal, unit: str) -> str:
    return f"{number(value)} {unit}" if value else ""


def _counted(*pairs: tuple[int, str]) -> str:
    return ", ".join(f"{count} {noun}" for count, noun in pairs if count)


def _among(count: int) -> str:
    return f" (trong đó {count} cán bộ, công chức, viên chức)" if count else ""


def orders(decision) -> list[str]:
    """What a decision or conclusion orders, as entered: amounts recovered and returned (125,5 triệu đồng;
    1.250.000.000 triệu đồng; m² of land), sanctions and referrals; what is empty is left out, never printed as 0."""
    lines = []
    recovered = ", ".join(
        filter(None, (_amount(decision.money_due, "triệu đồng"), _amount(decision.land_due, "m² đất")))
    )
    if recovered:
        lines.append(f"Thu hồi cho Nhà nước {recovered}.")
    returned = ", ".join(
        filter(None, (_amount(decision.returned_money, "triệu đồng"), _amount(decision.returned_land, "m² đất")))
    )
    if returned:
        to = _counted((decision.returned_organisations, "tổ chức"), (decision.returned_individuals, "cá nhân"))
        lines.append(f"Trả lại cho {to or 'tổ chức, cá nhân'} {returned}.")
    if sanctioned := _counted((decision.sanctioned_organisations, "tổ chức"), (decision.sanctioned_people, "người")):
        lines.append(f"Kiến nghị xử lý hành chính {sanctioned}{_among(decision.sanctioned_officials)}.")
    if referred := _counted((decision.referred_cases, "vụ"), (decision.referred_people, "người")):
        lines.append(f"Chuyển cơ quan điều tra {referred}{_among(decision.referred_officials)}.")
    return lines


def template(
    agency: Agency, *, has_number: bool = True, has_date: bool = True, signer: Signer | None = None, **fields
) -> Paper:
    """The layout of a document of ``agency`` as a template: its header and signature block written out for the
    agency, the number, the date and the signer's name as placeholders (minutes have neither number nor date line)."""
    return Paper(
        parent=parent_of(agency),
        agency=agency.name,
        number="Số: {{ number }}" if has_number else "",
        dated=f"{agency.unit.bare_name}, {{{{ date }}}}" if has_date else "",
        signer=signer or signer_of(agency, name="{{ signer }}"),
        **fields,
    )


def citizen_paper(agency: Agency, **fields) -> Paper:
    """A citizen's own paper (đơn, giấy ủy quyền) as the officer of ``agency`` writes it down: no issuing body, no
    number, the place of the agency and the date; signed by the citizen (``signatures``)."""
    return Paper(agency="", number="", dated=f"{agency.unit.bare_name}, {{{{ date }}}}", **fields)


def header(agency: Agency, *, recorded: str = "", code: str = "", on: date | None, signer: str = "") -> dict:
    """The placeholders every document has: its number as recorded (or blank for the clerk), its date as recorded
    (or dots), who signs (or dots), the agency and its head inside a sentence."""
    return {
        "number": numbered(recorded, code, agency),
        "date": in_words(on),
        "signer": signer or DOTS * 2,
        "agency": agency.name,
        "issuer": f"{head_of(agency)} {agency.name}",
    }


def inspectorate_of(agency: Agency) -> str:
    """The State inspectorate of the same level, which receives the acceptance notice and the decision (NĐ 124/2020,
    Điều 16, 29): the unit's inspectorate as registered, or dots."""
    same_level = Agency.objects.filter(unit=agency.unit_id, kind=Agency.Kind.INSPECTORATE).exclude(pk=agency.pk)
    return same_level.values_list("name", flat=True).first() or BLANK


def opening(text: str) -> str:
    """``text`` starting a sentence or a line: its first letter in capitals, the rest as it is."""
    return text[:1].upper() + text[1:]
