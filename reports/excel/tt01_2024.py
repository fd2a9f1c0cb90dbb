"""The forms of TT 01/2024/TT-TTCP (reports.md, "Statutory forms"): 01/TCD, 01/XLD–04/XLD
(reports/excel/tt01_2024_petitions.py), 01/KQGQ–04/KQGQ, with the columns the provincial vendor prints
(docs/tt06-2025.md, Part B) and without its slips (wrong numbers, shifted columns, stale note lines).

Each column reads a figure of reports/grouped.py. Where the records cannot split what the form asks:
- the returns of a decision are recorded together for organisations and individuals: a decision that returns to
  organisations alone counts in the "tổ chức" columns, any other in the "cá nhân" ones (a footnote says so);
- the carrying out of a decision is recorded as completed or not: once completed, what the decision ordered (returns,
  sanctions, prosecutions) counts as done.
"""

from reports.excel.layout import Column, Form, Group, Measure, Node, difference, equals, sum_of
from reports.excel.tt01_2024_petitions import CIRCULAR, XLD_1, XLD_2, XLD_3, XLD_4
from reports.grouped import Number, RowFigures

__all__ = ["CIRCULAR", "FORMS", "KQGQ_1", "KQGQ_2", "KQGQ_3", "KQGQ_4", "MONEY_AND_LAND", "TCD", "XLD_1", "XLD_2",
           "XLD_3", "XLD_4"]  # fmt: skip

MONEY_AND_LAND = "Đơn vị tính: tiền – triệu đồng; đất – m²"
RETURNS_SPLIT = (
    "Cột {columns}: hồ sơ ghi chung tiền, đất trả lại cho tổ chức và cá nhân; quyết định chỉ trả lại cho tổ chức được "
    "ghi vào cột tổ chức, quyết định khác vào cột cá nhân."
)
OFFICIALS = "Trong đó số cán bộ, công chức, viên chức"


def _cases(prefix: str) -> Group:
    """The cases of a way of reception: received for the first time, again."""
    return Group(
        "Vụ việc", (Column("Tiếp lần đầu", f"{prefix}.cases_first"), Column("Tiếp nhiều lần", f"{prefix}.cases_repeat"))
    )


def _way(label: str, way: str, *, sessions: bool) -> Group:
    head = (Column("Số kỳ tiếp", f"tcd.{way}.sessions"),) if sessions else ()
    return Group(
        label,
        (
            *head,
            Column("Số lượt", f"tcd.{way}.visits"),
            Column("Số người", f"tcd.{way}.people"),
            _cases(f"tcd.{way}"),
            Group(
                "Đoàn đông người",
                (
                    Column("Số đoàn", f"tcd.{way}_group.visits"),
                    Column("Số người", f"tcd.{way}_group.people"),
                    _cases(f"tcd.{way}_group"),
                ),
            ),
        ),
    )


TCD = Form(
    code="01/TCD",
    title="TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT",
    circular=CIRCULAR,
    header=(
        Column("Tổng số lượt tiếp", **sum_of(4, 13, 22)),
        Column("Tổng số người được tiếp", **sum_of(5, 14, 23)),
        Column("Tổng số vụ việc", **sum_of(6, 7, 15, 16, 24, 25)),
        _way("Tiếp công dân thường xuyên", "regular", sessions=False),
        _way("Thủ trưởng tiếp công dân (định kỳ, đột xuất)", "head", sessions=True),
        _way("Ủy quyền tiếp công dân", "delegated", sessions=True),
    ),
)


def _money(label: str, source, **fields) -> Column:
    return Column(label, source, measure=Measure.MONEY, **fields)


def _land(label: str, source, **fields) -> Column:
    return Column(label, source, measure=Measure.LAND, **fields)


def _amounts(money, land) -> tuple[Column, Column]:
    return _money("Tiền (Trđ)", money), _land("Đất (m²)", land)


def _to_whom(money: str, land: str) -> tuple[Group, Group]:
    """Money and land returned (``money``, ``land``), to organisations alone (the keys + "_organisations") and the
    rest."""
    return (
        Group("Tổ chức", _amounts(money + "_organisations", land + "_organisations")),
        Group(
            "Cá nhân",
            _amounts(difference(money, money + "_organisations"), difference(land, land + "_organisations")),
        ),
    )


