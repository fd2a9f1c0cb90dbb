"""The workbook looks like the paper form: the heading block of each circular, the numbered "MS" row with the
formulas, the "N. Ghi chú" line, the signature block and the print setup; the TT 01/2024 forms have the vendor's
columns (docs/tt06-2025.md, Part B). Written from figures given here, so no database is needed."""

from collections import defaultdict
from datetime import date

import pytest

from danvan.models import AdminUnit
from reports.excel import tt01_2024
from reports.excel.layout import Column, Form, Group, equals, sum_of
from reports.excel.writer import TT06, write_workbook
from reports.forms_data import tables_of
from reports.periods import window
from reports.rows import ReportRow, RowKind, Rows

IA_GRAI = AdminUnit(name="Xã Ia Grai", level=AdminUnit.Level.COMMUNE, valid_from=date(2025, 7, 1))
COMMITTEE = "Ủy ban nhân dân xã Ia Grai"
YEAR_2025 = window("year", year=2025)  # 15/12/2024 → 14/12/2025

# A form with the shape of 02/XLD's complaints: a total, its two splits, a column with a formula to meet.
FORM = Form(
    code="02/XLD",
    title="Tổng hợp kết quả xử lý đơn",
    circular=TT06,
    header=(
        Column("Tổng số đơn", **sum_of(2, 3)),
        Group("Phân loại", (Column("Khiếu nại lần đầu", "first"), Column("Khiếu nại lần 2", "second"))),
        Column("Đất đai", "land", **equals((2, 3))),
    ),
    footnotes=("Cột 4: ghi chú thử.",),
)


def workbook_of(*forms: Form, reference: str = ""):
    rows = Rows(unit=IA_GRAI, rows=(ReportRow(COMMITTEE, RowKind.AGENCY), ReportRow("Công an xã", RowKind.AGENCY)))
    figures = [defaultdict(int, first=3, second=1, land=4), defaultdict(int, first=2, land=2)]
    return write_workbook(
        unit=IA_GRAI, window=YEAR_2025, tables=tables_of(forms, rows, figures), issuer=COMMITTEE, reference=reference
    )


def cells_of(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def texts_of(sheet) -> list[str]:
    return [value for row in cells_of(sheet) for value in row if isinstance(value, str)]


def test_a_tt06_form_is_headed_by_its_code_alone_its_title_window_and_the_report_it_goes_with():
    sheet = workbook_of(FORM)["02-XLD"]

    assert texts_of(sheet)[:6] == [
        "ỦY BAN NHÂN DÂN XÃ IA GRAI",
        "02/XLD",
        "Ban hành kèm theo TT 06/2025/TT-TTCP",
        "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN",
        "Số liệu tính từ ngày 15/12/2024 đến ngày 14/12/2025",
        "(Kèm theo Báo cáo số: ……… ngày …… tháng …… năm …… của Ủy ban nhân dân xã Ia Grai)",
    ]


def test_a_known_report_number_and_date_fill_the_line_of_the_report_it_goes_with():
    sheet = workbook_of(FORM, reference="15/BC-UBND ngày 16/12/2025")["02-XLD"]

    assert "(Kèm theo Báo cáo số: 15/BC-UBND ngày 16/12/2025 của Ủy ban nhân dân xã Ia Grai)" in texts_of(sheet)


def test_the_numbered_row_shows_ms_under_the_unit_and_each_column_s_formulas():
    cells = cells_of(workbook_of(FORM)["02-XLD"])

    header = next(index for index, row in enumerate(cells) if row[0] == "Đơn vị")
    numbered = next(row for row in cells if row[0] == "MS")
    assert cells[header][:2] == ["Đơn vị", "Tổng số đơn"]
    assert numbered == ["MS", "1 = 2+3", "2", "3", "4 = 2+3"]


def test_a_row_per_reporting_row_then_the_total_row():
    cells = cells_of(workbook_of(FORM)["02-XLD"])

    start = next(index for index, row in enumerate(cells) if row[0] == "MS") + 1
    assert cells[start : start + 3] == [[COMMITTEE, 4, 3, 1, 4], ["Công an xã", 2, 2, 0, 2], ["Tổng cộng", 6, 5, 1, 6]]


def test_after_the_table_the_note_line_is_numbered_one_past_the_last_column_then_the_footnotes():
    texts = texts_of(workbook_of(FORM)["02-XLD"])

    after = texts[texts.index("Tổng cộng") :]
    assert after[1:3] == ["5. Ghi chú:", "Cột 4: ghi chú thử."]


@pytest.mark.parametrize("form", tt01_2024.FORMS, ids=lambda form: form.code)
def test_every_tt01_form_numbers_its_note_line_one_past_its_last_column(form):
    texts = texts_of(workbook_of(form)[form.sheet_name])

    assert [text for text in texts if text.endswith("Ghi chú:")] == [f"{len(form.columns) + 1}. Ghi chú:"]


def test_the_signature_block_has_the_date_line_the_head_and_the_preparer():
    texts = [text for text in texts_of(workbook_of(FORM)["02-XLD"]) if text]

    assert texts[-5:] == [
        "…, ngày … tháng … năm …",
        "Người lập biểu",
        "THỦ TRƯỞNG CƠ QUAN",
        "(Ký, ghi rõ họ tên)",
        "(Ký tên, đóng dấu)",
    ]


def test_a_tt01_form_s_numbered_row_carries_the_vendor_s_formulas():
    cells = cells_of(workbook_of(tt01_2024.KQGQ_3)["03-KQGQ"])

    numbered = next(row for row in cells if row[0] == "MS")
    assert [numbered[n] for n in (1, 6, 8)] == ["1 = 2+3", "6 = 7+8+9+10 = 30+31", "8 = 25+27+29"]


def test_a_tt01_form_keeps_the_vendor_s_heading_with_the_form_number():
    sheet = workbook_of(tt01_2024.XLD_2)["02-XLD"]

    assert texts_of(sheet)[:4] == [
        "ỦY BAN NHÂN DÂN XÃ IA GRAI",
        "Biểu số: 02/XLD",
        "Ban hành kèm theo TT 01/2024/TT-TTCP",
        "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KHIẾU NẠI",
    ]


def test_each_sheet_prints_on_a4_landscape_fit_to_width_with_the_header_rows_repeated():
    sheet = workbook_of(FORM)["02-XLD"]

    cells = cells_of(sheet)
    header = next(index for index, row in enumerate(cells) if row[0] == "Đơn vị") + 1
    numbered = next(index for index, row in enumerate(cells) if row[0] == "MS") + 1
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.print_title_rows == f"${header}:${numbered}"
    assert {cell.font.name for row in sheet.iter_rows() for cell in row if cell.value is not None} == {
        "Times New Roman"
    }


@pytest.mark.parametrize(
    ("form", "columns"),
    [
        (tt01_2024.TCD, 29),
        (tt01_2024.XLD_1, 22),
        (tt01_2024.XLD_2, 26),
        (tt01_2024.XLD_3, 27),
        (tt01_2024.XLD_4, 20),
        (tt01_2024.KQGQ_1, 26),
        (tt01_2024.KQGQ_2, 19),
        (tt01_2024.KQGQ_3, 31),
        (tt01_2024.KQGQ_4, 24),
    ],
    ids=lambda value: value.code if isinstance(value, Form) else str(value),
)
def test_the_tt01_forms_have_the_vendor_s_number_of_columns(form, columns):
    assert len(form.columns) == columns
