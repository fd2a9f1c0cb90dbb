"""The header search (issue 18): what a query typed into the one search box means, and how a kind of record is
searched by it. Each app's selectors search their own records in the user's scope with these pieces; the portal's page
puts the kinds together.

A query is a code (with or without its prefix: the apps know their prefixes), a CCCD (12 digits), or words of a name
that match the beginning of words of the folded name, in any place ("van binh" finds "Nguyễn Văn Bình").
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q, QuerySet

from danvan.codes import typed_code
from danvan.models import Citizen
from danvan.models.citizens import CCCD_DIGITS
from danvan.text import fold

RESULTS_PER_KIND = 10
# Up to this many citizens named by the query, their records are fetched by a list of ids (the citizen index, then a
# sort of their few records); beyond it the name is common, and the records are read latest first until enough are
# found. Either way the database does not have to guess how many citizens a name matches.
NAMED_CITIZENS_LISTED = 200
_WORD = re.compile(r"\w+")
_CCCD = re.compile(rf"[0-9]{{{CCCD_DIGITS}}}")


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
        """The CCCD the query is, spaces left out (ASCII digits only: other scripts' digits are no CCCD)."""
        bare = re.sub(r"\s", "", self.text)
        return bare if _CCCD.fullmatch(bare) else None

    def words_of(self, field: str) -> Q | None:
        """``field`` (a folded text) has a word beginning with each word of the query; None when the query has no
        word (only symbols)."""
        if not self.words:
            return None
        condition = Q()
        for word in self.words:
            condition &= Q(**{f"{field}__startswith": word}) | Q(**{f"{field}__contains": f" {word}"})
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

    def citizen(self, field: str = "citizen") -> Q | None:
        """Records whose ``field`` is a citizen the query names, by CCCD or by name; None when nobody is."""
        ids = self._citizen_ids
        if ids == []:
            return None
        if ids is not None:
            return Q(**{f"{field}__in": ids})
        return Q(**{f"{field}__in": Citizen.objects.filter(self.words_of("search_name")).values("pk")})


def found(queryset: QuerySet, *, exact: Q | None, matching: Q | None, order: Sequence[str]) -> list:
    """The records of ``queryset`` that are ``exact`` (a code: one record) first, then those ``matching`` in
    ``order``, at most ``RESULTS_PER_KIND`` in all; each condition may be None (nothing to look for)."""
    records = list(queryset.filter(exact)[:RESULTS_PER_KIND]) if exact is not None else []
    if matching is not None and len(records) < RESULTS_PER_KIND:
        rest = queryset.filter(matching).exclude(pk__in=[record.pk for record in records]).order_by(*order)
        records += rest[: RESULTS_PER_KIND - len(records)]
    return records
