"""The layout of every document (Nghị định 30/2020/NĐ-CP, Phụ lục I), read back from the .docx."""

from io import BytesIO

from docx import Document
from docx.oxml.ns import qn

from complaints.paper import Line, Paper, Signer, Style, render

PAPER = Paper(
    parent="UBND xã Ia Grai",
    agency="Thanh tra xã Ia Grai",
    number="Số: 12/QĐ-TTr",
    dated="Ia Grai, ngày 05 tháng 02 năm 2026",
    kind="QUYẾT ĐỊNH",
    subject="Về việc giải quyết khiếu nại (lần đầu)",
    authority_line="CHÁNH THANH TRA XÃ IA GRAI",
    bases=["Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;"],
    body=[Line("QUYẾT ĐỊNH:", Style.CENTRED), Line("Điều 1. Giữ nguyên quyết định.")],
    signer=Signer(authority="KT. CHÁNH THANH TRA", title="PHÓ CHÁNH THANH TRA", name="Trần Văn Ký"),
    recipients=["Như Điều 4", "Lưu: VT, hồ sơ"],
)


def document():
    return Document(BytesIO(render(PAPER)))


def texts(cell) -> list[str]:
    return [paragraph.text for paragraph in cell.paragraphs if paragraph.text]


def has_bottom_rule(paragraph) -> bool:
    return paragraph._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None


def test_the_page_is_a4_with_the_decrees_margins():
    section = document().sections[0]

    sizes = (section.page_width, section.page_height, section.top_margin, section.bottom_margin)
    sizes += (section.left_margin, section.right_margin)

    assert [round(size.mm) for size in sizes] == [210, 297, 20, 20, 30, 15]


def test_the_header_sets_the_bodies_left_and_the_national_name_and_motto_right_each_in_one_paragraph():
    left, right = document().tables[0].rows[0].cells

    assert texts(left) == ["UBND XÃ IA GRAI", "THANH TRA XÃ IA GRAI", "Số: 12/QĐ-TTr"]
    assert texts(right) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ia Grai, ngày 05 tháng 02 năm 2026",
    ]
    assert (round(left.width.mm), round(right.width.mm)) == (63, 102)


def test_the_national_name_is_12_pt_bold_the_motto_13_pt_bold_the_date_13_pt_italic():
    right = document().tables[0].rows[0].cells[1]
    runs = [paragraph.runs[0] for paragraph in right.paragraphs if paragraph.text]

    assert [(run.font.size.pt, bool(run.bold), bool(run.italic)) for run in runs] == [
        (12, True, False), (13, True, False), (13, False, True),
    ]  # fmt: skip


def test_a_rule_stands_under_the_issuing_body_under_the_motto_and_under_the_subject():
    paper = document()
    left, right = paper.tables[0].rows[0].cells

    assert [has_bottom_rule(p) for p in left.paragraphs] == [False, False, True, False]
    assert [has_bottom_rule(p) for p in right.paragraphs] == [False, False, True, False]
    assert [p.text for p in paper.paragraphs if has_bottom_rule(p)] == [""]


def test_the_signature_block_has_the_authority_the_title_and_the_name_beside_the_recipients():
    recipients, signature = document().tables[1].rows[0].cells

    assert texts(recipients) == ["Nơi nhận:", "- Như Điều 4;", "- Lưu: VT, hồ sơ."]
    assert texts(signature) == ["KT. CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA", "Trần Văn Ký"]


def test_an_article_opens_with_its_number_in_bold():
    article = next(p for p in document().paragraphs if p.text.startswith("Điều 1."))

    assert [(run.text, bool(run.bold)) for run in article.runs] == [
        ("Điều 1.", True),
        (" Giữ nguyên quyết định.", False),
    ]


def test_the_page_number_is_in_the_header_from_page_two():
    section = document().sections[0]

    assert (section.different_first_page_header_footer, "PAGE" in section.header._element.xml) == (True, True)
