"""An uploaded file is checked by its content, not its name: each accepted type passes, a page or an archive renamed to
one of them is refused with a message saying so."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from danvan.uploads import TYPES, FileTypeValidator

EVERY_TYPE = FileTypeValidator(sorted(TYPES), message="Không nhận loại tệp “{name}”.")
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
SHEET_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def _word_document() -> bytes:
    out = io.BytesIO()
    document = Document()
    document.add_paragraph("Biên bản đối thoại")
    document.save(out)
    return out.getvalue()


def _package(main_type: str, part: str, *, with_part: bool = True) -> bytes:
    listing = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/{part}" ContentType="{main_type}"/></Types>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", listing)
        if with_part:
            package.writestr(part, "<document/>")
    return out.getvalue()


def _refusal(name: str, content: bytes) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        EVERY_TYPE(SimpleUploadedFile(name, content))
    return refused.value.messages


GOOD = {
    "bien-ban.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    "anh.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "anh.JPEG": b"\xff\xd8\xff\xe1\x00\x10Exif\x00",
    "anh.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "quet.tif": b"II*\x00\x08\x00\x00\x00",
    "quet.tiff": b"MM\x00*\x00\x00\x00\x08",
    "bien-ban.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 24,
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_a_file_of_each_accepted_type_passes(name):
    upload = SimpleUploadedFile(name, GOOD[name])

    EVERY_TYPE(upload)

    assert upload.read() == GOOD[name]  # read again from its start, as storage saves it


def test_a_word_document_passes():
    EVERY_TYPE(SimpleUploadedFile("bien-ban.docx", _word_document()))


def test_an_html_page_named_pdf_is_refused():
    assert _refusal("bien-ban.pdf", HTML) == [
        "Tệp “bien-ban.pdf” mang đuôi .pdf nhưng nội dung không phải PDF: tệp đã bị đổi tên hoặc bị hỏng. "
        "Hãy chọn đúng tệp."
    ]


def test_a_zip_named_docx_without_a_word_document_is_refused():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("index.html", HTML)

    assert _refusal("bien-ban.docx", archive.getvalue()) == [
        "Tệp “bien-ban.docx” mang đuôi .docx nhưng nội dung không phải văn bản Word (.docx): tệp đã bị đổi tên hoặc "
        "bị hỏng. Hãy chọn đúng tệp."
    ]


def test_a_workbook_named_docx_is_refused():
    assert len(_refusal("bien-ban.docx", _package(SHEET_MAIN, "xl/workbook.xml"))) == 1


def test_a_package_that_names_a_word_document_it_does_not_hold_is_refused():
    assert len(_refusal("bien-ban.docx", _package(WORD_MAIN, "word/document.xml", with_part=False))) == 1


def test_a_package_holding_its_word_document_passes():
    EVERY_TYPE(SimpleUploadedFile("bien-ban.docx", _package(WORD_MAIN, "word/document.xml")))


def test_a_truncated_zip_named_docx_is_refused():
    assert len(_refusal("bien-ban.docx", _word_document()[:200])) == 1


def test_a_pdf_named_png_is_refused():
    assert len(_refusal("anh.png", GOOD["bien-ban.pdf"])) == 1


def test_an_empty_file_is_refused():
    assert len(_refusal("bien-ban.pdf", b"")) == 1


def test_an_extension_not_accepted_is_refused_with_the_field_s_message():
    assert _refusal("bien-ban.html", HTML) == ["Không nhận loại tệp “bien-ban.html”."]


def test_a_validator_for_a_type_with_no_content_check_cannot_be_made():
    with pytest.raises(ValueError):
        FileTypeValidator(["pdf", "exe"], message="")
