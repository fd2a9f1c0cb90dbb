"""The pre-filled document of each step (the forms annexed to the decrees and to TT 05/2021/TT-TTCP): which a
petition or a case offers at its current step, each a .docx template of the agency (built on the one layout,
complaints.paper; an edited one when the unit admin uploaded it) and the facts of the record that fill it.

Each document names its form (source and number) and the days the form is in force; the one offered is the form in
force on the date of the step (complaints.documents.document). A form replaced from 01/07/2026 (NĐ 155/2026, NĐ
156/2026) is a document of its own, its slug ending in -2026, so that each has its own template."""

from complaints.documents import cases, citizens, endings, minutes, pauses, petitions
from complaints.documents.document import (
    ND_31,
    ND_124,
    ND_154,
    ND_155,
    ND_156,
    REPLACED_AFTER,
    TT_05,
    Document,
    available,
    form,
)  # fmt: skip
from complaints.models import Handling, Outcome
from complaints.models.petitions import Source as Intake
from complaints.rules import ENDING
from complaints.steps import has_steps
from danvan.models import Classification

__all__ = ["CASE_DOCUMENTS", "DOCUMENTS", "PETITION_DOCUMENTS", "Document", "available"]


def _complaint(subject) -> bool:
    return subject.kind == Classification.COMPLAINT


def _denunciation(subject) -> bool:
    return subject.kind == Classification.DENUNCIATION


def _accepted(petition) -> bool:
    return petition.handling == Handling.ACCEPT


def _refused(petition) -> bool:
    return petition.processable is False or petition.handling == Handling.DECLINE


def _made_at_hand(petition) -> bool:
    """A complaint made at the desk or online, which the officer writes down on the complainant's form."""
    return _complaint(petition) and petition.source in (Intake.RECEPTION, Intake.ONLINE)


def _received_on(petition):
    return petition.received_on


def _handled_on(petition):
    return petition.handled_on


def _accepted_on(petition):
    return petition.case.accepted_on


def _decided_on(case):
    return case.decision.issued_on


def _ended(case) -> bool:
    return has_steps(case) and hasattr(case, "decision") and case.decision.outcome in ENDING


def _withdrawn(case) -> bool:
    return has_steps(case) and hasattr(case, "decision") and case.decision.outcome == Outcome.WITHDRAWN


def _suspended(case) -> bool:
    return pauses.latest_suspension(case) is not None


def _resumed(case) -> bool:
    return (suspension := pauses.latest_suspension(case)) is not None and suspension.resumed_on is not None


def _suspension_step(case) -> str:
    return str(pauses.latest_suspension(case).pk)


def _suspended_on(case):
    return pauses.latest_suspension(case).suspended_on


def _resumed_on(case):
    return pauses.latest_suspension(case).resumed_on


_BY_2020 = {"until": REPLACED_AFTER}
# Luật Tố cáo 2018 came into force on 01/01/2019: its decisions no annex shapes exist from then.
_TC_LAW = {"since": ND_31.in_force_from}
_NO_KN_FORM = (
    "Luật Khiếu nại, Điều 10: đình chỉ giải quyết khi người khiếu nại rút khiếu nại; Nghị định 124/2020/NĐ-CP "
)
_NO_TC_FORM = "Luật Tố cáo, Điều 34 khoản {}: Nghị định 31/2019/NĐ-CP không có mẫu; theo bố cục quyết định của phụ lục"
_NO_KN_LETTER = (
    "Luật Khiếu nại, Điều 10 (sửa đổi bởi Luật 136/2025/QH15): rút khiếu nại bằng {}; Nghị định 155/2026/NĐ-CP không "
    "có mẫu: theo mẫu rút tố cáo"
)

