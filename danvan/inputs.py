"""What a request may name: an id typed in a form or a query is ASCII digits within a big integer's range; anything
else (other scripts' digits that pass ``str.isdigit``, such as "²" or "٣", a number past the database's range) names
nothing, so the page answers 404 or ignores it instead of failing."""

# A bigint holds every number of up to 18 digits.
MAX_ID_DIGITS = 18


def id_in(value: object) -> int | None:
    """The id ``value`` names, or None."""
    text = "" if value is None else str(value).strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= MAX_ID_DIGITS else None
