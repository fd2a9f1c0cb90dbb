"""The narrative report as LibreOffice prints it: every page carries text, the signature is never alone."""

import pytest
from django.urls import reverse

from danvan.models import Role
from reports.docx import narrative_docx
from reports.outline import Part
from tests.factories import staff_with_role
from tests.office import blank_pages, printed_pages, requires_office
from tests.reports.test_narrative import GIA_LAI, YEAR_2024

pytestmark = requires_office


@pytest.mark.django_db
def test_the_whole_narrative_prints_without_a_blank_page(client, committee_of_gia_lai):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.REPORTER))

    docx = client.post(
        reverse("reports:narrative-docx"), {"unit": committee_of_gia_lai.unit.pk, "period": "year", "year": 2026}
    )

    pages = printed_pages({"bao-cao": docx.content})["bao-cao"]
    assert (blank_pages(pages), "CHỦ TỊCH" in pages[-1]) == ([], True)


@pytest.mark.parametrize("lines", [range(12, 30)])
def test_wherever_the_body_ends_no_page_is_blank_and_the_signature_keeps_a_line_of_text(lines):
    documents = {
        f"{count}-dong": narrative_docx(GIA_LAI, YEAR_2024, [Part(f"Dòng số {n} của báo cáo.") for n in range(count)])
        for count in lines
    }

    pages = printed_pages(documents)

    assert {name: blank_pages(printed) for name, printed in pages.items()} == {name: [] for name in documents}
    assert [name for name, printed in pages.items() if "Dòng số" not in printed[-1]] == []
