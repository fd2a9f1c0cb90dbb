"""The header search (issue 18): what a query typed into the one search box means, and how a kind of record is
searched by it. Each app's selectors search their own records in the user's scope with these pieces; the portal's page
puts the kinds together.

A query is a code (with or without its prefix: the apps know their prefixes), a CCCD (12 digits), or words of a name
that match the beginning of words of the folded name, in any place ("van binh" finds "Nguyễn Văn Bình").
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from danvan.codes import typed_code
from danvan.inputs import ascii_digits
from danvan.lookups import Ids
from danvan.models import Citizen
from danvan.models.citizens import CCCD_DIGITS
from danvan.text import fold

RESULTS_PER_KIND = 10
# Up to this many citizens named by the query, their records are few (some 8 of each kind a citizen): the database
# reads them by the list of ids and sorts them (``Matching.few``). Beyond it the name is common, and the database reads
# the records latest first until it meets enough of them. It is never left to guess how many citizens a name matches.
NAMED_CITIZENS_LISTED = 2000
_WORD = re.compile(r"\w+")
_CCCD = re.compile(rf"[0-9]{{{CCCD_DIGITS}}}")


@dataclass(frozen=True)
class Matching:
    """The records a query matches beside its code, and whether they are ``few`` (those of a short list of citizens).
    Few are sorted whole by the database: asked for the latest ten in the order of an index, it would walk that index
    until it met ten of them, reading for a rare name most of the table (it takes them for evenly spread)."""

    condition: Q
    few: bool = False


@dataclass(frozen=True)
class SearchQuery:
    """A query of at least two characters (the page's form checks it)."""

    text: str

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The folded words of the query, for names: "Nguyễn-Văn" gives ("nguyen", "van"); none for a code with its
        prefix, which is no name."""
        if typed_code(self.text):
            return ()
        return tuple(_WORD.findall(fold(self.text)))

    @cached_property
    def cccd(self) -> str | None:
        """The CCCD the query is, spaces left out, its digits written 0–9 whatever script they were typed in."""
        bare = ascii_digits(re.sub(r"\s", "", self.text))
        return bare if _CCCD.fullmatch(bare) else None

    def words_of(self, field: str) -> Q | None:
        """``field`` (a folded text) has a word beginning with each word of the query; None when the query has no
        word (only symbols). A regular expression per word: PostgreSQL's trigram index serves it in one scan, where
        "starts with, or contains after a space" took two."""
        if not self.words:
            return None
        condition = Q()
        for word in self.words:
            condition &= Q(**{f"{field}__regex": rf"(^| ){re.escape(word)}"})
        return condition

    @cached_property
    def _citizen_ids(self) -> list[int] | None:
        """The citizens named by the query when they are few (none for a CCCD or a name nobody has); None when the
        name is common."""
        if self.cccd:
            return list(Citizen.objects.filter(cccd=self.cccd).values_list("pk", flat=True))
        named = self.words_of("search_name")
        if named is None:
            return []
        ids = list(Citizen.objects.filter(named).values_list("pk", flat=True)[: NAMED_CITIZENS_LISTED + 1])
        return ids if len(ids) <= NAMED_CITIZENS_LISTED else None

    def citizen(self, field: str = "citizen", *, unless: Q | None = None) -> Matching | None:
        """Records whose ``field`` is a citizen the query names, by CCCD or by name, and not ``unless``; None when
        nobody is named."""
        ids = self._citizen_ids
        if ids == []:
            return None
        if ids is None:
            named = Q(**{f"{field}__in": Citizen.objects.filter(self.words_of("search_name")).values("pk")})
        else:
            named = Q(**{f"{field}__any_of": Ids(ids)})
        return Matching(named & ~unless if unless else named, few=ids is not None)


def found(queryset: QuerySet, *, exact: Q | None, matching: Matching | None, latest: Sequence[str]) -> list:
    """The records of ``queryset`` that are ``exact`` (a code: one record) first, then those ``matching``, latest
    first by the date fields ``latest`` (the most significant first, never null; then the id), at most
    ``RESULTS_PER_KIND`` in all; either may be None (nothing to look for)."""
    records = list(queryset.filter(exact)[:RESULTS_PER_KIND]) if exact is not None else []
    wanted = RESULTS_PER_KIND - len(records)
    if matching is None or wanted <= 0:
        return records
    rest = queryset.filter(matching.condition).exclude(pk__in=[record.pk for record in records])
    first, *others = latest
    # Few records are sorted by their ids and dates alone (a covering index holds them), then only the latest read
    # whole; their first date is written as an expression that no index holds (the same order: it is never null).
    newest = Coalesce(first, Value(date.min)) if matching.few else F(first)
    order = (newest.desc(), *(f"-{name}" for name in (*others, "pk")))
    if matching.few:
        rest = queryset.filter(pk__in=rest.order_by(*order).values("pk")[:wanted])
    return records + list(rest.order_by(*order)[:wanted])
