"""What users read for each figure: one Vietnamese label per key of reports.md, the sections that group them, and the
rows of the figures table (value, same period, change), formatted the way agencies write numbers."""

from dataclasses import dataclass
from decimal import Decimal

from danvan.numbers import number
from reports.figures import KEYS, Figures

LABELS: dict[str, str] = {
    "reception.visits": "Lượt tiếp công dân",
    "reception.people": "Số người được tiếp",
    "reception.cases": "Số vụ việc",
    "reception.cases_first": "Vụ việc tiếp lần đầu",
    "reception.cases_repeat": "Vụ việc tiếp nhiều lần",
    "reception.groups": "Đoàn đông người",
    "reception.group_people": "Số người trong các đoàn đông người",
    "reception.regular.visits": "Tiếp thường xuyên: lượt",
    "reception.regular.people": "Tiếp thường xuyên: người",
    "reception.periodic.visits": "Lãnh đạo tiếp định kỳ, đột xuất: lượt",
    "reception.periodic.people": "Lãnh đạo tiếp định kỳ, đột xuất: người",
    "reception.head.sessions": "Thủ trưởng trực tiếp tiếp: số kỳ tiếp",
    "reception.head.visits": "Thủ trưởng trực tiếp tiếp: lượt",
    "reception.head.people": "Thủ trưởng trực tiếp tiếp: người",
    "reception.delegated.sessions": "Ủy quyền tiếp: số kỳ tiếp",
    "reception.delegated.visits": "Ủy quyền tiếp: lượt",
    "reception.delegated.people": "Ủy quyền tiếp: người",
    "reception.party_head.visits": "Người đứng đầu cấp ủy tiếp: lượt",
    "reception.party_head.people": "Người đứng đầu cấp ủy tiếp: người",
    "reception.government_head.visits": "Người đứng đầu chính quyền tiếp: lượt",
    "reception.government_head.people": "Người đứng đầu chính quyền tiếp: người",
    "reception.council.sessions": "Thường trực, đại biểu HĐND tiếp: số cuộc",
    "reception.council.visits": "Thường trực, đại biểu HĐND tiếp: lượt",
    "petitions.received": "Đơn tiếp nhận trong kỳ",
    "petitions.carried_over": "Đơn kỳ trước chuyển sang",
    "petitions.to_handle": "Tổng số đơn phải xử lý",
    "petitions.handled": "Đơn đã xử lý",
    "petitions.unhandled": "Đơn chưa xử lý",
    "petitions.processable": "Đơn đủ điều kiện xử lý",
    "petitions.complaints": "Đơn khiếu nại",
    "petitions.denunciations": "Đơn tố cáo",
    "petitions.recommendations": "Đơn kiến nghị, phản ánh",
    "petitions.in_competence": "Đơn thuộc thẩm quyền",
    "petitions.in_competence.complaints": "Đơn thuộc thẩm quyền: khiếu nại",
    "petitions.in_competence.denunciations": "Đơn thuộc thẩm quyền: tố cáo",
    "petitions.in_competence.recommendations": "Đơn thuộc thẩm quyền: kiến nghị, phản ánh",
    "petitions.guided": "Hướng dẫn công dân",
    "petitions.forwarded": "Chuyển đơn",
    "petitions.urged": "Đôn đốc giải quyết",
    "petitions.filed": "Lưu đơn",
    "complaints.cases": "Vụ việc khiếu nại phải giải quyết",
    "denunciations.cases": "Vụ việc tố cáo phải giải quyết",
    "complaints.resolved": "Vụ việc khiếu nại đã giải quyết",
    "denunciations.resolved": "Vụ việc tố cáo đã giải quyết",
    "complaints.resolution_rate": "Tỷ lệ giải quyết khiếu nại",
    "denunciations.resolution_rate": "Tỷ lệ giải quyết tố cáo",
    "resolution_rate": "Tỷ lệ giải quyết khiếu nại, tố cáo",
    "complaints.founded": "Khiếu nại đúng (lần đầu)",
    "complaints.unfounded": "Khiếu nại sai (lần đầu)",
    "complaints.partly_founded": "Khiếu nại đúng một phần (lần đầu)",
    "complaints.withdrawn": "Khiếu nại rút đơn",
    "complaints.upheld_first": "Lần hai: công nhận quyết định lần đầu",
    "complaints.overturned_first": "Lần hai: hủy, sửa quyết định lần đầu",
    "denunciations.founded": "Tố cáo đúng",
    "denunciations.unfounded": "Tố cáo sai",
    "denunciations.partly_founded": "Tố cáo có đúng, có sai",
    "denunciations.withdrawn": "Rút toàn bộ nội dung tố cáo",
    "denunciations.terminated": "Đình chỉ giải quyết tố cáo (không do rút)",
    "complaints.on_time": "Khiếu nại giải quyết đúng thời hạn",
    "complaints.late": "Khiếu nại giải quyết quá thời hạn",
    "denunciations.on_time": "Tố cáo giải quyết đúng thời hạn",
    "denunciations.late": "Tố cáo giải quyết quá thời hạn",
    "recovery.state.money_due": "Kiến nghị thu hồi cho Nhà nước: tiền (triệu đồng)",
    "recovery.state.money_recovered": "Đã thu hồi cho Nhà nước: tiền (triệu đồng)",
    "recovery.state.land_due": "Kiến nghị thu hồi cho Nhà nước: đất (m²)",
    "recovery.state.land_recovered": "Đã thu hồi cho Nhà nước: đất (m²)",
    "recovery.returned.money": "Trả lại cho tổ chức, cá nhân: tiền (triệu đồng)",
    "recovery.returned.land": "Trả lại cho tổ chức, cá nhân: đất (m²)",
    "recovery.returned.organisations": "Số tổ chức được trả lại quyền lợi",
    "recovery.returned.individuals": "Số cá nhân được trả lại quyền lợi",
    "sanctions.people": "Kiến nghị xử lý hành chính: người",
    "sanctions.officials": "Kiến nghị xử lý hành chính: cán bộ, công chức, viên chức",
    "referrals.cases": "Chuyển cơ quan điều tra: vụ",
    "referrals.people": "Chuyển cơ quan điều tra: người",
    "enforcement.decisions": "Quyết định, kết luận phải thi hành",
    "enforcement.completed": "Quyết định, kết luận đã thi hành xong",
    "enforcement.rate": "Tỷ lệ thi hành xong",
    "hotspots.cases": "Vụ việc đông người, phức tạp, kéo dài",
    "hotspots.handled": "Vụ việc đông người, phức tạp, kéo dài đã hoàn thành phương án xử lý",
    "dialogues.total": "Cuộc đối thoại",
    "dialogues.province": "Đối thoại cấp tỉnh",
    "dialogues.district": "Đối thoại cấp huyện",
    "dialogues.commune": "Đối thoại cấp xã",
    "dialogues.participants": "Số người dự đối thoại",
    "dialogues.opinions": "Ý kiến nêu tại đối thoại",
    "dialogues.opinions_answered": "Ý kiến được trả lời tại chỗ",
    "voter_meetings.total": "Hội nghị tiếp xúc cử tri",
    "voter_meetings.participants": "Số người dự tiếp xúc cử tri",
    "voter_meetings.opinions": "Ý kiến, kiến nghị của cử tri",
}

