"""The forms of TT 01/2024/TT-TTCP (reports.md, "Statutory forms"): 01/TCD, 01/XLD–04/XLD, 01/KQGQ–04/KQGQ.

Each column reads a figure of reports/grouped.py. Where the records cannot split what the form asks:
- the returns of a decision are recorded together for organisations and individuals, so "trả lại" has one money and
  one land column, beside the numbers of organisations and of individuals whose rights were restored;
- a decision records the people it refers to the investigating body, not which of them are officials: that column
  is left for the agency to fill in (a footnote says so);
- the carrying out of a decision is recorded as completed or not: once completed, what the decision ordered (returns,
  sanctions, prosecutions) counts as done.
"""

from reports.excel.layout import BLANK, Column, Form, Group, Measure, difference, sum_of
from reports.grouped import field_key

CIRCULAR = "TT 01/2024/TT-TTCP"
MONEY_AND_LAND = "Đơn vị tính: tiền – triệu đồng; đất – m²"
OFFICIALS_REFERRED = (
    "Cột {number}: hồ sơ chưa ghi số cán bộ, công chức, viên chức bị chuyển cơ quan điều tra; cơ quan tự điền."
)


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

# XLD: how each form splits the processable petitions by subject field.
_ADMINISTRATIVE = {
    "Chế độ, chính sách": ("policy",),
    "Đất đai, nhà cửa": ("land",),
}
_COMPLAINT_FIELDS = (
    ("Lĩnh vực hành chính", {**_ADMINISTRATIVE, "Khác": ("administrative_other", "civil_service")}),
    ("Lĩnh vực tư pháp", ("judicial",)),
    ("Lĩnh vực Đảng, đoàn thể", ("party",)),
    ("Lĩnh vực khác", ("other", "corruption", "")),
)
_DENUNCIATION_FIELDS = (
    (
        "Lĩnh vực hành chính",
        {**_ADMINISTRATIVE, "Công chức, công vụ": ("civil_service",), "Khác": ("administrative_other",)},
    ),
    ("Tham nhũng", ("corruption",)),
    ("Lĩnh vực tư pháp", ("judicial",)),
    ("Lĩnh vực Đảng, đoàn thể", ("party",)),
    ("Lĩnh vực khác", ("other", "")),
)


