from datetime import date

import pytest

from danvan.models import Citizen
from danvan.models.citizens import cccd_contradiction
from danvan.text import fold, headline


def test_folding_drops_diacritics_the_letter_d_stroke_and_case():
    assert fold("  Nguyễn   Văn ĐẠT ") == "nguyen van dat"


@pytest.mark.parametrize(
    ("cccd", "birth_date", "gender", "contradicts"),
    [
        ("064090001234", date(1990, 5, 17), "male", False),
        ("064190001234", date(1990, 5, 17), "female", False),
        ("064205001234", date(2005, 1, 2), "male", False),
        ("064305001234", date(2005, 1, 2), "female", False),
        ("064090001234", date(1991, 5, 17), "male", True),
        ("064090001234", date(1990, 5, 17), "female", True),
        ("064290001234", date(1990, 5, 17), "male", True),
        ("064090001234", None, "", False),
    ],
)
def test_a_cccd_is_checked_against_the_birth_year_century_and_gender(cccd, birth_date, gender, contradicts):
    assert cccd_contradiction(cccd, birth_date, gender) is contradicts


def test_a_cccd_shows_only_its_last_three_digits_in_lists():
    assert Citizen(cccd="064090001234").masked_cccd == "*********234"


def test_a_headline_is_the_first_line_cut_with_an_ellipsis():
    assert (headline("  Tranh chấp đất\nchi tiết"), headline("x" * 301)) == ("Tranh chấp đất", "x" * 299 + "…")