# The table's sections, each with the key prefixes it holds, in the order of reports.md.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Tiếp công dân", ("reception.",)),
    ("Tiếp nhận, xử lý đơn", ("petitions.",)),
    ("Giải quyết khiếu nại, tố cáo", ("complaints.", "denunciations.", "resolution_rate")),
    ("Thu hồi, trả lại, xử lý sau giải quyết", ("recovery.", "sanctions.", "referrals.")),
    ("Thi hành quyết định, kết luận", ("enforcement.",)),
    ("Vụ việc đông người, phức tạp, kéo dài", ("hotspots.",)),
    ("Đối thoại, tiếp xúc cử tri", ("dialogues.", "voter_meetings.")),
)


def is_rate(key: str) -> bool:
    """A percentage: compared in percentage points, never as a count."""
    return key.endswith("rate")


def difference(current: int | float, previous: int | float) -> Decimal:
    """``current`` − ``previous``, exact to the thousandth (no float residue in 88.7 − 84.7)."""
    return Decimal(str(current)) - Decimal(str(previous))


@dataclass(frozen=True)
class FigureLine:
    """One line of the figures table: a figure, the same period a year earlier, and the change."""

    key: str
    label: str
    value: str
    previous: str
    change: str
    direction: str  # "up", "down" or "same": the CSS class of the change


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[FigureLine]


def change_text(key: str, current: int | float, previous: int | float) -> tuple[str, str]:
    """The change against the same period for the table: "+118", "−25", "0"; a rate in percentage points."""
    delta = difference(current, previous)
    points = " điểm %" if is_rate(key) else ""
    if delta > 0:
        return f"+{number(delta)}{points}", "up"
    if delta < 0:
        return f"−{number(-delta)}{points}", "down"
    return "0", "same"


def sections(figures: Figures, previous: Figures) -> list[Section]:
    """The figures table: every key under its section, with the same period a year earlier and the change."""
    grouped = []
    for title, prefixes in SECTIONS:
        rows = []
        for key in KEYS:
            if not key.startswith(prefixes):
                continue
            percent = "%" if is_rate(key) else ""
            change, direction = change_text(key, figures[key], previous[key])
            rows.append(
                FigureLine(
                    key=key,
                    label=LABELS[key],
                    value=number(figures[key]) + percent,
                    previous=number(previous[key]) + percent,
                    change=change,
                    direction=direction,
                )
            )
        grouped.append(Section(title, rows))
    return grouped
