"""The documents of a petition's handling: the receipt, the notices of acceptance and refusal (NĐ 124/2020 Mẫu 03,
04; NĐ 31/2019 Mẫu 05), the forwarding slip and the guidance slip (TT 05/2021/TT-TTCP), each filled from the record."""

from complaints.documents.facts import (
    BLANK,
    HANDLING_CIRCULAR,
    NOUN,
    ROUND,
    Head,
    day,
    head,
    in_words,
    inspectorate_of,
    opening,
    person,
)  # fmt: skip
from complaints.models import Petition
from complaints.paper import Line, Paper, Signer
from danvan.models import Classification


def _forwarder(petition: Petition) -> str:
    """The body that forwarded the petition here, which is told of its acceptance; empty when none did."""
    return petition.forwarded_by.name if petition.forwarded_by else petition.forwarded_by_name


def receipt_slip(petition: Petition) -> Paper:
    who = person(petition.citizen)
    receiver = petition.created_by.full_name if petition.created_by else ""
    # NĐ 154/2026 Mẫu 02/TCD: a receipt has no number.
    return Head(petition.agency, number="", on=petition.received_on).paper(
        kind="GIẤY BIÊN NHẬN", subject=f"Đơn {NOUN[petition.kind]}",
        body=[
            Line(f"{opening(in_words(petition.received_on))}, {petition.agency.name} đã nhận đơn "
                 f"{NOUN[petition.kind]} của {who.addressed}."),
            Line(f"Địa chỉ: {who.address}."),
            Line(f"Số định danh cá nhân (căn cước): {who.identity}."),
            Line(f"Số người đứng tên: {petition.signatories}."),
            Line(f"Nội dung đơn: {petition.content}"),
            Line(f"Mã tra cứu: {petition.receipt_code}. Công dân tra cứu tình hình xử lý đơn tại mục Tra cứu của cổng "
                 "thông tin bằng mã này và 4 chữ số cuối của số điện thoại hoặc số căn cước."),
            Line(f"Hạn xử lý đơn: {day(petition.handling_due_on)}."),
        ],
        signer=Signer(title="NGƯỜI NHẬN ĐƠN", name=receiver),
        recipients=["Người đứng đơn", "Lưu: hồ sơ"],
    )  # fmt: skip


