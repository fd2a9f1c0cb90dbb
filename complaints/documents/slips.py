"""The slips of a petition's handling (xử lý đơn, TT 05/2021/TT-TTCP): the proposal to accept it (Mẫu 01), the
forwarding of a denunciation (Mẫu 03) and of another petition, the guidance of the petitioner, the letter urging the
body that has not resolved the matter in time (Điều 14 khoản 2) and the return of a petition. Only Mẫu 01 and 03 are
known by their number; the others' wording is the one two agencies' templates citing the Circular share
(spec/documents.md §6.2). A denouncer is never named, nor sent a copy."""

from complaints.documents.facts import BLANK, DOTS, HANDLING_CIRCULAR, day, header, template
from complaints.documents.petitions import named, petitioner_facts
from complaints.models import Petition
from complaints.paper import Line, Paper
from danvan.models import Agency, Classification

_DENUNCIATIONS = (
    "Căn cứ quy định của Luật Tố cáo, Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ quy định chi "
    f"tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo, {HANDLING_CIRCULAR}"
)
_COPY = ["{%p if copy %}", "{{ Petitioner }} (thay trả lời)", "{%p endif %}"]


def acceptance_proposal(agency: Agency) -> Paper:
    """Mẫu 01: the handler proposes to the head that the petition be accepted; an internal slip, approved on it,
    without recipients or seal."""
    return template(
        agency, kind="PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN {{ noun|upper }}", addressees=["{{ issuer }}"],
        body=[
            Line("{{ Received }}, {{ agency }} nhận được đơn {{ noun }} của {{ petitioner }}."),
            Line("Địa chỉ: {{ address }}."),
            Line("Nội dung đơn: {{ content }}"),
            Line(f"Vụ việc đã được {BLANK} giải quyết ngày {BLANK} (nếu có)."),
            Line("Sau khi xem xét nội dung đơn và căn cứ quy định của pháp luật, đề xuất {{ issuer }} thụ lý giải "
                 "quyết đơn của {{ petitioner }}./."),
        ],
        signatures=[
            ("Phê duyệt của thủ trưởng cơ quan, tổ chức, đơn vị", "(Ký, ghi rõ họ tên)"),
            ("Lãnh đạo đơn vị đề xuất", "(Ký, ghi rõ họ tên)"),
            ("Người đề xuất", "(Ký, ghi rõ họ tên)"),
        ],
        signature_columns=3,
    )  # fmt: skip


def proposal_facts(petition: Petition) -> dict:
    return header(petition.agency, code="ĐX", on=petition.handled_on) | petitioner_facts(petition)


