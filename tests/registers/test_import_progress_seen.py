"""The page of an import job sees its progress while the rows are written, though they are written in one transaction
that commits only at the end (PostgreSQL: SQLite takes one writer at a time). The test commits what it arranges
(``transaction=True``), and the country is loaded again after it."""

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections

from danvan.sheets import registry
from registers import jobs
from registers.models import RegisterImport
from tests.registers.test_visits_sheet import visit_row, visits_book

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("country_loaded_again"),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time"),
]


def as_the_page_reads_it(job_id: int) -> tuple[int, int]:
    """The job's progress read over another connection (the page's), as committed."""
    seen = []

    def read() -> None:
        try:
            seen.append(RegisterImport.objects.values_list("rows_done", "rows_total").get(pk=job_id))
        finally:
            connections.close_all()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    return seen[0]


def test_the_page_sees_each_row_written_before_the_import_commits(committee_of_ia_grai, monkeypatch):
    monkeypatch.setattr(registry, "WRITTEN_EVERY", 1)
    book = visits_book(visit_row(), visit_row(), visit_row())
    job = RegisterImport.objects.create(
        file=SimpleUploadedFile("so.xlsx", book.getvalue()), filename="so.xlsx", status=RegisterImport.Status.WRITING
    )
    seen_while_writing = []
    import_workbook = jobs.import_workbook

    def watched(*arguments, progress, **options):
        def told(done: int, total: int) -> None:
            progress(done, total)
            if connection.in_atomic_block:
                seen_while_writing.append(as_the_page_reads_it(job.pk))

        return import_workbook(*arguments, progress=told, **options)

    monkeypatch.setattr(jobs, "import_workbook", watched)

    jobs.run(job.pk, write=True)

    assert seen_while_writing == [(4, 6), (5, 6), (6, 6), (6, 6), (6, 6)]
