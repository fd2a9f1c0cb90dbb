"""Reads of the header search (issue 18) for the complaints app: petitions and accepted cases within the user's scope,
found by their code or by the CCCD or name of their petitioner; never a denouncer, whose identity is confidential."""

import re

from django.db.models import Q

from complaints.models import Petition
from complaints.rules import RECEIPT_PREFIX
from complaints.selectors import accepted_cases_in, petitions_in
from danvan.codes import searched_code
from danvan.lookups import Scope
from danvan.models import Case, Classification
from danvan.search import SearchQuery, found

# A case's code is "VV" and its number (VV1234); the number alone is the code without its prefix.
_CASE_CODE = re.compile(r"(?:VV)?\s*([0-9]{1,9})", re.IGNORECASE)
_DENUNCIATION = Q(kind=Classification.DENUNCIATION)
# A petition whose citizen is known elsewhere shows them as given: found by the citizen's stored name, it would tell it.
_NOT_NAMED = _DENUNCIATION | ~Q(given_name="")


def case_number(text: str) -> int | None:
    """The number of the case code ``text`` is ("VV1234", "vv 1234", "1234"); None when it is none."""
    match = _CASE_CODE.fullmatch(text.strip())
    return int(match.group(1)) if match else None


def petitions_found(scope: Scope, query: SearchQuery) -> list[Petition]:
    """Petitions of ``scope`` (received or forwarded there): the one of the receipt code (its letters are enough), then
    those of the citizen the query names, latest first."""
    code = searched_code(query.text, RECEIPT_PREFIX)
    return found(
        petitions_in(scope).select_related("agency", "citizen"),
        exact=Q(receipt_code=code) if code else None,
        matching=query.citizen(unless=_NOT_NAMED),
        latest=("received_on",),
    )


def cases_found(scope: Scope, query: SearchQuery) -> list[Case]:
    """Accepted cases of ``scope``: the one of the code, then those of the citizen the query names, latest accepted
    first."""
    number = case_number(query.text)
    return found(
        accepted_cases_in(scope).select_related(None).select_related("agency", "citizen"),
        exact=Q(pk=number) if number else None,
        matching=query.citizen(unless=_DENUNCIATION),
        latest=("accepted_on",),
    )
