"""The pre-filled document of each step (forms annexed to TT 05/2021/TT-TTCP and the decrees), as editable .docx.

Staff edit and sign them; the portal fills what it knows. A denouncer's identity is never filled in: the officer
writes it on the paper that goes to the denouncer.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from complaints.issuers import numbered, signer_of
from complaints.models import Extension, Petition
from complaints.paper import Line, Paper
from complaints.steps import has_steps
from danvan.letterhead import parent_of
from danvan.models import Agency, Case, Classification

BLANK = "……………………………………"
_KIND_NOUN = {
    Classification.COMPLAINT: "khiếu nại",
    Classification.DENUNCIATION: "tố cáo",
    Classification.RECOMMENDATION: "kiến nghị, phản ánh",
}


def _paper(agency: Agency, code: str, title: str, subtitle: str, body: list[str], recipients: list[str]) -> Paper:
    return Paper(
        parent=parent_of(agency),
        agency=agency.name,
        number=numbered("", code, agency),
        place=agency.unit.bare_name,
        on=timezone.localdate(),
        kind=title,
        subject=subtitle,
        body=[Line(text) for text in body],
        signer=signer_of(agency),
        recipients=recipients,
    )


def petitioner(petition: Petition) -> str:
    """Who the paper names: the petitioner, or a blank line for a denouncer (filled by hand) or an anonymous one."""
    if petition.citizen is None:
        return BLANK
    address = f", địa chỉ: {petition.citizen.address}" if petition.citizen.address else ""
    return f"{petition.citizen.full_name}{address}"


def _received(petition: Petition) -> str:
    noun = _KIND_NOUN[petition.kind]
    return (
        f"Ngày {petition.received_on:%d/%m/%Y}, {petition.agency.name} nhận được đơn {noun} của {petitioner(petition)}."
    )


def receipt_slip(petition: Petition) -> Paper:
    return _paper(
        petition.agency, "GBN", "GIẤY BIÊN NHẬN", f"Đơn {_KIND_NOUN[petition.kind]}",
        [
            f"{petition.agency.name} đã nhận đơn của: {petitioner(petition)}.",
            f"Ngày nhận đơn: {petition.received_on:%d/%m/%Y}. Số người đứng tên: {petition.signatories}.",
            f"Mã tra cứu: {petition.receipt_code}. Công dân tra cứu tình hình xử lý đơn tại mục Tra cứu của cổng "
            "thông tin bằng mã này và 4 chữ số cuối của số điện thoại hoặc số CCCD.",
            f"Hạn xử lý đơn: {petition.handling_due_on:%d/%m/%Y}.",
        ],
        ["Người đứng đơn", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def acceptance_notice(petition: Petition) -> Paper:
    noun = _KIND_NOUN[petition.kind]
    case = petition.case
    return _paper(
        petition.agency, "TB", "THÔNG BÁO", f"Về việc thụ lý giải quyết {noun}",
        [
            _received(petition),
            f"Nội dung: {petition.content}",
            f"Xét thấy đơn đủ điều kiện thụ lý, {petition.agency.name} thông báo thụ lý giải quyết {noun} "
            f"từ ngày {case.accepted_on:%d/%m/%Y}; thời hạn giải quyết đến ngày {case.due_on:%d/%m/%Y}.",
        ],
        [f"Người {noun}", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def refusal_notice(petition: Petition) -> Paper:
    noun = _KIND_NOUN[petition.kind]
    reason = petition.get_unprocessable_reason_display() or petition.handling_note or BLANK
    return _paper(
        petition.agency, "TB", "THÔNG BÁO", f"Về việc không thụ lý giải quyết {noun}",
        [
            _received(petition),
            f"Đơn không đủ điều kiện thụ lý giải quyết. Lý do: {reason}.",
        ],
        [f"Người {noun}", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def forwarding_slip(petition: Petition) -> Paper:
    recipient = petition.forwarded_to.name if petition.forwarded_to else petition.forwarded_to_name
    return _paper(
        petition.agency, "PC", "PHIẾU CHUYỂN ĐƠN", "",
        [
            f"Kính gửi: {recipient}.",
            _received(petition),
            f"Nội dung: {petition.content}",
            f"Sau khi xem xét, nội dung đơn thuộc thẩm quyền giải quyết của {recipient}. Căn cứ quy định của pháp "
            f"luật, {petition.agency.name} chuyển đơn đến {recipient} để xem xét, giải quyết theo thẩm quyền và "
            f"thông báo kết quả (văn bản phúc đáp) trước ngày {petition.reply_due_on:%d/%m/%Y}.",
        ],
        [recipient, "Người đứng đơn (để biết)", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def guidance_slip(petition: Petition) -> Paper:
    return _paper(
        petition.agency, "PHD", "PHIẾU HƯỚNG DẪN", "",
        [
            f"Kính gửi: {petitioner(petition)}.",
            f"Ngày {petition.received_on:%d/%m/%Y}, {petition.agency.name} nhận được đơn của Ông (Bà).",
            f"Nội dung: {petition.content}",
            f"Nội dung đơn không thuộc thẩm quyền giải quyết của {petition.agency.name}. Đề nghị Ông (Bà) gửi đơn "
            f"đến {BLANK} để được xem xét, giải quyết theo quy định.",
        ],
        ["Như trên", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def verification_assignment(case: Case) -> Paper:
    noun = _KIND_NOUN[case.kind]
    return _paper(
        case.agency, "QĐ", "QUYẾT ĐỊNH", f"Về việc giao nhiệm vụ xác minh nội dung {noun}",
        [
            f"Căn cứ hồ sơ vụ việc thụ lý ngày {case.accepted_on:%d/%m/%Y}: {case.summary}.",
            f"Điều 1. Giao {BLANK} xác minh nội dung {noun} nêu trên.",
            f"Điều 2. Thời gian xác minh là {BLANK} ngày; báo cáo kết quả xác minh trước ngày {case.due_on:%d/%m/%Y}.",
            "Điều 3. Người được giao xác minh và các cơ quan, cá nhân có liên quan chịu trách nhiệm thi hành "
            "Quyết định này.",
        ],
        ["Như Điều 3", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def extension_decision(extension: Extension) -> Paper:
    case = extension.case
    return _paper(
        case.agency, "QĐ", "QUYẾT ĐỊNH", f"Về việc gia hạn giải quyết {_KIND_NOUN[case.kind]}",
        [
            f"Căn cứ Luật Tố cáo năm 2018, Điều 30; vụ việc thụ lý ngày {case.accepted_on:%d/%m/%Y}: {case.summary}.",
            f"Điều 1. Gia hạn giải quyết thêm {extension.days} ngày; thời hạn giải quyết đến ngày "
            f"{extension.new_due_on:%d/%m/%Y}.",
            "Điều 2. Các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
        ],
        ["Người tố cáo, người bị tố cáo", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def decision(case: Case) -> Paper:
    decided = case.decision
    if case.kind == Classification.DENUNCIATION:
        title, subtitle = "KẾT LUẬN", "Nội dung tố cáo"
    else:
        title, subtitle = "QUYẾT ĐỊNH", f"Về việc giải quyết khiếu nại ({case.get_round_display().lower()})"
    return _paper(
        case.agency, "QĐ" if title == "QUYẾT ĐỊNH" else "KL", title, subtitle,
        [
            f"Vụ việc thụ lý ngày {case.accepted_on:%d/%m/%Y}: {case.summary}.",
            f"Kết quả: {decided.get_outcome_display()}.",
            decided.summary or BLANK,
            f"Thu hồi cho Nhà nước: {decided.money_due} triệu đồng, {decided.land_due} m² đất. Trả lại cho tổ chức, "
            f"cá nhân: {decided.returned_money} triệu đồng, {decided.returned_land} m² đất.",
            f"Kiến nghị xử lý hành chính {decided.sanctioned_people} người; chuyển cơ quan điều tra "
            f"{decided.referred_cases} vụ, {decided.referred_people} người.",
        ],
        ["Các bên có liên quan", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


@dataclass(frozen=True)
class Template:
    slug: str
    label: str
    build: Callable
    available: Callable[[object], bool]


PETITION_DOCUMENTS = (
    Template("giay-bien-nhan", "Giấy biên nhận đơn", receipt_slip, lambda p: True),
    Template("thong-bao-thu-ly", "Thông báo thụ lý", acceptance_notice, lambda p: p.handling == "accept"),
    Template("thong-bao-khong-thu-ly", "Thông báo không thụ lý", refusal_notice, lambda p: p.processable is False),
    Template("phieu-chuyen-don", "Phiếu chuyển đơn", forwarding_slip, lambda p: p.handling == "forward"),
    Template("phieu-huong-dan", "Phiếu hướng dẫn", guidance_slip, lambda p: p.handling == "guide"),
)
CASE_DOCUMENTS = (
    # A recommendation, never accepted, has neither a verification nor a decision on it (complaints.steps).
    Template("giao-xac-minh", "Quyết định giao xác minh", verification_assignment, has_steps),
    Template(
        "gia-han",
        "Quyết định gia hạn (lần gần nhất)",
        lambda c: extension_decision(c.extensions.last()),
        lambda c: c.extensions.exists(),
    ),
    Template(
        "giai-quyet", "Quyết định giải quyết / Kết luận", decision, lambda c: has_steps(c) and hasattr(c, "decision")
    ),
)


def available(templates: tuple[Template, ...], subject: object) -> list[Template]:
    return [template for template in templates if template.available(subject)]
