"""The documents of a petition's steps, from its receipt to its handling: each with its form, the step it is made
at and the date that picks the form in force (complaints.documents.document)."""

from complaints.documents import citizens, denunciations, petitions
from complaints.documents import stages as at
from complaints.documents.document import ND_31, ND_124, ND_154, ND_155, REPLACED_AFTER, TT_05, Document, form
from complaints.models import Handling
from danvan.models import Classification

_BY_2020 = {"until": REPLACED_AFTER}


def _refused_on(petition):
    return petition.handled_on or petition.received_on


PETITION_DOCUMENTS = (
    Document(
        "giay-bien-nhan", "Giấy biên nhận đơn",
        form(ND_154, "Mẫu số 02/TCD", since=None, note="Không có mẫu giấy biên nhận đơn: theo mẫu giấy biên nhận "
             "thông tin, tài liệu"),
        petitions.receipt_slip, petitions.receipt_facts, lambda p: True, at.received_on,
    ),
    Document(
        "don-khieu-nai", "Đơn khiếu nại", form(ND_124, "Mẫu số 01", **_BY_2020), citizens.complaint_2020,
        citizens.complainant_facts, at.made_at_hand, at.received_on,
    ),
    Document(
        "don-khieu-nai-2026", "Đơn khiếu nại", form(ND_155, "Mẫu số 01"), citizens.complaint_2026,
        citizens.complainant_facts, at.made_at_hand, at.received_on,
    ),
    Document(
        "giay-uy-quyen", "Giấy ủy quyền khiếu nại", form(ND_124, "Mẫu số 02", **_BY_2020),
        citizens.authorisation_2020, citizens.authorisation_facts, at.made_at_hand, at.received_on,
    ),
    Document(
        "giay-uy-quyen-2026", "Giấy ủy quyền khiếu nại", form(ND_155, "Mẫu số 02"), citizens.authorisation_2026,
        citizens.authorisation_facts, at.made_at_hand, at.received_on,
    ),
    Document(
        "phieu-de-xuat-thu-ly", "Phiếu đề xuất thụ lý đơn", form(TT_05, "Mẫu số 01"), petitions.acceptance_proposal,
        petitions.proposal_facts,
        lambda p: p.handling in (Handling.ACCEPT, Handling.CONSIDER) and p.kind != Classification.RECOMMENDATION,
        at.handled_on,
    ),
    Document(
        "thong-bao-thu-ly", "Thông báo về việc thụ lý giải quyết khiếu nại", form(ND_124, "Mẫu số 03", **_BY_2020),
        petitions.acceptance_notice, petitions.acceptance_facts, lambda p: at.accepted(p) and at.complaint(p),
        at.accepted_on,
    ),
    Document(
        "thong-bao-thu-ly-2026", "Thông báo về việc thụ lý giải quyết khiếu nại", form(ND_155, "Mẫu số 03"),
        petitions.acceptance_notice_2026, petitions.acceptance_facts, lambda p: at.accepted(p) and at.complaint(p),
        at.accepted_on,
    ),
    Document(
        "quyet-dinh-thu-ly-to-cao", "Quyết định thụ lý tố cáo", form(ND_31, "Mẫu số 04"),
        denunciations.acceptance_decision, denunciations.acceptance_facts,
        lambda p: at.accepted(p) and at.denunciation(p), at.accepted_on,
    ),
    Document(
        "thong-bao-thu-ly-to-cao", "Thông báo việc thụ lý tố cáo", form(ND_31, "Mẫu số 05"),
        petitions.denunciation_notice, petitions.denunciation_facts, lambda p: at.accepted(p) and at.denunciation(p),
        at.accepted_on,
    ),
    Document(
        "thong-bao-noi-dung-to-cao", "Thông báo về nội dung tố cáo (gửi người bị tố cáo)", form(ND_31, "Mẫu số 06"),
        denunciations.denounced_notice, petitions.denunciation_facts,
        lambda p: at.accepted(p) and at.denunciation(p), at.accepted_on,
    ),
    Document(
        "thong-bao-khong-thu-ly", "Thông báo về việc không thụ lý giải quyết khiếu nại",
        form(ND_124, "Mẫu số 04", **_BY_2020), petitions.refusal_notice, petitions.refusal_facts,
        lambda p: at.refused(p) and at.complaint(p), _refused_on,
    ),
    Document(
        "thong-bao-khong-thu-ly-2026", "Thông báo về việc không thụ lý giải quyết khiếu nại",
        form(ND_155, "Mẫu số 04"), petitions.refusal_notice_2026, petitions.refusal_facts,
        lambda p: at.refused(p) and at.complaint(p), _refused_on,
    ),
    Document(
        "thong-bao-khong-thu-ly-to-cao", "Thông báo về việc không thụ lý tố cáo", form(ND_31, "Mẫu số 05"),
        petitions.denunciation_refusal, petitions.denunciation_refusal_facts,
        lambda p: at.refused(p) and at.denunciation(p), _refused_on,
    ),
    Document(
        "phieu-chuyen-don", "Phiếu chuyển đơn", form(TT_05, "Mẫu số 03"), petitions.forwarding_slip,
        petitions.forwarding_facts, lambda p: p.handling == Handling.FORWARD,
        lambda p: p.forward_letter_date or p.handled_on,
    ),
    Document(
        "phieu-huong-dan", "Phiếu hướng dẫn",
        form(TT_05, "phiếu hướng dẫn", note="Thông tư không đánh số mẫu này: theo mẫu cơ quan đang dùng"),
        petitions.guidance_slip, petitions.guidance_facts, lambda p: p.handling == Handling.GUIDE, at.handled_on,
    ),
)  # fmt: skip
