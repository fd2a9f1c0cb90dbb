"""The narrative quotes the figures the way agencies write them (reports.md, "The narrative")."""

from datetime import date
from io import BytesIO

import pytest
from docx import Document

from danvan.models import AdminUnit
from reports.docx import narrative_docx
from reports.figures import KEYS
from reports.labels import LABELS, SECTIONS, number, sections
from reports.narrative import narrative
from reports.outline import Part, lines
from reports.periods import window

YEAR_2024 = window("year", year=2024)
GIA_LAI = AdminUnit(code="64", name="Tỉnh Gia Lai", type="province", level="province", valid_to=date(2025, 6, 30))
CHU_PAH = AdminUnit(code="623", name="Huyện Chư Păh", type="rural_district", level="district", parent=GIA_LAI)
IA_GRAI = AdminUnit(code="23764", name="Xã Ia Grai", type="commune", level="commune", valid_from=date(2025, 7, 1))
NEW_GIA_LAI = AdminUnit(code="52", name="Tỉnh Gia Lai", type="province", level="province", valid_from=date(2025, 7, 1))


def figures(**values) -> dict:
    """Every key at zero but those given: figures(**{"reception.visits": 3})."""
    return dict.fromkeys(KEYS, 0) | values


def paragraph(unit, span, now, before, index) -> str:
    return narrative(unit, span, now, before)[index]


def test_an_increase_is_quoted_with_dots_and_the_year_of_the_same_period():
    now, before = figures(**{"reception.visits": 2861}), figures(**{"reception.visits": 2743})

    reception = paragraph(GIA_LAI, YEAR_2024, now, before, 1)

    assert reception.startswith(
        "Trong năm 2024, toàn tỉnh tiếp 2.861 lượt công dân (tăng 118 lượt so với cùng kỳ năm 2023)."
    )


def test_a_decrease_of_complaints_and_denunciations_together():
    now = figures(**{"petitions.complaints": 120, "petitions.denunciations": 51})
    before = figures(**{"petitions.complaints": 150, "petitions.denunciations": 46})

    petitions = paragraph(GIA_LAI, YEAR_2024, now, before, 2)

    assert petitions == "Các cấp, ngành tiếp nhận 171 đơn khiếu nại, tố cáo (giảm 25 đơn so với cùng kỳ)."


def test_equality_says_bang_cung_ky():
    now = before = figures(**{"reception.visits": 1500, "reception.people": 1500, "reception.cases": 1500})

    reception = paragraph(CHU_PAH, window("q1", year=2024), now, before, 1)

    assert (
        reception.split(". ")[0] == "Trong quý I năm 2024, toàn huyện tiếp 1.500 lượt công dân (bằng cùng kỳ năm 2023)"
    )


def test_dialogues_by_level_as_the_province_published_them():
    now = figures(
        **{"dialogues.total": 466, "dialogues.province": 5, "dialogues.district": 62, "dialogues.commune": 399}
    )

    dialogues = paragraph(GIA_LAI, YEAR_2024, now, figures(**{"dialogues.total": 470}), 4)

    assert dialogues.split(" Tổng cộng")[0] == "Cấp tỉnh tổ chức 5 cuộc đối thoại, cấp huyện 62 cuộc, cấp xã 399 cuộc."
    assert dialogues.endswith("(giảm 4 cuộc so với cùng kỳ).")


def test_a_province_of_the_two_tier_structure_has_no_district_level_after_the_reform():
    now = figures(**{"dialogues.total": 12, "dialogues.province": 2, "dialogues.commune": 10})

    dialogues = paragraph(NEW_GIA_LAI, window("year", year=2026), now, figures(), 4)

    assert dialogues.startswith("Cấp tỉnh tổ chức 2 cuộc đối thoại, cấp xã 10 cuộc.")


@pytest.mark.parametrize(
    ("rate", "earlier", "said"),
    [
        (89.0, 85.0, "đạt tỷ lệ 89%, tăng 4 điểm % so với cùng kỳ."),
        (88.7, 90.0, "đạt tỷ lệ 88,7%, giảm 1,3 điểm % so với cùng kỳ."),
        (75.0, 75.0, "đạt tỷ lệ 75%, bằng cùng kỳ."),
    ],
)
def test_a_rate_is_compared_in_percentage_points(rate, earlier, said):
    now = figures(**{"complaints.cases": 1000, "complaints.resolved": 1000, "resolution_rate": rate})
    before = figures(**{"complaints.cases": 10, "resolution_rate": earlier})

    resolution = paragraph(GIA_LAI, YEAR_2024, now, before, 3)

    assert resolution.endswith(said)


