"""The six forms of TT 06/2025/TT-TTCP (docs/tt06-2025.md A3–A8), column for column, each reading a figure of
reports/tt06_figures.py (06/QLKNTC: the figures keyed in, reports/qlkntc.py). Labels are the circular's; the
formulas of its numbered row and its "≤" notes are ``sum_of``/``equals`` and ``bounds`` (checked by reports/checks.py);
the links between forms are ``LINKS``."""

from reports.excel.layout import Bound, Column, Form, Group, Measure, equals, sum_of

CIRCULAR = "TT 06/2025/TT-TTCP"
MONEY, LAND = Measure.MONEY, Measure.LAND


def _groups(way: str) -> Group:
    return Group(
        "Trong đó đoàn đông người",
        (Column("Số đoàn được tiếp", f"tcd.{way}.groups"), Column("Số người được tiếp", f"tcd.{way}.group_people")),
    )


def _received(way: str, *, days: bool) -> tuple[Column | Group, ...]:
    head = (Column("Số ngày tiếp", f"tcd.{way}.days"),) if days else ()
    return (
        *head,
        Column("Số lượt tiếp", f"tcd.{way}.visits"),
        Column("Số người được tiếp", f"tcd.{way}.people"),
        Column("Số vụ việc", f"tcd.{way}.cases"),
        _groups(way),
    )


TCD = Form(
    code="01/TCD",
    title="TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT",
    circular=CIRCULAR,
    header=(
        Column("Tổng số lượt tiếp", **sum_of(5, 11, 17)),
        Column("Tổng số người được tiếp", **sum_of(6, 12, 18)),
        Column("Tổng số vụ việc tiếp", **sum_of(7, 13, 19)),
        Column("Tổng số đoàn đông người", **sum_of(8, 14, 20)),
        Group("Tiếp thường xuyên", _received("regular", days=False)),
        Group(
            "Tiếp định kỳ và đột xuất của Thủ trưởng",
            (
                Group("Thủ trưởng tiếp", _received("head", days=True)),
                Group("Ủy quyền tiếp", _received("delegated", days=True)),
            ),
        ),
    ),
)


def _sectors(family: str, labels: dict[str, str]) -> Group:
    return Group(
        "Phân loại theo lĩnh vực", tuple(Column(label, f"xld.{family}.{key}") for key, label in labels.items())
    )


XLD = Form(
    code="02/XLD",
    title="TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN",
    circular=CIRCULAR,
    header=(
        Column("Tổng số đơn", "xld.to_handle"),
        Column("Số đơn đã xử lý", "xld.handled"),
        Column("Số đơn đủ điều kiện xử lý", "xld.processable", **equals((4, 23))),
        Column("Số đơn thuộc thẩm quyền", "xld.in_competence", **equals((6, 12, 19))),
        Column("Số vụ việc thuộc thẩm quyền", "xld.matters"),
        Group(
            "Số đơn thuộc thẩm quyền",
            (
                Group(
                    "Khiếu nại",
                    (
                        Column("Tổng số đơn", "xld.complaints.in_competence", **equals((7, 8), (9, 10, 11))),
                        Group(
                            "Phân loại theo thẩm quyền giải quyết",
                            (
                                Column("Khiếu nại lần đầu", "xld.complaints.first"),
                                Column("Khiếu nại lần 2", "xld.complaints.second"),
                            ),
                        ),
                        _sectors("complaints", {"land": "Đất đai", "policy": "Chế độ, chính sách", "other": "Khác"}),
                    ),
                ),
                Group(
                    "Tố cáo",
                    (
                        Column("Tổng số đơn", "xld.denunciations.in_competence", **equals((13, 14), (15, 16, 17, 18))),
                        Group(
                            "Phân loại theo thẩm quyền giải quyết",
                            (
                                Column("Tố cáo lần đầu", "xld.denunciations.first"),
                                Column("Tố cáo tiếp", "xld.denunciations.second"),
                            ),
                        ),
                        _sectors(
                            "denunciations",
                            {
                                "administrative": "Hành chính",
                                "corruption": "Tham nhũng",
                                "judicial": "Tư pháp",
                                "other": "Khác",
                            },
                        ),
                    ),
                ),
                Group(
                    "Kiến nghị, phản ánh",
                    (
                        Column("Tổng số đơn", "xld.recommendations.in_competence", **equals((20, 21, 22))),
                        _sectors(
                            "recommendations", {"policy": "Chế độ, chính sách", "land": "Đất đai", "other": "Khác"}
                        ),
                    ),
                ),
            ),
        ),
        Group(
            "Số đơn không thuộc thẩm quyền",
            (
                Column("Tổng số đơn", "xld.outside", **equals((24, 25))),
                Group(
                    "Phân loại theo kết quả xử lý",
                    (Column("Hướng dẫn", "xld.guided"), Column("Chuyển đơn", "xld.forwarded")),
                ),
            ),
        ),
    ),
    bounds=(Bound(2, 1), Bound(3, 2), Bound(4, 3), Bound(5, 4)),
)


