"""The documents of an accepted case's steps, from its verification to its decision or conclusion, or the end of its
resolution: each with its form, the step it is made at and the date that picks the form in force
(complaints.documents.document). A recommendation, never accepted, has none of them (complaints.steps)."""

from complaints.documents import cases, denunciations, endings, minutes, pauses, verifying
from complaints.documents import stages as at
from complaints.documents.document import ND_31, ND_124, ND_155, ND_156, REPLACED_AFTER, Document, form
from complaints.steps import has_steps
from danvan.models import Case

_BY_2020 = {"until": REPLACED_AFTER}
# Luật Tố cáo 2018 came into force on 01/01/2019: its decisions no annex shapes exist from then.
_TC_LAW = {"since": ND_31.in_force_from}
_NO_TC_FORM = "Luật Tố cáo, Điều 34 khoản {}: Nghị định 31/2019/NĐ-CP không có mẫu; theo bố cục quyết định của phụ lục"
_NO_KN_FORM = (
    "Luật Khiếu nại, Điều 10: đình chỉ giải quyết khi người khiếu nại rút khiếu nại; Nghị định 124/2020/NĐ-CP không "
    "có mẫu; theo bố cục quyết định của phụ lục"
)
_NO_KN_LETTER = (
    "Luật Khiếu nại, Điều 10 (sửa đổi bởi Luật 136/2025/QH15): rút khiếu nại bằng {}; Nghị định 155/2026/NĐ-CP không "
    "có mẫu: theo mẫu rút tố cáo"
)


def _complaint_verifying(case) -> bool:
    return at.complaint(case) and at.verifying(case)


def _denunciation_verifying(case) -> bool:
    return at.denunciation(case) and at.verifying(case)


def _complaint_verified(case) -> bool:
    return at.complaint(case) and at.verified(case)


def _denunciation_verified(case) -> bool:
    return at.denunciation(case) and at.verified(case)


def _complaint_in_resolution(case) -> bool:
    return at.complaint(case) and has_steps(case)


def _first_round_decided(case) -> bool:
    return at.complaint(case) and at.on_the_merits(case) and case.round != Case.Round.SECOND


def _second_round_decided(case) -> bool:
    return at.complaint(case) and at.on_the_merits(case) and case.round == Case.Round.SECOND


def _verifying(slug: str, title: str, number: str, template, code: str = "") -> Document:
    """A paper made while a complaint is verified (NĐ 124/2020 Mẫu 06–10)."""
    return Document(
        slug,
        title,
        form(ND_124, number),
        template,
        lambda case: verifying.verifying_facts(case, code=code),
        _complaint_verifying,
        at.verification_started_on,
    )


