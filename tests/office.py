"""Documents as LibreOffice prints them: .docx converted to PDF with LibreOffice headless (soffice), each page's text
read with poppler's pdftotext. Tests that use it are skipped, saying so, where either is not installed (outside CI);
set DOCUMENT_PDF_DIR to keep the PDFs and look at them."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

SOFFICE, PDFTOTEXT = shutil.which("soffice"), shutil.which("pdftotext")
# In CI (.ci/run installs both) a missing one fails the tests instead of skipping them.
requires_office = pytest.mark.skipif(
    not (SOFFICE and PDFTOTEXT) and "CI" not in os.environ,
    reason="LibreOffice (soffice) or poppler-utils (pdftotext) is not installed here: "
    "apt-get install libreoffice-writer-nogui poppler-utils to check the documents' pages",
)


def printed_pages(documents: dict[str, bytes], suffix: str = "docx") -> dict[str, list[str]]:
    """The text of each printed page of each document (a .docx, or another ``suffix``: xlsx), by name; all converted
    by one LibreOffice run."""
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        sources = []
        for name, content in documents.items():
            sources.append(here / f"{name}.{suffix}")
            sources[-1].write_bytes(content)
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{here}/profile", "--headless", "--convert-to", "pdf",
             "--outdir", str(here), *map(str, sources)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        pages = {}
        for name in documents:
            pdf = here / f"{name}.pdf"
            if keep := os.environ.get("DOCUMENT_PDF_DIR"):
                shutil.copy(pdf, keep)
            text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
            pages[name] = text.stdout.split("\f")[:-1]  # pdftotext ends every page with a form feed
        return pages


def blank_pages(pages: list[str]) -> list[int]:
    """The numbers of the pages that print nothing but a page number."""
    return [number for number, text in enumerate(pages, start=1) if text.strip() in ("", str(number))]
