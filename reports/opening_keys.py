"""One vocabulary for the opening figures: which summary figures (docs/reports.md, "Summary figures") are made of which
keyable columns of each circular's forms, where the column counts exactly what the summary key counts (the same
records under the same conditions: reception.figures, complaints.figures). An opening figure keyed into such a column
is added to those summary figures too, so the report page, the JSON and the narrative say what the forms say.

Left out on purpose, as the definitions differ: cases (a case received in two ways is one case of
``reception.cases`` but one in each way's column), the head's days (TT 06/2025 counts days, the summary sessions),
petitions outside competence (TT 06/2025 counts urging with forwarding), the resolution and enforcement columns
(matters and decisions where the summary counts cases).

An opening's column is read in the circular in force at its last day (``reports.circulars.circular_for``); the
forms of the other circular take it in the column that counts the same summary figure alone (``columns_in``), so a
year whose first months were keyed on the old forms adds them to the new ones too.
"""

from datetime import date
from functools import cache

from reports.circulars import TT01_2024, TT06_2025, circular_for


def _columns(form: str, *numbers: int) -> tuple[str, ...]:
    return tuple(f"{form}:{number}" for number in numbers)


SUMMARY_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    TT01_2024: {
        "reception.visits": _columns("01/TCD", 4, 13, 22),
        "reception.people": _columns("01/TCD", 5, 14, 23),
        "reception.groups": _columns("01/TCD", 8, 17, 26),
        "reception.group_people": _columns("01/TCD", 9, 18, 27),
        "reception.regular.visits": _columns("01/TCD", 4),
        "reception.regular.people": _columns("01/TCD", 5),
        "reception.head.sessions": _columns("01/TCD", 12),
        "reception.head.visits": _columns("01/TCD", 13),
        "reception.head.people": _columns("01/TCD", 14),
        "reception.delegated.sessions": _columns("01/TCD", 21),
        "reception.delegated.visits": _columns("01/TCD", 22),
        "reception.delegated.people": _columns("01/TCD", 23),
        "petitions.received": _columns("01/XLD", 3),
        "petitions.carried_over": _columns("01/XLD", 2),
        "petitions.to_handle": _columns("01/XLD", 2, 3),
        "petitions.handled": _columns("01/XLD", 4),
        "petitions.unhandled": _columns("01/XLD", 5),
        "petitions.processable": _columns("01/XLD", 6),
        "petitions.complaints": _columns("02/XLD", 3),
        "petitions.denunciations": _columns("03/XLD", 3),
        "petitions.recommendations": _columns("04/XLD", 3),
        "petitions.in_competence": _columns("01/XLD", 15, 16, 17),
        "petitions.in_competence.complaints": _columns("01/XLD", 15),
        "petitions.in_competence.denunciations": _columns("01/XLD", 16),
        "petitions.in_competence.recommendations": _columns("01/XLD", 17),
        "petitions.guided": _columns("01/XLD", 19),
        "petitions.forwarded": _columns("01/XLD", 20),
        "petitions.urged": _columns("01/XLD", 21),
    },
    TT06_2025: {
        "reception.visits": _columns("01/TCD", 5, 11, 17),
        "reception.people": _columns("01/TCD", 6, 12, 18),
        "reception.groups": _columns("01/TCD", 8, 14, 20),
        "reception.group_people": _columns("01/TCD", 9, 15, 21),
        "reception.regular.visits": _columns("01/TCD", 5),
        "reception.regular.people": _columns("01/TCD", 6),
        "reception.head.visits": _columns("01/TCD", 11),
        "reception.head.people": _columns("01/TCD", 12),
        "reception.delegated.visits": _columns("01/TCD", 17),
        "reception.delegated.people": _columns("01/TCD", 18),
        "petitions.to_handle": _columns("02/XLD", 1),
        "petitions.handled": _columns("02/XLD", 2),
        "petitions.processable": _columns("02/XLD", 3),
        "petitions.in_competence": _columns("02/XLD", 4),
        "petitions.in_competence.complaints": _columns("02/XLD", 6),
        "petitions.in_competence.denunciations": _columns("02/XLD", 12),
        "petitions.in_competence.recommendations": _columns("02/XLD", 19),
    },
}


@cache
def _keys_by_column(circular: str) -> dict[str, tuple[str, ...]]:
    keys: dict[str, tuple[str, ...]] = {}
    for key, codes in SUMMARY_COLUMNS[circular].items():
        for code in codes:
            keys[code] = (*keys.get(code, ()), key)
    return keys


def summary_keys_of(code: str, end: date) -> tuple[str, ...]:
    """The summary keys an opening figure of column ``code`` keyed for days ending on ``end`` adds to: "01/TCD:5" of
    a TT 06/2025 month → ("reception.visits", "reception.regular.visits"); none for a column of no summary key."""
    return _keys_by_column(circular_for(end)).get(code, ())


def columns_in(circular: str, code: str, end: date) -> tuple[str, ...]:
    """The columns of ``circular``'s forms that an opening of column ``code`` keyed for days ending on ``end`` adds
    to: the column itself in its own circular; in the other, the columns that count by themselves a summary figure the
    opening's column makes ("01/TCD:4" of a TT 01/2024 month, regular visits, is 01/TCD:5 of TT 06/2025), none where
    no such column exists."""
    own = circular_for(end)
    if own == circular:
        return (code,)
    targets = (SUMMARY_COLUMNS[circular].get(key, ()) for key in _keys_by_column(own).get(code, ()))
    return tuple(sorted({columns[0] for columns in targets if len(columns) == 1}))


def mapped_columns() -> set[str]:
    """Every column code that some circular maps to a summary key."""
    return {code for circular in SUMMARY_COLUMNS for code in _keys_by_column(circular)}
