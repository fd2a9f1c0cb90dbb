"""What an uploaded file is, read from its content and never from its name alone: an HTML page renamed "bien-ban.pdf" is
refused. Every upload field checks its files here (a petition's scans, the denouncer's documents kept with them, a
dialogue's minutes).

A file is what its extension names when it begins with that type's signature: a PDF with ``%PDF-``, a PNG, JPEG or TIFF
image with theirs, a legacy Word document (.doc) with the OLE compound file's; a .docx is a zip whose
``[Content_Types].xml`` gives the main part of a Word document, and holds that part."""

import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.core.files import File

# Enough of [Content_Types].xml for any real document; a larger one (a zip bomb's) is not read further.
CONTENT_TYPES_MAX_BYTES = 256 * 1024
_CONTENT_TYPES = "[Content_Types].xml"
_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# What a broken or hostile zip raises while its parts are read.
_UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError, NotImplementedError)


@dataclass(frozen=True)
class FileType:
    label: str
    holds: Callable[[IO[bytes]], bool]


def _begins_with(*signatures: bytes) -> Callable[[IO[bytes]], bool]:
    def holds(file: IO[bytes]) -> bool:
        return file.read(max(map(len, signatures))).startswith(signatures)

    return holds


def _office(main_type: str) -> Callable[[IO[bytes]], bool]:
    """An Office Open XML package whose main part has ``main_type``."""

    def holds(file: IO[bytes]) -> bool:
        try:
            with zipfile.ZipFile(file) as package:
                with package.open(_CONTENT_TYPES) as listing:
                    root = ElementTree.fromstring(listing.read(CONTENT_TYPES_MAX_BYTES))
                parts = set(package.namelist())
        except (*_UNREADABLE, KeyError, zlib.error, ElementTree.ParseError):
            return False
        return any(
            override.get("ContentType") == main_type and override.get("PartName", "").lstrip("/") in parts
            for override in root.iter(_OVERRIDE)
        )

    return holds


_PDF = FileType("PDF", _begins_with(b"%PDF-"))
_JPEG = FileType("ảnh JPEG", _begins_with(b"\xff\xd8\xff"))
_PNG = FileType("ảnh PNG", _begins_with(b"\x89PNG\r\n\x1a\n"))
_TIFF = FileType("ảnh TIFF", _begins_with(b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"))
_DOC = FileType("văn bản Word (.doc)", _begins_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
_DOCX = FileType("văn bản Word (.docx)", _office(_WORD_MAIN))

TYPES = {
    "pdf": _PDF,
    "jpg": _JPEG,
    "jpeg": _JPEG,
    "png": _PNG,
    "tif": _TIFF,
    "tiff": _TIFF,
    "doc": _DOC,
    "docx": _DOCX,
}


def extension_of(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def is_what_its_name_says(file: File) -> bool:
    """Whether ``file``'s content is of the type its extension names (``TYPES``); False for an extension not there."""
    file_type = TYPES.get(extension_of(file.name or ""))
    if file_type is None:
        return False
    file.seek(0)
    try:
        return file_type.holds(file)
    finally:
        file.seek(0)


class FileTypeValidator:
    """A form field's validator: refuses a file whose extension is not among ``extensions`` (with ``message``, where
    ``{name}`` is the file's name), or whose content is not what its extension names."""

    def __init__(self, extensions: Sequence[str], *, message: str) -> None:
        unknown = set(extensions) - set(TYPES)
        if unknown:
            raise ValueError(f"No content check for {sorted(unknown)}.")
        self.extensions = frozenset(extensions)
        self.message = message

    def __call__(self, file: File) -> None:
        name = PurePath(file.name or "").name
        extension = extension_of(name)
        if extension not in self.extensions:
            raise ValidationError(self.message.format(name=name), code="invalid_extension")
        if not is_what_its_name_says(file):
            raise ValidationError(
                f"Tệp “{name}” mang đuôi .{extension} nhưng nội dung không phải "
                f"{TYPES[extension].label}: tệp đã bị đổi tên hoặc bị hỏng. Hãy chọn đúng tệp.",
                code="invalid_content",
            )
