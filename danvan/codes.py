"""Receipt codes that a citizen can read out over the phone: no look-alike characters (0/O, 1/I)."""

import secrets
from collections.abc import Callable

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# A random byte to a letter of the alphabet: 32 letters, 256 % 32 == 0, so every letter is as likely.
_LETTER_OF_BYTE = bytes(ord(ALPHABET[byte % len(ALPHABET)]) for byte in range(256))


def new_code(prefix: str, *, taken: Callable[[str], bool], length: int = 8) -> str:
    """A random code such as "TD-K7M2Q9XA" that ``taken`` says is not in use yet."""
    while True:
        code = f"{prefix}-" + "".join(secrets.choice(ALPHABET) for _ in range(length))
        if not taken(code):
            return code


def new_codes(prefix: str, count: int, *, taken: Callable[[list[str]], set[str]], length: int = 8) -> list[str]:
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
