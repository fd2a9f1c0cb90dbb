"""A case ended without a decision on the merits: the withdrawal (rút khiếu nại, rút tố cáo) and the decision ending
the resolution (đình chỉ).

- A denunciation is withdrawn by a letter or in minutes (NĐ 31/2019 Mẫu 02, 03; from 01/07/2026 NĐ 156/2026 Mẫu 02,
  03); the denouncer is never printed: their name, address and contact are written in by hand.
- A complaint is withdrawn the same two ways from 01/07/2026 (Luật Khiếu nại Điều 10 as amended by Luật 136/2025/QH15),
  which no annex shapes: the letters follow NĐ 156/2026's.
- The resolution then ends by a decision (đình chỉ): a complaint's on NĐ 155/2026 Mẫu 14a from 01/07/2026 and, before,
  on the layout of NĐ 124/2020's decisions (Luật Khiếu nại Điều 10, no form); a denunciation's under Luật Tố cáo Điều
  34 khoản 3, on the layout of NĐ 31/2019's. Neither has findings or a conclusion: a withdrawal has no merits.
"""

from complaints.documents.cases import about
from complaints.documents.facts import BLANK, DOTS, NOUN, citizen_paper, header, in_words, person, template
from complaints.documents.pauses import ACCEPTED_GROUND, course_decision, course_facts
from complaints.models import Outcome
from complaints.paper import Line, Paper
from danvan.models import Agency, Case, Classification

_TERMINATES = "Điều 1. Đình chỉ việc giải quyết {{ about }}. Lý do: {{ reason }}."
_READ_BACK = "Biên bản này đã được đọc cho người rút {{ noun }} nghe và xác nhận dưới đây."


def termination(agency: Agency) -> Paper:
    """A complaint's resolution ended (đình chỉ): NĐ 155/2026 Mẫu 14a from 01/07/2026, the same wording before."""
    return course_decision(
        agency, kind=Classification.COMPLAINT, subject="Về việc đình chỉ giải quyết khiếu nại", article=_TERMINATES,
        grounds=[ACCEPTED_GROUND],
    )  # fmt: skip


def denunciation_termination(agency: Agency) -> Paper:
    return course_decision(
        agency, kind=Classification.DENUNCIATION, subject="Về việc đình chỉ việc giải quyết tố cáo",
        article=_TERMINATES, grounds=[ACCEPTED_GROUND],
    )  # fmt: skip


def termination_facts(case: Case) -> dict:
    """Under the decision's number and date; the reason: the withdrawal, or what the decision recorded."""
    decision = case.decision
    reason = decision.summary.strip().rstrip(".")
    if decision.outcome == Outcome.WITHDRAWN:
        withdrew = f"người {NOUN[case.kind]} rút {NOUN[case.kind]}"
        reason = f"{withdrew}; {reason}" if reason else withdrew
    return course_facts(case, on=decision.issued_on, recorded=decision.number) | {"reason": reason or BLANK}


def denunciation_letter_2019(agency: Agency) -> Paper:
    """NĐ 31/2019 Mẫu 02."""
    return citizen_paper(
        agency, kind="ĐƠN RÚT TỐ CÁO", addressees=["{{ issuer }}"],
        body=[
            Line(f"Tên tôi là: {BLANK}"),
            Line(f"Địa chỉ: {BLANK}"),
            Line("Tôi đề nghị với {{ issuer }} cho tôi rút nội dung tố cáo: {{ summary }} trong đơn tố cáo "
                 "{{ received }}./."),
        ],
        signatures=[("", ""), ("Người rút tố cáo", "(Chữ ký hoặc điểm chỉ)", BLANK)],
    )  # fmt: skip


def _letter_2026(agency: Agency, *, noun: str, name: str, address: str) -> Paper:
    """NĐ 156/2026 Mẫu 02's contents (its new Điều 4 khoản 1): who withdraws, their address and how to reach them, what
    is withdrawn, signed or fingerprinted."""
    return citizen_paper(
        agency, kind=f"ĐƠN RÚT {noun.upper()}", addressees=["{{ issuer }}"],
        body=[
            Line(f"Tên tôi/Chúng tôi là: {name}"),
            Line(f"Địa chỉ: {address}"),
            Line(f"Cách thức liên hệ: {BLANK}"),
            Line(f"Nội dung {noun} được rút: {{{{ summary }}}} (đơn {noun} {{{{ received }}}})."),
            Line(f"Tôi/Chúng tôi làm đơn này đề nghị cơ quan có thẩm quyền chấp nhận việc rút {noun} nêu trên./."),
        ],
        signatures=[("", ""), (f"Người rút {noun}", "(Ký hoặc điểm chỉ)", name)],
    )  # fmt: skip


