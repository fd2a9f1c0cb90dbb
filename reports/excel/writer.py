"""Writes the statutory forms into one workbook, one sheet per form, laid out as the paper form: the heading block (the
agency at the top left; the form's code, title and window as its circular prints them), the header tree under merged
group headers, the numbered "MS" row with each column's formulas, one row per row of the form and a total row, the
"N. Ghi chú" line, the footnotes and the signature block; Times New Roman, A4 landscape, fit to the page's width, the
header rows repeated on every printed page.

TT 06/2025 heads a form (docs/tt06-2025.md, A2) with its code alone ("01/TCD"), the title, the window and the line of
the report it goes with ("Kèm theo Báo cáo số …"); TT 01/2024 as the provincial vendor does, "Biểu số: 01/XLD". Both
start the table with the unit column ("Đơn vị"; "MS" in the numbered row): the vendor's sheets have no STT column
either (their values start in column B)."""

from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from danvan.inputs import printable
from danvan.models import AdminUnit
from reports.excel.layout import Column, Form, Group, Measure, Node, ms_label, opened_columns
from reports.forms_data import FormTable
from reports.periods import Window

FONT = "Times New Roman"
FORMATS = {Measure.COUNT: "#,##0", Measure.MONEY: "#,##0.0##", Measure.LAND: "#,##0.0"}
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
# Column widths (in the default font's characters) and the printable width of A4 landscape at full size: a form
# wider than that is shrunk to the page's width, so the widths aim at it.
LABEL_WIDTH = 24
PAGE_WIDTH = 150
MIN_WIDTH, MAX_WIDTH = 4.8, 10.0
HEADER_SIZE, BODY_SIZE = 8, 9
FIRST_VALUE_COLUMN = 2  # column A holds the unit
UNIT, MS, TOTAL = "Đơn vị", "MS", "Tổng cộng"
TT06 = "TT 06/2025/TT-TTCP"
REFERENCE = "(Kèm theo Báo cáo số: {reference} của {issuer})"
NO_REFERENCE = "……… ngày …… tháng …… năm ……"
OPENINGS_NOTE = (
    "Cột {columns}: đã cộng số liệu đầu kỳ do cơ quan nhập cho những ngày của kỳ báo cáo trước khi sử dụng hệ thống."
)


def _font(size: float = BODY_SIZE, *, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic)


