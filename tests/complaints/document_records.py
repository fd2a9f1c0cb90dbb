"""Records whose documents the tests print: every field filled, or every optional field empty; dated before
01/07/2026 (the forms of NĐ 124/2020 and NĐ 31/2019) or after (those NĐ 155/2026 and NĐ 156/2026 replaced or added).
Each document is filled as a handler's download fills it: the agency's template in use, the record's facts."""

from datetime import date, time, timedelta
from decimal import Decimal

from complaints.documents import CASE_DOCUMENTS, PETITION_DOCUMENTS, VISIT_DOCUMENTS, available
from complaints.documents.filling import built_in, fill
from complaints.models import Handling, Outcome
from complaints.models.petitions import UnprocessableReason
from complaints.models.resolution import PauseCause
from complaints.services.handling import handle_petition
from complaints.services.intake import receive_petition
from complaints.services.resolution import decide_case, extend_case, resume_case, suspend_case
from danvan.citizens import CitizenDetails
from danvan.models import Case, Classification, Role
from reception.models import Result
from reception.services import receive_visit
from tests.factories import ComplaintDialogueFactory, VerificationFactory, member_of, verified

FULL = CitizenDetails(
    full_name="Nguyễn Văn Khiếu", cccd="064090007777", gender="male", address="Thôn 4, xã Ia Grai", phone="0905123456"
)
EMPTY = CitizenDetails(full_name="Trần Thị Đơn")
# Two Mondays: the records of the first are on the forms of 2019 and 2020, those of the second on the forms of 2026.
BEFORE_2026 = date(2026, 3, 2)
AFTER_2026 = date(2026, 8, 3)


