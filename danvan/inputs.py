"""What a request may name or carry, checked once for the whole portal (the forms apply it to every field through
``danvan.forms.Form``; a view that reads a parameter itself goes through the function of its kind):

- an id is ASCII digits within a big integer's range; anything else (other scripts' digits that pass ``str.isdigit``,
  such as "²" or "٣", a number past the database's range) names nothing, so the page answers 404 or ignores it;
- a number typed in a form fits the database's integer column (PostgreSQL's ``integer``, the narrower of the two
  databases, refuses 10¹² where SQLite would store it);
- a date lies within the portal's days: not before 01/01/1945, the year the state whose agencies use the portal was
  founded, and not after 31/12/2100 (the last year a report may be asked for); a birth date not before 01/01/1900 and
  not after today;
- text carries no control character: the ones Word pastes (its line break \\x0b, page break \\x0c) become line breaks,
  the others are dropped, since a .docx, a workbook or PostgreSQL refuses them; in a one-line field (a name, an
  address) a line break becomes a space, as its box shows no second line; NUL is refused in a form and dropped from a
  search; what was stored before is made printable where a document or workbook is written;
- a CCCD (and the last digits a citizen types to look a petition up) is read in ASCII digits, whatever digits it was
  typed in (full-width "０６４…", Arabic-Indic "٠٦٤…"), before it is checked, looked up or stored.
"""

import unicodedata
from datetime import date

# A bigint holds every number of up to 18 digits.
MAX_ID_DIGITS = 18
# PostgreSQL's ``integer``: the column of every count and number the forms take.
SMALLEST_NUMBER, LARGEST_NUMBER = -(2**31), 2**31 - 1

EARLIEST_DAY = date(1945, 1, 1)
LATEST_DAY = date(2100, 12, 31)
EARLIEST_BIRTH = date(1900, 1, 1)

NUL = "\x00"
# Every C0 control character (NUL too) but tab, line feed and carriage return, and DEL: dropped; Word's vertical tab
# (its line break, Shift+Enter) and form feed (its page break) become a line break.
_CONTROLS = {code: None for code in (*range(0x20), 0x7F) if chr(code) not in "\t\n\r"} | {0x0B: "\n", 0x0C: "\n"}


def id_in(value: object) -> int | None:
    """The id ``value`` names, or None."""
    text = "" if value is None else str(value).strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= MAX_ID_DIGITS else None


def printable(text: str) -> str:
    """``text`` without control characters, as a .docx, a workbook and PostgreSQL take it."""
    return text.translate(_CONTROLS)


def one_line(text: str) -> str:
    """``text`` printable, its line breaks (Word's too) made spaces: what a one-line box holds."""
    return " ".join(printable(text).splitlines())


def text_in(value: object) -> str:
    """A text a view reads from a request itself (a search, a lookup), printable and stripped."""
    return "" if value is None else printable(str(value)).strip()


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of any script written 0–9 ("０６４" and "٠٦٤" become "064")."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(char)) if unicodedata.decimal(char, None) is not None else char for char in text
    )