CASE_DOCUMENTS = (
    Document(
        "giao-xac-minh", "Quyết định về việc xác minh nội dung khiếu nại", form(ND_124, "Mẫu số 05"),
        cases.verification_decision, cases.verification_facts, _complaint_in_resolution,
        lambda c: c.verification.started_on if hasattr(c, "verification") else c.accepted_on,
    ),
    _verifying("bien-ban-lam-viec", "Biên bản làm việc về xác minh nội dung khiếu nại", "Mẫu số 06",
               verifying.working_minutes),
    _verifying("de-nghi-cung-cap", "Văn bản đề nghị cung cấp thông tin, tài liệu, bằng chứng", "Mẫu số 07",
               verifying.information_request),
    _verifying("bien-ban-giao-nhan", "Biên bản giao nhận thông tin, tài liệu, bằng chứng", "Mẫu số 08",
               verifying.handover_minutes),
    _verifying("trung-cau-giam-dinh", "Quyết định trưng cầu giám định", "Mẫu số 09", verifying.examination_decision,
               code="QĐ"),
    _verifying("de-nghi-ket-qua-giam-dinh", "Văn bản đề nghị gửi kết quả giám định", "Mẫu số 10",
               verifying.examination_letter),
    Document(
        "tam-dinh-chi-thi-hanh", "Quyết định tạm đình chỉ việc thi hành quyết định hành chính bị khiếu nại",
        form(ND_124, "Mẫu số 11"), verifying.execution_suspension,
        lambda case: verifying.verifying_facts(case, code="QĐ"), _complaint_in_resolution, at.case_accepted_on,
    ),
    Document(
        "huy-tam-dinh-chi-thi-hanh", "Quyết định hủy bỏ quyết định tạm đình chỉ việc thi hành quyết định hành chính",
        form(ND_124, "Mẫu số 12"), verifying.suspension_lifted,
        lambda case: verifying.verifying_facts(case, code="QĐ"), _complaint_in_resolution, at.case_accepted_on,
    ),
    Document(
        "bao-cao-xac-minh", "Báo cáo kết quả xác minh nội dung khiếu nại", form(ND_124, "Mẫu số 13"),
        cases.verification_report, cases.verification_report_facts, _complaint_verified, at.verification_reported_on,
    ),
    Document(
        "thanh-lap-to-xac-minh", "Quyết định thành lập Đoàn (Tổ) xác minh nội dung tố cáo", form(ND_31, "Mẫu số 07"),
        denunciations.team_decision, denunciations.team_decision_facts, _denunciation_verifying,
        at.verification_started_on,
    ),
    Document(
        "bien-ban-to-xac-minh", "Biên bản làm việc của Đoàn (Tổ) xác minh", form(ND_31, "Mẫu số 08"),
        denunciations.team_minutes, denunciations.team_minutes_facts, _denunciation_verifying,
        at.verification_started_on,
    ),
    Document(
        "trung-cau-giam-dinh-to-cao", "Văn bản trưng cầu giám định", form(ND_31, "Mẫu số 09"),
        denunciations.examination_request, denunciations.examination_facts,
        lambda c: at.denunciation(c) and at.examined(c), at.examined_on, step=at.examination_step,
    ),
    Document(
        "bao-cao-to-xac-minh", "Báo cáo kết quả xác minh nội dung tố cáo của Đoàn (Tổ) xác minh",
        form(ND_31, "Mẫu số 10"), denunciations.team_report, denunciations.report_facts, _denunciation_verified,
        at.verification_reported_on,
    ),
    Document(
        "bao-cao-xac-minh-to-cao", "Báo cáo kết quả xác minh nội dung tố cáo của cơ quan được giao xác minh",
        form(ND_31, "Mẫu số 11"), denunciations.body_report, denunciations.report_facts, _denunciation_verified,
        at.verification_reported_on,
    ),
    Document(
        "bien-ban-doi-thoai", "Biên bản đối thoại với người khiếu nại", form(ND_124, "Mẫu số 14", **_BY_2020),
        minutes.dialogue_minutes, minutes.dialogue_facts,
        lambda c: _complaint_in_resolution(c) and hasattr(c, "complaint_dialogue"),
        lambda c: c.complaint_dialogue.held_on,
    ),
    Document(
        "bien-ban-doi-thoai-2026", "Biên bản đối thoại với người khiếu nại", form(ND_155, "Mẫu số 14"),
        minutes.dialogue_minutes_2026, minutes.dialogue_facts,
        lambda c: _complaint_in_resolution(c) and hasattr(c, "complaint_dialogue"),
        lambda c: c.complaint_dialogue.held_on,
    ),
    # A complaint's resolution is suspended from 01/07/2026 only (complaints.rules.COMPLAINT_SUSPENSION_FROM).
    Document(
        "tam-dinh-chi", "Quyết định tạm đình chỉ giải quyết khiếu nại", form(ND_155, "Mẫu số 14a"),
        pauses.suspension_decision, pauses.suspension_facts, lambda c: at.complaint(c) and at.suspended(c),
        at.suspended_on, step=at.suspension_step,
    ),
    Document(
        "tiep-tuc", "Quyết định tiếp tục giải quyết khiếu nại", form(ND_155, "Mẫu số 14b"),
        pauses.resumption_decision, pauses.resumption_facts, lambda c: at.complaint(c) and at.resumed(c),
        at.resumed_on, step=at.suspension_step,
    ),
    Document(
        "tam-dinh-chi-to-cao", "Quyết định tạm đình chỉ việc giải quyết tố cáo",
        form(ND_31, "Mẫu số 01", **_TC_LAW, note=_NO_TC_FORM.format(1)), pauses.denunciation_suspension,
        pauses.suspension_facts, lambda c: at.denunciation(c) and at.suspended(c), at.suspended_on,
        step=at.suspension_step,
    ),
    Document(
        "tiep-tuc-to-cao", "Quyết định tiếp tục giải quyết tố cáo",
        form(ND_31, "Mẫu số 01", **_TC_LAW, note=_NO_TC_FORM.format(2)), pauses.denunciation_resumption,
        pauses.resumption_facts, lambda c: at.denunciation(c) and at.resumed(c), at.resumed_on,
        step=at.suspension_step,
    ),
    Document(
        "gia-han", "Quyết định gia hạn giải quyết tố cáo (lần gần nhất)", form(ND_31, "Mẫu số 01"),
        cases.extension_decision, cases.extension_facts, lambda c: c.extensions.exists(),
        lambda c: c.extensions.last().decided_on, step=lambda c: str(c.extensions.last().pk),
    ),
    Document(
        "giai-quyet", "Quyết định giải quyết khiếu nại lần đầu", form(ND_124, "Mẫu số 15"), cases.complaint_decision,
        cases.complaint_decision_facts, _first_round_decided, at.decided_on,
    ),
    Document(
        "giai-quyet-lan-hai", "Quyết định giải quyết khiếu nại lần hai", form(ND_124, "Mẫu số 16"),
        cases.second_decision, cases.complaint_decision_facts, _second_round_decided, at.decided_on,
    ),
    Document(
        "don-rut-khieu-nai-2026", "Đơn rút khiếu nại", form(ND_156, "Mẫu số 02", note=_NO_KN_LETTER.format("đơn")),
        endings.complaint_letter_2026, endings.withdrawal_facts, lambda c: at.complaint(c) and at.withdrawn(c),
        at.decided_on,
    ),
    Document(
        "bien-ban-rut-khieu-nai-2026", "Biên bản ghi nhận ý kiến rút khiếu nại",
        form(ND_156, "Mẫu số 03", note=_NO_KN_LETTER.format("biên bản ghi nhận ý kiến rút khiếu nại")),
        endings.complaint_minutes_2026, endings.withdrawal_facts, lambda c: at.complaint(c) and at.withdrawn(c),
        at.decided_on,
    ),
    Document(
        "dinh-chi", "Quyết định đình chỉ giải quyết khiếu nại", form(ND_124, "Mẫu số 11", **_BY_2020, note=_NO_KN_FORM),
        endings.termination, endings.termination_facts, lambda c: at.complaint(c) and at.ended(c), at.decided_on,
    ),
    Document(
        "dinh-chi-2026", "Quyết định đình chỉ giải quyết khiếu nại", form(ND_155, "Mẫu số 14a"), endings.termination,
        endings.termination_facts, lambda c: at.complaint(c) and at.ended(c), at.decided_on,
    ),
    Document(
        "don-rut-to-cao", "Đơn rút tố cáo", form(ND_31, "Mẫu số 02", **_BY_2020), endings.denunciation_letter_2019,
        endings.withdrawal_facts, lambda c: at.denunciation(c) and at.withdrawn(c), at.decided_on,
    ),
    Document(
        "don-rut-to-cao-2026", "Đơn rút tố cáo", form(ND_156, "Mẫu số 02"), endings.denunciation_letter_2026,
        endings.withdrawal_facts, lambda c: at.denunciation(c) and at.withdrawn(c), at.decided_on,
    ),
    Document(
        "bien-ban-rut-to-cao", "Biên bản ghi nhận việc rút tố cáo", form(ND_31, "Mẫu số 03", **_BY_2020),
        endings.denunciation_minutes_2019, endings.withdrawal_facts, lambda c: at.denunciation(c) and at.withdrawn(c),
        at.decided_on,
    ),
    Document(
        "bien-ban-rut-to-cao-2026", "Biên bản ghi nhận ý kiến rút tố cáo", form(ND_156, "Mẫu số 03"),
        endings.denunciation_minutes_2026, endings.withdrawal_facts, lambda c: at.denunciation(c) and at.withdrawn(c),
        at.decided_on,
    ),
    Document(
        "dinh-chi-to-cao", "Quyết định đình chỉ việc giải quyết tố cáo",
        form(ND_31, "Mẫu số 01", **_TC_LAW, note=_NO_TC_FORM.format(3)), endings.denunciation_termination,
        endings.termination_facts, lambda c: at.denunciation(c) and at.ended(c), at.decided_on,
    ),
    Document(
        "ket-luan", "Kết luận nội dung tố cáo", form(ND_31, "Mẫu số 12"), cases.conclusion, cases.conclusion_facts,
        lambda c: at.denunciation(c) and at.on_the_merits(c), at.decided_on,
    ),
    Document(
        "thong-bao-ket-luan", "Thông báo kết luận nội dung tố cáo cho người tố cáo",
        form(ND_31, "Mẫu số 05", note="Luật Tố cáo, Điều 35 khoản 3 yêu cầu thông báo kết luận cho người tố cáo; Nghị "
             "định 31/2019/NĐ-CP không có mẫu: theo mẫu thông báo gửi người tố cáo"),
        cases.conclusion_notice, cases.conclusion_notice_facts, lambda c: at.denunciation(c) and at.on_the_merits(c),
        at.decided_on,
    ),
)  # fmt: skip
