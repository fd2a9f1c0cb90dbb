"""The draft narrative report (reports.md, "The narrative"): the figures quoted the way agencies write them — thousands
with dots, every headline compared to the same period a year earlier with "tăng", "giảm" or "bằng", rates compared in
percentage points — one paragraph per part of the work. Staff edit the draft before sending it.

    Trong năm 2024, toàn tỉnh tiếp 2.861 lượt công dân (tăng 118 lượt so với cùng kỳ năm 2023).
    Các cấp, ngành tiếp nhận 171 đơn khiếu nại, tố cáo (giảm 25 đơn so với cùng kỳ).
    Cấp tỉnh tổ chức 5 cuộc đối thoại, cấp huyện 62 cuộc, cấp xã 399 cuộc.
"""

from decimal import ROUND_HALF_UP, Decimal

from danvan.models import AdminUnit
from reports.figures import Figures
from reports.labels import difference, number
from reports.periods import PeriodKind, Window

Level, Type = AdminUnit.Level, AdminUnit.Type

# "toàn tỉnh", "toàn phường": the word a unit's type goes by inside a sentence.
PLACE_WORDS = {
    Type.PROVINCE: "tỉnh",
    Type.MUNICIPALITY: "thành phố",
    Type.RURAL_DISTRICT: "huyện",
    Type.URBAN_DISTRICT: "quận",
    Type.TOWN: "thị xã",
    Type.PROVINCIAL_CITY: "thành phố",
    Type.COMMUNE: "xã",
    Type.WARD: "phường",
    Type.TOWNSHIP: "thị trấn",
    Type.SPECIAL_ZONE: "đặc khu",
}
LEVEL_WORDS = {Level.PROVINCE: "tỉnh", Level.DISTRICT: "huyện", Level.COMMUNE: "xã"}
SUBJECT = "kết quả công tác tiếp công dân, xử lý đơn thư, giải quyết khiếu nại, tố cáo"


def place(unit: AdminUnit) -> str:
    """The whole of a unit as a sentence names it: "toàn tỉnh", "toàn huyện", "toàn xã"."""
    return f"toàn {PLACE_WORDS.get(unit.type) or LEVEL_WORDS[unit.level]}"


def period_phrase(window: Window) -> str:
    """The period at the head of a sentence: "Trong năm 2024", "Trong quý I năm 2024", "Từ ngày … đến ngày …"."""
    if window.kind == PeriodKind.CUSTOM:
        return window.label
    return f"Trong {lowered(window.label)}"


def period_title(window: Window) -> str:
    """The period as it ends a title: "năm 2024", "6 tháng đầu năm 2024", "từ ngày … đến ngày …"."""
    return lowered(window.label)


def lowered(text: str) -> str:
    return text[:1].lower() + text[1:]


def since(window: Window) -> str:
    """The same period named in full, the first time a report compares: "cùng kỳ năm 2023"."""
    return "cùng kỳ năm trước" if window.year is None else f"cùng kỳ năm {window.year - 1}"


def compared(current: int | float, previous: int | float, measure: str, *, to: str = "cùng kỳ") -> str:
    """A count against the same period: "tăng 118 lượt so với cùng kỳ", "giảm 25 đơn …", "bằng cùng kỳ"."""
    delta = difference(current, previous)
    if delta == 0:
        return f"bằng {to}"
    return f"{'tăng' if delta > 0 else 'giảm'} {number(abs(delta))} {measure} so với {to}"


def percent(rate: float) -> str:
    """A rate as reports print it: "89%", "88,7%"."""
    return f"{number(Decimal(str(rate)).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP))}%"


