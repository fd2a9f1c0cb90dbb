"""The layout every administrative document shares (Nghị định 30/2020/NĐ-CP, Phụ lục I), written as an editable .docx.

A4, margins 20/20/30/15 mm, Times New Roman. At the top a borderless table of two fixed columns: the superior body
and the issuing body (bold, a short rule under it), then "Số: …", on the left; the national name and motto on the
right, each on one line, a rule as long as the motto under it, then the place and date in italics. Then the kind
and the trích yếu (a short rule under it), the addressees, the legal bases in italics, the body (justified, first
line indented 1.27 cm), and a second borderless table: "Nơi nhận:" and its list on the left, level with the signer's
authority, title, room to sign and name on the right. Page numbers from page 2, centred in the top margin.

Widths were measured with Liberation Serif (Times New Roman's metrics): the national name is 88,3 mm in 12 pt bold,
the motto 56,1 mm in 13 pt bold, so the right column is 102 mm and the motto's rule 57 mm.
"""

import re
from dataclasses import dataclass, field
from enum import Enum
from io import BytesIO

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from danvan.inputs import printable
from danvan.letterhead import DOTS, MOTTO, NATION, header_name

FONT = "Times New Roman"

TEXT_WIDTH = 165  # mm: A4's 210 less the 30 mm left and 15 mm right margins
LEFT_COLUMN, RIGHT_COLUMN = 63, 102  # mm: the right column holds the national name on one line
RECIPIENTS_COLUMN, SIGNER_COLUMN = 80, 85
BODY_SIZE = 14
TAG = "{%"  # a docxtpl paragraph tag, written as a line of its own
_ARTICLE = re.compile(r"^(Điều \d+\.)")


class Style(Enum):
    """How a paragraph of the body is set: text (justified, indented), a heading (bold, not indented), centred bold
    ("QUYẾT ĐỊNH:")."""

    TEXT = "text"
    HEADING = "heading"
    CENTRED = "centred"


@dataclass(frozen=True)
class Line:
    text: str
    style: Style = Style.TEXT


@dataclass
class Signer:
    """The signature block: the authority line(s) ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), the title ("CHỦ TỊCH"), the
    name (dots when the record does not tell who signs)."""

    title: str
    authority: str = ""
    name: str = ""


@dataclass
class Paper:
    agency: str
    number: str
    dated: str  # 'Ia Grai, ngày 05 tháng 3 năm 2026' (danvan.letterhead.dated)
    kind: str
    subject: str = ""
    body: list[Line] = field(default_factory=list)
    signer: Signer = field(default_factory=lambda: Signer("THỦ TRƯỞNG CƠ QUAN"))
    recipients: list[str] = field(default_factory=list)
    parent: str = ""  # the superior body (cơ quan chủ quản), upright; none for a People's Committee
    letter_subject: str = ""  # "V/v …" under the number, for a letter (công văn) that has no kind
    addressees: list[str] = field(default_factory=list)  # Kính gửi
    authority_line: str = ""  # a decision's issuer on its own line: "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ IA GRAI"
    bases: list[str] = field(default_factory=list)  # Căn cứ …, in italics; the last ends with "."
    # Minutes (biên bản) and a citizen's papers are signed by their parties, two by two, instead of a signer and Nơi
    # nhận: (role, hint) or (role, hint, name).
    signatures: list[tuple[str, ...]] = field(default_factory=list)
    signature_columns: int = 2


def _run(paragraph, text: str, *, size: float, bold=False, italic=False):
    run = paragraph.add_run(printable(text))  # a text stored before control characters were refused
    run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return run


def _paragraph(container, text="", *, size=BODY_SIZE, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER,
               after=0, indent=0.0):  # fmt: skip
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    layout = paragraph.paragraph_format
    layout.space_before, layout.space_after, layout.first_line_indent = Pt(0), Pt(after), Mm(indent)
    layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if text:
        _run(paragraph, text, size=size, bold=bold, italic=italic)
    return paragraph


