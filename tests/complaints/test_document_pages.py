"""Every document of a step prints as LibreOffice lays it out: the expected number of A4 pages, none of them blank,
for a record with every field filled and for one with every optional field empty."""

import pytest

from tests.complaints.document_records import Records
from tests.office import blank_pages, printed_pages, requires_office

pytestmark = [pytest.mark.django_db, requires_office]

# The decision resolving a complaint and the dialogue's minutes (six parties sign) run over two pages; every other
# document holds on one.
PAGES = {"giai-quyet": 2, "bien-ban-doi-thoai": 2}


@pytest.mark.parametrize("filled", [True, False], ids=["every-field-filled", "optional-fields-empty"])
def test_every_document_prints_on_its_pages_with_no_blank_page(
    client, handler_of_ia_grai, committee_of_ia_grai, committee_of_pleiku, filled
):
    client.force_login(handler_of_ia_grai)
    records = Records(committee_of_ia_grai, handler_of_ia_grai, committee_of_pleiku, filled=filled)
    documents = records.documents(client)

    pages = printed_pages({f"{'day-du' if filled else 'trong'}-{name}": docx for name, docx in documents.items()})

    assert {name: (len(printed), blank_pages(printed)) for name, printed in pages.items()} == {
        f"{'day-du' if filled else 'trong'}-{name}": (PAGES.get(name, 1), []) for name in documents
    }
