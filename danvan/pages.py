"""What every list and download page shares: one page size and paginator, and the download that takes data out of
the portal — as an attachment, recorded in the audit log (``danvan.audit.Export``)."""

import mimetypes
from collections.abc import Callable, Sequence
from tempfile import SpooledTemporaryFile
from typing import IO, Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from danvan.audit import Export, audit_export

PAGE_SIZE = 50
PAGE_PARAMETER = "trang"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# A download up to this size stays in memory; a larger one goes to a temporary file.
XLSX_IN_MEMORY = 16 * 1024 * 1024


def paginate(
    request: HttpRequest, items: QuerySet | Sequence[Any], *, size: int = PAGE_SIZE, parameter: str = PAGE_PARAMETER
) -> Page:
    """The page of ``items`` the request asks for in ``parameter``; a page out of range or not a number gives the
    nearest valid one, never an error."""
    return Paginator(items, size).get_page(request.GET.get(parameter))


def download(
    content: bytes | IO[bytes], filename: str, content_type: str, *, export: Export
) -> HttpResponse | FileResponse:
    """``content`` (bytes, or an open file the response streams and closes once sent) as an attachment, its export
    logged: every download of records, registers, reports and documents goes through here."""
    if isinstance(content, bytes):
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    else:
        response = FileResponse(content, as_attachment=True, filename=filename, content_type=content_type)
    audit_export(export, filename)
    return response


def stored_download(stored: FieldFile, filename: str, *, export: Export) -> FileResponse:
    """An uploaded file (a scan, minutes) as an attachment named ``filename``, typed by its extension (which its content
    was checked against on upload, ``danvan.uploads``), its download logged."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return download(stored.open("rb"), filename, content_type, export=export)


def xlsx_download(write: Callable[[IO[bytes]], Any], filename: str, *, export: Export) -> FileResponse:
    """A workbook written by ``write(out)`` as an attachment: streamed from memory or, when large, a temporary file."""
    workbook = SpooledTemporaryFile(max_size=XLSX_IN_MEMORY)  # noqa: SIM115 - the response closes it once sent
    write(workbook)
    workbook.seek(0)
    return download(workbook, filename, XLSX, export=export)
