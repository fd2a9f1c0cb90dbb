"""What a page offers that an app above the page's own provides: a visit's documents, the printed reception book.
The app declares its offers in its ``AppConfig.ready()``, as the register sheets are declared (danvan.sheets.registry),
and the page lists them without importing that app."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Offer:
    """A link a page shows: what it is, where it goes, a note after it (when the document was made), and where to
    make it again (a POST), if it can be."""

    label: str
    url: str
    note: str = ""
    again_url: str = ""


# place → providers; a provider takes the request and the page's record (None on a list) and returns its offers.
_PROVIDERS: dict[str, list[Callable[[HttpRequest, object], list[Offer]]]] = defaultdict(list)


def provide(place: str, provider: Callable[[HttpRequest, object], list[Offer]]) -> None:
    """Declares ``provider``'s offers on the pages of ``place`` (e.g. "reception.visit")."""
    if provider not in _PROVIDERS[place]:
        _PROVIDERS[place].append(provider)


def offers(place: str, request: HttpRequest, subject: object = None) -> list[Offer]:
    """Every offer the apps provide on this page, in the order they declared them."""
    return [offer for provider in _PROVIDERS[place] for offer in provider(request, subject)]
