"""The minutes of the dialogue with a complainant (NĐ 124/2020 Mẫu 14; as replaced by NĐ 155/2026 from 01/07/2026,
the identity papers named anew and one copy to each party): no number, no date line, signed by the parties."""

from complaints.documents.facts import (
    BLANK,
    DOTS,
    IDENTITY_2020,
    IDENTITY_2026,
    header,
    in_words,
    petitioner_of,
    template,
)
from complaints.models import ComplaintDialogue
from complaints.paper import Line, Paper, Style
from danvan.models import Agency, Case

PARTIES = [
    ("Người bị khiếu nại", "(Ký, ghi rõ họ tên)"),
    (
        "Người giải quyết khiếu nại (hoặc người được phân công chủ trì đối thoại)",
        "(Ký, ghi rõ họ tên, đóng dấu (nếu có))",
    ),
    ("Người khiếu nại (hoặc người đại diện, người được ủy quyền)", "(Ký, ghi rõ họ tên hoặc điểm chỉ)"),
    ("Đại diện cơ quan, tổ chức, cá nhân có liên quan", "(Ký, ghi rõ họ tên, đóng dấu (nếu có))"),
    ("Người có quyền và nghĩa vụ liên quan", "(Ký, ghi rõ họ tên hoặc điểm chỉ)"),
    ("Người ghi biên bản", "(Ký, ghi rõ họ tên)"),
]


def _minutes(agency: Agency, *, identity: str, copies: str) -> Paper:
    return template(
        agency, has_number=False, has_date=False, kind="BIÊN BẢN ĐỐI THOẠI VỚI NGƯỜI KHIẾU NẠI",
        body=[
            Line(f"Vào hồi {DOTS} giờ, {{{{ held }}}}, tại {{{{ place }}}}."),
            Line("I. THÀNH PHẦN THAM GIA ĐỐI THOẠI:", Style.HEADING),
            Line("{{ participants }}"),
            Line(f"Người khiếu nại: {{{{ petitioner }}}}; {identity}: {{{{ identity }}}}; Địa chỉ: {{{{ address }}}}."),
            Line("II. NỘI DUNG ĐỐI THOẠI:", Style.HEADING),
            Line("Nội dung khiếu nại: {{ summary }}"),
            Line("Ý kiến của những người tham gia đối thoại và kết quả: {{ minutes }}"),
            Line("III. KẾT QUẢ ĐỐI THOẠI:", Style.HEADING),
            Line(f"Những nội dung đối thoại đã thống nhất, những vấn đề còn ý kiến khác nhau và những ý kiến khác (nếu "
                 f"có): {BLANK}"),
            Line(f"Buổi đối thoại kết thúc hồi {DOTS} giờ cùng ngày. Biên bản đối thoại đã được đọc lại cho những "
                 "người tham gia đối thoại nghe và ký xác nhận (trường hợp người tham gia đối thoại không ký xác nhận "
                 "thì phải ghi rõ lý do)."),
            Line(f"Biên bản được lập thành {DOTS} bản; {copies}./."),
        ],
        signatures=PARTIES,
    )  # fmt: skip


def dialogue_minutes(agency: Agency) -> Paper:
    """NĐ 124/2020 Mẫu 14: a copy to the resolver, the verifier, the complainant and the person complained about."""
    return _minutes(
        agency, identity=IDENTITY_2020,
        copies="người giải quyết khiếu nại, người được giao nhiệm vụ xác minh, người khiếu nại, người bị khiếu nại - "
        "mỗi người được nhận 01 bản",
    )  # fmt: skip


def dialogue_minutes_2026(agency: Agency) -> Paper:
    """NĐ 155/2026 Mẫu 14, from 01/07/2026: at least three copies, one to each party (NĐ 124/2020 Điều 28 as
    amended)."""
    return _minutes(agency, identity=IDENTITY_2026, copies="mỗi người nhận 01 bản")


def dialogue_facts(case: Case) -> dict:
    dialogue = ComplaintDialogue.objects.get(case=case)
    who = petitioner_of(case)
    return header(case.agency, on=dialogue.held_on) | {
        "held": in_words(dialogue.held_on), "place": dialogue.place.strip().rstrip(".") or BLANK,
        "participants": dialogue.participants, "petitioner": who.addressed, "identity": who.identity,
        "address": who.address, "summary": case.summary,
        "minutes": dialogue.minutes,
    }  # fmt: skip
