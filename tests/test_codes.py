"""The stable codes of visits, petitions and dialogues (danvan.codes)."""

import pytest

from danvan.codes import (
    ALPHABET,
    DIALOGUE_PREFIX,
    PETITION_PREFIX,
    PREFIXES,
    VISIT_PREFIX,
    is_code,
    new_codes,
    searched_code,
    typed_code,
)


def test_visits_petitions_and_dialogues_have_distinct_prefixes():
    assert (len(set(PREFIXES)), (VISIT_PREFIX, PETITION_PREFIX, DIALOGUE_PREFIX)) == (3, ("TD", "DT", "HN"))


def test_codes_drawn_at_once_are_distinct_and_none_of_those_in_use():
    in_use = set()

    def taken(codes):
        found = set() if in_use else set(codes[:2])  # two of the first draw are in use: drawn again
        in_use.update(found)
        return found

    codes = new_codes("DT", 50, taken=taken)

    assert (len(codes), len(set(codes)), set(codes) & in_use) == (50, 50, set())
    assert len(in_use) == 2
    assert all(code[:3] == "DT-" and len(code) == 11 and set(code[3:]) <= set(ALPHABET) for code in codes)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("dt k7m2 q9xa", "DT-K7M2Q9XA"),
        ("TDK7M2Q9XA", "TD-K7M2Q9XA"),
        ("HN-K7M2Q9XA", "HN-K7M2Q9XA"),
        ("XX-K7M2Q9XA", None),
        ("DT-K7M2Q9X", None),
    ],
)
def test_a_code_typed_on_a_phone_reads_as_issued(typed, expected):
    assert typed_code(typed) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("TD-K7M2Q9XA", True), ("TD-000123", False), ("TD-K7M2Q9X0", False), ("DT-K7M2Q9XA", False)]
)
def test_only_a_code_as_issued_with_its_prefix_is_a_code(text, expected):
    assert is_code(text, "TD") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("k7m2q9xa", "TD-K7M2Q9XA"), ("K7M2-Q9XA", "TD-K7M2Q9XA"), ("td k7m2q9xa", "TD-K7M2Q9XA"), ("đất", None)],
)
def test_a_list_search_finds_a_code_typed_without_its_prefix(text, expected):
    assert searched_code(text, "TD") == expected
