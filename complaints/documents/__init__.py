"""The pre-filled document of each step (the forms annexed to the decrees and to TT 05/2021/TT-TTCP): which a
petition or a case offers at its current step, each a .docx template of the agency (built on the one layout,
complaints.paper; an edited one when the unit admin uploaded it) and the facts of the record that fill it."""

from collections.abc import Callable
from dataclasses import dataclass

from complaints.documents import cases, minutes, pauses, petitions
from complaints.models import Handling
from complaints.paper import Paper
from complaints.steps import has_steps
from danvan.models import Agency, Classification


@dataclass(frozen=True)
class Document:
    slug: str
    label: str
    template: Callable[[Agency], Paper]  # the built-in wording on the layout, with placeholders
    facts: Callable[[object], dict]  # the placeholders' values for a petition or a case
    available: Callable[[object], bool]
    # Which step of the record the document is of, when a record has several (each extension has its decision).
    step: Callable[[object], str] = lambda subject: ""


def _complaint(subject) -> bool:
    return subject.kind == Classification.COMPLAINT


def _denunciation(subject) -> bool:
    return subject.kind == Classification.DENUNCIATION


def _accepted(petition) -> bool:
    return petition.handling == Handling.ACCEPT


PETITION_DOCUMENTS = (
    Document("giay-bien-nhan", "Giấy biên nhận đơn", petitions.receipt_slip, petitions.receipt_facts, lambda p: True),
    Document(
        "phieu-de-xuat-thu-ly", "Phiếu đề xuất thụ lý đơn (Mẫu 01, TT 05/2021)", petitions.acceptance_proposal,
        petitions.proposal_facts,
        lambda p: p.handling in (Handling.ACCEPT, Handling.CONSIDER) and p.kind != Classification.RECOMMENDATION,
    ),
    Document(
        "thong-bao-thu-ly", "Thông báo thụ lý (Mẫu 03, NĐ 124/2020)", petitions.acceptance_notice,
        petitions.acceptance_facts, lambda p: _accepted(p) and _complaint(p),
    ),
    Document(
        "thong-bao-thu-ly-to-cao", "Thông báo thụ lý tố cáo (Mẫu 05, NĐ 31/2019)", petitions.denunciation_notice,
        petitions.denunciation_facts, lambda p: _accepted(p) and _denunciation(p),
    ),
    Document(
        "thong-bao-khong-thu-ly", "Thông báo không thụ lý", petitions.refusal_notice, petitions.refusal_facts,
        lambda p: p.processable is False or p.handling == Handling.DECLINE,
    ),
    Document(
        "phieu-chuyen-don", "Phiếu chuyển đơn", petitions.forwarding_slip, petitions.forwarding_facts,
        lambda p: p.handling == Handling.FORWARD,
    ),
    Document(
        "phieu-huong-dan", "Phiếu hướng dẫn", petitions.guidance_slip, petitions.guidance_facts,
        lambda p: p.handling == Handling.GUIDE,
    ),
)  # fmt: skip
CASE_DOCUMENTS = (
    # A recommendation, never accepted, has neither a verification nor a decision on it (complaints.steps).
    Document(
        "giao-xac-minh", "Quyết định xác minh nội dung", cases.verification_decision, cases.verification_facts,
        has_steps,
    ),
    Document(
        "bao-cao-xac-minh", "Báo cáo kết quả xác minh (Mẫu 13, NĐ 124/2020)", cases.verification_report,
        cases.verification_report_facts,
        lambda c: has_steps(c) and hasattr(c, "verification") and c.verification.reported_on is not None,
    ),
    Document(
        "bien-ban-doi-thoai", "Biên bản đối thoại (Mẫu 14, NĐ 124/2020)", minutes.dialogue_minutes,
        minutes.dialogue_facts, lambda c: has_steps(c) and _complaint(c) and hasattr(c, "complaint_dialogue"),
    ),
    Document(
        "tam-dinh-chi", "Quyết định tạm đình chỉ giải quyết (Mẫu 14a)", pauses.suspension_decision,
        pauses.suspension_facts, lambda c: pauses.latest_suspension(c) is not None,
        step=lambda c: str(pauses.latest_suspension(c).pk),
    ),
    Document(
        "tiep-tuc", "Quyết định tiếp tục giải quyết (Mẫu 14b)", pauses.resumption_decision, pauses.resumption_facts,
        lambda c: (s := pauses.latest_suspension(c)) is not None and s.resumed_on is not None,
        step=lambda c: str(pauses.latest_suspension(c).pk),
    ),
    Document(
        "gia-han", "Quyết định gia hạn (lần gần nhất)", cases.extension_decision, cases.extension_facts,
        lambda c: c.extensions.exists(), step=lambda c: str(c.extensions.last().pk),
    ),
    Document(
        "giai-quyet", "Quyết định giải quyết khiếu nại (Mẫu 15, 16)", cases.complaint_decision,
        cases.complaint_decision_facts, lambda c: has_steps(c) and _complaint(c) and hasattr(c, "decision"),
    ),
    Document(
        "ket-luan", "Kết luận nội dung tố cáo (Mẫu 12)", cases.conclusion, cases.conclusion_facts,
        lambda c: has_steps(c) and _denunciation(c) and hasattr(c, "decision"),
    ),
    Document(
        "thong-bao-ket-luan", "Thông báo kết quả giải quyết tố cáo cho người tố cáo (theo Mẫu 05, NĐ 31/2019)",
        cases.conclusion_notice, cases.conclusion_notice_facts,
        lambda c: has_steps(c) and _denunciation(c) and hasattr(c, "decision"),
    ),
)  # fmt: skip
DOCUMENTS = {document.slug: document for document in (*PETITION_DOCUMENTS, *CASE_DOCUMENTS)}


def available(documents: tuple[Document, ...], subject: object) -> list[Document]:
    return [document for document in documents if document.available(subject)]
