"""Receipt codes that a citizen can read out over the phone: no look-alike characters (0/O, 1/I)."""

import secrets
from collections.abc import Callable

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_code(prefix: str, *, taken: Callable[[str], bool], length: int = 8) -> str:
    """A random code such as "TD-K7M2Q9XA" that ``taken`` says is not in use yet."""
    while True:
        code = f"{prefix}-" + "".join(secrets.choice(ALPHABET) for _ in range(length))
        if not taken(code):
            return code
