"""The import's progress follows the rows read and then the new rows written, so the bar moves while writing."""

import pytest

from danvan.sheets import registry
from registers.importer import import_workbook
from tests.registers.test_visits_sheet import visit_row, visits_book

pytestmark = pytest.mark.django_db


def test_the_progress_follows_the_rows_read_then_each_new_row_written(committee_of_ia_grai, monkeypatch):
    monkeypatch.setattr(registry, "WRITTEN_EVERY", 1)
    told = []

    import_workbook(
        visits_book(visit_row(), visit_row(), visit_row()), by=None, progress=lambda *step: told.append(step)
    )

    assert told == [(4, 6), (5, 6), (6, 6), (6, 6), (6, 6), (6, 6)]


def test_a_check_without_writing_ends_at_the_rows_read(committee_of_ia_grai):
    told = []

    import_workbook(
        visits_book(visit_row(), visit_row()), by=None, write=False, progress=lambda *step: told.append(step)
    )

    assert told == [(2, 2)]
