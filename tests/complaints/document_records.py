"""Records whose documents the tests print: every field filled, or every optional field empty; each document as a
handler downloads it."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from complaints.models import Handling, Outcome
from complaints.services.handling import handle_petition
from complaints.services.intake import receive_petition
from complaints.services.resolution import decide_case, extend_case, resume_case, suspend_case
from danvan.citizens import CitizenDetails
from danvan.models import Case, Classification, Role
from tests.factories import ComplaintDialogueFactory, VerificationFactory, member_of, verified

FULL = CitizenDetails(
    full_name="Nguyễn Văn Khiếu", cccd="064090007777", gender="male", address="Thôn 4, xã Ia Grai", phone="0905123456"
)
EMPTY = CitizenDetails(full_name="Trần Thị Đơn")


class Records:
    """A complaint decided, a denunciation extended and concluded, a petition forwarded, one guided elsewhere and one
    refused, all received at ``agency`` by ``handler``."""

    def __init__(self, agency, handler, elsewhere, *, filled: bool):
        self.agency, self.handler, self.filled = agency, handler, filled
        details = FULL if filled else EMPTY
        self.complaint = self._receive(Classification.COMPLAINT, details)
        self.case = self._accept(self.complaint)
        VerificationFactory(
            case=self.case, verifier="Thanh tra xã Ia Grai" if filled else "Tổ xác minh",
            number="08/QĐ-UBND" if filled else "", findings="Việc thu hồi 300,5 m² đất chưa đúng trình tự." if filled
            else "Đã xác minh.",
        )  # fmt: skip
        if filled:
            ComplaintDialogueFactory(case=self.case, minutes="Các bên thống nhất đo đạc lại thửa đất.")
        amounts = {"money_due": Decimal("125.5"), "returned_money": Decimal("1250000000"), "land_due": Decimal("300.5")}
        amounts |= {"summary": "Việc thu hồi đất đúng thẩm quyền nhưng chưa đúng trình tự."}
        decide_case(
            case=self.case, by=handler, issued_on=date(2026, 4, 20), number="12/QĐ-UBND" if filled else "5/QĐ-UBND",
            outcome=Outcome.PARTLY_FOUNDED if filled else Outcome.UNFOUNDED,
            **(amounts | {"sanctioned_people": 3, "sanctioned_officials": 2} if filled else {}),
        )  # fmt: skip
        self.denunciation = self._receive(Classification.DENUNCIATION, details)
        self.denounced = self._accept(self.denunciation, complexity=Case.Complexity.COMPLEX)
        extend_case(case=self.denounced, by=handler, decided_on=date(2026, 3, 30), number="10/QĐ-UBND", days=30)
        suspend_case(
            case=self.denounced, by=handler, on=date(2026, 4, 6), number="14/QĐ-UBND",
            reason="Chờ kết quả giám định của cơ quan khác" if filled else "",
        )  # fmt: skip
        resume_case(case=self.denounced, by=handler, on=date(2026, 4, 16), number="16/QĐ-UBND")
        decide_case(
            case=verified(self.denounced), by=handler, issued_on=date(2026, 5, 4), number="3/KL-UBND",
            outcome=Outcome.FOUNDED if filled else Outcome.UNFOUNDED,
            **({"money_due": Decimal("40")} if filled else {}),
        )  # fmt: skip
        self.forwarded = self._handle(
            Handling.FORWARD, forwarded_to=elsewhere, letter_number="45/PC-UBND", letter_date=date(2026, 3, 4)
        )
        self.guided = self._handle(Handling.GUIDE, note="Tòa án nhân dân khu vực 1 - Gia Lai" if filled else "")
        self.refused = self._handle(Handling.DECLINE, note="Quá thời hiệu khiếu nại.", in_competence=True)

    def _receive(self, kind, details):
        return receive_petition(
            agency=self.agency, by=self.handler, received_on=date(2026, 3, 2), source="post", kind=kind,
            content="Khiếu nại quyết định thu hồi đất của UBND xã", details=details,
        )  # fmt: skip

    def _accept(self, petition, **statutory):
        handle_petition(
            petition=petition, by=self.handler, on=date(2026, 3, 5), processable=True, in_competence=True,
            handling=Handling.ACCEPT, **statutory,
        )  # fmt: skip
        petition.refresh_from_db()
        return petition.case

    def _handle(self, handling, in_competence=False, **details):
        petition = self._receive(Classification.COMPLAINT, FULL if self.filled else EMPTY)
        handle_petition(
            petition=petition, by=self.handler, on=date(2026, 3, 4), processable=True, in_competence=in_competence,
            handling=handling, **details,
        )  # fmt: skip
        return petition

    def documents(self, client) -> dict[str, bytes]:
        """Every document of these records, by a name that says which, downloaded by ``client``."""
        wanted = {
            "giay-bien-nhan": ("petition", self.complaint, "giay-bien-nhan"),
            "phieu-de-xuat-thu-ly": ("petition", self.complaint, "phieu-de-xuat-thu-ly"),
            "thong-bao-thu-ly": ("petition", self.complaint, "thong-bao-thu-ly"),
            "thong-bao-thu-ly-to-cao": ("petition", self.denunciation, "thong-bao-thu-ly-to-cao"),
            "thong-bao-khong-thu-ly": ("petition", self.refused, "thong-bao-khong-thu-ly"),
            "phieu-chuyen-don": ("petition", self.forwarded, "phieu-chuyen-don"),
            "phieu-huong-dan": ("petition", self.guided, "phieu-huong-dan"),
            "giao-xac-minh": ("case", self.case, "giao-xac-minh"),
            "bao-cao-xac-minh": ("case", self.case, "bao-cao-xac-minh"),
            **({"bien-ban-doi-thoai": ("case", self.case, "bien-ban-doi-thoai")} if self.filled else {}),
            "gia-han": ("case", self.denounced, "gia-han"),
            "tam-dinh-chi": ("case", self.denounced, "tam-dinh-chi"),
            "tiep-tuc": ("case", self.denounced, "tiep-tuc"),
            "giai-quyet": ("case", self.case, "giai-quyet"),
            "ket-luan": ("case", self.denounced, "ket-luan"),
            "thong-bao-ket-luan": ("case", self.denounced, "thong-bao-ket-luan"),
        }
        return {
            name: client.get(reverse(f"complaints:{kind}-document", args=[subject.pk, slug])).content
            for name, (kind, subject, slug) in wanted.items()
        }


def handler_of(agency):
    return member_of(agency, Role.HANDLER)
