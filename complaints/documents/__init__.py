"""The pre-filled document of each step (the forms annexed to the decrees and to TT 05/2021/TT-TTCP): which a
petition or a case offers at its current step, each a .docx template of the agency (built on the one layout,
complaints.paper; an edited one when the unit admin uploaded it) and the facts of the record that fill it.

Each document names its form (source and number) and the days the form is in force; the one offered is the form in
force on the date of the step (complaints.documents.document)."""

from complaints.documents import cases, minutes, pauses, petitions
from complaints.documents.document import ND_31, ND_124, ND_154, ND_155, TT_05, Document, available, form
from complaints.models import Handling
from complaints.steps import has_steps
from danvan.models import Classification

__all__ = ["CASE_DOCUMENTS", "DOCUMENTS", "PETITION_DOCUMENTS", "Document", "available"]


def _complaint(subject) -> bool:
    return subject.kind == Classification.COMPLAINT


def _denunciation(subject) -> bool:
    return subject.kind == Classification.DENUNCIATION


def _accepted(petition) -> bool:
    return petition.handling == Handling.ACCEPT


def _handled_on(petition):
    return petition.handled_on


def _accepted_on(petition):
    return petition.case.accepted_on


def _decided_on(case):
    return case.decision.issued_on


PETITION_DOCUMENTS = (
    Document(
        "giay-bien-nhan", "Giấy biên nhận đơn",
        form(ND_154, "Mẫu số 02/TCD", since=None, note="Không có mẫu giấy biên nhận đơn: theo mẫu giấy biên nhận "
             "thông tin, tài liệu"),
        petitions.receipt_slip, petitions.receipt_facts, lambda p: True, lambda p: p.received_on,
    ),
    Document(
        "phieu-de-xuat-thu-ly", "Phiếu đề xuất thụ lý đơn", form(TT_05, "Mẫu số 01"), petitions.acceptance_proposal,
        petitions.proposal_facts,
        lambda p: p.handling in (Handling.ACCEPT, Handling.CONSIDER) and p.kind != Classification.RECOMMENDATION,
        _handled_on,
    ),
    Document(
        "thong-bao-thu-ly", "Thông báo về việc thụ lý giải quyết khiếu nại", form(ND_124, "Mẫu số 03"),
        petitions.acceptance_notice, petitions.acceptance_facts, lambda p: _accepted(p) and _complaint(p),
        _accepted_on,
    ),
    Document(
        "thong-bao-thu-ly-to-cao", "Thông báo việc thụ lý tố cáo", form(ND_31, "Mẫu số 05"),
        petitions.denunciation_notice, petitions.denunciation_facts, lambda p: _accepted(p) and _denunciation(p),
        _accepted_on,
    ),
    Document(
        "thong-bao-khong-thu-ly", "Thông báo về việc không thụ lý giải quyết", form(ND_124, "Mẫu số 04"),
        petitions.refusal_notice, petitions.refusal_facts,
        lambda p: p.processable is False or p.handling == Handling.DECLINE, lambda p: p.handled_on or p.received_on,
    ),
    Document(
        "phieu-chuyen-don", "Phiếu chuyển đơn", form(TT_05, "Mẫu số 03"), petitions.forwarding_slip,
        petitions.forwarding_facts, lambda p: p.handling == Handling.FORWARD,
        lambda p: p.forward_letter_date or p.handled_on,
    ),
    Document(
        "phieu-huong-dan", "Phiếu hướng dẫn",
        form(TT_05, "phiếu hướng dẫn", note="Thông tư không đánh số mẫu này: theo mẫu cơ quan đang dùng"),
        petitions.guidance_slip, petitions.guidance_facts, lambda p: p.handling == Handling.GUIDE, _handled_on,
    ),
)  # fmt: skip
CASE_DOCUMENTS = (
    # A recommendation, never accepted, has neither a verification nor a decision on it (complaints.steps).
    Document(
        "giao-xac-minh", "Quyết định về việc xác minh nội dung", form(ND_124, "Mẫu số 05"),
        cases.verification_decision, cases.verification_facts, has_steps,
        lambda c: c.verification.started_on if hasattr(c, "verification") else c.accepted_on,
    ),
    Document(
        "bao-cao-xac-minh", "Báo cáo kết quả xác minh nội dung", form(ND_124, "Mẫu số 13"),
        cases.verification_report, cases.verification_report_facts,
        lambda c: has_steps(c) and hasattr(c, "verification") and c.verification.reported_on is not None,
        lambda c: c.verification.reported_on,
    ),
    Document(
        "bien-ban-doi-thoai", "Biên bản đối thoại với người khiếu nại", form(ND_155, "Mẫu số 14", since=None),
        minutes.dialogue_minutes, minutes.dialogue_facts,
        lambda c: has_steps(c) and _complaint(c) and hasattr(c, "complaint_dialogue"),
        lambda c: c.complaint_dialogue.held_on,
    ),
    Document(
        "tam-dinh-chi", "Quyết định tạm đình chỉ giải quyết", form(ND_155, "Mẫu số 14a", since=None),
        pauses.suspension_decision, pauses.suspension_facts, lambda c: pauses.latest_suspension(c) is not None,
        lambda c: pauses.latest_suspension(c).suspended_on, step=lambda c: str(pauses.latest_suspension(c).pk),
    ),
    Document(
        "tiep-tuc", "Quyết định tiếp tục giải quyết", form(ND_155, "Mẫu số 14b", since=None),
        pauses.resumption_decision, pauses.resumption_facts,
        lambda c: (s := pauses.latest_suspension(c)) is not None and s.resumed_on is not None,
        lambda c: pauses.latest_suspension(c).resumed_on, step=lambda c: str(pauses.latest_suspension(c).pk),
    ),
    Document(
        "gia-han", "Quyết định gia hạn giải quyết tố cáo (lần gần nhất)", form(ND_31, "Mẫu số 01"),
        cases.extension_decision, cases.extension_facts, lambda c: c.extensions.exists(),
        lambda c: c.extensions.last().decided_on, step=lambda c: str(c.extensions.last().pk),
    ),
    Document(
        "giai-quyet", "Quyết định giải quyết khiếu nại", form(ND_124, "Mẫu số 15, 16"), cases.complaint_decision,
        cases.complaint_decision_facts, lambda c: has_steps(c) and _complaint(c) and hasattr(c, "decision"),
        _decided_on,
    ),
    Document(
        "ket-luan", "Kết luận nội dung tố cáo", form(ND_31, "Mẫu số 12"), cases.conclusion, cases.conclusion_facts,
        lambda c: has_steps(c) and _denunciation(c) and hasattr(c, "decision"), _decided_on,
    ),
    Document(
        "thong-bao-ket-luan", "Thông báo kết luận nội dung tố cáo cho người tố cáo",
        form(ND_31, "Mẫu số 05", note="Luật Tố cáo, Điều 35 khoản 3 yêu cầu thông báo kết luận cho người tố cáo; Nghị "
             "định 31/2019/NĐ-CP không có mẫu: theo mẫu thông báo gửi người tố cáo"),
        cases.conclusion_notice, cases.conclusion_notice_facts,
        lambda c: has_steps(c) and _denunciation(c) and hasattr(c, "decision"), _decided_on,
    ),
)  # fmt: skip
DOCUMENTS = {document.slug: document for document in (*PETITION_DOCUMENTS, *CASE_DOCUMENTS)}