PETITION_DOCUMENTS = (
    Document(
        "giay-bien-nhan", "Giấy biên nhận đơn",
        form(ND_154, "Mẫu số 02/TCD", since=None, note="Không có mẫu giấy biên nhận đơn: theo mẫu giấy biên nhận "
             "thông tin, tài liệu"),
        petitions.receipt_slip, petitions.receipt_facts, lambda p: True, _received_on,
    ),
    Document(
        "don-khieu-nai", "Đơn khiếu nại", form(ND_124, "Mẫu số 01", **_BY_2020), citizens.complaint_2020,
        citizens.complainant_facts, _made_at_hand, _received_on,
    ),
    Document(
        "don-khieu-nai-2026", "Đơn khiếu nại", form(ND_155, "Mẫu số 01"), citizens.complaint_2026,
        citizens.complainant_facts, _made_at_hand, _received_on,
    ),
    Document(
        "giay-uy-quyen", "Giấy ủy quyền khiếu nại", form(ND_124, "Mẫu số 02", **_BY_2020),
        citizens.authorisation_2020, citizens.authorisation_facts, _made_at_hand, _received_on,
    ),
    Document(
        "giay-uy-quyen-2026", "Giấy ủy quyền khiếu nại", form(ND_155, "Mẫu số 02"), citizens.authorisation_2026,
        citizens.authorisation_facts, _made_at_hand, _received_on,
    ),
    Document(
        "phieu-de-xuat-thu-ly", "Phiếu đề xuất thụ lý đơn", form(TT_05, "Mẫu số 01"), petitions.acceptance_proposal,
        petitions.proposal_facts,
        lambda p: p.handling in (Handling.ACCEPT, Handling.CONSIDER) and p.kind != Classification.RECOMMENDATION,
        _handled_on,
    ),
    Document(
        "thong-bao-thu-ly", "Thông báo về việc thụ lý giải quyết khiếu nại", form(ND_124, "Mẫu số 03", **_BY_2020),
        petitions.acceptance_notice, petitions.acceptance_facts, lambda p: _accepted(p) and _complaint(p),
        _accepted_on,
    ),
    Document(
        "thong-bao-thu-ly-2026", "Thông báo về việc thụ lý giải quyết khiếu nại", form(ND_155, "Mẫu số 03"),
        petitions.acceptance_notice_2026, petitions.acceptance_facts, lambda p: _accepted(p) and _complaint(p),
        _accepted_on,
    ),
    Document(
        "thong-bao-thu-ly-to-cao", "Thông báo việc thụ lý tố cáo", form(ND_31, "Mẫu số 05"),
        petitions.denunciation_notice, petitions.denunciation_facts, lambda p: _accepted(p) and _denunciation(p),
        _accepted_on,
    ),
    Document(
        "thong-bao-khong-thu-ly", "Thông báo về việc không thụ lý giải quyết khiếu nại",
        form(ND_124, "Mẫu số 04", **_BY_2020), petitions.refusal_notice, petitions.refusal_facts,
        lambda p: _refused(p) and _complaint(p), lambda p: p.handled_on or p.received_on,
    ),
    Document(
        "thong-bao-khong-thu-ly-2026", "Thông báo về việc không thụ lý giải quyết khiếu nại",
        form(ND_155, "Mẫu số 04"), petitions.refusal_notice_2026, petitions.refusal_facts,
        lambda p: _refused(p) and _complaint(p), lambda p: p.handled_on or p.received_on,
    ),
    Document(
        "thong-bao-khong-thu-ly-to-cao", "Thông báo về việc không thụ lý tố cáo", form(ND_31, "Mẫu số 05"),
        petitions.denunciation_refusal, petitions.denunciation_refusal_facts,
        lambda p: _refused(p) and _denunciation(p), lambda p: p.handled_on or p.received_on,
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
        "bien-ban-doi-thoai", "Biên bản đối thoại với người khiếu nại", form(ND_124, "Mẫu số 14", **_BY_2020),
        minutes.dialogue_minutes, minutes.dialogue_facts,
        lambda c: has_steps(c) and _complaint(c) and hasattr(c, "complaint_dialogue"),
        lambda c: c.complaint_dialogue.held_on,
    ),
    Document(
        "bien-ban-doi-thoai-2026", "Biên bản đối thoại với người khiếu nại", form(ND_155, "Mẫu số 14"),
        minutes.dialogue_minutes_2026, minutes.dialogue_facts,
        lambda c: has_steps(c) and _complaint(c) and hasattr(c, "complaint_dialogue"),
        lambda c: c.complaint_dialogue.held_on,
    ),
    # A complaint's resolution is suspended from 01/07/2026 only (complaints.rules.COMPLAINT_SUSPENSION_FROM).
    Document(
        "tam-dinh-chi", "Quyết định tạm đình chỉ giải quyết khiếu nại", form(ND_155, "Mẫu số 14a"),
        pauses.suspension_decision, pauses.suspension_facts, lambda c: _complaint(c) and _suspended(c),
        _suspended_on, step=_suspension_step,
    ),
    Document(
        "tiep-tuc", "Quyết định tiếp tục giải quyết khiếu nại", form(ND_155, "Mẫu số 14b"),
        pauses.resumption_decision, pauses.resumption_facts, lambda c: _complaint(c) and _resumed(c), _resumed_on,
        step=_suspension_step,
    ),
    Document(
        "tam-dinh-chi-to-cao", "Quyết định tạm đình chỉ việc giải quyết tố cáo",
        form(ND_31, "Mẫu số 01", **_TC_LAW, note=_NO_TC_FORM.format(1)), pauses.denunciation_suspension,
        pauses.suspension_facts, lambda c: _denunciation(c) and _suspended(c), _suspended_on, step=_suspension_step,
    ),
    Document(
        "tiep-tuc-to-cao", "Quyết định tiếp tục giải quyết tố cáo",
        form(ND_31, "Mẫu số 01", **_TC_LAW, note=_NO_TC_FORM.format(2)), pauses.denunciation_resumption,
        pauses.resumption_facts, lambda c: _denunciation(c) and _resumed(c), _resumed_on, step=_suspension_step,
    ),
    Document(
        "gia-han", "Quyết định gia hạn giải quyết tố cáo (lần gần nhất)", form(ND_31, "Mẫu số 01"),
        cases.extension_decision, cases.extension_facts, lambda c: c.extensions.exists(),
        lambda c: c.extensions.last().decided_on, step=lambda c: str(c.extensions.last().pk),
    ),
    Document(
        "giai-quyet", "Quyết định giải quyết khiếu nại", form(ND_124, "Mẫu số 15, 16"), cases.complaint_decision,
        cases.complaint_decision_facts, lambda c: has_steps(c) and _complaint(c) and cases.on_the_merits(c),
        _decided_on,
    ),
    Document(
        "don-rut-khieu-nai-2026", "Đơn rút khiếu nại", form(ND_156, "Mẫu số 02", note=_NO_KN_LETTER.format("đơn")),
        endings.complaint_letter_2026, endings.withdrawal_facts, lambda c: _complaint(c) and _withdrawn(c),
        _decided_on,
    ),
    Document(
        "bien-ban-rut-khieu-nai-2026", "Biên bản ghi nhận ý kiến rút khiếu nại",
        form(ND_156, "Mẫu số 03", note=_NO_KN_LETTER.format("biên bản ghi nhận ý kiến rút khiếu nại")),
        endings.complaint_minutes_2026, endings.withdrawal_facts, lambda c: _complaint(c) and _withdrawn(c),
        _decided_on,
    ),
    Document(
        "dinh-chi", "Quyết định đình chỉ giải quyết khiếu nại",
        form(ND_124, "Mẫu số 11", **_BY_2020, note=_NO_KN_FORM + "không có mẫu; theo bố cục quyết định của phụ lục"),
        endings.termination, endings.termination_facts, lambda c: _complaint(c) and _ended(c), _decided_on,
    ),
    Document(
        "dinh-chi-2026", "Quyết định đình chỉ giải quyết khiếu nại", form(ND_155, "Mẫu số 14a"), endings.termination,
        endings.termination_facts, lambda c: _complaint(c) and _ended(c), _decided_on,
    ),
    Document(
        "don-rut-to-cao", "Đơn rút tố cáo", form(ND_31, "Mẫu số 02", **_BY_2020), endings.denunciation_letter_2019,
        endings.withdrawal_facts, lambda c: _denunciation(c) and _withdrawn(c), _decided_on,
    ),
    Document(
        "don-rut-to-cao-2026", "Đơn rút tố cáo", form(ND_156, "Mẫu số 02"), endings.denunciation_letter_2026,
        endings.withdrawal_facts, lambda c: _denunciation(c) and _withdrawn(c), _decided_on,
    ),
    Document(
        "bien-ban-rut-to-cao", "Biên bản ghi nhận việc rút tố cáo", form(ND_31, "Mẫu số 03", **_BY_2020),
        endings.denunciation_minutes_2019, endings.withdrawal_facts, lambda c: _denunciation(c) and _withdrawn(c),
        _decided_on,
    ),
    Document(
        "bien-ban-rut-to-cao-2026", "Biên bản ghi nhận ý kiến rút tố cáo", form(ND_156, "Mẫu số 03"),
        endings.denunciation_minutes_2026, endings.withdrawal_facts, lambda c: _denunciation(c) and _withdrawn(c),
        _decided_on,
    ),
    Document(
        "dinh-chi-to-cao", "Quyết định đình chỉ việc giải quyết tố cáo",
        form(ND_31, "Mẫu số 01", **_TC_LAW, note=_NO_TC_FORM.format(3)), endings.denunciation_termination,
        endings.termination_facts, lambda c: _denunciation(c) and _ended(c), _decided_on,
    ),
    Document(
        "ket-luan", "Kết luận nội dung tố cáo", form(ND_31, "Mẫu số 12"), cases.conclusion, cases.conclusion_facts,
        lambda c: has_steps(c) and _denunciation(c) and cases.on_the_merits(c), _decided_on,
    ),
    Document(
        "thong-bao-ket-luan", "Thông báo kết luận nội dung tố cáo cho người tố cáo",
        form(ND_31, "Mẫu số 05", note="Luật Tố cáo, Điều 35 khoản 3 yêu cầu thông báo kết luận cho người tố cáo; Nghị "
             "định 31/2019/NĐ-CP không có mẫu: theo mẫu thông báo gửi người tố cáo"),
        cases.conclusion_notice, cases.conclusion_notice_facts,
        lambda c: has_steps(c) and _denunciation(c) and cases.on_the_merits(c), _decided_on,
    ),
)  # fmt: skip
DOCUMENTS = {document.slug: document for document in (*PETITION_DOCUMENTS, *CASE_DOCUMENTS)}
