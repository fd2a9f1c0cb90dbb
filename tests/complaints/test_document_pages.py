"""Every document of a step prints as LibreOffice lays it out: the expected number of A4 pages, none of them blank,
for records with every field filled and with every optional field empty, on the forms before 01/07/2026 and on those
from then on; between them the records print every document of the catalogue."""

import pytest

from complaints.documents import DOCUMENTS
from danvan.models import Role
from tests.complaints.document_records import AFTER_2026, BEFORE_2026, Records
from tests.factories import AgencyFactory, current_unit, member_of
from tests.office import blank_pages, printed_pages, requires_office
from tests.shared_data import built_once

pytestmark = [pytest.mark.django_db, requires_office]

# The decisions resolving a complaint (lần đầu, lần hai) and the dialogue's minutes (six parties sign) run over two
# pages, and so does the decision setting up a denunciation's verification team once its Căn cứ cite the amending law
# and decree (from 01/07/2026); every other document holds on one.
TWO_PAGES = {"giai-quyet", "giai-quyet-lan-hai", "bien-ban-doi-thoai", "bien-ban-doi-thoai-2026"}
TWO_PAGES_FROM_2026 = {"thanh-lap-to-xac-minh"}
SETS = {"day-du": (True, BEFORE_2026), "trong": (False, BEFORE_2026), "day-du-2026": (True, AFTER_2026),
        "trong-2026": (False, AFTER_2026)}  # fmt: skip


def _every_document():
    agency, elsewhere = AgencyFactory(unit=current_unit("23764")), AgencyFactory(unit=current_unit("23575"))
    handler = member_of(agency, Role.HANDLER)
    return {
        name: Records(agency, handler, elsewhere, filled=filled, start=start).documents()
        for name, (filled, start) in SETS.items()
    }


@pytest.fixture(scope="module")
def documents(django_db_setup, django_db_blocker):
    yield from built_once(django_db_blocker, _every_document)


def test_the_records_print_every_document_of_the_catalogue(documents):
    printed = {slug for by_slug in documents.values() for slug in by_slug}

    assert sorted(set(DOCUMENTS) - printed) == []


@pytest.mark.parametrize("name", SETS)
def test_every_document_prints_on_its_pages_with_no_blank_page(documents, name):
    pages = printed_pages({f"{name}-{slug}": docx for slug, docx in documents[name].items()})

    assert {printed: (len(text), blank_pages(text)) for printed, text in pages.items()} == {
        f"{name}-{slug}": (2 if slug in TWO_PAGES or (name.endswith("2026") and slug in TWO_PAGES_FROM_2026) else 1, [])
        for slug in documents[name]
    }
