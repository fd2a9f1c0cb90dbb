"""The figure paragraphs of a TT 06/2025 narrative (Mẫu số 02, sections I.1 and II), written from the total rows of the
statutory forms — the same numbers the forms print, so that the text and the forms cannot disagree — each compared with
the same period a year earlier ("tăng 118 lượt so với cùng kỳ"; a rate in percentage points, "điểm %")."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from danvan.models import AdminUnit
from reports.labels import number
from reports.narrative import amounts, capitalised, compared, percent, period_phrase, place, rate_compared, since
from reports.periods import Window

Value = int | float | Decimal


class Totals:
    """The total rows of the forms, as ``reports.forms_data.form_totals`` gives them ({"01/TCD": [c1, … c21], …}):
    ``totals("01/TCD", 9, 15, 21)`` is the sum of those columns, numbered as the form prints them. A form the
    circular's set lacks, or a blank cell, counts as zero."""

    def __init__(self, rows: dict[str, Sequence[Value | None]]) -> None:
        self.rows = rows

    def __call__(self, code: str, *columns: int) -> Value:
        row = self.rows.get(code, ())
        return sum((row[column - 1] or 0 for column in columns if column <= len(row)), 0)


def _rate(done: Value, total: Value) -> float:
    return float(Decimal(str(done)) * 100 / Decimal(str(total))) if total else 0.0


def _listed(items: list[tuple[str, Value]], unit: str = "") -> str:
    """ "đất đai 12, khác 3" — or with a unit, "12 đơn" — leaving out the zeros; "" when every one is zero."""
    return ", ".join(f"{name} {number(value)}{f' {unit}' if unit else ''}" for name, value in items if value)


def _counted(items: list[tuple[Value, str]]) -> str:
    """ "20 tổ chức, 21 cá nhân", leaving out the zeros; "" when every one is zero."""
    return ", ".join(f"{number(value)} {noun}" for value, noun in items if value)


def _shares(items: list[tuple[str, Value]], total: Value) -> str:
    """ "lĩnh vực đất đai 12 đơn (chiếm 80%), khác 3 đơn (chiếm 20%)", the zeros left out."""
    return ", ".join(
        f"{name} {number(value)} đơn (chiếm {percent(_rate(value, total))})" for name, value in items if value
    )


def _situation(window: Window, now: Totals, before: Totals) -> list[str]:
    """I.1: the letters received, then complaints and denunciations within competence by sector (02/XLD)."""
    letters = now("02/XLD", 1)
    opening = (
        f"{period_phrase(window)}, tổng số đơn tiếp nhận là {number(letters)} đơn"
        f" ({compared(letters, before('02/XLD', 1), 'đơn', to=since(window))})."
    )
    kinds = (
        ("a) Về khiếu nại", "khiếu nại", 6, [("đất đai", 9), ("chế độ, chính sách", 10), ("khác", 11)]),
        ("b) Về tố cáo", "tố cáo", 12, [("hành chính", 15), ("tham nhũng", 16), ("tư pháp", 17), ("khác", 18)]),
    )
    paragraphs = [opening]
    for title, kind, total_column, sectors in kinds:
        count = now("02/XLD", total_column)
        comparison = compared(count, before("02/XLD", total_column), "đơn")
        if not count:
            paragraphs.append(f"{title}: không có đơn {kind} thuộc thẩm quyền ({comparison}).")
            continue
        shares = _shares([(name, now("02/XLD", column)) for name, column in sectors], count)
        paragraphs.append(
            f"{title}: {number(count)} đơn {kind} thuộc thẩm quyền ({comparison}); theo lĩnh vực: {shares}."
        )
    return paragraphs