def denunciation_letter_2026(agency: Agency) -> Paper:
    return _letter_2026(agency, noun="tố cáo", name=BLANK, address=BLANK)


def complaint_letter_2026(agency: Agency) -> Paper:
    return _letter_2026(agency, noun="khiếu nại", name="{{ name }}", address="{{ address }}")


def denunciation_minutes_2019(agency: Agency) -> Paper:
    """NĐ 31/2019 Mẫu 03: no number, the date line left for the day of the meeting."""
    return template(
        agency, has_number=False, kind="BIÊN BẢN", subject="Ghi nhận việc rút tố cáo",
        body=[
            Line(f"Vào hồi {DOTS} giờ {DOTS} ngày {DOTS} tháng {DOTS} năm {DOTS}, tại {BLANK}"),
            Line(f"Tôi là {BLANK} đã làm việc trực tiếp với {BLANK} về việc đề nghị rút nội dung tố cáo. Ông (bà) "
                 f"{BLANK} đề nghị với {{{{ issuer }}}} cho rút nội dung tố cáo: {{{{ summary }}}} trong đơn tố cáo "
                 "{{ received }}."),
            Line(f"Buổi làm việc kết thúc hồi {DOTS} giờ {DOTS} phút cùng ngày (hoặc ngày {DOTS})."),
            Line(_READ_BACK),
            Line(f"Biên bản được lập thành {DOTS} bản và giao cho người rút tố cáo 01 bản./."),
        ],
        signatures=[("Người rút tố cáo", "(Chữ ký hoặc điểm chỉ)"), ("Người lập biên bản", "(Chữ ký)")],
    )  # fmt: skip


def _minutes_2026(agency: Agency, *, noun: str, name: str, address: str) -> Paper:
    """NĐ 156/2026 Mẫu 03 (its body not captured by the spec's sources: the 2019 wording with the contents the new
    Điều 4 khoản 2 asks for), made by whoever received the withdrawal."""
    return template(
        agency, has_number=False, kind="BIÊN BẢN", subject=f"Ghi nhận ý kiến rút {noun}",
        body=[
            Line(f"Vào hồi {DOTS} giờ {DOTS} ngày {DOTS} tháng {DOTS} năm {DOTS}, tại {BLANK}"),
            Line(f"Tôi là {BLANK}, chức vụ {DOTS}, đã làm việc trực tiếp với người {noun}: {name}; địa chỉ: "
                 f"{address}; cách thức liên hệ: {BLANK}, về việc đề nghị rút {noun}."),
            Line(f"Người {noun} đề nghị với {{{{ issuer }}}} cho rút nội dung {noun}: {{{{ summary }}}} trong đơn "
                 f"{noun} {{{{ received }}}}."),
            Line(f"Buổi làm việc kết thúc hồi {DOTS} giờ {DOTS} phút cùng ngày (hoặc ngày {DOTS})."),
            Line(_READ_BACK),
            Line(f"Biên bản được lập thành {DOTS} bản và giao cho người rút {noun} 01 bản./."),
        ],
        signatures=[(f"Người rút {noun}", "(Ký hoặc điểm chỉ)", name), ("Người lập biên bản", "(Ký, ghi rõ họ tên)")],
    )  # fmt: skip


def denunciation_minutes_2026(agency: Agency) -> Paper:
    return _minutes_2026(agency, noun="tố cáo", name=BLANK, address=BLANK)


def complaint_minutes_2026(agency: Agency) -> Paper:
    return _minutes_2026(agency, noun="khiếu nại", name="{{ name }}", address="{{ address }}")


def withdrawal_facts(case: Case) -> dict:
    """What was withdrawn: the case's matter and the day its petition was received; the complainant as recorded (a
    denouncer is never filled in). The letter's and the minutes' own date is left for the day they are signed."""
    petition = case.petitions.order_by("received_on", "pk").first()
    who = person(case.citizen if case.kind == Classification.COMPLAINT else None)
    return header(case.agency, on=None) | {
        "noun": NOUN[case.kind], "summary": case.summary, "about": about(case), "name": who.name,
        "address": who.address, "received": in_words(petition.received_on if petition else None),
    }  # fmt: skip