class Records:
    """All received at ``agency`` by ``handler`` from ``start`` on: a complaint made at the desk, decided; a
    second-round complaint decided; a complaint withdrawn; a denunciation extended, suspended, examined by experts and
    concluded; a denunciation withdrawn and one declined; a petition and a denunciation forwarded, a petition guided
    elsewhere, one urged, one returned to the body that forwarded it and one refused; a citizen guided at the desk,
    who handed over papers. From 01/07/2026 the complaint is suspended too (a complaint's resolution is suspended
    from then only)."""

    def __init__(self, agency, handler, elsewhere, *, filled: bool, start: date = BEFORE_2026):
        self.agency, self.handler, self.filled, self.start = agency, handler, filled, start
        self.details = FULL if filled else EMPTY
        self.complaint = self._receive(Classification.COMPLAINT, source="reception")
        self.case = self._accept(self.complaint)
        VerificationFactory(
            case=self.case, verifier="Thanh tra xã Ia Grai" if filled else "Tổ xác minh",
            number="08/QĐ-UBND" if filled else "", findings="Việc thu hồi 300,5 m² đất chưa đúng trình tự." if filled
            else "Đã xác minh.",
        )  # fmt: skip
        if filled:
            ComplaintDialogueFactory(case=self.case, minutes="Các bên thống nhất đo đạc lại thửa đất.")
        if start >= date(2026, 7, 1):
            suspend_case(case=self.case, by=handler, on=self.day(10), number="11/QĐ-UBND", reason=self._reason())
            resume_case(case=self.case, by=handler, on=self.day(14), number="13/QĐ-UBND")
        amounts = {"money_due": Decimal("125.5"), "returned_money": Decimal("1250000000"), "land_due": Decimal("300.5")}
        amounts |= {"summary": "Việc thu hồi đất đúng thẩm quyền nhưng chưa đúng trình tự."}
        decide_case(
            case=self.case, by=handler, issued_on=self.day(49), number="12/QĐ-UBND" if filled else "5/QĐ-UBND",
            outcome=Outcome.PARTLY_FOUNDED if filled else Outcome.UNFOUNDED,
            **(amounts | {"sanctioned_people": 3, "sanctioned_officials": 2} if filled else {}),
        )  # fmt: skip
        self.second = verified(self._accept(self._receive(Classification.COMPLAINT), round=Case.Round.SECOND))
        decide_case(
            case=self.second, by=handler, issued_on=self.day(49), number="18/QĐ-UBND", outcome=Outcome.UPHELD_FIRST
        )
        self.withdrawn = self._accept(self._receive(Classification.COMPLAINT))
        self._withdraw(self.withdrawn, "15/QĐ-UBND")
        self.denunciation = self._receive(Classification.DENUNCIATION)
        self.denounced = self._accept(self.denunciation, complexity=Case.Complexity.COMPLEX)
        extend_case(case=self.denounced, by=handler, decided_on=self.day(28), number="10/QĐ-UBND", days=30)
        suspend_case(case=self.denounced, by=handler, on=self.day(35), number="14/QĐ-UBND", reason=self._reason())
        resume_case(case=self.denounced, by=handler, on=self.day(45), number="16/QĐ-UBND")
        suspend_case(
            case=self.denounced, by=handler, on=self.day(50), number="19/UBND-TTr", cause=PauseCause.EXAMINATION,
            reason="Chữ ký trên hợp đồng chuyển nhượng đất" if filled else "",
        )  # fmt: skip
        resume_case(case=self.denounced, by=handler, on=self.day(56), number="20/KQGĐ")
        decide_case(
            case=verified(self.denounced), by=handler, issued_on=self.day(63), number="3/KL-UBND",
            outcome=Outcome.FOUNDED if filled else Outcome.UNFOUNDED,
            **({"money_due": Decimal("40")} if filled else {}),
        )  # fmt: skip
        self.denunciation_withdrawn = self._accept(self._receive(Classification.DENUNCIATION))
        self._withdraw(self.denunciation_withdrawn, "17/QĐ-UBND")
        self.declined = self._handle(
            Handling.DECLINE, kind=Classification.DENUNCIATION, note="Tố cáo việc đã được giải quyết.",
            in_competence=True,
        )  # fmt: skip
        self.forwarded = self._handle(
            Handling.FORWARD, forwarded_to=elsewhere, letter_number="45/PC-UBND", letter_date=self.day(2)
        )
        self.denunciation_forwarded = self._handle(
            Handling.FORWARD, kind=Classification.DENUNCIATION, forwarded_to=elsewhere, letter_number="46/PC-UBND",
            letter_date=self.day(2),
        )  # fmt: skip
        self.guided = self._handle(Handling.GUIDE, note="Tòa án nhân dân khu vực 1 - Gia Lai" if filled else "")
        self.urged = self._handle(Handling.URGE, note="Ủy ban nhân dân xã Ia Sao" if filled else "")
        self.returned = self._receive(Classification.COMPLAINT, source="forwarded", forwarded_by=elsewhere)
        handle_petition(
            petition=self.returned, by=handler, on=self.day(2), processable=False, in_competence=None,
            reason=UnprocessableReason.UNCLEAR, handling=Handling.RETURN,
        )  # fmt: skip
        self.refused = self._handle(Handling.DECLINE, note="Quá thời hiệu khiếu nại.", in_competence=True)
        self.visit = receive_visit(
            agency=agency, by=handler, details=self.details, received_on=start, kind=Classification.COMPLAINT,
            content="Đề nghị giải quyết lại việc thu hồi đất đã có quyết định giải quyết lần hai", result=Result.GUIDED,
            **(
                {"received_time": time(8, 30), "receiver_name": "Lê Thị Tiếp", "receiver_title": "Chuyên viên",
                 "documents": "Bản sao quyết định thu hồi đất (02 trang)\nBản sao quyết định giải quyết lần hai"}
                if filled else {"documents_received": True}
            ),
        )  # fmt: skip

    def day(self, offset: int) -> date:
        return self.start + timedelta(days=offset)

    def _reason(self) -> str:
        return "Chờ kết quả giám định của cơ quan khác" if self.filled else ""

    def _receive(self, kind, source="post", **forwarded):
        return receive_petition(
            agency=self.agency, by=self.handler, received_on=self.start, source=source, kind=kind,
            content="Khiếu nại quyết định thu hồi đất của UBND xã", details=self.details, **forwarded,
        )  # fmt: skip

    def _accept(self, petition, **statutory):
        handle_petition(
            petition=petition, by=self.handler, on=self.day(3), processable=True, in_competence=True,
            handling=Handling.ACCEPT, **statutory,
        )  # fmt: skip
        petition.refresh_from_db()
        return petition.case

    def _withdraw(self, case, number):
        decide_case(
            case=case, by=self.handler, issued_on=self.day(21), number=number, outcome=Outcome.WITHDRAWN,
            **({"summary": "Người đứng đơn đã được giải thích và tự nguyện rút đơn."} if self.filled else {}),
        )  # fmt: skip

    def _handle(self, handling, kind=Classification.COMPLAINT, in_competence=False, **details):
        petition = self._receive(kind)
        handle_petition(
            petition=petition, by=self.handler, on=self.day(2), processable=True, in_competence=in_competence,
            handling=handling, **details,
        )  # fmt: skip
        return petition

    def subjects(self):
        """The petitions and the cases, the first that offers a document being the one it is printed for."""
        petitions = (
            self.complaint, self.denunciation, self.declined, self.forwarded, self.denunciation_forwarded, self.guided,
            self.urged, self.refused, self.returned,
        )  # fmt: skip
        cases = (self.case, self.second, self.withdrawn, self.denounced, self.denunciation_withdrawn)
        return [
            *((PETITION_DOCUMENTS, petition) for petition in petitions), *((CASE_DOCUMENTS, case) for case in cases),
            (VISIT_DOCUMENTS, self.visit),
        ]  # fmt: skip

    def offered(self, subject) -> list[str]:
        """The slugs of the documents ``subject`` offers at its step."""
        documents = next(documents for documents, record in self.subjects() if record == subject)
        return [document.slug for document in available(documents, subject)]

    def documents(self) -> dict[str, bytes]:
        """Every document these records offer, once each by its slug, filled as a download fills it."""
        filled = {}
        for documents, subject in self.subjects():
            for document in available(documents, subject):
                if document.slug not in filled:
                    filled[document.slug] = fill(built_in(document, self.agency), document.facts(subject))
        return filled


def handler_of(agency):
    return member_of(agency, Role.HANDLER)
