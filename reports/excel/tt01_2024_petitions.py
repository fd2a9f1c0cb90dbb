"""The petition-processing forms of TT 01/2024/TT-TTCP (01/XLD–04/XLD), with the columns the provincial vendor prints
(docs/tt06-2025.md, Part B: B2–B5) and without its slips: 02/XLD has the 26 columns of its screens and cell writers,
not the 27 of its broken sheet; 04/XLD's "Số vụ việc" is not said to equal "15+18".

What the records cannot tell is left for the agency to fill in, with a footnote: whether a court has ruled on a
complaint (02/XLD 18), and the resolution of recommendations within competence (04/XLD 19, 20), which open no case.
The "vụ việc thuộc thẩm quyền" columns count the distinct cases the petitions accepted in the window belong to.
"""

from reports.excel.layout import BLANK, Column, Form, Group, difference, equals, sum_of
from reports.grouped import field_key

CIRCULAR = "TT 01/2024/TT-TTCP"
LEFT_TO_FILL = "Cột {columns}: hồ sơ chưa ghi {what}; cơ quan tự điền."

# How each form splits the processable petitions by subject field; a dict is a group with its total first.
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
_RECOMMENDATION_FIELDS = (
    ("Chế độ, chính sách", ("policy",)),
    ("Đất đai", ("land",)),
    ("Tư pháp", ("judicial",)),
    ("Khác", ("civil_service", "administrative_other", "party", "corruption", "other", "")),
)