def _analysed(family: str) -> Group:
    return Group(
        "Phân tích kết quả",
        (
            Column("Đang xem xét điều kiện thụ lý", f"{family}.considered"),
            Column("Đã thụ lý giải quyết", f"{family}.accepted"),
            Column("Không thụ lý", f"{family}.declined"),
            Column("Rút đơn, đình chỉ giải quyết", f"{family}.ended"),
        ),
    )


def _money_and_land(family: str, key: str, money: str, land: str) -> tuple[Column, Column]:
    return (
        Column("Tiền (Trđ)", f"{family}.{key}.{money}", measure=MONEY),
        Column("Đất (m2)", f"{family}.{key}.{land}", measure=LAND),
    )


def _recovered_and_returned(family: str) -> tuple[Group, Group]:
    return (
        Group("Kiến nghị thu hồi cho Nhà nước", _money_and_land(family, "decided", "money_due", "land_due")),
        Group(
            "Trả lại cho tổ chức, cá nhân",
            (
                *_money_and_land(family, "decided", "returned_money", "returned_land"),
                Column("Số tổ chức được trả lại quyền lợi", f"{family}.decided.returned_organisations"),
                Column("Số cá nhân được trả lại quyền lợi", f"{family}.decided.returned_individuals"),
            ),
        ),
    )


def _referred(family: str, people: str) -> Group:
    return Group(
        "Chuyển cơ quan điều tra",
        (
            Column("Số vụ", f"{family}.decided.referred_cases"),
            Column(people, f"{family}.decided.referred_people"),
            Column("Trong đó số cán bộ, công chức, viên chức", f"{family}.decided.referred_officials"),
        ),
    )


def _outcome(label: str, family: str, name: str) -> Column:
    return Column(label, f"{family}.decided.{name}")


GQKN = Form(
    code="03/GQKN",
    title="TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI",
    circular=CIRCULAR,
    header=(
        Column("Tổng số đơn khiếu nại thuộc thẩm quyền", "xld.complaints.in_competence"),
        Column("Tổng số vụ việc", "complaints.matters", **equals((3, 4, 5, 6))),
        _analysed("complaints"),
        Column("Tổng số Quyết định ban hành trong kỳ", "complaints.decided.decisions", **equals((8, 9, 10, 11, 12))),
        Group(
            "Giải quyết lần đầu",
            (
                _outcome("Khiếu nại đúng", "complaints", "founded"),
                _outcome("Khiếu nại sai", "complaints", "unfounded"),
                _outcome("Khiếu nại đúng 1 phần", "complaints", "partly_founded"),
            ),
        ),
        Group(
            "Giải quyết lần 2",
            (
                _outcome("Công nhận kết quả lần đầu", "complaints", "upheld_first"),
                _outcome("Hủy, sửa kết quả lần đầu", "complaints", "overturned_first"),
            ),
        ),
        *_recovered_and_returned("complaints"),
        Group(
            "Kiến nghị xử lý hành chính",
            (
                Column("Tổng số người bị kiến nghị xử lý", "complaints.decided.sanctioned_people"),
                Column("Trong đó số cán bộ, công chức, viên chức", "complaints.decided.sanctioned_officials"),
            ),
        ),
        _referred("complaints", "Tổng số người"),
    ),
    bounds=(Bound(2, 1), Bound(20, 19), Bound(23, 22)),
)