def write_workbook(
    *,
    unit: AdminUnit,
    window: Window,
    tables: Sequence[FormTable],
    issuer: str,
    reference: str = "",
) -> Workbook:
    """The workbook of the forms ``tables`` (reports/forms_data.py) for ``unit`` over ``window``; ``reference`` the
    number and date of the report the forms go with ("15/BC-UBND ngày 16/12/2024"; dots when not known yet)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for style in _styles():
        workbook.add_named_style(style)
    heading = Heading(unit=unit, window=window, issuer=issuer, reference=reference)
    for table in tables:
        _write_form(workbook.create_sheet(table.form.sheet_name), table, heading)
    return workbook


def _styles() -> list[NamedStyle]:
    """The table's cell styles, named once per workbook: setting one style per cell is much faster than setting its
    font, border, alignment and format apart."""

    def style(name: str, *, bold: bool = False, italic: bool = False, size: float = BODY_SIZE, **fields) -> NamedStyle:
        return NamedStyle(name=name, font=_font(size, bold=bold, italic=italic), border=_BOX, **fields)

    right = Alignment(horizontal="right", vertical="center")
    styles = [
        style("form-header", bold=True, size=HEADER_SIZE, alignment=_CENTER),
        style("form-number", italic=True, size=HEADER_SIZE, alignment=_CENTER),
    ]
    for suffix, bold in (("", False), ("-total", True)):
        styles += [
            style(f"form-label{suffix}", bold=bold, alignment=Alignment(vertical="center", wrap_text=True)),
            *(style(f"form-{m}{suffix}", bold=bold, alignment=right, number_format=f) for m, f in FORMATS.items()),
        ]
    return styles


def value_width(form: Form) -> float:
    """The width of a number column: as wide as the page allows, at least wide enough for "9.999"."""
    return max(MIN_WIDTH, min(MAX_WIDTH, (PAGE_WIDTH - LABEL_WIDTH) / len(form.columns)))


@dataclass(frozen=True)
class Heading:
    """What the heading block and the signature block say of the report, the same on every sheet."""

    unit: AdminUnit
    window: Window
    issuer: str
    reference: str = ""


def _write_form(sheet: Worksheet, table: FormTable, heading: Heading) -> None:
    form = table.form
    columns = form.columns
    last = FIRST_VALUE_COLUMN + len(columns) - 1
    width = value_width(form)
    sheet.column_dimensions["A"].width = LABEL_WIDTH
    for index in range(FIRST_VALUE_COLUMN, last + 1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    first_header_row = _write_heading(sheet, form, heading, last, width)
    number_row = _write_header(sheet, form, first_header_row, width)
    row_number = number_row + 1
    for row, values in table.printed:
        _write_values(sheet, row_number, row.label, values, columns, bold=False)
        row_number += 1
    _write_values(sheet, row_number, TOTAL, table.total, columns, bold=True)

    below = row_number + 1
    _text(sheet, below, 1, f"{len(columns) + 1}. Ghi chú:", _font(10, bold=True), span=last)
    opened = opened_columns(form, table.opened)
    notes = [*form.footnotes, *([OPENINGS_NOTE.format(columns=", ".join(map(str, opened)))] if opened else [])]
    for footnote in notes:
        below += 1
        _text(sheet, below, 1, footnote, _font(9, italic=True), span=last)
    _write_signatures(sheet, below + 2, last)
    _set_up_page(sheet, first_header_row, number_row)
    sheet.freeze_panes = sheet.cell(row=number_row + 1, column=FIRST_VALUE_COLUMN)


def _write_heading(sheet: Worksheet, form: Form, heading: Heading, last: int, width: float) -> int:
    """The lines above the table, as the form's circular prints them; returns the row the table's header starts on."""
    corner = min(last // 2, 1 + max(2, ceil(16 / width)))  # the code's corner mirrors the agency's
    issuer = heading.issuer.upper()
    if form.circular == TT06:
        reference = REFERENCE.format(reference=heading.reference or NO_REFERENCE, issuer=heading.issuer)
        _text(sheet, 1, 1, issuer, _font(10, bold=True), span=corner)
        _text(sheet, 1, last - corner + 1, form.code, _font(11, bold=True), span=corner, align="right")
        circular = f"Ban hành kèm theo {form.circular}"
        _text(sheet, 2, last - corner + 1, circular, _font(8, italic=True), span=corner, align="right")
        lines = [
            (form.title.upper(), _font(13, bold=True)),
            (heading.window.span, _font(11, italic=True)),
            (reference, _font(11, italic=True)),
        ]
    else:
        _text(sheet, 1, 1, issuer, _font(10, bold=True), span=corner)
        _text(sheet, 2, 1, f"Biểu số: {form.code}", _font(10, bold=True), span=corner)
        _text(sheet, 3, 1, f"Ban hành kèm theo {form.circular}", _font(8, italic=True), span=corner)
        lines = [
            (form.title.upper(), _font(13, bold=True)),
            (f"Đơn vị báo cáo: {heading.unit.name}. Kỳ báo cáo: {heading.window.label}", _font(11)),
            (heading.window.span, _font(11, italic=True)),
        ]
    row = 3 if form.circular == TT06 else 5
    for text, font in lines:
        _text(sheet, row, 1, text, font, span=last, align="center")
        row += 1
    if form.note:
        _text(sheet, row, 1, form.note, _font(9, italic=True), span=last, align="right")
    return row + 1


def _text(
    sheet: Worksheet, row: int, column: int, text: str, font: Font, *, span: int = 1, align: str = "left"
) -> None:
    cell = sheet.cell(row=row, column=column, value=printable(text))
    cell.font = font
    cell.alignment = Alignment(horizontal=align, vertical="center")
    if span > 1:
        sheet.merge_cells(start_row=row, start_column=column, end_row=row, end_column=column + span - 1)


def _write_header(sheet: Worksheet, form: Form, top: int, width: float) -> int:
    """The merged header rows from row ``top`` and the numbered "MS" row under them; returns the MS row's index."""
    depth = form.depth
    bottom = top + depth - 1
    lines = [1.0] * depth  # the lines of text each header row needs

    def box(row: int, column: int, text: str, *, rows: int = 1, columns: int = 1) -> None:
        sheet.cell(row=row, column=column, value=text)
        for r in range(row, row + rows):
            for c in range(column, column + columns):
                sheet.cell(row=r, column=c).style = "form-header"
        if rows > 1 or columns > 1:
            sheet.merge_cells(
                start_row=row, start_column=column, end_row=row + rows - 1, end_column=column + columns - 1
            )
        span_width = LABEL_WIDTH if column == 1 else width * columns
        needed = _lines(text, span_width, HEADER_SIZE, bold=True)
        spread = needed / rows
        for r in range(row, row + rows):
            lines[r - top] = max(lines[r - top], spread)

    box(top, 1, UNIT, rows=depth)

    def place(nodes: tuple[Node, ...], row: int, column: int) -> int:
        for node in nodes:
            if isinstance(node, Column):
                box(row, column, node.label, rows=bottom - row + 1)
                column += 1
            else:
                leaves = _count_leaves(node)
                box(row, column, node.label, columns=leaves)
                place(node.children, row + 1, column)
                column += leaves
        return column

    place(form.header, top, FIRST_VALUE_COLUMN)
    for offset, needed in enumerate(lines):
        sheet.row_dimensions[top + offset].height = max(15, ceil(needed) * 10 + 4)
    number_row = bottom + 1
    labels = [ms_label(column, number) for number, column in enumerate(form.columns, start=1)]
    for index, text in enumerate([MS, *labels], start=1):
        sheet.cell(row=number_row, column=index, value=text).style = "form-number"
    needed = max(_lines(text.replace("+", "+ "), width, HEADER_SIZE) for text in labels)
    sheet.row_dimensions[number_row].height = max(15, needed * 10 + 4)
    return number_row


