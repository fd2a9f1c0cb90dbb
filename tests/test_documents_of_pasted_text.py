"""A text pasted from Word carries its line break (\\x0b) and stray control characters (\\x01), which a .docx cannot
hold: a record stored with them before they were refused still gives its documents (a line break for Word's), and the
report's narrative typed with them downloads."""

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from danvan.models import Role
from reports.periods import window
from reports.services import save_sections
from tests.complaints.test_document_contents import text_of
from tests.factories import PetitionFactory, staff_with_role

pytestmark = pytest.mark.django_db

PASTED = "Đề nghị xem xét việc cấp đất\x0bcho hộ ông A\x01."


def test_a_petition_stored_with_words_control_characters_gives_its_receipt(client, committee_of_ia_grai):
    petition = PetitionFactory(agency=committee_of_ia_grai, content=PASTED)
    client.force_login(staff_with_role(committee_of_ia_grai, Role.HANDLER))

    response = client.get(reverse("complaints:petition-document", args=[petition.pk, "giay-bien-nhan"]))

    assert "Nội dung đơn: Đề nghị xem xét việc cấp đất\ncho hộ ông A." in text_of(response.content)


def test_the_narrative_typed_with_words_control_characters_downloads(client, committee_of_gia_lai):
    reporter = staff_with_role(committee_of_gia_lai, Role.REPORTER)
    client.force_login(reporter)
    posted = {"unit": committee_of_gia_lai.unit.pk, "period": "year", "year": 2026, "section-IV": PASTED}

    response = client.post(reverse("reports:narrative-docx"), posted)

    texts = [p.text for p in Document(BytesIO(response.content)).paragraphs]
    line = texts.index("Đề nghị xem xét việc cấp đất")
    assert texts[line : line + 2] == ["Đề nghị xem xét việc cấp đất", "cho hộ ông A."]  # Word's line break: a new line


def test_the_narrative_of_a_section_stored_with_control_characters_downloads(client, committee_of_gia_lai):
    reporter = staff_with_role(committee_of_gia_lai, Role.REPORTER)
    save_sections(unit=committee_of_gia_lai.unit, window=window("year", year=2026), texts={"IV": PASTED}, by=reporter)
    client.force_login(reporter)

    response = client.post(reverse("reports:narrative-docx"), {"unit": committee_of_gia_lai.unit.pk, "period": "year",
                                                               "year": 2026})  # fmt: skip

    texts = [p.text for p in Document(BytesIO(response.content)).paragraphs]
    assert "Đề nghị xem xét việc cấp đất\ncho hộ ông A." in texts