def acceptance_notice(petition: Petition) -> Paper:
    """A complaint's acceptance is a notice (NĐ 124/2020 Mẫu 03), a denunciation's too (NĐ 31/2019 Mẫu 05)."""
    case = petition.case
    if petition.kind == Classification.DENUNCIATION:
        return _denunciation_accepted(petition)
    who = person(petition.citizen)
    agency = petition.agency.name
    forwarder = _forwarder(petition)
    return head(petition.agency, recorded="", code="TB", on=case.accepted_on).paper(
        kind="THÔNG BÁO", subject=f"Về việc thụ lý giải quyết khiếu nại {ROUND.get(case.round, '')}".strip(),
        addressees=[opening(who.addressed)],
        body=[
            Line(f"{opening(in_words(petition.received_on))}, {agency} đã nhận được đơn khiếu nại của "
                 f"{who.addressed}:"),
            Line(f"Địa chỉ: {who.address};"),
            Line(f"Số định danh cá nhân (căn cước): {who.identity}, ngày cấp {BLANK}, nơi cấp: {BLANK};"),
            Line(f"Khiếu nại về việc: {case.summary}."),
            Line(f"Sau khi xem xét nội dung đơn khiếu nại của {who.addressed}, căn cứ quy định của pháp luật về khiếu "
                 f"nại, {agency} nhận thấy đơn khiếu nại của {who.addressed} đủ điều kiện thụ lý. Đơn được thụ lý "
                 f"giải quyết từ ngày {day(case.accepted_on)}; thời hạn giải quyết đến ngày {day(case.due_on)}."),
            Line(f"Vậy thông báo để {who.addressed} được biết./."),
        ],
        recipients=["Như trên", *filter(None, [forwarder]), inspectorate_of(petition.agency), "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def _denunciation_accepted(petition: Petition) -> Paper:
    """NĐ 31/2019 Mẫu 05: no addressee; the denouncer is written in by hand."""
    case = petition.case
    return head(petition.agency, recorded="", code="TB", on=case.accepted_on).paper(
        kind="THÔNG BÁO", subject="Việc thụ lý tố cáo",
        body=[
            Line(f"{petition.agency.name} đã nhận được đơn tố cáo của {BLANK} {in_words(petition.received_on)}, tố "
                 f"cáo hành vi vi phạm pháp luật của {BLANK}."),
            Line(f"Theo quy định của pháp luật, {petition.agency.name} thụ lý tố cáo từ ngày {day(case.accepted_on)} "
                 f"với nội dung: {case.summary}; thời hạn giải quyết tố cáo đến ngày {day(case.due_on)}."),
            Line(f"Vậy thông báo để {BLANK} biết và thực hiện quyền, nghĩa vụ của người tố cáo theo quy định của "
                 "pháp luật./."),
        ],
        recipients=["Người tố cáo", "Lưu: VT"],
    )  # fmt: skip


def refusal_notice(petition: Petition) -> Paper:
    """NĐ 124/2020 Mẫu 04 with the reason recorded (the reason chosen, or the handler's note)."""
    who = person(petition.citizen)
    noun = NOUN[petition.kind]
    reason = petition.get_unprocessable_reason_display() or petition.handling_note or BLANK
    return head(petition.agency, recorded="", code="TB", on=petition.handled_on).paper(
        kind="THÔNG BÁO", subject=f"Về việc không thụ lý giải quyết {noun}",
        addressees=[opening(who.addressed)],
        body=[
            Line(f"{opening(in_words(petition.received_on))}, {petition.agency.name} đã nhận được đơn {noun} của "
                 f"{who.addressed}:"),
            Line(f"Địa chỉ: {who.address};"),
            Line(f"Nội dung đơn: {petition.content}"),
            Line(f"Sau khi xem xét nội dung đơn, căn cứ quy định của pháp luật, {petition.agency.name} nhận thấy đơn "
                 f"{noun} của {who.addressed} không đủ điều kiện để thụ lý giải quyết vì lý do sau đây: {reason}."),
            Line(f"Vậy thông báo để {who.addressed} được biết./."),
        ],
        recipients=["Như trên", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def forwarding_slip(petition: Petition) -> Paper:
    """TT 05/2021: the slip forwarding a petition to the competent body, under the number the handler recorded
    (45/PC-UBND) and its date; a denouncer is not named on it."""
    noun = NOUN[petition.kind]
    to = petition.forwarded_to.name if petition.forwarded_to else petition.forwarded_to_name or BLANK
    who = person(petition.citizen)
    agency = petition.agency.name
    reply = f" trước ngày {day(petition.reply_due_on)}" if petition.reply_due_on else ""
    citizen_copy = [] if petition.kind == Classification.DENUNCIATION else [f"{opening(who.addressed)} (thay trả lời)"]
    return head(
        petition.agency, recorded=petition.forward_letter_number, code="PC",
        on=petition.forward_letter_date or petition.handled_on,
    ).paper(
        kind=f"PHIẾU CHUYỂN ĐƠN {noun.upper()}", letter_subject=f"V/v chuyển đơn {noun}", addressees=[to],
        body=[
            Line(f"{opening(in_words(petition.received_on))}, {agency} nhận được đơn {noun} của {who.addressed}."),
            Line(f"Địa chỉ: {who.address}."),
            Line(f"Đơn có nội dung: {petition.content}"),
            Line(f"Sau khi xem xét nội dung đơn, căn cứ {HANDLING_CIRCULAR} và quy định của pháp luật, {agency} chuyển "
                 f"đơn của {who.addressed} đến {to} để được xem xét, giải quyết theo quy định của pháp luật và thông "
                 f"báo kết quả giải quyết đến {agency}{reply}./."),
        ],
        recipients=["Như trên", *citizen_copy, "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def guidance_slip(petition: Petition) -> Paper:
    """TT 05/2021: the guidance slip naming where to send the petition, as the handler wrote it in the note."""
    noun = NOUN[petition.kind]
    where = petition.handling_note.strip() or BLANK
    who = person(petition.citizen)
    return head(petition.agency, recorded="", code="HD", on=petition.handled_on).paper(
        kind="PHIẾU HƯỚNG DẪN", letter_subject=f"V/v hướng dẫn gửi đơn {noun}",
        addressees=[opening(who.addressed)],
        body=[
            Line(f"Địa chỉ: {who.address}."),
            Line(f"{opening(in_words(petition.received_on))}, {petition.agency.name} nhận được đơn {noun} của "
                 f"{who.addressed}. Đơn có nội dung: {petition.content}"),
            Line(f"Căn cứ {HANDLING_CIRCULAR} và quy định của pháp luật, nội dung đơn của {who.addressed} không thuộc "
                 f"thẩm quyền giải quyết của {petition.agency.name}. Đề nghị {who.addressed} gửi đơn đến {where} để "
                 "được xem xét, giải quyết theo thẩm quyền./."),
        ],
        recipients=["Như trên", "Lưu: VT, hồ sơ"],
    )  # fmt: skip
