"""Citizens as every feature meets them: the details typed at a desk or on a petition, the citizen they register, and
the citizens of a register import's rows (found by CCCD, or one per name and address in the file)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError

from danvan.inputs import ascii_digits
from danvan.models import Citizen
from danvan.models.citizens import CCCD_DIGITS, is_cccd
from danvan.sheets.inserts import chunks, insert_rows
from danvan.sheets.registry import Record
from danvan.sheets.rows import Row
from danvan.text import fold

# What a register import sets of each citizen it creates, in this order; every other field takes its default.
_INSERTED_FIELDS = ("full_name", "search_name", "cccd", "address", "phone")


@dataclass(frozen=True)
class CitizenDetails:
    full_name: str
    cccd: str = ""
    birth_date: date | None = None
    gender: str = ""
    address: str = ""
    phone: str = ""

    def __post_init__(self) -> None:
        # The CCCD as the one CCCD rule reads it, before it is looked up: digits 0–9 whatever script they were typed in.
        object.__setattr__(self, "cccd", ascii_digits(self.cccd).replace(" ", ""))


def register_citizen(*, details: CitizenDetails, citizen: Citizen | None = None) -> Citizen:
    """The citizen at the desk: the one picked, else the one with this CCCD, else a new one.

    Updated with what was typed; a value left empty never erases one already known.
    """
    if citizen is None and details.cccd:
        citizen = Citizen.objects.filter(cccd=details.cccd).first()
    if citizen is None:
        citizen = Citizen()
    elif details.cccd and citizen.cccd and details.cccd != citizen.cccd:
        raise ValidationError({"cccd": "Công dân đã chọn có số CCCD khác; hãy kiểm tra lại hoặc bỏ chọn công dân."})
    for field, value in vars(details).items():
        if value not in ("", None):
            setattr(citizen, field, value)
    citizen.full_clean(validate_unique=True)
    citizen.save()
    return citizen


def read_cccd(row: Row, column: str = "Số CCCD") -> str:
    """A CCCD number: 12 digits; a bare number that lost its leading zero in Excel gets it back."""
    value = row.raw(column)
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        value = f"{int(value):0{CCCD_DIGITS}d}"
    text = ascii_digits(str(value)).replace(" ", "")
    if not is_cccd(text):
        row.error(column, f"Số CCCD “{value}” phải gồm đúng {CCCD_DIGITS} chữ số.")
        return ""
    return text


def citizens_of(records: list[Record], identity: Callable[[Record], tuple]) -> list[int]:
    """The citizen of each record, by position: found by CCCD, or created once per CCCD, or once per name and address
    when there is no CCCD. ``identity(record)`` gives (name, cccd, address) or (name, cccd, address, phone)."""
    identities = [identity(record) for record in records]
    keys = [("cccd", cccd) if cccd else ("name", fold(name), fold(address)) for name, cccd, address, *_ in identities]
    ids: dict[tuple, int] = {}
    for chunk in chunks(sorted({key[1] for key in keys if key[0] == "cccd"})):
        found = Citizen.objects.filter(cccd__in=chunk).values_list("cccd", "pk")
        ids.update((("cccd", cccd), pk) for cccd, pk in found)
    wanted: dict[tuple, tuple] = {}
    for key, person in zip(keys, identities, strict=True):
        if key not in ids:
            wanted.setdefault(key, person)
    rows = (
        (name, fold(name), cccd or None, address, "".join(phone)) for name, cccd, address, *phone in wanted.values()
    )
    ids.update(zip(wanted, insert_rows(Citizen, _INSERTED_FIELDS, rows), strict=True))
    return [ids[key] for key in keys]