def rate_compared(current: float, previous: float, *, to: str = "cùng kỳ") -> str:
    """A rate against the same period, in percentage points (never "%"): "tăng 4 điểm % so với cùng kỳ", "bằng cùng
    kỳ"."""
    delta = difference(current, previous).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if delta == 0:
        return f"bằng {to}"
    return f"{'tăng' if delta > 0 else 'giảm'} {number(abs(delta))} điểm % so với {to}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _reception(unit: AdminUnit, window: Window, now: Figures, before: Figures) -> str:
    visits = now["reception.visits"]
    comparison = compared(visits, before["reception.visits"], "lượt", to=since(window))
    if not visits:
        return f"{period_phrase(window)}, {place(unit)} không có lượt công dân nào đến trình bày ({comparison})."
    headline = f"{period_phrase(window)}, {place(unit)} tiếp {number(visits)} lượt công dân ({comparison})."
    details = (
        f" Tổng số {number(now['reception.people'])} người, về {number(now['reception.cases'])} vụ việc"
        f" ({number(now['reception.cases_first'])} vụ việc tiếp lần đầu,"
        f" {number(now['reception.cases_repeat'])} vụ việc tiếp nhiều lần);"
        f" tiếp thường xuyên {number(now['reception.regular.visits'])} lượt,"
        f" lãnh đạo tiếp định kỳ, đột xuất {number(now['reception.periodic.visits'])} lượt"
    )
    if now["reception.groups"]:
        details += (
            f"; có {number(now['reception.groups'])} đoàn đông người với {number(now['reception.group_people'])} người"
        )
    return headline + details + "."


def _petitions(unit: AdminUnit, now: Figures, before: Figures) -> str:
    who = "Các cấp, ngành" if unit.level != Level.COMMUNE else capitalised(place(unit))
    kinds = ("petitions.complaints", "petitions.denunciations")
    count, earlier = sum(now[key] for key in kinds), sum(before[key] for key in kinds)
    comparison = compared(count, earlier, "đơn")
    if count:
        headline = f"{who} tiếp nhận {number(count)} đơn khiếu nại, tố cáo ({comparison})."
    else:
        headline = f"{who} không tiếp nhận đơn khiếu nại, tố cáo nào ({comparison})."
    if not now["petitions.to_handle"]:
        return headline
    return headline + (
        f" Tổng số đơn phải xử lý là {number(now['petitions.to_handle'])} đơn"
        f" (tiếp nhận trong kỳ {number(now['petitions.received'])} đơn,"
        f" trong đó {number(now['petitions.recommendations'])} đơn kiến nghị, phản ánh;"
        f" kỳ trước chuyển sang {number(now['petitions.carried_over'])} đơn);"
        f" đã xử lý {number(now['petitions.handled'])} đơn,"
        f" trong đó {number(now['petitions.in_competence'])} đơn thuộc thẩm quyền."
    )


def _resolution(now: Figures, before: Figures) -> str:
    cases = now["complaints.cases"] + now["denunciations.cases"]
    if not cases:
        sentences = ["Trong kỳ không có vụ việc khiếu nại, tố cáo thuộc thẩm quyền phải giải quyết."]
    else:
        resolved = now["complaints.resolved"] + now["denunciations.resolved"]
        had_cases = before["complaints.cases"] + before["denunciations.cases"]
        comparison = (
            rate_compared(now["resolution_rate"], before["resolution_rate"])
            if had_cases
            else "cùng kỳ không có vụ việc phải giải quyết"
        )
        sentences = [
            f"Đã giải quyết xong {number(resolved)}/{number(cases)} vụ việc khiếu nại, tố cáo thuộc thẩm quyền"
            f" (khiếu nại {number(now['complaints.resolved'])}/{number(now['complaints.cases'])} vụ việc,"
            f" tố cáo {number(now['denunciations.resolved'])}/{number(now['denunciations.cases'])} vụ việc),"
            f" đạt tỷ lệ {percent(now['resolution_rate'])}, {comparison}."
        ]
    if now["enforcement.decisions"]:
        comparison = (
            f", {rate_compared(now['enforcement.rate'], before['enforcement.rate'])}"
            if before["enforcement.decisions"]
            else ""
        )
        sentences.append(
            f"Thực hiện xong {number(now['enforcement.completed'])}/{number(now['enforcement.decisions'])}"
            f" quyết định giải quyết khiếu nại, kết luận nội dung tố cáo, đạt tỷ lệ {percent(now['enforcement.rate'])}"
            f"{comparison}."
        )
    due = amounts(now["recovery.state.money_due"], now["recovery.state.land_due"])
    if due:
        recovered = amounts(now["recovery.state.money_recovered"], now["recovery.state.land_recovered"])
        sentences.append(
            f"Qua giải quyết, kiến nghị thu hồi cho Nhà nước {due}; "
            + (f"đã thu hồi {recovered}." if recovered else "chưa thu hồi được.")
        )
    if now["hotspots.cases"]:
        sentences.append(
            f"Hoàn thành phương án xử lý {number(now['hotspots.handled'])}/{number(now['hotspots.cases'])}"
            f" vụ việc đông người, phức tạp, kéo dài."
        )
    return " ".join(sentences)