GQTC = Form(
    code="04/GQTC",
    title="TỔNG HỢP KẾT QUẢ GIẢI QUYẾT TỐ CÁO",
    circular=CIRCULAR,
    header=(
        Column("Tổng số đơn tố cáo thuộc thẩm quyền", "xld.denunciations.in_competence"),
        Column("Tổng số vụ việc", "denunciations.matters", **equals((3, 4, 5, 6))),
        _analysed("denunciations"),
        Column(
            "Tổng số Kết luận ban hành trong kỳ", "denunciations.decided.decisions", **equals((8, 9, 10, 11, 12, 13))
        ),
        Group(
            "Tố cáo lần đầu",
            (
                _outcome("Tố cáo đúng", "denunciations", "founded"),
                _outcome("Tố cáo sai", "denunciations", "unfounded"),
                _outcome("Tố cáo có đúng có sai", "denunciations", "partly_founded"),
            ),
        ),
        Group(
            "Tố cáo tiếp",
            (
                _outcome("Tố cáo tiếp đúng", "denunciations", "repeat_founded"),
                _outcome("Tố cáo tiếp sai", "denunciations", "repeat_unfounded"),
                _outcome("Tố cáo tiếp có đúng có sai", "denunciations", "repeat_partly_founded"),
            ),
        ),
        *_recovered_and_returned("denunciations"),
        Group(
            "Kiến nghị xử lý hành chính",
            (
                Column("Tổ chức", "denunciations.decided.sanctioned_organisations"),
                Column("Cá nhân", "denunciations.decided.sanctioned_people"),
                Column("Trong đó, Cán bộ, công chức", "denunciations.decided.sanctioned_officials"),
            ),
        ),
        _referred("denunciations", "Số đối tượng"),
    ),
    bounds=(Bound(2, 1), Bound(22, 21), Bound(25, 24)),
)


def _carried_out(family: str, *, organisations: bool) -> tuple[Column | Group, ...]:
    key = f"{family}.carry."
    handled = ((Column("Tổng số tổ chức bị xử lý", key + "did.sanctioned_organisations"),) if organisations else ()) + (
        Column(
            "Tổng số cá nhân bị xử lý" if organisations else "Tổng số người bị xử lý", key + "did.sanctioned_people"
        ),
        Column("Trong đó số cán bộ, công chức, viên chức", key + "did.sanctioned_officials"),
    )
    return (
        Group(
            "Thu hồi cho Nhà nước",
            (
                Group("Phải thu", _money_and_land(family, "carry.ordered", "money_due", "land_due")),
                Group("Đã thu", _money_and_land(family, "carry.did", "money_recovered", "land_recovered")),
            ),
        ),
        Group(
            "Trả lại cho tổ chức, cá nhân",
            (
                Group("Phải trả", _money_and_land(family, "carry.ordered", "returned_money", "returned_land")),
                Group("Đã trả", _money_and_land(family, "carry.did", "returned_money", "returned_land")),
            ),
        ),
        Group("Đã xử lý hành chính", handled),
        Group(
            "Đã khởi tố",
            (
                Column("Số vụ", key + "did.prosecuted_cases"),
                Column("Số đối tượng" if organisations else "Số người", key + "did.prosecuted_people"),
                Column("Trong đó số cán bộ, công chức, viên chức", key + "did.prosecuted_officials"),
            ),
        ),
    )


