"""The fast insert the `Don` sheet writes with: keys in the order of the rows, the other fields at their defaults."""

from datetime import date

import pytest

from danvan.models import Citizen
from danvan.sheets import inserts
from danvan.sheets.inserts import insert_rows

pytestmark = pytest.mark.django_db


def test_the_keys_come_back_in_the_order_of_the_rows_and_the_other_fields_take_their_defaults(monkeypatch):
    monkeypatch.setattr(inserts, "ROWS_PER_STATEMENT", 2)  # several statements
    monkeypatch.setattr(inserts, "COPY_ROWS", 2)
    rows = [(f"Người {number}", f"nguoi {number}", date(1990, 1, number)) for number in range(1, 6)]

    keys = insert_rows(Citizen, ("full_name", "search_name", "birth_date"), rows)

    citizens = Citizen.objects.in_bulk(keys)
    assert [(citizens[key].full_name, citizens[key].birth_date) for key in keys] == [
        (name, born) for name, _, born in rows
    ]
    assert {(citizen.cccd, citizen.gender, citizen.phone) for citizen in citizens.values()} == {(None, "", "")}
    assert all(citizen.created_at is not None for citizen in citizens.values())