def _reception(unit: AdminUnit, now: Totals, before: Totals) -> list[str]:
    """II.1 (01/TCD): visits, persons, cases, crowd groups; the head's sessions in person and delegated."""
    visits = now("01/TCD", 1)
    comparison = compared(visits, before("01/TCD", 1), "lượt")
    if not visits:
        return [f"{capitalised(place(unit))} không có lượt công dân nào đến trình bày ({comparison})."]
    text = (
        f"{capitalised(place(unit))} tiếp {number(visits)} lượt công dân ({comparison}),"
        f" {number(now('01/TCD', 2))} người, {number(now('01/TCD', 3))} vụ việc"
    )
    groups = now("01/TCD", 4)
    if groups or before("01/TCD", 4):
        text += (
            f"; {number(groups)} đoàn đông người với {number(now('01/TCD', 9, 15, 21))} người"
            f" ({compared(groups, before('01/TCD', 4), 'đoàn')})"
        )
    head = (
        f"Thủ trưởng trực tiếp tiếp định kỳ, đột xuất {number(now('01/TCD', 10))} ngày,"
        f" {number(now('01/TCD', 11))} lượt, {number(now('01/TCD', 12))} người;"
        f" ủy quyền tiếp {number(now('01/TCD', 16))} ngày, {number(now('01/TCD', 17))} lượt,"
        f" {number(now('01/TCD', 18))} người."
    )
    return [f"{text}.", head]


def _letters(now: Totals, before: Totals) -> list[str]:
    """II.2 (02/XLD): a) the letters and how far they went; b) those within competence by kind; c) the others."""
    received = (
        f"a) Tổng số đơn tiếp nhận trong kỳ {number(now('02/XLD', 1))} đơn"
        f" ({compared(now('02/XLD', 1), before('02/XLD', 1), 'đơn')}); đã xử lý {number(now('02/XLD', 2))} đơn;"
        f" đủ điều kiện xử lý {number(now('02/XLD', 3))} đơn; thuộc thẩm quyền {number(now('02/XLD', 4))} đơn,"
        f" {number(now('02/XLD', 5))} vụ việc."
    )
    kinds = (
        ("khiếu nại", 6, [("lần đầu", 7), ("lần 2", 8)], [("đất đai", 9), ("chế độ, chính sách", 10), ("khác", 11)]),
        (
            "tố cáo",
            12,
            [("lần đầu", 13), ("tố cáo tiếp", 14)],
            [("hành chính", 15), ("tham nhũng", 16), ("tư pháp", 17), ("khác", 18)],
        ),
        ("kiến nghị, phản ánh", 19, [], [("chế độ, chính sách", 20), ("đất đai", 21), ("khác", 22)]),
    )
    described = []
    for kind, total, levels, sectors in kinds:
        parts = [_listed([(name, now("02/XLD", column)) for name, column in group]) for group in (levels, sectors)]
        detail = "; ".join(part for part in parts if part)
        described.append(f"{kind} {number(now('02/XLD', total))} đơn" + (f" ({detail})" if detail else ""))
    outside = _listed([("hướng dẫn", now("02/XLD", 24)), ("chuyển đơn", now("02/XLD", 25))])
    return [
        received,
        f"b) Đơn thuộc thẩm quyền: {'; '.join(described)}.",
        f"c) Đơn không thuộc thẩm quyền: {number(now('02/XLD', 23))} đơn" + (f" ({outside})." if outside else "."),
    ]


# 03/GQKN and 04/GQTC in the same words: (form, title, kind, what is issued and its short name, the first-time
# results, the later ones and what the form calls them, the first column of the amounts — recovered for the State:
# money, land; returned: money, land, organisations, persons).
_RESOLUTIONS = (
    (
        "03/GQKN",
        "a) Giải quyết khiếu nại",
        "khiếu nại",
        ("quyết định giải quyết khiếu nại", "quyết định"),
        [("khiếu nại đúng", 8), ("khiếu nại sai", 9), ("khiếu nại đúng một phần", 10)],
        ("lần 2", [("công nhận kết quả giải quyết lần đầu", 11), ("hủy, sửa kết quả giải quyết lần đầu", 12)]),
        13,
    ),
    (
        "04/GQTC",
        "b) Giải quyết tố cáo",
        "tố cáo",
        ("kết luận nội dung tố cáo", "kết luận"),
        [("tố cáo đúng", 8), ("tố cáo sai", 9), ("tố cáo có đúng có sai", 10)],
        ("tố cáo tiếp", [("đúng", 11), ("sai", 12), ("có đúng có sai", 13)]),
        14,
    ),
)


_ANALYSED = [
    ("đang xem xét điều kiện thụ lý", 3),
    ("đã thụ lý giải quyết", 4),
    ("không thụ lý", 5),
    ("rút đơn, đình chỉ giải quyết", 6),
]