def _fields(scope: str, fields: tuple, first: int) -> tuple[Group, int]:
    """The subject-field group of an XLD form whose first column is numbered ``first``; and the next number."""
    nodes, number = [], first

    def keys(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(f"xld.{scope}.field.{field_key(value)}" for value in values)

    for label, parts in fields:
        if isinstance(parts, dict):
            parts_from = number + 1
            children = [Column("Tổng số", **sum_of(*range(parts_from, parts_from + len(parts))))]
            children += [Column(sub, keys(values)) for sub, values in parts.items()]
            nodes.append(Group(label, tuple(children)))
            number += 1 + len(parts)
        else:
            nodes.append(Column(label, keys(parts)))
            number += 1
    return Group("Phân loại đơn theo nội dung", tuple(nodes)), number


def _xld(code: str, title: str, scope: str, fields: tuple | None) -> Form:
    key = f"xld.{scope}."
    if fields is None:
        content = Group(
            "Phân loại đơn theo nội dung",
            (
                Column("Khiếu nại", "xld.complaints.processable"),
                Column("Tố cáo", "xld.denunciations.processable"),
                Column("Kiến nghị, phản ánh", "xld.recommendations.processable"),
            ),
        )
        after = 11
    else:
        content, after = _fields(scope, fields, 8)
    if fields is None:
        competent = Group(
            "Đơn thuộc thẩm quyền",
            (
                Column("Tổng số", **sum_of(after + 4, after + 5, after + 6)),
                Column("Khiếu nại", "xld.complaints.in_competence"),
                Column("Tố cáo", "xld.denunciations.in_competence"),
                Column("Kiến nghị, phản ánh", "xld.recommendations.in_competence"),
            ),
        )
        outside = after + 7
    else:
        competent = Column("Đơn thuộc thẩm quyền", key + "in_competence")
        outside = after + 4
    return Form(
        code=code,
        title=title,
        circular=CIRCULAR,
        header=(
            Group(
                "Tổng số đơn phải xử lý",
                (
                    Column("Tổng số", **sum_of(2, 3)),
                    Column("Kỳ trước chuyển sang", key + "carried_over"),
                    Column("Tiếp nhận trong kỳ", key + "received"),
                ),
            ),
            Column("Đã xử lý", key + "handled"),
            Column("Chưa xử lý", key + "unhandled"),
            Group(
                "Đơn đủ điều kiện xử lý",
                (Column("Số đơn", key + "processable"), Column("Số vụ việc", key + "matters")),
            ),
            content,
            Group(
                "Phân loại theo tình trạng giải quyết",
                (
                    Group(
                        "Đã được giải quyết",
                        (Column("Lần đầu", key + "resolved_once"), Column("Nhiều lần", key + "resolved_many")),
                    ),
                    Column("Chưa được giải quyết", key + "unresolved"),
                ),
            ),
            Group(
                "Kết quả xử lý đơn",
                (
                    competent,
                    Group(
                        "Đơn không thuộc thẩm quyền",
                        (
                            Column("Tổng số", **sum_of(outside + 1, outside + 2, outside + 3)),
                            Column("Hướng dẫn", key + "guided"),
                            Column("Chuyển đơn", key + "forwarded"),
                            Column("Đôn đốc giải quyết", key + "urged"),
                        ),
                    ),
                ),
            ),
            Column("Số văn bản phúc đáp nhận được do chuyển đơn", key + "replies"),
        ),
    )


XLD_1 = _xld("01/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN", "all", None)
XLD_2 = _xld("02/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KHIẾU NẠI", "complaints", _COMPLAINT_FIELDS)
XLD_3 = _xld("03/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN TỐ CÁO", "denunciations", _DENUNCIATION_FIELDS)
XLD_4 = _xld("04/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KIẾN NGHỊ, PHẢN ÁNH", "recommendations", _COMPLAINT_FIELDS)


def _consequences(key: str) -> tuple[Group, ...]:
    """Recovery, returns, sanctions and referrals of the cases resolved in the window."""
    return (
        Group(
            "Thu hồi cho Nhà nước",
            (
                Column("Tiền (triệu đồng)", key + "recovery.state.money_due", measure=Measure.MONEY),
                Column("Đất (m²)", key + "recovery.state.land_due", measure=Measure.LAND),
            ),
        ),
        Group(
            "Trả lại cho tổ chức, cá nhân",
            (
                Column("Tiền (triệu đồng)", key + "recovery.returned.money", measure=Measure.MONEY),
                Column("Đất (m²)", key + "recovery.returned.land", measure=Measure.LAND),
                Column("Số tổ chức được trả lại quyền lợi", key + "recovery.returned.organisations"),
                Column("Số cá nhân được trả lại quyền lợi", key + "recovery.returned.individuals"),
            ),
        ),
        Group(
            "Kiến nghị xử lý hành chính",
            (
                Column("Tổng số người", key + "sanctions.people"),
                Column("Trong đó cán bộ, công chức, viên chức", key + "sanctions.officials"),
            ),
        ),
        Group(
            "Chuyển cơ quan điều tra",
            (
                Column("Số vụ", key + "referrals.cases"),
                Column("Số người", key + "referrals.people"),
                Column("Trong đó cán bộ, công chức, viên chức", BLANK),
            ),
        ),
    )


def _on_time(key: str) -> Group:
    return Group(
        "Thời hạn giải quyết",
        (Column("Đúng thời hạn", key + "on_time"), Column("Quá thời hạn", key + "late")),
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


_COMPLAINTS = "kqgq.complaints."
KQGQ_1 = Form(
    code="01/KQGQ",
    title="TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI THUỘC THẨM QUYỀN",
    circular=CIRCULAR,
    note=MONEY_AND_LAND,
    footnotes=(OFFICIALS_REFERRED.format(number=18),),
    header=(
        _petitions("Đơn khiếu nại thuộc thẩm quyền", _COMPLAINTS),
        Column("Số vụ việc phải giải quyết", _COMPLAINTS + "cases"),
        Group(
            "Đã giải quyết",
            (
                Column("Tổng số", **sum_of(6, 7)),
                Column("Bằng quyết định giải quyết", difference(_COMPLAINTS + "resolved", _COMPLAINTS + "withdrawn")),
                Column("Rút đơn", _COMPLAINTS + "withdrawn"),
            ),
        ),
        *_consequences(_COMPLAINTS),
        Group(
            "Giải quyết lần đầu",
            (
                Column("Khiếu nại đúng", _COMPLAINTS + "founded"),
                Column("Khiếu nại sai", _COMPLAINTS + "unfounded"),
                Column("Khiếu nại đúng một phần", _COMPLAINTS + "partly_founded"),
            ),
        ),
        Group(
            "Giải quyết lần hai",
            (
                Column("Công nhận quyết định lần đầu", _COMPLAINTS + "upheld_first"),
                Column("Hủy, sửa quyết định lần đầu", _COMPLAINTS + "overturned_first"),
            ),
        ),
        _on_time(_COMPLAINTS),
    ),
)

_DENUNCIATIONS = "kqgq.denunciations."
KQGQ_3 = Form(
    code="03/KQGQ",
    title="TỔNG HỢP KẾT QUẢ GIẢI QUYẾT TỐ CÁO",
    circular=CIRCULAR,
    note=MONEY_AND_LAND,
    footnotes=(OFFICIALS_REFERRED.format(number=20),),
    header=(
        _petitions("Đơn tố cáo thuộc thẩm quyền", _DENUNCIATIONS),
        Group(
            "Số vụ việc phải giải quyết",
            (Column("Tổng số", _DENUNCIATIONS + "cases"), Column("Trong đó tố cáo tiếp", _DENUNCIATIONS + "repeat")),
        ),
        Group(
            "Đã giải quyết",
            (
                Column("Tổng số", **sum_of(7, 8, 9)),
                Column(
                    "Bằng kết luận nội dung tố cáo",
                    difference(
                        _DENUNCIATIONS + "resolved", _DENUNCIATIONS + "withdrawn", _DENUNCIATIONS + "terminated"
                    ),
                ),
                Column("Rút toàn bộ nội dung tố cáo", _DENUNCIATIONS + "withdrawn"),
                Column("Đình chỉ không do rút tố cáo", _DENUNCIATIONS + "terminated"),
            ),
        ),
        *_consequences(_DENUNCIATIONS),
        Group(
            "Kết quả giải quyết",
            (
                Column("Tố cáo đúng", _DENUNCIATIONS + "founded"),
                Column("Tố cáo sai", _DENUNCIATIONS + "unfounded"),
                Column("Tố cáo có đúng, có sai", _DENUNCIATIONS + "partly_founded"),
            ),
        ),
        _on_time(_DENUNCIATIONS),
    ),
)


def _enforcement(code: str, title: str, what: str, key: str) -> Form:
    enforce = key + "enforce."
    return Form(
        code=code,
        title=title,
        circular=CIRCULAR,
        note=MONEY_AND_LAND,
        header=(
            Group(
                f"{what} phải thực hiện",
                (
                    Column("Tổng số", key + "enforcement.decisions"),
                    Column("Đã thực hiện xong", key + "enforcement.completed"),
                ),
            ),
            Group(
                "Thu hồi cho Nhà nước",
                (
                    Group(
                        "Tiền (triệu đồng)",
                        (
                            Column("Phải thu", enforce + "money_due", measure=Measure.MONEY),
                            Column("Đã thu", enforce + "money_recovered", measure=Measure.MONEY),
                        ),
                    ),
                    Group(
                        "Đất (m²)",
                        (
                            Column("Phải thu", enforce + "land_due", measure=Measure.LAND),
                            Column("Đã thu", enforce + "land_recovered", measure=Measure.LAND),
                        ),
                    ),
                ),
            ),
            Group(
                "Trả lại cho tổ chức, cá nhân",
                (
                    Group(
                        "Tiền (triệu đồng)",
                        (
                            Column("Phải trả", enforce + "returned_money_due", measure=Measure.MONEY),
                            Column("Đã trả", enforce + "returned_money_done", measure=Measure.MONEY),
                        ),
                    ),
                    Group(
                        "Đất (m²)",
                        (
                            Column("Phải trả", enforce + "returned_land_due", measure=Measure.LAND),
                            Column("Đã trả", enforce + "returned_land_done", measure=Measure.LAND),
                        ),
                    ),
                ),
            ),
            Column("Đã xử lý hành chính (người)", enforce + "sanctioned"),
            Group(
                "Đã khởi tố",
                (Column("Số vụ", enforce + "prosecuted_cases"), Column("Số người", enforce + "prosecuted_people")),
            ),
        ),
    )


KQGQ_2 = _enforcement("02/KQGQ", "TỔNG HỢP KẾT QUẢ THI HÀNH QUYẾT ĐỊNH GIẢI QUYẾT KHIẾU NẠI", "Quyết định", _COMPLAINTS)
KQGQ_4 = _enforcement("04/KQGQ", "TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾT LUẬN NỘI DUNG TỐ CÁO", "Kết luận", _DENUNCIATIONS)

FORMS: tuple[Form, ...] = (TCD, XLD_1, XLD_2, XLD_3, XLD_4, KQGQ_1, KQGQ_2, KQGQ_3, KQGQ_4)
