"""Text folded for search that ignores diacritics and case: "Nguyễn Văn A" and "nguyen van a" fold alike."""

import unicodedata

# Đ/đ is a letter of its own, not D with a combining mark, so NFD leaves it whole.
_LETTERS = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTERS))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.lower().split())


def headline(text: str, limit: int = 300) -> str:
    """The first line of a text, cut to ``limit`` characters with an ellipsis: a case's summary from its content."""
    lines = text.strip().splitlines()
    first = lines[0].strip() if lines else ""
    return first[: limit - 1] + "…" if len(first) > limit else first