def _count_leaves(group: Group) -> int:
    return sum(1 if isinstance(child, Column) else _count_leaves(child) for child in group.children)


def _lines(text: str, width: float, size: float, *, bold: bool = False) -> int:
    """About the lines ``text`` takes wrapped in a cell ``width`` wide, in Times New Roman of ``size`` points."""
    per_line = max(1, int(width * (14 if bold else 15) / size) - 1)
    lines, current = 1, 0
    for word in text.split():
        if current and current + 1 + len(word) > per_line:
            lines += 1
            current = len(word)
        else:
            current += (1 if current else 0) + len(word)
        lines += max(0, ceil(len(word) / per_line) - 1)
    return lines


def _write_values(sheet: Worksheet, row: int, label: str, values: list, columns: list[Column], *, bold: bool) -> None:
    suffix = "-total" if bold else ""
    sheet.cell(row=row, column=1, value=printable(label)).style = f"form-label{suffix}"
    for index, (value, column) in enumerate(zip(values, columns, strict=True), start=FIRST_VALUE_COLUMN):
        sheet.cell(row=row, column=index, value=value).style = f"form-{column.measure}{suffix}"
    sheet.row_dimensions[row].height = max(15, _lines(label, LABEL_WIDTH, BODY_SIZE, bold=bold) * 12 + 3)


def _write_signatures(sheet: Worksheet, row: int, last: int) -> None:
    """ "Người lập biểu" under the table's left, the head of the agency under its right, each with room to sign."""
    half = max(3, last // 2)
    left_end, right_start = min(last, 1 + max(1, half // 3)), max(2, last - half + 1)
    blocks = (
        (1, left_end, ["", "Người lập biểu", "(Ký, ghi rõ họ tên)"]),
        (right_start, last, ["…, ngày … tháng … năm …", "THỦ TRƯỞNG CƠ QUAN", "(Ký tên, đóng dấu)"]),
    )
    for first, end, texts in blocks:
        for offset, text in enumerate(texts):
            font = _font(11, bold=offset == 1, italic=offset != 1)
            _text(sheet, row + offset, first, text, font, span=end - first + 1, align="center")


def _set_up_page(sheet: Worksheet, first_header_row: int, number_row: int) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.print_title_rows = f"{first_header_row}:{number_row}"
    sheet.oddFooter.center.text = "Trang &P/&N"
    sheet.oddFooter.center.font = FONT
