"""A CCCD typed or imported in another script's digits (full-width "０６４…" from a Japanese or Chinese keyboard,
Arabic-Indic "٠٦٤…") is the same number: it is written 0–9 before it is checked, looked up and stored, so that it
never passes as a second citizen beside the one stored in ASCII digits."""

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from complaints.models import Source
from complaints.services.intake import receive_petition
from danvan.citizens import CitizenDetails, read_cccd
from danvan.models import Citizen, Classification, Role
from danvan.search import SearchQuery
from danvan.sheets.rows import Layout, Row
from tests.factories import CitizenFactory, VisitFactory, staff_with_role
from tests.reception.test_desk import visit_form

pytestmark = pytest.mark.django_db

ASCII = "064090001234"
FULL_WIDTH = "０６４０９０００１２３４"
ARABIC_INDIC = "٠٦٤٠٩٠٠٠١٢٣٤"


def test_a_cccd_typed_in_full_width_digits_at_the_desk_finds_the_citizen_stored_in_ascii(client, committee_of_ia_grai):
    known = CitizenFactory(cccd=ASCII)
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))

    client.post(reverse("reception:desk"), visit_form(committee_of_ia_grai, cccd=FULL_WIDTH))

    assert list(Citizen.objects.values_list("pk", "cccd")) == [(known.pk, ASCII)]


def test_a_petition_signed_with_an_arabic_indic_cccd_stores_it_in_ascii_digits(committee_of_ia_grai):
    handler = staff_with_role(committee_of_ia_grai, Role.HANDLER)

    petition = receive_petition(
        agency=committee_of_ia_grai, by=handler, received_on=date(2026, 3, 2), source=Source.POST,
        kind=Classification.COMPLAINT, content="Khiếu nại quyết định thu hồi đất",
        details=CitizenDetails(full_name="Nguyễn Văn Khiếu", cccd=ARABIC_INDIC),
    )  # fmt: skip

    assert petition.citizen.cccd == ASCII


def test_a_cccd_of_superscript_digits_is_refused():
    with pytest.raises(ValidationError):
        Citizen(full_name="Nguyễn Văn An", cccd="²" * 12).full_clean()


def test_the_desk_lookup_finds_a_citizen_by_the_beginning_of_a_full_width_cccd(client, committee_of_ia_grai):
    citizen = VisitFactory(agency=committee_of_ia_grai, citizen__cccd=ASCII).citizen
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))

    response = client.post(reverse("reception:citizen-lookup"), {"cccd": FULL_WIDTH[:6]})

    assert list(response.context["matches"]) == [citizen]


def test_the_header_search_reads_a_cccd_in_arabic_indic_digits():
    assert SearchQuery(f"{ARABIC_INDIC[:6]} {ARABIC_INDIC[6:]}").cccd == ASCII


def test_a_register_reads_a_cccd_in_full_width_digits():
    layout = Layout("TiepCongDan", 1, {"so cccd": 0}, [("Số CCCD", False)])
    row = Row(layout, 2, [FULL_WIDTH], [])

    assert (read_cccd(row), row.problems) == (ASCII, [])


def test_a_cccd_stored_in_full_width_digits_is_written_in_ascii_by_the_migration():
    citizen = CitizenFactory()
    Citizen.objects.filter(pk=citizen.pk).update(cccd=FULL_WIDTH)

    import_module("danvan.migrations.0021_citizen_cccd_ascii_digits").write_cccds_in_ascii_digits(apps, None)

    assert Citizen.objects.get(pk=citizen.pk).cccd == ASCII


def test_the_migration_leaves_a_typed_cccd_whose_number_another_citizen_has():
    CitizenFactory(cccd=ASCII)
    typed = CitizenFactory()
    Citizen.objects.filter(pk=typed.pk).update(cccd=FULL_WIDTH)

    import_module("danvan.migrations.0021_citizen_cccd_ascii_digits").write_cccds_in_ascii_digits(apps, None)

    assert Citizen.objects.get(pk=typed.pk).cccd == FULL_WIDTH
