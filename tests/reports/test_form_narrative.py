"""The figure paragraphs of a TT 06/2025 narrative take their numbers from the forms' total rows, and the narrative
follows the outline of Mẫu số 02."""

from datetime import date

from danvan.models import AdminUnit
from reports.form_narrative import Totals, form_blocks
from reports.outline import OUTLINE, WRITTEN, Part, compose
from reports.periods import window

GIA_LAI = AdminUnit(code="52", name="Tỉnh Gia Lai", type="province", level="province", valid_from=date(2025, 7, 1))
YEAR_2026 = window("year", year=2026)


def row(length: int, **columns) -> list:
    """A total row of ``length`` columns, zero but those given by number: row(21, c1=5, c9=2)."""
    values = [0] * length
    for name, value in columns.items():
        values[int(name[1:]) - 1] = value
    return values


def blocks(now: dict, before: dict | None = None) -> dict[str, list[str]]:
    return form_blocks(GIA_LAI, YEAR_2026, Totals(now), Totals(before or {}))


def test_reception_takes_its_numbers_from_the_columns_of_01_tcd():
    now = {
        "01/TCD": row(
            21, c1=2861, c2=3010, c3=1204, c4=7, c9=40, c15=12, c21=3, c10=24, c11=130, c12=150, c16=12, c17=95, c18=101
        )
    }

    reception = blocks(now, {"01/TCD": row(21, c1=2743, c4=9)})["II.1"]

    assert reception == [
        "Toàn tỉnh tiếp 2.861 lượt công dân (tăng 118 lượt so với cùng kỳ), 3.010 người, 1.204 vụ việc; 7 đoàn đông"
        " người với 55 người (giảm 2 đoàn so với cùng kỳ).",
        "Thủ trưởng trực tiếp tiếp định kỳ, đột xuất 24 ngày, 130 lượt, 150 người; ủy quyền tiếp 12 ngày, 95 lượt,"
        " 101 người.",
    ]


def test_letters_take_their_numbers_from_the_columns_of_02_xld():
    received = {"c1": 171, "c2": 160, "c3": 150, "c4": 120, "c5": 110, "c23": 30, "c24": 18, "c25": 12}
    complaints = {"c6": 80, "c7": 70, "c8": 10, "c9": 50, "c10": 20, "c11": 10}
    others = {"c12": 30, "c13": 25, "c14": 5, "c15": 20, "c16": 10, "c19": 10, "c20": 10}
    now = {"02/XLD": row(25, **received, **complaints, **others)}

    letters = blocks(now, {"02/XLD": row(25, c1=196)})["II.2"]

    assert letters == [
        "a) Tổng số đơn tiếp nhận trong kỳ 171 đơn (giảm 25 đơn so với cùng kỳ); đã xử lý 160 đơn; đủ điều kiện xử lý"
        " 150 đơn; thuộc thẩm quyền 120 đơn, 110 vụ việc.",
        "b) Đơn thuộc thẩm quyền: khiếu nại 80 đơn (lần đầu 70, lần 2 10; đất đai 50, chế độ, chính sách 20, khác 10);"
        " tố cáo 30 đơn (lần đầu 25, tố cáo tiếp 5; hành chính 20, tham nhũng 10); kiến nghị, phản ánh 10 đơn"
        " (chế độ, chính sách 10).",
        "c) Đơn không thuộc thẩm quyền: 30 đơn (hướng dẫn 18, chuyển đơn 12).",
    ]


def test_the_situation_gives_each_sectors_share_of_the_complaints():
    now = {"02/XLD": row(25, c1=171, c6=80, c9=50, c10=20, c11=10)}

    situation = blocks(now, {"02/XLD": row(25, c1=171, c6=60)})["I.1"]

    assert situation[:2] == [
        "Trong năm 2026, tổng số đơn tiếp nhận là 171 đơn (bằng cùng kỳ năm 2025).",
        "a) Về khiếu nại: 80 đơn khiếu nại thuộc thẩm quyền (tăng 20 đơn so với cùng kỳ); theo lĩnh vực: đất đai 50 đơn"
        " (chiếm 62,5%), chế độ, chính sách 20 đơn (chiếm 25%), khác 10 đơn (chiếm 12,5%).",
    ]


def test_resolving_complaints_takes_its_numbers_from_03_gqkn():
    now = {
        "03/GQKN": row(23, c1=80, c2=60, c3=5, c4=50, c5=3, c6=2, c7=40, c8=10, c9=20, c10=5, c11=4, c12=1, c13=120.5)
    }

    resolution = blocks(now, {"03/GQKN": row(23, c2=70, c7=40)})["II.3"][0]

    assert resolution == (
        "a) Giải quyết khiếu nại: 80 đơn khiếu nại thuộc thẩm quyền, 60 vụ việc (giảm 10 vụ việc so với cùng kỳ):"
        " đang xem xét điều kiện thụ lý 5, đã thụ lý giải quyết 50, không thụ lý 3, rút đơn, đình chỉ giải quyết 2."
        " Đã ban hành 40 quyết định giải quyết khiếu nại (bằng cùng kỳ), trong đó lần đầu: khiếu nại đúng 10, khiếu"
        " nại sai 20, khiếu nại đúng một phần 5; lần 2: công nhận kết quả giải quyết lần đầu 4, hủy, sửa kết quả giải"
        " quyết lần đầu 1. Qua giải quyết, kiến nghị thu hồi cho Nhà nước 120,5 triệu đồng."
    )


def test_the_rate_of_carrying_out_is_compared_in_percentage_points():
    now = {"05/KQTH": row(31, c1=40, c2=36)}

    carrying_out = blocks(now, {"05/KQTH": row(31, c1=20, c2=15)})["II.4"][0]

    assert carrying_out == (
        "Thực hiện xong 36/40 quyết định giải quyết khiếu nại phải thực hiện, đạt tỷ lệ 90%, tăng 15 điểm % so với"
        " cùng kỳ."
    )


def test_a_blank_cell_and_a_missing_form_count_as_zero():
    assert Totals({"01/TCD": [3, None]})("01/TCD", 1, 2) + Totals({})("06/QLKNTC", 6) == 3


def test_the_outline_writes_every_heading_of_mau_02_in_order():
    parts = compose({"III.1": ["Ưu điểm đã viết."]}, whole=True)

    headings = [part.text for part in parts if part.heading]
    assert [heading.split(" ")[0] for heading in headings] == [
        "I.", "1.", "2.", "II.", "1.", "2.", "3.", "4.", "5.", "6.", "a)", "b)", "c)",
        "III.", "1.", "2.", "3.", "IV.", "V.", "VI.",
    ]  # fmt: skip
    assert parts[parts.index(Part("1. Ưu điểm, kết quả", heading=True)) + 1] == Part("Ưu điểm đã viết.")


def test_the_written_sections_are_those_no_record_can_write():
    assert WRITTEN == ("I.2", "II.5", "II.6.a", "III.1", "III.2", "III.3", "IV", "V", "VI")
    assert len(OUTLINE) == 20