def _fields(label: str, scope: str, fields: tuple, first: int) -> Group:
    """The subject-field group of an XLD form whose first column is numbered ``first``."""
    nodes, number = [], first

    def keys(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(f"xld.{scope}.field.{field_key(value)}" for value in values)

    for name, parts in fields:
        if isinstance(parts, dict):
            children = [Column("Tổng số", **sum_of(*range(number + 1, number + 1 + len(parts))))]
            children += [Column(sub, keys(values)) for sub, values in parts.items()]
            nodes.append(Group(name, tuple(children)))
            number += 1 + len(parts)
        else:
            nodes.append(Column(name, keys(parts)))
            number += 1
    return Group(label, tuple(nodes))


def _split(label: str, key: str, first: int) -> Group:
    """A group of petitions carried over and received (``key`` + "carried_over", "received"), headed by their total
    numbered ``first``."""
    return Group(
        label,
        (
            Column("Tổng số", **sum_of(first + 1, first + 2)),
            Column("Kỳ trước chuyển sang", key + "carried_over"),
            Column("Tiếp nhận trong kỳ", key + "received"),
        ),
    )


def _total_of(label: str, first: int, *parts: Column) -> Group:
    """A group headed by the total of its ``parts``, numbered from ``first``."""
    return Group(label, (Column("Tổng số", **sum_of(*range(first + 1, first + 1 + len(parts)))), *parts))


def _replies(key: str) -> Column:
    return Column("Số văn bản phúc đáp nhận được do chuyển đơn", key + "replies")


def _processable(key: str, label: str = "Đủ điều kiện xử lý", **matters) -> Group:
    return Group(label, (Column("Số đơn", key + "processable"), Column("Số vụ việc", key + "matters", **matters)))


_ALL = "xld.all."
XLD_1 = Form(
    code="01/XLD",
    title="TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN",
    circular=CIRCULAR,
    header=(
        Group(
            "Tổng số đơn phải xử lý",
            (
                Column("Tổng số", **sum_of(2, 3), **equals((4, 5))),
                Column("Kỳ trước chuyển sang", _ALL + "carried_over"),
                Column("Tiếp nhận trong kỳ", _ALL + "received"),
            ),
        ),
        Column("Số đơn đã xử lý", _ALL + "handled"),
        Column("Số đơn chưa xử lý (chuyển kỳ sau xử lý)", _ALL + "unhandled"),
        Group(
            "Đủ điều kiện xử lý",
            (
                Column("Số đơn", _ALL + "processable", **equals((8, 9, 10), (11, 12, 13), (14, 18))),
                Column("Số vụ việc", _ALL + "matters"),
            ),
        ),
        Group(
            "Phân loại đơn theo nội dung",
            (
                Column("Khiếu nại", "xld.complaints.processable"),
                Column("Tố cáo", "xld.denunciations.processable"),
                Column("Kiến nghị, phản ánh", "xld.recommendations.processable"),
            ),
        ),
        Group(
            "Phân loại đơn theo tình trạng giải quyết",
            (
                Group(
                    "Đã giải quyết",
                    (Column("Lần đầu", _ALL + "resolved_once"), Column("Nhiều lần", _ALL + "resolved_many")),
                ),
                Column("Chưa giải quyết xong", _ALL + "unresolved"),
            ),
        ),
        Group(
            "Kết quả xử lý đơn",
            (
                _total_of(
                    "Đơn thuộc thẩm quyền",
                    14,
                    Column("Khiếu nại", "xld.complaints.in_competence"),
                    Column("Tố cáo", "xld.denunciations.in_competence"),
                    Column("Kiến nghị, phản ánh", "xld.recommendations.in_competence"),
                ),
                _total_of(
                    "Đơn không thuộc thẩm quyền",
                    18,
                    Column("Hướng dẫn", _ALL + "guided"),
                    Column("Chuyển đơn", _ALL + "forwarded"),
                    Column("Đôn đốc giải quyết", _ALL + "urged"),
                ),
            ),
        ),
        _replies(_ALL),
    ),
)

_COMPLAINTS = "xld.complaints."
XLD_2 = Form(
    code="02/XLD",
    title="TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KHIẾU NẠI",
    circular=CIRCULAR,
    footnotes=(LEFT_TO_FILL.format(columns="18", what="vụ việc đã có bản án của tòa"),),
    header=(
        _split("Tổng số đơn phải xử lý", _COMPLAINTS, 1),
        _split("Đơn đã xử lý", _COMPLAINTS + "handled_", 4),
        _processable(_COMPLAINTS),
        _fields("Phân loại vụ việc khiếu nại theo nội dung", "complaints", _COMPLAINT_FIELDS, 9),
        Group(
            "Phân loại vụ việc khiếu nại theo tình trạng giải quyết",
            (
                Group(
                    "Đã được giải quyết",
                    (
                        Column("Lần đầu", _COMPLAINTS + "resolved_once"),
                        Column("Lần 2", _COMPLAINTS + "resolved_many"),
                        Column("Đã có bản án của tòa", BLANK),
                    ),
                ),
                Column("Chưa giải quyết xong", _COMPLAINTS + "unresolved"),
            ),
        ),
        Group(
            "Kết quả xử lý đơn",
            (
                _total_of(
                    "Vụ việc thuộc thẩm quyền",
                    20,
                    Column("Lần đầu", _COMPLAINTS + "competent_first"),
                    Column("Lần 2", _COMPLAINTS + "competent_again"),
                ),
                _total_of(
                    "Vụ việc không thuộc thẩm quyền",
                    23,
                    Column("Hướng dẫn", _COMPLAINTS + "guided"),
                    Column("Đôn đốc giải quyết", _COMPLAINTS + "urged"),
                ),
            ),
        ),
        _replies(_COMPLAINTS),
    ),
)

_DENUNCIATIONS = "xld.denunciations."
XLD_3 = Form(
    code="03/XLD",
    title="TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN TỐ CÁO",
    circular=CIRCULAR,
    header=(
        _split("Tổng số đơn phải xử lý", _DENUNCIATIONS, 1),
        _split("Đơn đã xử lý", _DENUNCIATIONS + "handled_", 4),
        _processable(_DENUNCIATIONS),
        _fields("Phân loại vụ việc tố cáo theo nội dung", "denunciations", _DENUNCIATION_FIELDS, 9),
        Group(
            "Phân loại vụ việc theo tình trạng giải quyết",
            (
                Group(
                    "Tố cáo tiếp",
                    (
                        Column("Quá thời hạn chưa giải quyết", _DENUNCIATIONS + "overdue_before"),
                        Column(
                            "Đã có kết luận giải quyết",
                            (_DENUNCIATIONS + "resolved_once", _DENUNCIATIONS + "resolved_many"),
                        ),
                    ),
                ),
                Column("Chưa giải quyết", difference(_DENUNCIATIONS + "unresolved", _DENUNCIATIONS + "overdue_before")),
            ),
        ),
        Group(
            "Kết quả xử lý",
            (
                _total_of(
                    "Vụ việc thuộc thẩm quyền",
                    21,
                    Column("Tố cáo lần đầu", _DENUNCIATIONS + "competent_first"),
                    Column("Tố cáo tiếp", _DENUNCIATIONS + "competent_again"),
                ),
                _total_of(
                    "Vụ việc không thuộc thẩm quyền",
                    24,
                    Column("Chuyển đơn", _DENUNCIATIONS + "forwarded"),
                    Column("Đôn đốc giải quyết", _DENUNCIATIONS + "urged"),
                ),
            ),
        ),
        _replies(_DENUNCIATIONS),
    ),
)

_RECOMMENDATIONS = "xld.recommendations."
XLD_4 = Form(
    code="04/XLD",
    title="TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KIẾN NGHỊ, PHẢN ÁNH",
    circular=CIRCULAR,
    footnotes=(LEFT_TO_FILL.format(columns="19, 20", what="kết quả giải quyết kiến nghị, phản ánh thuộc thẩm quyền"),),
    header=(
        _split("Tổng số đơn phải xử lý", _RECOMMENDATIONS, 1),
        _split("Đơn đã xem xét về điều kiện xử lý", _RECOMMENDATIONS + "handled_", 4),
        _processable(_RECOMMENDATIONS, "Đơn đủ điều kiện xử lý"),
        _fields("Phân loại vụ việc theo nội dung", "recommendations", _RECOMMENDATION_FIELDS, 9),
        Group(
            "Phân loại vụ việc theo tình trạng giải quyết",
            (
                Column("Đã được giải quyết", (_RECOMMENDATIONS + "resolved_once", _RECOMMENDATIONS + "resolved_many")),
                Column("Chưa được giải quyết", _RECOMMENDATIONS + "unresolved"),
            ),
        ),
        Group(
            "Kết quả xử lý đơn",
            (
                Column("Vụ việc thuộc thẩm quyền", _RECOMMENDATIONS + "in_competence"),
                _total_of(
                    "Vụ việc không thuộc thẩm quyền",
                    16,
                    Column("Chuyển đơn", _RECOMMENDATIONS + "forwarded"),
                    Column("Đôn đốc giải quyết", _RECOMMENDATIONS + "urged"),
                ),
            ),
        ),
        Group(
            "Kết quả giải quyết vụ việc thuộc thẩm quyền",
            (Column("Số vụ việc đã được giải quyết", BLANK), Column("Số vụ việc chưa giải quyết", BLANK)),
        ),
    ),
)