def amounts(money: float, land: float) -> str:
    """Money and land as a sentence lists them, leaving out a zero: "6.459 triệu đồng và 1.200 m² đất"."""
    parts = [f"{number(money)} triệu đồng" if money else "", f"{number(land)} m² đất" if land else ""]
    return " và ".join(part for part in parts if part)


def _dialogue_levels(unit: AdminUnit, window: Window, now: Figures) -> list[str]:
    """The levels at and under ``unit`` that held dialogues in the window: the district level only while it existed."""
    levels = list(Level.values)[list(Level.values).index(unit.level) :]
    districts_existed = unit.valid_from is None or window.start < unit.valid_from
    return [level for level in levels if level != Level.DISTRICT or districts_existed or now[f"dialogues.{level}"]]


def _dialogues(unit: AdminUnit, window: Window, now: Figures, before: Figures) -> str:
    total, comparison = now["dialogues.total"], compared(now["dialogues.total"], before["dialogues.total"], "cuộc")
    if not total:
        return f"{capitalised(place(unit))} không tổ chức cuộc đối thoại nào ({comparison})."
    levels = _dialogue_levels(unit, window, now)
    if len(levels) == 1:
        return (
            f"{capitalised(place(unit))} tổ chức {number(total)} cuộc đối thoại"
            f" với {number(now['dialogues.participants'])} người tham dự ({comparison})."
        )
    return _levels_sentence(levels, now) + (
        f" Tổng cộng {number(total)} cuộc đối thoại với {number(now['dialogues.participants'])} người tham dự"
        f" ({comparison})."
    )


def _levels_sentence(levels: list[str], now: Figures) -> str:
    """ "Cấp tỉnh tổ chức 5 cuộc đối thoại, cấp huyện 62 cuộc, cấp xã 399 cuộc." """
    first, *rest = levels
    parts = [f"Cấp {LEVEL_WORDS[first]} tổ chức {number(now[f'dialogues.{first}'])} cuộc đối thoại"]
    parts += [f"cấp {LEVEL_WORDS[level]} {number(now[f'dialogues.{level}'])} cuộc" for level in rest]
    return ", ".join(parts) + "."


def _voter_meetings(unit: AdminUnit, now: Figures, before: Figures) -> str:
    total = now["voter_meetings.total"]
    comparison = compared(total, before["voter_meetings.total"], "hội nghị")
    if not total:
        return f"{capitalised(place(unit))} không tổ chức hội nghị tiếp xúc cử tri nào ({comparison})."
    return (
        f"{capitalised(place(unit))} tổ chức {number(total)} hội nghị tiếp xúc cử tri"
        f" với {number(now['voter_meetings.participants'])} lượt cử tri tham dự,"
        f" tiếp nhận {number(now['voter_meetings.opinions'])} ý kiến, kiến nghị ({comparison})."
    )


def committee_of(unit: AdminUnit) -> str:
    """The People's Committee of a unit, inside a sentence: "Ủy ban nhân dân tỉnh Gia Lai"."""
    return f"Ủy ban nhân dân {unit.name_in_sentence}"


def opening(unit: AdminUnit, window: Window) -> str:
    """The report's first line: who reports, on what, for which period and days."""
    return f"{committee_of(unit)} báo cáo {SUBJECT} {period_title(window)} ({lowered(window.span)}) như sau:"


def narrative(unit: AdminUnit, window: Window, figures: Figures, previous: Figures) -> list[str]:
    """The draft's paragraphs: an opening line, then reception, petitions, resolution, dialogues, voter meetings."""
    return [
        opening(unit, window),
        _reception(unit, window, figures, previous),
        _petitions(unit, figures, previous),
        _resolution(figures, previous),
        _dialogues(unit, window, figures, previous),
        _voter_meetings(unit, figures, previous),
    ]
