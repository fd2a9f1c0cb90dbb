"""The check a workbook passes before it is read (danvan.sheets.inspection): files no register could be are refused at
once with a message naming what is too large; registers, however large, pass."""

import zipfile
from io import BytesIO

import pytest
from openpyxl import Workbook

from danvan.sheets.errors import UnreadableWorkbook, WorkbookTooLarge
from danvan.sheets.inspection import DAMAGED, EMPTY, NOT_A_WORKBOOK, inspect_workbook
from danvan.sheets.limits import MAX_ROWS
from tests.handmade_workbooks import (
    FAR_CELL,
    HEADER_ROW,
    declaring,
    inflated,
    issue_20_bomb,
    padded_bomb,
    sheet_xml,
    xlsx,
)

SHEETS = ["TiepCongDan", "Don", "DoiThoai"]
LIMITS = "sổ chỉ được tối đa 200.000 dòng, 256 cột và 5.200.000 ô."
TRIM = "Hãy xoá các dòng, cột thừa sau vùng dữ liệu (hoặc chép vùng dữ liệu sang tệp mới) rồi lưu lại."


def refusal(source) -> str:
    with pytest.raises(UnreadableWorkbook) as refused:
        inspect_workbook(source, sheets=SHEETS)
    return str(refused.value)


def register_rows(count: int, *, columns: str = "ABCDEFGHIJKLMNOP", start: int = 2) -> str:
    """``count`` rows of numbers in ``columns``, the first numbered ``start``."""
    row = '<row r="{0}">' + "".join(f'<c r="{column}{{0}}"><v>{{0}}</v></c>' for column in columns) + "</row>"
    return "".join(map(row.format, range(start, start + count)))


def test_the_issue_20_file_is_refused_naming_its_far_corner():
    message = refusal(issue_20_bomb())

    assert message == (
        "Sheet “TiepCongDan” khai báo vùng dữ liệu đến ô XFD1048576 (1.048.576 dòng, 16.384 cột); "
        + LIMITS
        + " "
        + TRIM
    )


def test_its_far_cell_is_found_when_no_dimension_is_declared():
    assert refusal(issue_20_bomb(dimension=False)) == (
        "Sheet “TiepCongDan” có dữ liệu đến ô XFD1048576 (1.048.576 dòng, 16.384 cột); " + LIMITS + " " + TRIM
    )


def test_a_dimension_that_understates_the_data_does_not_hide_it():
    book = xlsx({"TiepCongDan": sheet_xml(HEADER_ROW + FAR_CELL, dimension="A1:B2")})

    assert refusal(book).startswith("Sheet “TiepCongDan” có dữ liệu đến ô XFD1048576 ")


def test_the_far_cell_is_found_after_megabytes_of_filler():
    assert refusal(padded_bomb()).startswith("Sheet “TiepCongDan” có dữ liệu đến ô XFD1048576 ")


def test_a_far_cell_is_found_in_a_sheet_written_with_a_prefix():
    rows = '<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>'

    assert refusal(xlsx({"Don": sheet_xml(rows, prefix="x:")})).startswith("Sheet “Don” có dữ liệu đến ô XFD1048576 ")


def test_rows_past_the_limit_are_refused_by_their_number():
    book = xlsx({"TiepCongDan": sheet_xml(HEADER_ROW + register_rows(3, start=MAX_ROWS))})

    assert refusal(book) == "Sheet “TiepCongDan” có dữ liệu đến dòng 200.002; " + LIMITS + " " + TRIM


def test_columns_past_the_limit_are_refused():
    book = xlsx({"TiepCongDan": sheet_xml(HEADER_ROW + '<row r="5"><c r="JA5"><v>1</v></c></row>')})

    assert refusal(book) == "Sheet “TiepCongDan” có dữ liệu đến ô JA5 (5 dòng, 261 cột); " + LIMITS + " " + TRIM


def test_far_cells_that_are_only_formatted_do_not_count():
    formatted = '<row r="1048576"><c r="XFD1048576" s="1"/><c r="XFE1048576" s="1"></c></row>'
    book = xlsx({"TiepCongDan": sheet_xml(HEADER_ROW + register_rows(3) + formatted)})

    assert inspect_workbook(book, sheets=SHEETS) is None