def _consequences(key: str, *, people: str) -> tuple[Group, ...]:
    """Recovery, returns, sanctions and referrals of the cases resolved in the window (13 columns)."""
    returned = key + "recovery.returned."
    return (
        Group(
            "Kiến nghị thu hồi cho Nhà nước",
            _amounts(key + "recovery.state.money_due", key + "recovery.state.land_due"),
        ),
        Group(
            "Trả lại cho tổ chức, cá nhân",
            (
                *_to_whom(returned + "money", returned + "land"),
                Column("Số tổ chức được trả lại quyền lợi", returned + "organisations"),
                Column("Số cá nhân được trả lại quyền lợi", returned + "individuals"),
            ),
        ),
        Group(
            "Kiến nghị xử lý hành chính",
            (
                Column("Tổng số người bị kiến nghị xử lý", key + "sanctions.people"),
                Column(OFFICIALS, key + "sanctions.officials"),
            ),
        ),
        Group(
            "Chuyển cơ quan điều tra",
            (
                Column("Số vụ", key + "referrals.cases"),
                Column(people, key + "referrals.people"),
                Column(OFFICIALS, key + "referrals.officials"),
            ),
        ),
    )


def _petitions(label: str, key: str) -> Group:
    return Group(
        label,
        (
            Column("Tổng số", **sum_of(2, 3)),
            Column("Kỳ trước chuyển sang", key + "petitions.carried_over"),
            Column("Tiếp nhận trong kỳ", key + "petitions.received"),
        ),
    )


def _on_time(key: str) -> Group:
    return Group(
        "Chấp hành thời hạn giải quyết",
        (Column("Đúng quy định", key + "on_time"), Column("Không đúng quy định", key + "late")),
    )


_COMPLAINTS = "kqgq.complaints."
KQGQ_1 = Form(
    code="01/KQGQ",
    title="TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI THUỘC THẨM QUYỀN",
    circular=CIRCULAR,
    note=MONEY_AND_LAND,
    footnotes=(RETURNS_SPLIT.format(columns="9–12"),),
    header=(
        _petitions("Đơn khiếu nại thuộc thẩm quyền", _COMPLAINTS),
        Column("Tổng số vụ việc khiếu nại thuộc thẩm quyền", _COMPLAINTS + "cases"),
        Group(
            "Kết quả giải quyết",
            (
                Group(
                    "Đã giải quyết",
                    (
                        Column("Số vụ việc giải quyết bằng quyết định hành chính", **sum_of(20, 21, 22, 23, 24)),
                        Column("Số vụ việc rút đơn thông qua giải thích, thuyết phục", _COMPLAINTS + "withdrawn"),
                    ),
                ),
                *_consequences(_COMPLAINTS, people="Tổng số người"),
            ),
        ),
        Group(
            "Phân tích kết quả giải quyết (vụ việc)",
            (
                Group(
                    "Giải quyết lần đầu",
                    (
                        Column("Khiếu nại đúng", _COMPLAINTS + "founded"),
                        Column("Khiếu nại sai", _COMPLAINTS + "unfounded"),
                        Column("Khiếu nại đúng một phần", _COMPLAINTS + "partly_founded"),
                    ),
                ),
                Group(
                    "Giải quyết lần 2",
                    (
                        Column("Công nhận quyết định giải quyết lần đầu", _COMPLAINTS + "upheld_first"),
                        Column("Hủy, sửa quyết định giải quyết lần đầu", _COMPLAINTS + "overturned_first"),
                    ),
                ),
            ),
        ),
        _on_time(_COMPLAINTS),
    ),
)

_DENUNCIATIONS = "kqgq.denunciations."
_OUTCOMES = ("founded", "unfounded", "partly_founded")


def _concluded_first_time(figures: RowFigures) -> Number:
    """Denunciations concluded (not withdrawn or ended) that were not repeat denunciations."""
    return sum(
        figures[_DENUNCIATIONS + outcome] - figures[_DENUNCIATIONS + "repeat_" + outcome] for outcome in _OUTCOMES
    )


KQGQ_3 = Form(
    code="03/KQGQ",
    title="TỔNG HỢP KẾT QUẢ GIẢI QUYẾT TỐ CÁO THUỘC THẨM QUYỀN",
    circular=CIRCULAR,
    note=MONEY_AND_LAND,
    footnotes=(RETURNS_SPLIT.format(columns="13–16"),),
    header=(
        _petitions("Đơn tố cáo thuộc thẩm quyền", _DENUNCIATIONS),
        Column("Tổng số vụ việc tố cáo thuộc thẩm quyền", _DENUNCIATIONS + "cases"),
        Column("Trong đó số vụ việc tố cáo tiếp", _DENUNCIATIONS + "repeat"),
        Group(
            "Kết quả giải quyết",
            (
                Group(
                    "Đã giải quyết",
                    (
                        Column("Tổng số", **sum_of(7, 8, 9, 10), **equals((30, 31))),
                        Column("Số vụ việc lần đầu", _concluded_first_time),
                        Column(
                            "Số vụ việc tố cáo tiếp",
                            tuple(_DENUNCIATIONS + "repeat_" + outcome for outcome in _OUTCOMES),
                            **equals((25, 27, 29)),
                        ),
                        Column("Số vụ việc rút toàn bộ nội dung tố cáo", _DENUNCIATIONS + "withdrawn"),
                        Column("Số vụ việc đình chỉ không do rút tố cáo", _DENUNCIATIONS + "terminated"),
                    ),
                ),
                *_consequences(_DENUNCIATIONS, people="Số đối tượng"),
            ),
        ),
        Group(
            "Phân tích kết quả giải quyết (vụ việc)",
            (
                Column("Tố cáo đúng", _DENUNCIATIONS + "founded"),
                Column("Trong đó tố cáo tiếp đúng", _DENUNCIATIONS + "repeat_founded"),
                Column("Tố cáo sai", _DENUNCIATIONS + "unfounded"),
                Column("Trong đó tố cáo tiếp sai", _DENUNCIATIONS + "repeat_unfounded"),
                Column("Tố cáo có đúng, có sai", _DENUNCIATIONS + "partly_founded"),
                Column("Trong đó tố cáo tiếp có đúng, có sai", _DENUNCIATIONS + "repeat_partly_founded"),
            ),
        ),
        _on_time(_DENUNCIATIONS),
    ),
)


