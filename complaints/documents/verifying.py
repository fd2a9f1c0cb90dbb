"""The papers of a complaint's verification (NĐ 124/2020 Mẫu 06–12): the working minutes, the request for information
and the minutes of its hand-over, the decision to have evidence examined by experts and the letter asking for the
result, the decision suspending the execution of the contested decision and the one lifting it. Made while the
complaint is verified, several of each: their own numbers, dates and what they are about are written in; what the
record holds (the complaint, its acceptance, the verification's decision and verifier) is filled in."""

from complaints.documents.cases import verification_of
from complaints.documents.facts import (
    BASES,
    BLANK,
    DOTS,
    charter,
    header,
    in_words,
    legal_bases,
    opening,
    petitioner_of,
    template,
)  # fmt: skip
from complaints.issuers import issuer_line
from complaints.paper import Line, Paper, Style
from danvan.models import Agency, Case

_DECIDES = Line("QUYẾT ĐỊNH:", Style.CENTRED)
_COMPLAINT = "khiếu nại của {{ petitioner }} về việc: {{ summary }}"
_READ_BACK = (
    "Biên bản này đã được đọc cho những người làm việc cùng nghe, mọi người nhất trí với nội dung biên bản và xác nhận "
    "dưới đây."
)
_EXPERTS = "Kinh phí trưng cầu giám định (nếu phải chi trả) do {{ agency }} chi trả theo quy định."


def working_minutes(agency: Agency) -> Paper:
    """Mẫu 06: no number and no date line, the day in its first line; signed by whoever met the verifier."""
    return template(
        agency, has_number=False, has_date=False, kind="BIÊN BẢN LÀM VIỆC",
        subject="Về xác minh nội dung khiếu nại",
        body=[
            Line(f"Vào hồi {DOTS} giờ {DOTS} ngày {DOTS} tháng {DOTS} năm {DOTS}, tại {BLANK};"),
            Line("Chúng tôi gồm:"),
            Line("1. Người được giao nhiệm vụ xác minh (người xác minh): {{ verifier }}"),
            Line(f"2. Người làm việc với người được giao nhiệm vụ xác minh: {BLANK}"),
            Line(f"3. Nội dung làm việc: xác minh nội dung {_COMPLAINT} (Quyết định số {{{{ assignment }}}} "
                 f"{{{{ assigned }}}}); {BLANK}"),
            Line(f"4. Kết quả làm việc: {BLANK}"),
            Line(f"5. Những nội dung khác có liên quan: {BLANK}"),
            Line(f"Buổi làm việc kết thúc vào hồi {DOTS} giờ {DOTS} phút ngày {DOTS} tháng {DOTS} năm {DOTS}."),
            Line(_READ_BACK),
            Line(f"Biên bản được lập thành {DOTS} bản mỗi bên giữ 01 bản./."),
        ],
        signatures=[
            ("Người làm việc với người xác minh", "(Ký, ghi rõ họ tên hoặc điểm chỉ)"),
            ("Người xác minh", "(Chữ ký, dấu (nếu có))", "{{ verifier }}"),
        ],
    )  # fmt: skip


