"""The papers of a reception at the desk (tiếp công dân): the notice refusing to receive a citizen's matter and the
receipt of the information and papers a citizen handed over, on the forms of NĐ 154/2026/NĐ-CP (Mẫu 01/TCD, 02/TCD)
from 01/07/2026 and, before, on the forms agencies used under TT 04/2021/TT-TTCP, whose annex the spec could not find
(spec/documents.md §7). A denouncer is never printed: their name and papers are written in by hand."""

from complaints.documents.facts import (
    BLANK,
    DOTS,
    NOUN,
    header,
    in_words,
    opening,
    person,
    template,
)  # fmt: skip
from complaints.paper import Line, Paper
from danvan.letterhead import parent_of
from danvan.models import Agency, Classification
from reception.models import Visit

# How the reception forms name the identity papers: the vendors' 2021 forms, and NĐ 154/2026's.
PAPERS_2021 = "Số CMND/Hộ chiếu (hoặc giấy tờ tùy thân)"
PAPERS_2026 = "Số căn cước/giấy chứng nhận căn cước/số định danh cá nhân/số hộ chiếu (hoặc giấy tờ tùy thân)"
_DECREE_154 = (
    "Nghị định số 154/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết một số điều và biện pháp tổ "
    "chức thi hành Luật Tiếp công dân"
)


def _refusal(agency: Agency, *, papers: str, grounds: list[Line]) -> Paper:
    return template(
        agency, kind="THÔNG BÁO", subject="Về việc từ chối tiếp công dân", addressees=["{{ Citizen }}"],
        body=[
            Line("{{ Received }}, {{ citizen }}"),
            Line(f"{papers}: {{{{ identity }}}}, ngày cấp: {DOTS}, nơi cấp: {DOTS};"),
            Line("Địa chỉ: {{ address }} đến {{ agency }} để {{ noun }} về việc: {{ content }}"),
            *grounds,
        ],
        recipients=["Như trên", "{%p if superior %}", "{{ superior }} (để báo cáo)", "{%p endif %}",
                    f"{BLANK} (để phối hợp)", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def refusal_2021(agency: Agency) -> Paper:
    """The refusal of a matter already resolved as the law requires (Luật Tiếp công dân, Điều 9 khoản 3), as
    agencies worded it under TT 04/2021."""
    return _refusal(
        agency, papers=PAPERS_2021,
        grounds=[
            Line("Vụ việc đã được giải quyết đúng chính sách, pháp luật, được cơ quan nhà nước có thẩm quyền kiểm tra, "
                 "rà soát và thông báo trả lời bằng văn bản theo đúng quy định của pháp luật."),
            Line("Căn cứ khoản 3 Điều 9 Luật Tiếp công dân, {{ agency }} từ chối tiếp nhận nội dung {{ noun }} của "
                 "{{ citizen }} và thông báo để ông (bà) được biết./."),
        ],
    )  # fmt: skip


def refusal_2026(agency: Agency) -> Paper:
    """NĐ 154/2026 Mẫu 01/TCD: issued within 03 working days of having the grounds (Điều 4 khoản 3); the reason
    written in."""
    return _refusal(
        agency, papers=PAPERS_2026,
        grounds=[
            Line(f"Lý do từ chối: {BLANK}"),
            Line(f"Căn cứ khoản 3 Điều 9 Luật Tiếp công dân và điểm g khoản 1 Điều 4 {_DECREE_154}, {{{{ agency }}}} "
                 "từ chối tiếp nhận nội dung {{ noun }} của {{ citizen }} và thông báo để ông (bà) được biết./."),
        ],
    )  # fmt: skip


def _receipt(agency: Agency, *, papers: str) -> Paper:
    return template(
        agency, has_number=False, kind="GIẤY BIÊN NHẬN", subject="Thông tin, tài liệu",
        body=[
            Line("Vào {{ time }} {{ received }} tại: {{ agency }}"),
            Line("Tôi là: {{ receiver }}; chức vụ: {{ title }}"),
            Line("Đã nhận của {{ citizen }}"),
            Line(f"{papers}: {{{{ identity }}}}, ngày cấp: {DOTS}, nơi cấp: {DOTS};"),
            Line("Địa chỉ: {{ address }}"),
            Line("các thông tin, tài liệu sau:"),
            Line("{%p for item in documents %}"),
            Line("- {{ item }}"),
            Line("{%p endfor %}"),
            Line(f"Giấy biên nhận thông tin, tài liệu được lập thành {DOTS} bản, giao cho người cung cấp thông tin, "
                 "tài liệu 01 bản./."),
        ],
        signatures=[
            ("Người cung cấp thông tin, tài liệu", "(Ký, ghi rõ họ tên)", "{{ name }}"),
            ("Người nhận", "(Ký, ghi rõ họ tên, đóng dấu - nếu có)", "{{ receiver }}"),
        ],
    )  # fmt: skip


def receipt_2021(agency: Agency) -> Paper:
    """The receipt as agencies worded it under TT 04/2021."""
    return _receipt(agency, papers=PAPERS_2021)


def receipt_2026(agency: Agency) -> Paper:
    """NĐ 154/2026 Mẫu 02/TCD: no number; one copy to whoever handed the papers over."""
    return _receipt(agency, papers=PAPERS_2026)


def visit_facts(visit: Visit) -> dict:
    """The citizen received (dots for a denouncer), when and by whom, what about, the papers handed over one per
    line; the paper dated the day of the reception."""
    hidden = visit.kind == Classification.DENUNCIATION
    who = person(None if hidden else visit.person)
    receiver = visit.receiver_name or (visit.created_by.full_name if visit.created_by else "")
    time = f"{visit.received_time:%H} giờ {visit.received_time:%M}" if visit.received_time else f"{DOTS} giờ"
    documents = [line.strip() for line in visit.documents.splitlines() if line.strip()]
    return header(visit.agency, code="TB", on=visit.received_on) | {
        "citizen": who.addressed, "Citizen": opening(who.addressed), "name": "" if hidden else who.name,
        "identity": who.identity, "address": who.address, "noun": NOUN[visit.kind], "content": visit.content,
        "received": in_words(visit.received_on), "Received": opening(in_words(visit.received_on)), "time": time,
        "receiver": receiver or BLANK, "title": visit.receiver_title or BLANK, "documents": documents or [BLANK],
        "superior": parent_of(visit.agency),
    }  # fmt: skip