KQTH = Form(
    code="05/KQTH",
    title="TỔNG HỢP KẾT QUẢ THI HÀNH QUYẾT ĐỊNH, THỰC HIỆN KẾT LUẬN",
    circular=CIRCULAR,
    header=(
        Group(
            "Kết quả thi hành Quyết định giải quyết khiếu nại",
            (
                Column("Tổng số Quyết định phải thi hành trong kỳ", "complaints.carry.due"),
                Column("Tổng số Quyết định đã thi hành xong", "complaints.carry.done"),
                *_carried_out("complaints", organisations=False),
            ),
        ),
        Group(
            "Kết quả thực hiện Kết luận nội dung tố cáo",
            (
                Column("Tổng số Kết luận phải thực hiện trong kỳ", "denunciations.carry.due"),
                Column("Tổng số Kết luận đã thực hiện xong", "denunciations.carry.done"),
                *_carried_out("denunciations", organisations=True),
            ),
        ),
    ),
    bounds=(Bound(2, 1), Bound(12, 11), Bound(15, 14), Bound(17, 16), Bound(28, 27), Bound(31, 30)),
)


def _keyed(*numbers: int, labels: tuple[str, ...]) -> tuple[Column, ...]:
    return tuple(Column(label, f"qlkntc.{number}") for number, label in zip(numbers, labels, strict=True))


QLKNTC = Form(
    code="06/QLKNTC",
    title="TỔNG HỢP CÔNG TÁC QUẢN LÝ NHÀ NƯỚC VỀ TIẾP CÔNG DÂN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO",
    circular=CIRCULAR,
    header=(
        Group(
            "Ban hành văn bản quản lý, chỉ đạo (Bộ, ngành, tỉnh, TP) về công tác TCD KN, TC",
            _keyed(
                1, 2, 3, labels=("Số văn bản ban hành mới", "Số văn bản được sửa đổi, bổ sung", "Số văn bản hủy bỏ")
            ),
        ),
        Group(
            "Tập huấn, tuyên truyền, giáo dục pháp luật về TCD, KN, TC",
            _keyed(4, 5, labels=("Số lớp", "Số người")),
        ),
        Group(
            "Thanh tra trách nhiệm",
            (
                Group("Thực hiện pháp luật về TCD, KN, TC", _keyed(6, 7, labels=("Số cuộc", "Số đơn vị"))),
                *_keyed(8, labels=("Số cuộc đã ban hành kết luận",)),
                Group(
                    "Kiến nghị xử lý",
                    (
                        Group("Hành chính", _keyed(9, 10, labels=("Tổ chức", "Cá nhân"))),
                        Group("Chuyển cơ quan điều tra", _keyed(11, 12, labels=("Tổ chức", "Cá nhân"))),
                    ),
                ),
            ),
        ),
        Group(
            "Kết quả thực hiện kết luận, quyết định xử lý về thanh tra trách nhiệm",
            (
                *_keyed(13, labels=("Tổng số KLTT thực hiện",)),
                Group("Đã xử lý hành chính", _keyed(14, 15, labels=("Tổ chức", "Cá nhân"))),
                Group("Đã khởi tố", _keyed(16, 17, labels=("Vụ", "Đối tượng"))),
            ),
        ),
    ),
    bounds=(Bound(8, 6),),
)

FORMS: tuple[Form, ...] = (TCD, XLD, GQKN, GQTC, KQTH, QLKNTC)

# The links between forms (A9): (form, column) equal to, or at least, (form, column).
EQUAL_LINKS = ((("03/GQKN", 1), ("02/XLD", 6)), (("04/GQTC", 1), ("02/XLD", 12)))
AT_LEAST_LINKS = ((("05/KQTH", 1), ("03/GQKN", 7)), (("05/KQTH", 16), ("04/GQTC", 7)))