def _returns(enforce: str, when: str, *, counts: tuple[str, str] | None) -> tuple[Node, ...]:
    """What a decision orders returned (``when`` "due") or returned once carried out ("done"): the numbers of
    organisations and individuals (``counts``, their labels, where the form has them), then money and land by whom."""
    numbers = (
        (Column(counts[0], enforce + f"organisations_{when}"), Column(counts[1], enforce + f"individuals_{when}"))
        if counts
        else ()
    )
    return (*numbers, *_to_whom(enforce + f"returned_money_{when}", enforce + f"returned_land_{when}"))


def _enforcement(code: str, title: str, what: str, key: str, *, organisations: bool, returns: str) -> Form:
    """02/KQGQ (``organisations`` False: 19 columns) or 04/KQGQ (True: 24 columns, with the numbers of organisations
    and individuals whose rights are to be and were restored, and the organisations sanctioned); ``returns``: the
    numbers of the money and land columns returned, for the footnote."""
    enforce = key + "enforce."
    due = ("Số tổ chức phải được trả lại quyền lợi", "Số cá nhân phải được trả lại quyền lợi")
    done = ("Số tổ chức đã được trả lại quyền lợi", "Số cá nhân đã được trả lại quyền lợi")
    people = Column("Tổng số cá nhân bị xử lý", enforce + "sanctioned")
    sanctioned = (
        (Column("Tổng số tổ chức bị xử lý", enforce + "sanctioned_organisations"), people)
        if organisations
        else (Column("Tổng số người bị xử lý", enforce + "sanctioned"),)
    )
    return Form(
        code=code,
        title=title,
        circular=CIRCULAR,
        note=MONEY_AND_LAND,
        footnotes=(RETURNS_SPLIT.format(columns=returns),),
        header=(
            Column(f"Tổng số {what} phải thực hiện trong kỳ", key + "enforcement.decisions"),
            Column(f"Số {what} đã thực hiện xong", key + "enforcement.completed"),
            Group(
                "Thu hồi cho Nhà nước",
                (
                    Group("Phải thu", _amounts(enforce + "money_due", enforce + "land_due")),
                    Group("Đã thu", _amounts(enforce + "money_recovered", enforce + "land_recovered")),
                ),
            ),
            Group(
                "Trả lại cho tổ chức, cá nhân",
                (
                    Group("Phải trả", _returns(enforce, "due", counts=due if organisations else None)),
                    Group("Đã trả", _returns(enforce, "done", counts=done if organisations else None)),
                ),
            ),
            Group("Đã xử lý hành chính", (*sanctioned, Column(OFFICIALS, enforce + "sanctioned_officials"))),
            Group(
                "Đã khởi tố",
                (
                    Column("Số vụ", enforce + "prosecuted_cases"),
                    Column("Số đối tượng" if organisations else "Số người", enforce + "prosecuted_people"),
                    Column(OFFICIALS, enforce + "prosecuted_officials"),
                ),
            ),
        ),
    )


KQGQ_2 = _enforcement(
    "02/KQGQ", "TỔNG HỢP KẾT QUẢ THI HÀNH QUYẾT ĐỊNH GIẢI QUYẾT KHIẾU NẠI", "quyết định", _COMPLAINTS,
    organisations=False, returns="7–14",
)  # fmt: skip
KQGQ_4 = _enforcement(
    "04/KQGQ", "TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾT LUẬN NỘI DUNG TỐ CÁO", "kết luận", _DENUNCIATIONS,
    organisations=True, returns="9–12, 15–18",
)  # fmt: skip

FORMS: tuple[Form, ...] = (TCD, XLD_1, XLD_2, XLD_3, XLD_4, KQGQ_1, KQGQ_2, KQGQ_3, KQGQ_4)
