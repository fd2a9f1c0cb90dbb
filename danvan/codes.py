"""The stable codes of the records: printed on slips, written in the registers' `Mã hồ sơ`, typed by citizens into
the public lookup. A code is its record's prefix, a dash and eight letters a citizen can read out over the phone (no
look-alike characters: 0/O, 1/I). Each kind of record has its own prefix, all kept here so that no two collide."""

import re
import secrets
from collections.abc import Callable

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LENGTH = 8
# The prefix of each kind of record: a visit's receipt (tiếp dân), a petition's (đơn thư), a dialogue or voter meeting
# (hội nghị). The portal never issued a dialogue a code before "HN": the "DT-000123" of the demo registers was a
# dialogue's own reference (Mã hồ sơ), which it keeps.
VISIT_PREFIX = "TD"
PETITION_PREFIX = "DT"
DIALOGUE_PREFIX = "HN"
PREFIXES = (VISIT_PREFIX, PETITION_PREFIX, DIALOGUE_PREFIX)
# A random byte to a letter of the alphabet: 32 letters, 256 % 32 == 0, so every letter is as likely.
_LETTER_OF_BYTE = bytes(ord(ALPHABET[byte % len(ALPHABET)]) for byte in range(256))
# The letters of a code as typed: spaces and the dash left out, any letter or digit (an unknown code finds nothing).
_TYPED = re.compile(rf"([A-Z]{{2}})-?([A-Z0-9]{{{LENGTH}}})")
_LETTERS = re.compile(rf"[{ALPHABET}]{{{LENGTH}}}")


def new_code(prefix: str, *, taken: Callable[[str], bool], length: int = LENGTH) -> str:
    """A random code such as "TD-K7M2Q9XA" that ``taken`` says is not in use yet."""
    while True:
        code = f"{prefix}-" + "".join(secrets.choice(ALPHABET) for _ in range(length))
        if not taken(code):
            return code


def new_codes(prefix: str, count: int, *, taken: Callable[[list[str]], set[str]], length: int = LENGTH) -> list[str]:
    """``count`` distinct random codes like ``new_code``'s, drawn at once: ``taken`` gets the new draws (sorted) and
    returns those of them already in use, which are drawn again."""
    codes: list[str] = []
    drawn_before: set[str] = set()
    while len(codes) < count:
        wanted = count - len(codes)
        letters = secrets.token_bytes(wanted * length).translate(_LETTER_OF_BYTE).decode()
        drawn = {f"{prefix}-{letters[start : start + length]}" for start in range(0, len(letters), length)}
        drawn -= drawn_before
        drawn -= taken(sorted(drawn))
        drawn_before |= drawn
        codes.extend(drawn)
    return codes[:count]


def typed_code(text: str, prefixes: tuple[str, ...] = PREFIXES) -> str | None:
    """A code as typed on a phone ("td k7m2 q9xa", "TDK7M2Q9XA") written as issued ("TD-K7M2Q9XA"), when its prefix is
    one of ``prefixes``; None otherwise."""
    match = _TYPED.fullmatch(re.sub(r"\s", "", text).upper())
    if match is None or match.group(1) not in prefixes:
        return None
    return f"{match.group(1)}-{match.group(2)}"


def is_code(text: str, prefix: str) -> bool:
    """Whether ``text`` is a code of ``prefix`` exactly as the portal issues them."""
    head, dash, letters = text.partition("-")
    return head == prefix and dash == "-" and bool(_LETTERS.fullmatch(letters))


def searched_code(text: str, prefix: str) -> str | None:
    """The code of ``prefix`` a list's search box means: typed whole (with or without the dash) or by its letters
    alone ("k7m2q9xa"); None when the text is no code."""
    bare = re.sub(r"[\s-]", "", text).upper()
    if _LETTERS.fullmatch(bare):
        return f"{prefix}-{bare}"
    return typed_code(text, (prefix,))
