"""Whether two records are likely the same matter of the same person: a petition written again (đơn trùng), a visit
about what the citizen came about a few days before. Every app's duplicate warnings use these."""

import re

from django.db.models import Q

from danvan.models import Citizen
from danvan.text import fold

# Two contents are alike when at least half of all their words are shared (Jaccard index of the folded word sets).
ALIKE_CONTENT = 0.5
_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(fold(text)))


def content_overlap(a: str, b: str) -> float:
    """How alike two contents are: the share of their distinct words (ignoring case and diacritics) they have in
    common, from 0 (none) to 1 (the same words)."""
    words_a, words_b = _words(a), _words(b)
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / len(words_a | words_b)


def same_person(a: Citizen, b: Citizen) -> bool:
    """One citizen record, the same CCCD, or — without CCCD on either — the same name at the same address. A citizen
    only typed (not saved) is one record with none."""
    if a.pk is not None and a.pk == b.pk:
        return True
    if a.cccd and b.cccd:
        return a.cccd == b.cccd
    address = fold(a.address)
    return fold(a.full_name) == fold(b.full_name) and bool(address) and address == fold(b.address)


def person_q(person: Citizen, prefix: str = "citizen__") -> Q:
    """The records ``same_person`` may find to be of ``person`` (saved or only typed): by the citizen record, the CCCD
    or the folded name; ``same_person`` then decides."""
    condition = Q(**{f"{prefix}search_name": fold(person.full_name)})
    if person.cccd:
        condition |= Q(**{f"{prefix}cccd": person.cccd})
    if person.pk is not None:
        condition |= Q(**{f"{prefix}pk": person.pk})
    return condition
