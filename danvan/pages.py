"""What every list and download page shares: one page size and paginator, and the streamed Excel download."""

from collections.abc import Callable, Sequence
from tempfile import SpooledTemporaryFile
from typing import IO, Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest

PAGE_SIZE = 50
PAGE_PARAMETER = "trang"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A download up to this size stays in memory; a larger one goes to a temporary file.
XLSX_IN_MEMORY = 16 * 1024 * 1024


def paginate(
    request: HttpRequest, items: QuerySet | Sequence[Any], *, size: int = PAGE_SIZE, parameter: str = PAGE_PARAMETER
) -> Page:
    """The page of ``items`` the request asks for in ``parameter``; a page out of range or not a number gives the
    nearest valid one, never an error."""
    return Paginator(items, size).get_page(request.GET.get(parameter))


def xlsx_download(write: Callable[[IO[bytes]], Any], filename: str) -> FileResponse:
    """A workbook written by ``write(out)`` as an attachment: streamed from memory or, when large, a temporary file."""
    workbook = SpooledTemporaryFile(max_size=XLSX_IN_MEMORY)  # noqa: SIM115 - the response closes it once sent
    write(workbook)
    workbook.seek(0)
    return FileResponse(workbook, as_attachment=True, filename=filename, content_type=XLSX)
