"""The layout every administrative document shares (Nghị định 30/2020/NĐ-CP), written as an editable .docx:
the issuing agency and the national motto side by side, number and date, title, body, recipients and signature."""

from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt

FONT = "Times New Roman"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass
class Paper:
    agency: str
    number: str
    place: str
    on: date | None
    title: str
    subtitle: str
    body: list[str]
    signer_title: str
    recipients: list[str] = field(default_factory=list)
    signer_name: str = ""
    headings: frozenset[int] = frozenset()  # the body's paragraphs that are headings: bold, not indented


def _paragraph(container, text: str = "", *, bold=False, italic=False, size=13, align=WD_ALIGN_PARAGRAPH.LEFT):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(3)
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
    return paragraph


def _dated(place: str, on: date | None) -> str:
    if on is None:
        return f"{place}, ngày      tháng      năm"
    # NĐ 30/2020: days below 10 and the months January and February take a leading zero.
    day = f"{on.day:02d}"
    month = f"{on.month:02d}" if on.month <= 2 else str(on.month)
    return f"{place}, ngày {day} tháng {month} năm {on.year}"


def render(paper: Paper) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    document.styles["Normal"].font.name = FONT
    document.styles["Normal"].font.size = Pt(13)

    head = document.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = head.rows[0].cells
    center = WD_ALIGN_PARAGRAPH.CENTER
    left.paragraphs[0].text = ""
    _paragraph(left, paper.agency.upper(), bold=True, size=12, align=center)
    _paragraph(left, paper.number, size=13, align=center)
    _paragraph(right, NATION, bold=True, size=12, align=center)
    _paragraph(right, MOTTO, bold=True, size=13, align=center)
    _paragraph(right, _dated(paper.place, paper.on), italic=True, size=13, align=center)

    _paragraph(document)
    _paragraph(document, paper.title, bold=True, size=14, align=center)
    if paper.subtitle:
        _paragraph(document, paper.subtitle, bold=True, size=13, align=center)
    _paragraph(document)
    for index, text in enumerate(paper.body):
        heading = index in paper.headings
        body = _paragraph(document, text, bold=heading, align=WD_ALIGN_PARAGRAPH.JUSTIFY).paragraph_format
        body.first_line_indent = Mm(0 if heading else 10)
        body.keep_with_next = heading  # a heading never ends a page
    if paper.body:
        body.keep_with_next = True  # the signature never stands on a page without text above it

    foot = document.add_table(rows=1, cols=2)
    # The recipients and the signature stay together: split across pages, the signature's blank lines made a page of
    # their own.
    foot.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    recipients, signature = foot.rows[0].cells
    _paragraph(recipients, "Nơi nhận:", bold=True, italic=True, size=12)
    for recipient in paper.recipients:
        _paragraph(recipients, f"- {recipient};", size=11)
    _paragraph(signature, paper.signer_title.upper(), bold=True, align=center)
    _paragraph(signature, "(Ký, ghi rõ họ tên, đóng dấu)", italic=True, size=12, align=center)
    for _ in range(4):
        _paragraph(signature)
    _paragraph(signature, paper.signer_name, bold=True, align=center)

    out = BytesIO()
    document.save(out)
    return out.getvalue()