def _rule(container, length: float, width: float, *, after: float = 0) -> None:
    """A solid line ``length`` mm long, centred in ``width`` mm: the bottom border of an empty 1 pt paragraph."""
    paragraph = _paragraph(container, after=after)
    layout = paragraph.paragraph_format
    layout.left_indent = layout.right_indent = Mm((width - length) / 2)
    layout.line_spacing_rule, layout.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(5)  # clear of the descenders above
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "6"), ("space", "0"), ("color", "000000")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _fixed_table(document, widths: tuple[float, ...]):
    """A borderless table of fixed column widths (mm) that no editor widens to its content, cells padded 1 mm."""
    table = document.add_table(rows=1, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(int(Mm(1).twips)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    # The row never splits across pages: a split signature block left its blank lines alone on the next page.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return table.rows[0].cells


def _first(cell, text: str, **style):
    """The cell's first paragraph (every cell has one) holding ``text``."""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = style.pop("align", WD_ALIGN_PARAGRAPH.CENTER)
    paragraph.paragraph_format.space_after = Pt(0)
    if text:
        _run(paragraph, text, size=style.pop("size", BODY_SIZE), **style)
    return paragraph


def _citizen_header(document, paper: Paper) -> None:
    """A citizen's own paper (đơn, giấy ủy quyền) has no issuing body: the national name and motto centred across the
    page, the motto's rule, then the place and date on the right."""
    _paragraph(document, NATION, size=12, bold=True)
    _paragraph(document, MOTTO, size=13, bold=True)
    _rule(document, 57, TEXT_WIDTH, after=6)
    _paragraph(document, paper.dated, size=13, italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT)


def _header(document, paper: Paper) -> None:
    if not paper.agency:
        _citizen_header(document, paper)
        return
    left, right = _fixed_table(document, (LEFT_COLUMN, RIGHT_COLUMN))
    if paper.parent:
        _first(left, paper.parent.upper(), size=12)
        _paragraph(left, "\n".join(header_name(paper.agency)), size=12, bold=True)
    else:
        _first(left, "\n".join(header_name(paper.agency)), size=12, bold=True)
    _rule(left, LEFT_COLUMN / 3, LEFT_COLUMN - 2, after=6)
    if paper.number:
        _paragraph(left, paper.number, size=13)
    if paper.letter_subject:
        _paragraph(left, paper.letter_subject, size=12).paragraph_format.space_before = Pt(6)
    _first(right, NATION, size=12, bold=True)
    _paragraph(right, MOTTO, size=13, bold=True)
    _rule(right, 57, RIGHT_COLUMN - 2, after=6)
    if paper.dated:  # minutes have no date line: the date is in their first line
        _paragraph(right, paper.dated, size=13, italic=True)


def _title(document, paper: Paper) -> None:
    _paragraph(document, after=6)
    if paper.kind:  # a letter (công văn) has no kind: its subject is the "V/v" under its number
        _paragraph(document, paper.kind, bold=True)
    if paper.subject:
        _paragraph(document, paper.subject, bold=True)
        _rule(document, 40, TEXT_WIDTH, after=6)
    if paper.authority_line:
        _paragraph(document, after=6)
        _paragraph(document, paper.authority_line, bold=True, after=6)
    if paper.addressees:  # one per line, each ending in ";", the last in "." (NĐ 30/2020, ô 9a)
        _paragraph(document, after=6)
        count = len(paper.addressees)
        for index, addressee in enumerate(paper.addressees, start=1):
            text = f"{addressee}{'.' if index == count else ';'}"
            if count > 1:
                text = f"- {text}"
            _paragraph(document, f"Kính gửi: {text}" if index == 1 else text, after=6 if index == count else 0)


def _body(document, paper: Paper) -> None:
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    for basis in paper.bases:
        if basis.startswith(TAG):  # a template's tag ({%p if … %}) stands alone on its line
            _paragraph(document, basis, align=WD_ALIGN_PARAGRAPH.LEFT)
        else:
            _paragraph(document, basis, italic=True, align=justify, after=6, indent=12.7)
    last = None
    for line in paper.body:
        if line.text.startswith(TAG):  # a template's tag ({%p if … %}) stands alone on its line
            _paragraph(document, line.text, align=WD_ALIGN_PARAGRAPH.LEFT)
            continue
        if line.style is Style.CENTRED:
            last = _paragraph(document, line.text, bold=True, after=6)
        elif line.style is Style.HEADING:
            last = _paragraph(document, line.text, bold=True, align=justify, after=6)
        else:
            last = _paragraph(document, align=justify, after=6, indent=12.7)
            article = _ARTICLE.match(line.text)
            if article:  # "Điều 1." in bold, its text upright
                _run(last, article.group(1), size=BODY_SIZE, bold=True)
            _run(last, line.text[article.end() if article else 0 :], size=BODY_SIZE)
        last.paragraph_format.keep_with_next = line.style is not Style.TEXT  # a heading never ends a page
    if last is not None:
        last.paragraph_format.keep_with_next = True  # the signature never stands on a page without text above it


def _signature(document, paper: Paper) -> None:
    recipients, signature = _fixed_table(document, (RECIPIENTS_COLUMN, SIGNER_COLUMN))
    left = WD_ALIGN_PARAGRAPH.LEFT
    _first(recipients, "Nơi nhận:", size=12, bold=True, italic=True, align=left)
    remaining = sum(not recipient.startswith(TAG) for recipient in paper.recipients)
    for recipient in paper.recipients:
        if recipient.startswith(TAG):  # a template's tag ({%p if … %}) stands alone on its line
            _paragraph(recipients, recipient, size=11, align=left)
            continue
        remaining -= 1
        _paragraph(recipients, f"- {recipient}{';' if remaining else '.'}", size=11, align=left)
    lines = [line for line in (paper.signer.authority, paper.signer.title) if line]
    _first(signature, lines[0].upper(), bold=True)
    for line in lines[1:]:
        _paragraph(signature, line.upper(), bold=True)
    for _ in range(5):  # room for the signature and the seal
        _paragraph(signature)
    _paragraph(signature, paper.signer.name or DOTS * 2, bold=bool(paper.signer.name))


def _parties(document, paper: Paper) -> None:
    """The signatures of the parties, ``signature_columns`` to a row, each with room to sign and the name when it is
    known (the minutes of NĐ 124/2020 Mẫu 14, two to a row; an internal slip's approvals, three); a last row of fewer
    parties is centred across the page (the certification under a Giấy ủy quyền). A party with no role is an empty
    cell, to set a lone signer on the right."""
    columns = paper.signature_columns
    for index in range(0, len(paper.signatures), columns):
        row = paper.signatures[index : index + columns]
        _paragraph(document, after=6)
        cells = _fixed_table(document, (TEXT_WIDTH / len(row),) * len(row))
        for cell, (role, hint, *name) in zip(cells, row, strict=True):
            if not role:
                continue
            _first(cell, role.upper(), bold=True)
            _paragraph(cell, hint, size=12, italic=True)
            for _ in range(4):
                _paragraph(cell)
            if name:
                _paragraph(cell, name[0], bold=True)


def _page_numbers(section) -> None:
    """The page number centred in the top margin from page 2 on, 13 pt (NĐ 30/2020); none on page 1."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _run(paragraph, "", size=13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _page(document) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_SIZE)
    normal.paragraph_format.space_after = Pt(0)
    _page_numbers(section)


def render(paper: Paper) -> bytes:
    document = Document()
    _page(document)
    _header(document, paper)
    _title(document, paper)
    _body(document, paper)
    if paper.signatures:
        _parties(document, paper)
    else:
        _signature(document, paper)
    # A document ends with a paragraph after its last table: 1 pt high, so that it never makes a page of its own.
    end = _paragraph(document)
    end.paragraph_format.line_spacing_rule, end.paragraph_format.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(1)
    out = BytesIO()
    document.save(out)
    return out.getvalue()
