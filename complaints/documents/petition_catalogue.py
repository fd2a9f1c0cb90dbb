"""The documents of a petition's steps, from its receipt to its handling: each with its form, the step it is made
at and the date that picks the form in force (complaints.documents.document)."""

from complaints.documents import citizens, denunciations, petitions, slips
from complaints.documents import stages as at
from complaints.documents.document import ND_31, ND_124, ND_154, ND_155, REPLACED_AFTER, TT_05, TT_07, Document, form
from complaints.models import Handling
from danvan.models import Classification

_BY_2020 = {"until": REPLACED_AFTER}
_UNNUMBERED = (
    "Chỉ Mẫu số 01 và 03 của Thông tư được xác minh số; lời văn theo mẫu các cơ quan đang dùng có dẫn Thông tư"
)


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
        "phieu-de-xuat-thu-ly", "Phiếu đề xuất thụ lý đơn", form(TT_05, "Mẫu số 01"), slips.acceptance_proposal,
        slips.proposal_facts,
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
        "phieu-chuyen-don-to-cao", "Phiếu chuyển đơn tố cáo", form(TT_05, "Mẫu số 03"), slips.denunciation_forwarding,
        slips.forwarding_facts, lambda p: at.forwarded(p) and at.denunciation(p), at.forwarded_on,
    ),
    Document(
        "phieu-chuyen-don", "Phiếu chuyển đơn",
        form(TT_05, "mẫu phiếu chuyển đơn kiến nghị, phản ánh", note=_UNNUMBERED),
        slips.forwarding_slip, slips.forwarding_facts, lambda p: at.forwarded(p) and not at.denunciation(p),
        at.forwarded_on,
    ),
    Document(
        "phieu-huong-dan", "Phiếu hướng dẫn", form(TT_05, "mẫu phiếu hướng dẫn", note=_UNNUMBERED),
        slips.guidance_slip, slips.guidance_facts, lambda p: p.handling == Handling.GUIDE, at.handled_on,
    ),
    Document(
        "don-doc", "Văn bản đôn đốc giải quyết đơn",
        form(TT_05, "Điều 14 khoản 2", note="Thông tư không có mẫu văn bản yêu cầu cấp dưới báo cáo, giải quyết: "
             "theo mẫu các cơ quan đang dùng"),
        slips.urging_letter, slips.urging_facts, lambda p: p.handling == Handling.URGE, at.handled_on,
    ),
    Document(
        "tra-lai-don", "Văn bản trả lại đơn",
        form(TT_07, "Mẫu số 04-XLĐ", note="Không tìm được mẫu trả lại đơn của Thông tư 05/2021/TT-TTCP: theo mẫu "
             "của thông tư trước"),
        slips.return_letter, slips.return_facts, lambda p: p.handling == Handling.RETURN, at.handled_on,
    ),
)  # fmt: skip