def _resolution(now: Totals, before: Totals) -> list[str]:
    """II.3 (03/GQKN, 04/GQTC): letters and cases within competence and what became of them; decisions or
    conclusions issued; amounts, administrative handling and transfers to the investigation body."""
    paragraphs = []
    for code, title, kind, (issued, short), first, (again, later), money in _RESOLUTIONS:
        cases = now(code, 2)
        text = (
            f"{title}: {number(now(code, 1))} đơn {kind} thuộc thẩm quyền, {number(cases)} vụ việc"
            f" ({compared(cases, before(code, 2), 'vụ việc')})"
        )
        analysed = _listed(_at(now, code, _ANALYSED))
        text += f": {analysed}." if analysed else "."
        decisions = now(code, 7)
        text += f" Đã ban hành {number(decisions)} {issued} ({compared(decisions, before(code, 7), short)})"
        results = "; ".join(
            f"{when}: {listed}"
            for when, listed in (("lần đầu", _listed(_at(now, code, first))), (again, _listed(_at(now, code, later))))
            if listed
        )
        text += f", trong đó {results}." if results else "."
        paragraphs.append(text + _consequences(now, code, money))
    return paragraphs


def _at(now: Totals, code: str, columns: list[tuple[str, int]]) -> list[tuple[str, Value]]:
    return [(name, now(code, column)) for name, column in columns]


def _consequences(now: Totals, code: str, money: int) -> str:
    """What resolving found: amounts recovered and returned, persons handled, cases transferred; "" when nothing."""
    sentences = []
    recovered = amounts(now(code, money), now(code, money + 1))
    if recovered:
        sentences.append(f"kiến nghị thu hồi cho Nhà nước {recovered}")
    returned = amounts(now(code, money + 2), now(code, money + 3))
    restored = _counted([(now(code, money + 4), "tổ chức"), (now(code, money + 5), "cá nhân")])
    if returned or restored:
        sentences.append(
            "trả lại cho tổ chức, cá nhân "
            + ", ".join(part for part in (returned, f"quyền lợi của {restored}" if restored else "") if part)
        )
    handled = _handled(now, code)
    return " Qua giải quyết, " + "; ".join([*sentences, *handled]) + "." if sentences or handled else ""


def _handled(now: Totals, code: str) -> list[str]:
    """Administrative handling and transfers to the investigation body, as 03/GQKN and 04/GQTC count them."""
    if code == "03/GQKN":
        people, officials, cases, transferred, of_whom = (now(code, column) for column in (19, 20, 21, 22, 23))
        organisations = 0
    else:
        organisations, people, officials, cases, transferred, of_whom = (
            now(code, column) for column in (20, 21, 22, 23, 24, 25)
        )
    handled = []
    if organisations or people:
        handled.append(
            f"kiến nghị xử lý hành chính {_counted([(organisations, 'tổ chức'), (people, 'cá nhân')])}"
            f" ({number(officials)} cán bộ, công chức, viên chức)"
        )
    if cases:
        handled.append(
            f"chuyển cơ quan điều tra {number(cases)} vụ, {number(transferred)} người"
            f" ({number(of_whom)} cán bộ, công chức, viên chức)"
        )
    return handled


@dataclass(frozen=True)
class _Carrying:
    """Where 05/KQTH keeps one kind of carrying out: the count to carry out (the next column: carried out), the
    amounts (recovered for the State due, done; returned due, done: money then land each), the handled and the
    prosecuted."""

    what: str
    due: int
    amounts: int
    organisations: int | None
    people: int
    officials: int
    prosecuted: int  # cases; then subjects, then officials among them
    subjects: str


_CARRYING = (
    _Carrying("quyết định giải quyết khiếu nại", 1, 3, None, 11, 12, 13, "người"),
    _Carrying("kết luận nội dung tố cáo", 16, 18, 26, 27, 28, 29, "đối tượng"),
)


