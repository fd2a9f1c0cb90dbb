"""Who issues and signs a document, as its header and signature block name them (Nghị định 30/2020/NĐ-CP): the
superior body above the issuing one, the number's ký hiệu, the head's title, the issuer's line of a decision."""

from complaints.paper import Signer
from danvan.models import Agency

SUFFIX = {
    Agency.Kind.COMMITTEE: "UBND",
    Agency.Kind.COUNCIL: "HĐND",
    Agency.Kind.INSPECTORATE: "TTr",
    Agency.Kind.RECEPTION_OFFICE: "BTCD",
}
HEAD = {
    Agency.Kind.COMMITTEE: "Chủ tịch",
    Agency.Kind.PARTY: "Bí thư",
    Agency.Kind.COUNCIL: "Chủ tịch",
    Agency.Kind.INSPECTORATE: "Chánh Thanh tra",
    Agency.Kind.RECEPTION_OFFICE: "Trưởng ban",
}


def head_of(agency: Agency) -> str:
    return HEAD.get(agency.kind, "Thủ trưởng cơ quan")


def signer_of(agency: Agency, name: str = "") -> Signer:
    """The head signs in their own name: a complaint is resolved, a denunciation concluded by the head (Luật Khiếu nại,
    Luật Tố cáo), not on behalf of the collective body."""
    return Signer(title=head_of(agency).upper(), name=name)


def issuer_line(agency: Agency) -> str:
    """A decision's issuer on its own line: 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ IA GRAI'."""
    return f"{head_of(agency)} {agency.name}".upper()


def numbered(recorded: str, code: str, agency: Agency) -> str:
    """'12/QĐ-UBND' as recorded; '      /QĐ-UBND' for the clerk (văn thư) to number when nothing was; a letter (công
    văn, no ``code``) is numbered under the agency's abbreviation alone: '      /UBND'."""
    suffix = SUFFIX.get(agency.kind, "…")
    return recorded or f"       /{f'{code}-' if code else ''}{suffix}"