def test_a_rate_without_cases_a_year_earlier_is_not_compared():
    now = figures(**{"denunciations.cases": 4, "denunciations.resolved": 3, "resolution_rate": 75.0})

    resolution = paragraph(GIA_LAI, YEAR_2024, now, figures(), 3)

    assert resolution == (
        "Đã giải quyết xong 3/4 vụ việc khiếu nại, tố cáo thuộc thẩm quyền (khiếu nại 0/0 vụ việc, tố cáo 3/4 vụ việc),"
        " đạt tỷ lệ 75%, cùng kỳ không có vụ việc phải giải quyết."
    )


def test_a_commune_speaks_of_itself_and_amounts_keep_their_decimals():
    now = figures(
        **{
            "petitions.complaints": 3,
            "recovery.state.money_due": 1720.25,
            "recovery.state.land_due": 1200.0,
            "recovery.state.money_recovered": 6459.5,
        }
    )
    text = narrative(IA_GRAI, window("month", year=2026, month=3), now, figures())

    assert (
        text[1] == "Trong tháng 3 năm 2026, toàn xã không có lượt công dân nào đến trình bày (bằng cùng kỳ năm 2025)."
    )
    assert text[2] == "Toàn xã tiếp nhận 3 đơn khiếu nại, tố cáo (tăng 3 đơn so với cùng kỳ)."
    assert text[3].endswith(
        "Qua giải quyết, kiến nghị thu hồi cho Nhà nước 1.720,25 triệu đồng và 1.200 m² đất;"
        " đã thu hồi 6.459,5 triệu đồng."
    )


def test_a_custom_window_compares_with_the_year_before():
    span = window("custom", start=date(2024, 1, 1), end=date(2024, 3, 31))

    reception = paragraph(GIA_LAI, span, figures(**{"reception.visits": 10}), figures(**{"reception.visits": 4}), 1)

    assert reception.startswith(
        "Từ ngày 01/01/2024 đến ngày 31/03/2024, toàn tỉnh tiếp 10 lượt công dân"
        " (tăng 6 lượt so với cùng kỳ năm trước)."
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (0, "0"),
        (999, "999"),
        (2861, "2.861"),
        (1234567, "1.234.567"),
        (1720.25, "1.720,25"),
        (88.7, "88,7"),
        (12.0, "12"),
    ],
)
def test_numbers_group_thousands_with_dots(value, written):
    assert number(value) == written


def test_every_key_has_a_label_and_one_section():
    table = sections(figures(), figures())

    assert set(LABELS) == set(KEYS)
    assert [row.key for section in table for row in section.rows] == list(KEYS)
    assert [section.title for section in table] == [title for title, _ in SECTIONS]


def test_the_table_shows_a_rates_change_in_points():
    table = {
        row.key: row
        for section in sections(figures(resolution_rate=89.0), figures(resolution_rate=85.5))
        for row in section.rows
    }

    assert (table["resolution_rate"].value, table["resolution_rate"].change) == ("89%", "+3,5 điểm %")


def test_the_draft_opens_with_the_committee_and_the_window():
    paragraphs = narrative(GIA_LAI, YEAR_2024, figures(), figures())

    assert paragraphs[0] == (
        "Ủy ban nhân dân tỉnh Gia Lai báo cáo kết quả công tác tiếp công dân, xử lý đơn thư, giải quyết khiếu nại,"
        " tố cáo năm 2024 (số liệu tính từ ngày 15/12/2023 đến ngày 14/12/2024) như sau:"
    )


def test_the_docx_has_the_header_the_title_and_the_edited_paragraphs():
    body = [Part(text) for text in lines("Đoạn thứ nhất đã sửa.\r\n\r\nĐoạn thứ hai.\n   \nĐoạn thứ ba.")]

    document = Document(BytesIO(narrative_docx(GIA_LAI, YEAR_2024, body)))

    header = [p.text for cell in document.tables[0].rows[0].cells for p in cell.paragraphs if p.text]
    texts = [p.text for p in document.paragraphs if p.text]
    assert header[:3] == ["ỦY BAN NHÂN DÂN\nTỈNH GIA LAI", "Số:        /BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert header[3] == "Độc lập - Tự do - Hạnh phúc"
    assert texts == [
        "BÁO CÁO",
        "Kết quả công tác tiếp công dân, xử lý đơn thư, giải quyết khiếu nại, tố cáo năm 2024",
        "Đoạn thứ nhất đã sửa.",
        "Đoạn thứ hai.",
        "Đoạn thứ ba.",
    ]
    fonts = {run.font.name for p in document.paragraphs for run in p.runs}
    assert fonts == {"Times New Roman"}


def test_paragraphs_are_the_non_blank_lines():
    assert lines("  a \n\n\n b\r\nc  ") == ["a", "b", "c"]