def _carrying_out(now: Totals, before: Totals) -> list[str]:
    """II.4 (05/KQTH): decisions and conclusions to carry out and carried out, with the rate against the same period in
    percentage points; amounts due and done; those handled and prosecuted."""
    paragraphs = []
    for kind in _CARRYING:
        due, done = now("05/KQTH", kind.due), now("05/KQTH", kind.due + 1)
        if not due:
            paragraphs.append(f"Trong kỳ không có {kind.what} phải thực hiện.")
            continue
        rate = _rate(done, due)
        text = f"Thực hiện xong {number(done)}/{number(due)} {kind.what} phải thực hiện, đạt tỷ lệ {percent(rate)}"
        if earlier := before("05/KQTH", kind.due):
            text += f", {rate_compared(rate, _rate(before('05/KQTH', kind.due + 1), earlier))}"
        for offset, name in ((0, "thu hồi cho Nhà nước"), (4, "trả lại cho tổ chức, cá nhân")):
            columns = kind.amounts + offset
            if owed := amounts(now("05/KQTH", columns), now("05/KQTH", columns + 1)):
                paid = amounts(now("05/KQTH", columns + 2), now("05/KQTH", columns + 3))
                text += f"; {name}: phải thực hiện {owed}, đã thực hiện {paid or 'chưa có'}"
        organisations = now("05/KQTH", kind.organisations) if kind.organisations else 0
        if handled := _counted([(organisations, "tổ chức"), (now("05/KQTH", kind.people), "người")]):
            text += (
                f"; đã xử lý hành chính {handled} ({number(now('05/KQTH', kind.officials))} cán bộ, công chức,"
                " viên chức)"
            )
        if cases := now("05/KQTH", kind.prosecuted):
            text += (
                f"; đã khởi tố {number(cases)} vụ, {number(now('05/KQTH', kind.prosecuted + 1))} {kind.subjects}"
                f" ({number(now('05/KQTH', kind.prosecuted + 2))} cán bộ, công chức, viên chức)"
            )
        paragraphs.append(text + ".")
    return paragraphs


def _documents_and_training(now: Totals, before: Totals) -> list[str]:
    """II.6.b (06/QLKNTC 1–5): documents issued, amended, repealed; training and dissemination."""
    classes = now("06/QLKNTC", 4)
    return [
        f"Ban hành mới {number(now('06/QLKNTC', 1))} văn bản, sửa đổi, bổ sung {number(now('06/QLKNTC', 2))}"
        f" văn bản, hủy bỏ {number(now('06/QLKNTC', 3))} văn bản; tổ chức {number(classes)} lớp tập huấn, tuyên"
        f" truyền, phổ biến, giáo dục pháp luật với {number(now('06/QLKNTC', 5))} người tham dự"
        f" ({compared(classes, before('06/QLKNTC', 4), 'lớp')})."
    ]


def _inspections(now: Totals, before: Totals) -> list[str]:
    """II.6.c (06/QLKNTC 6–17): responsibility inspections, their recommendations and the results of carrying out."""
    inspections = now("06/QLKNTC", 6)
    return [
        f"Tiến hành {number(inspections)} cuộc thanh tra trách nhiệm tại {number(now('06/QLKNTC', 7))} đơn vị"
        f" ({compared(inspections, before('06/QLKNTC', 6), 'cuộc')}); đã ban hành kết luận"
        f" {number(now('06/QLKNTC', 8))} cuộc; kiến nghị xử lý hành chính {number(now('06/QLKNTC', 9))} tổ chức,"
        f" {number(now('06/QLKNTC', 10))} cá nhân; kiến nghị chuyển cơ quan điều tra {number(now('06/QLKNTC', 11))}"
        f" tổ chức, {number(now('06/QLKNTC', 12))} cá nhân.",
        f"Thực hiện {number(now('06/QLKNTC', 13))} kết luận thanh tra trách nhiệm: đã xử lý hành chính"
        f" {number(now('06/QLKNTC', 14))} tổ chức, {number(now('06/QLKNTC', 15))} cá nhân; đã khởi tố"
        f" {number(now('06/QLKNTC', 16))} vụ, {number(now('06/QLKNTC', 17))} đối tượng.",
    ]


def form_blocks(unit: AdminUnit, window: Window, now: Totals, before: Totals) -> dict[str, list[str]]:
    """The figure paragraphs of each section of Mẫu số 02 the forms write, keyed by the outline's numbers."""
    return {
        "I.1": _situation(window, now, before),
        "II.1": _reception(unit, now, before),
        "II.2": _letters(now, before),
        "II.3": _resolution(now, before),
        "II.4": _carrying_out(now, before),
        "II.6.b": _documents_and_training(now, before),
        "II.6.c": _inspections(now, before),
    }