def information_request(agency: Agency) -> Paper:
    """Mẫu 07, a letter (công văn): who is asked for what is written in; the verifier receives it."""
    return template(
        agency, kind="", letter_subject="V/v đề nghị cung cấp thông tin, tài liệu, bằng chứng liên quan đến nội dung "
        "khiếu nại", addressees=[BLANK],
        body=[
            Line(f"{{{{ Accepted }}}}, {{{{ agency }}}} đã thụ lý giải quyết đơn {_COMPLAINT}."),
            Line(f"Theo quy định của pháp luật và để phục vụ việc giải quyết khiếu nại, {{{{ agency }}}} đề nghị "
                 f"{BLANK} cung cấp cho {{{{ agency }}}} những thông tin, tài liệu, bằng chứng sau đây: {BLANK}"),
            Line(f"Đề nghị {BLANK} chuẩn bị đầy đủ những thông tin, tài liệu, bằng chứng nêu trên và gửi cho "
                 f"{{{{ agency }}}} trước ngày {DOTS} tháng {DOTS} năm {DOTS}."),
            Line("Địa chỉ (hoặc tên người) nhận: {{ verifier }}./."),
        ],
        recipients=["Như trên", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def handover_minutes(agency: Agency) -> Paper:
    """Mẫu 08: numbered only where the agency registers such minutes; the verifier receives."""
    return template(
        agency, has_date=False, kind="BIÊN BẢN GIAO NHẬN",
        subject="Về việc tiếp nhận thông tin, tài liệu, bằng chứng liên quan đến nội dung khiếu nại",
        body=[
            Line(f"Vào hồi {DOTS} giờ {DOTS} ngày {DOTS} tháng {DOTS} năm {DOTS}, tại {BLANK}"),
            Line("Bên nhận thông tin, tài liệu, bằng chứng: {{ verifier }}"),
            Line(f"Bên giao thông tin, tài liệu, bằng chứng: {BLANK}"),
            Line(f"Đã giao, nhận thông tin, tài liệu, bằng chứng liên quan đến nội dung {_COMPLAINT}, gồm:"),
            Line(f"1. {BLANK}"),
            Line(f"2. {BLANK}"),
            Line(f"3. {BLANK}"),
            Line(f"Biên bản giao nhận này được lập thành {DOTS} bản, mỗi bên giữ 01 bản./."),
        ],
        signatures=[("Bên giao", "(Chữ ký, dấu (nếu có))"), ("Bên nhận", "(Chữ ký, dấu (nếu có))", "{{ verifier }}")],
    )  # fmt: skip


def _decision(agency: Agency, *, subject: str, grounds: list[str], articles: list[str], recipients: list[str]):
    return template(
        agency, kind="QUYẾT ĐỊNH", subject=subject, authority_line=issuer_line(agency),
        bases=[*BASES, charter(agency), *grounds], body=[_DECIDES, *map(Line, articles)], recipients=recipients,
    )  # fmt: skip


def examination_decision(agency: Agency) -> Paper:
    """Mẫu 09: the evidence and the expert body written in, at the verifier's or the complainant's request."""
    return _decision(
        agency, subject="Về việc trưng cầu giám định thông tin, tài liệu, bằng chứng liên quan đến nội dung khiếu nại",
        grounds=[f"Xét đề nghị của {{{{ verifier }}}} về việc trưng cầu giám định {BLANK} trong quá trình giải quyết "
                 f"{_COMPLAINT};", f"Xét {BLANK}."],
        articles=[
            f"Điều 1. Trưng cầu {BLANK} thực hiện việc giám định đối với {BLANK}.",
            f"Điều 2. {_EXPERTS}",
            f"Điều 3. Các ông (bà) {{{{ verifier }}}}, {BLANK} và các cơ quan, tổ chức, cá nhân có liên quan chịu "
            "trách nhiệm thi hành quyết định này./.",
        ],
        recipients=["Như Điều 3", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def examination_letter(agency: Agency) -> Paper:
    """Mẫu 10, a letter to the expert body: the decision's number and the courier written in."""
    return template(
        agency, kind="", letter_subject="V/v đề nghị gửi kết quả giám định liên quan đến nội dung khiếu nại",
        addressees=[BLANK],
        body=[
            Line(f"Để có cơ sở cho việc giải quyết {_COMPLAINT} bảo đảm chính xác, khách quan; ngày {DOTS} tháng "
                 f"{DOTS} năm {DOTS}, {{{{ issuer }}}} đã có Quyết định số {DOTS} về việc trưng cầu giám định các "
                 f"thông tin, tài liệu, bằng chứng sau đây: {BLANK}"),
            Line(f"Vậy đề nghị {BLANK} tiến hành giám định và gửi kết quả cho {{{{ agency }}}} trước ngày {DOTS} tháng "
                 f"{DOTS} năm {DOTS}."),
            Line(f"{{{{ agency }}}} cử ông (bà) {BLANK} trực tiếp bàn giao thông tin, tài liệu, bằng chứng và nhận kết "
                 "quả giám định."),
            Line("Kinh phí giám định (nếu phải chi trả) do {{ issuer }} chi trả theo quy định./."),
        ],
        recipients=["Như trên", "Người bàn giao, nhận kết quả giám định", "Bộ phận tài chính", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def execution_suspension(agency: Agency) -> Paper:
    """Mẫu 11: the contested decision named by hand; it may not be suspended longer than the time left to resolve
    the complaint (Điều 26 khoản 1)."""
    return _decision(
        agency, subject="Về việc tạm đình chỉ việc thi hành quyết định hành chính bị khiếu nại",
        grounds=[f"Theo đề nghị của {BLANK} (tại Văn bản số {DOTS} ngày {DOTS} tháng {DOTS} năm {DOTS} (nếu có))."],
        articles=[
            f"Điều 1. Tạm đình chỉ việc thi hành quyết định {BLANK} (bị {{{{ petitioner }}}} khiếu nại về việc: "
            "{{ summary }}).",
            f"Lý do tạm đình chỉ: {BLANK}",
            f"Thời gian tạm đình chỉ kể từ {DOTS} giờ {DOTS} ngày {DOTS} tháng {DOTS} năm {DOTS} đến khi có quyết định "
            "hủy bỏ Quyết định này.",
            f"Điều 2. {BLANK}, {BLANK} và {BLANK} chịu trách nhiệm thi hành Quyết định này./.",
        ],
        recipients=["Như Điều 2", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def suspension_lifted(agency: Agency) -> Paper:
    """Mẫu 12."""
    return _decision(
        agency, subject="Về việc hủy bỏ quyết định tạm đình chỉ việc thi hành quyết định hành chính bị khiếu nại",
        grounds=[f"Theo đề nghị của {BLANK} (tại Văn bản số {DOTS} ngày {DOTS} tháng {DOTS} năm {DOTS} (nếu có))."],
        articles=[
            f"Điều 1. Hủy bỏ Quyết định về việc tạm đình chỉ việc thi hành quyết định hành chính bị khiếu nại số "
            f"{DOTS} ngày {DOTS} tháng {DOTS} năm {DOTS} của {BLANK} trong quá trình giải quyết {_COMPLAINT}.",
            f"Lý do của việc hủy bỏ: {BLANK}",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ban hành.",
            f"Điều 3. {BLANK}, {BLANK} và {BLANK} chịu trách nhiệm thi hành Quyết định này./.",
        ],
        recipients=["Như Điều 3", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def verifying_facts(case: Case, *, code: str = "") -> dict:
    """The complaint, its acceptance, the verification's decision and verifier; the paper's own number (``code``: its
    kind's, none for a letter) and date left for the clerk, the Căn cứ lines of the verification's date."""
    verification = verification_of(case)
    on = verification.started_on if verification else case.accepted_on
    facts = header(case.agency, code=code, on=None) | legal_bases(case.kind, on)
    return facts | {
        "petitioner": petitioner_of(case).addressed, "summary": case.summary,
        "Accepted": opening(in_words(case.accepted_on)),
        "verifier": (verification.verifier if verification else "") or BLANK,
        "assignment": (verification.number if verification else "") or BLANK,
        "assigned": in_words(verification.started_on if verification else None),
    }  # fmt: skip