def test_a_sheet_not_to_be_read_is_not_measured():
    book = xlsx({"TiepCongDan": sheet_xml(HEADER_ROW), "Ghi chú": sheet_xml(HEADER_ROW + FAR_CELL)})

    assert inspect_workbook(book, sheets=SHEETS) is None


def test_a_register_of_a_hundred_thousand_rows_passes():
    book = xlsx({"TiepCongDan": sheet_xml(HEADER_ROW + register_rows(100_000), dimension="A1:P100001")}, level=1)

    assert inspect_workbook(book, sheets=SHEETS) is None


def test_a_workbook_excel_writes_passes():
    book = Workbook()
    book.active.title = "DoiThoai"
    book.active.append(["STT", "Ngày"])
    book.active["AA300"] = "ghi chú"
    out = BytesIO()
    book.save(out)

    assert inspect_workbook(out, sheets=SHEETS) is None


def test_a_sheet_packed_a_thousand_times_is_refused():
    book = inflated(20 * 2**20)

    message = refusal(book)

    assert message.startswith("Phần “xl/worksheets/sheet1.xml” của tệp giải nén ra 20 MB từ ")
    assert message.endswith(" lần, tệp Office thường gấp dưới 100 lần): tệp này không được đọc.")


def test_a_declared_count_of_shared_strings_past_the_limit_is_refused():
    strings = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="4000000000"></sst>'

    assert refusal(xlsx({"TiepCongDan": sheet_xml(HEADER_ROW)}, strings=strings)) == (
        "Tệp có 4.000.000.000 chuỗi văn bản dùng chung, quá giới hạn 5.200.000: hãy tách sổ thành nhiều tệp."
    )


def test_a_part_larger_than_it_declares_is_refused_as_damaged():
    book = xlsx({"TiepCongDan": sheet_xml(HEADER_ROW + register_rows(50))})

    assert refusal(declaring(book, "xl/worksheets/sheet1.xml", 100)) == DAMAGED


def test_a_package_declaring_more_than_the_limit_unpacked_is_refused_unread():
    book = declaring(xlsx({"TiepCongDan": sheet_xml(HEADER_ROW)}), "xl/workbook.xml", 3 * 2**30)

    assert refusal(book) == "Tệp giải nén ra 3.072 MB, quá giới hạn 1.024 MB."


def test_a_package_of_thousands_of_parts_is_refused():
    parts = {f"xl/media/image{number}.png": b"" for number in range(1_000)}

    assert refusal(xlsx({"TiepCongDan": sheet_xml(HEADER_ROW)}, extra=parts)) == (
        "Tệp gồm 1.005 phần, quá giới hạn 1.000 phần."
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", EMPTY),
        (b"STT,Ngay tiep\n1,15/03/2026\n", NOT_A_WORKBOOK),
        (b"PK\x03\x04" + b"\x00" * 200, DAMAGED),
    ],
    ids=["empty", "text", "cut-off zip"],
)
def test_a_file_that_is_no_workbook_is_refused_with_a_message(content, message):
    assert refusal(BytesIO(content)) == message


def test_a_zip_that_is_no_workbook_is_refused():
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", "<w:document/>")

    assert refusal(out) == NOT_A_WORKBOOK


def test_a_cut_off_workbook_is_refused_as_damaged():
    whole = xlsx({"TiepCongDan": sheet_xml(HEADER_ROW + register_rows(500))}).getvalue()

    assert refusal(BytesIO(whole[: len(whole) // 2])) == DAMAGED


def test_a_file_open_for_reading_is_left_at_its_start():
    book = xlsx({"TiepCongDan": sheet_xml(HEADER_ROW)})
    book.seek(7)

    inspect_workbook(book, sheets=SHEETS)

    assert book.tell() == 0


def test_a_refused_file_is_too_large_not_merely_unreadable():
    with pytest.raises(WorkbookTooLarge):
        inspect_workbook(issue_20_bomb(), sheets=SHEETS)
