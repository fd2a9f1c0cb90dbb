"""`manage.py report … --format json` prints reports.md's contract, counting old units into new ones across 2025."""

import json
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from reports.figures import KEYS
from tests.factories import AgencyFactory, DialogueFactory, VisitFactory, current_unit, legacy_unit


def report(*arguments: str, capsys) -> dict:
    call_command("report", *arguments)
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def old_gia_lai_records(committee_of_old_gia_lai):
    district = AgencyFactory(unit=legacy_unit("622"))
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 5, 6))
    VisitFactory(agency=district, received_on=date(2024, 12, 14), people=3)
    VisitFactory(agency=district, received_on=date(2024, 12, 15))  # the 2025 window
    VisitFactory(agency=district, received_on=date(2023, 6, 1))  # the same period of 2023
    DialogueFactory(agency=district, date=date(2024, 8, 8))
    return committee_of_old_gia_lai


def test_the_json_holds_the_unit_the_period_every_key_and_the_previous_year(old_gia_lai_records, capsys):
    data = report("--unit", "64", "--period", "year", "--year", "2024", "--format", "json", capsys=capsys)

    assert data["unit"] == {"code": "64", "name": "Tỉnh Gia Lai", "level": "province"}
    assert data["period"] == {"kind": "year", "start": "2023-12-15", "end": "2024-12-14"}
    assert list(data["figures"]) == list(KEYS) == list(data["previous"])


def test_the_figures_count_the_province_and_every_unit_under_it_in_the_window(old_gia_lai_records, capsys):
    data = report("--unit", "64", "--period", "year", "--year", "2024", capsys=capsys)

    figures, previous = data["figures"], data["previous"]
    assert (figures["reception.visits"], figures["reception.people"], previous["reception.visits"]) == (2, 4, 1)
    assert (figures["dialogues.total"], figures["dialogues.district"]) == (1, 1)


def test_a_custom_window_is_given_by_its_dates(old_gia_lai_records, capsys):
    data = report("--unit", "64", "--period", "custom", "--from", "01/05/2024", "--to", "31/05/2024", capsys=capsys)

    assert (data["period"]["start"], data["figures"]["reception.visits"]) == ("2024-05-01", 1)


def test_a_window_across_1_july_2025_counts_old_units_into_the_new_province(committee_of_old_gia_lai, capsys):
    new_gia_lai = AgencyFactory(unit=current_unit("52"))
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2025, 3, 3))
    VisitFactory(agency=AgencyFactory(unit=legacy_unit("52")), received_on=date(2025, 5, 5))  # old Bình Định
    VisitFactory(agency=new_gia_lai, received_on=date(2025, 9, 9))

    data = report("--unit", "52", "--period", "year", "--year", "2025", capsys=capsys)

    assert data["unit"]["name"] == "Tỉnh Gia Lai"
    assert data["figures"]["reception.visits"] == 3


def test_an_unknown_unit_is_refused_in_vietnamese(db):
    with pytest.raises(CommandError, match="Không có đơn vị hành chính mã “99”"):
        call_command("report", "--unit", "99", "--period", "year", "--year", "2024")