def forwarding_slip(agency: Agency) -> Paper:
    """A complaint's or a recommendation's forwarding to the competent body, a copy to the petitioner in answer."""
    return template(
        agency, kind="PHIẾU CHUYỂN ĐƠN {{ noun|upper }}", letter_subject="V/v chuyển đơn {{ noun }}",
        addressees=["{{ to }}"],
        body=[
            Line("{{ Received }}, {{ agency }} nhận được đơn {{ noun }} của {{ petitioner }}."),
            Line("Địa chỉ: {{ address }}."),
            Line("Đơn có nội dung: {{ content }}"),
            Line(f"Sau khi xem xét nội dung đơn, căn cứ {HANDLING_CIRCULAR} và quy định của pháp luật, "
                 "{{ agency }} chuyển đơn của {{ petitioner }} đến {{ to }} để được xem xét, giải quyết theo quy định "
                 "của pháp luật và thông báo kết quả giải quyết đến {{ agency }}"
                 "{% if reply_due %} trước ngày {{ reply_due }}{% endif %}./."),
        ],
        recipients=["Như trên", *_COPY, "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def denunciation_forwarding(agency: Agency) -> Paper:
    """Mẫu 03: forwarded once only (Điều 14 khoản 1); the denouncer neither named nor sent a copy, the file going
    under the confidential regime (Luật Tố cáo, Điều 47)."""
    return template(
        agency, kind="PHIẾU CHUYỂN ĐƠN TỐ CÁO", letter_subject="V/v chuyển đơn tố cáo", addressees=["{{ to }}"],
        body=[
            Line("{{ Received }}, {{ agency }} nhận được đơn tố cáo của công dân về việc: {{ content }}"),
            Line(f"{_DENUNCIATIONS}, {{{{ agency }}}} chuyển đơn tố cáo nêu trên đến {{{{ to }}}} để xem xét, giải "
                 "quyết theo quy định của pháp luật và thông báo kết quả đến {{ agency }}"
                 "{% if reply_due %} trước ngày {{ reply_due }}{% endif %}./."),
        ],
        recipients=["Như trên", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def forwarding_facts(petition: Petition) -> dict:
    """Under the number and date the handler recorded (45/PC-UBND)."""
    on = petition.forward_letter_date or petition.handled_on
    to = petition.forwarded_to.name if petition.forwarded_to else named(petition.forwarded_to_name) or BLANK
    facts = header(petition.agency, recorded=petition.forward_letter_number, code="PC", on=on)
    return facts | petitioner_facts(petition) | {
        "to": to, "reply_due": day(petition.reply_due_on) if petition.reply_due_on else "",
        "copy": petition.kind != Classification.DENUNCIATION,
    }  # fmt: skip


def guidance_slip(agency: Agency) -> Paper:
    """The guidance slip naming where to send the petition, as the handler wrote it in the note; guidance is given
    once."""
    return template(
        agency, kind="PHIẾU HƯỚNG DẪN", letter_subject="V/v hướng dẫn gửi đơn {{ noun }}",
        addressees=["{{ Petitioner }}"],
        body=[
            Line("Địa chỉ: {{ address }}."),
            Line("{{ Received }}, {{ agency }} nhận được đơn {{ noun }} của {{ petitioner }}. Đơn có nội dung: "
                 "{{ content }}"),
            Line(f"Căn cứ {HANDLING_CIRCULAR} và quy định của pháp luật, nội dung đơn của {{{{ petitioner }}}} không "
                 "thuộc thẩm quyền giải quyết của {{ agency }}. Đề nghị {{ petitioner }} gửi đơn đến {{ where }} để "
                 "được xem xét, giải quyết theo thẩm quyền./."),
        ],
        recipients=["Như trên", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def _noted(petition: Petition) -> str:
    return petition.handling_note.strip().rstrip(".") or BLANK


def guidance_facts(petition: Petition) -> dict:
    return header(petition.agency, code="HD", on=petition.handled_on) | petitioner_facts(petition) | {
        "where": _noted(petition)
    }  # fmt: skip


def urging_letter(agency: Agency) -> Paper:
    """Điều 14 khoản 2: the body whose time to resolve has passed (as the handler noted it) is asked for the course of
    the resolution, the reason of the delay, who is responsible and the result."""
    return template(
        agency, kind="", letter_subject="V/v đôn đốc giải quyết đơn {{ noun }}", addressees=["{{ where }}"],
        body=[
            Line("{{ Received }}, {{ agency }} nhận được đơn {{ noun }} của {{ petitioner }}; địa chỉ: {{ address }}; "
                 "về nội dung: {{ content }}"),
            Line("Sau khi xem xét nội dung vụ việc, {{ agency }} thấy vụ việc đã quá thời hạn giải quyết theo quy "
                 "định của pháp luật nhưng chưa được {{ where }} giải quyết."),
            Line(f"Căn cứ khoản 2 Điều 14 {HANDLING_CIRCULAR}, {{{{ agency }}}} đề nghị {{{{ where }}}} giải quyết vụ "
                 "việc theo quy định của pháp luật; báo cáo quá trình giải quyết, lý do chậm giải quyết, trách nhiệm "
                 f"của cơ quan, tổ chức, cá nhân có liên quan và kết quả giải quyết, gửi {{{{ agency }}}} trước ngày "
                 f"{DOTS} tháng {DOTS} năm {DOTS}./."),
        ],
        recipients=["Như trên", *_COPY, "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def urging_facts(petition: Petition) -> dict:
    facts = header(petition.agency, code="", on=petition.handled_on) | petitioner_facts(petition)
    return facts | {"where": _noted(petition), "copy": petition.kind != Classification.DENUNCIATION}


def return_letter(agency: Agency) -> Paper:
    """The petition sent back: to the body that forwarded it to the wrong agency, so that it forwards it to the
    competent one (TT 07/2014 Mẫu 04-XLĐ, the nearest form found), or to the petitioner, with the reason."""
    return template(
        agency, kind="", letter_subject="V/v trả lại đơn", addressees=["{{ to }}"],
        body=[
            Line("{{ Received }}, {{ agency }} nhận được {% if forwarder %}văn bản của {{ forwarder }} chuyển "
                 "{% endif %}đơn {{ noun }} của {{ petitioner }}, địa chỉ: {{ address }}. Đơn có nội dung: "
                 "{{ content }}"),
            Line("Sau khi xem xét nội dung đơn và căn cứ quy định của pháp luật, đơn của {{ petitioner }} không đủ "
                 "điều kiện để {{ agency }} xử lý vì lý do: {{ reason }}."),
            Line("{{ agency }} trả lại đơn {% if forwarder %}để {{ forwarder }} chuyển đến cơ quan có thẩm quyền giải "
                 "quyết theo quy định của pháp luật{% else %}và các tài liệu kèm theo (nếu có) để {{ petitioner }} "
                 "được biết{% endif %}./."),
        ],
        recipients=["Như trên", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def return_facts(petition: Petition) -> dict:
    """To the forwarding body when a body forwarded it (named as recorded), else to the petitioner; the reason as
    classified or noted."""
    facts = header(petition.agency, code="", on=petition.handled_on) | petitioner_facts(petition)
    forwarder = petition.forwarded_by.name if petition.forwarded_by else named(petition.forwarded_by_name)
    reason = petition.get_unprocessable_reason_display() or _noted(petition)
    return facts | {"forwarder": forwarder, "to": forwarder or facts["Petitioner"], "reason": reason}
