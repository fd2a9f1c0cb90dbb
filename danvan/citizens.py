"""Citizens as every feature meets them: the details typed at a desk or on a petition, the citizen they register (whose
stored details they never change), and the citizens of a register import's rows (found by CCCD, or one per name and
address in the file)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError

from danvan.inputs import ascii_digits
from danvan.models import Citizen, GivenDetails, Staff
from danvan.models.citizens import CCCD_DIGITS, is_cccd
from danvan.scope import citizens_seen_by
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


@dataclass(frozen=True)
class Registration:
    """The citizen of a new record, and whether they are known elsewhere: found by the CCCD typed outside the sight
    of the staff recording it, so that the record keeps the details as given (``GivenDetails``) and shows those."""

    citizen: Citizen
    known_elsewhere: bool = False


PICKED_ELSEWHERE = "Công dân đã chọn không thuộc phạm vi của bạn: hãy tìm lại công dân hoặc bỏ chọn."
# Outside the sight is not always another agency: a denouncer (kept in the vault) is outside their own agency's.
KNOWN_ELSEWHERE = (
    "Công dân đã có trong hệ thống: số CCCD này đã được ghi nhận trong hồ sơ ngoài phạm vi bạn được xem. Hồ sơ được "
    "gắn với công dân đó và giữ thông tin như vừa khai; thông tin đã lưu của công dân không hiển thị và không thay đổi."
)


def register_citizen(*, details: CitizenDetails, by: Staff | None, citizen: Citizen | None = None) -> Registration:
    """The citizen of a new record: the one picked (within ``by``'s sight), else the one with the CCCD typed, else a
    new one with the details typed. ``by`` None is the portal itself, which sees every citizen.

    A citizen found keeps their stored details: only a correction with its reason changes them (``CITIZEN`` in
    reception.corrections), never logging a visit or a petition. What was typed differently is the caller's to show
    (``typed_notices``). One found by CCCD outside ``by``'s sight is ``known_elsewhere``.
    """
    seen = citizens_seen_by(by) if by is not None else Citizen.objects.all()
    if citizen is not None:
        if not seen.filter(pk=citizen.pk).exists():
            raise ValidationError({"citizen": PICKED_ELSEWHERE})
        if details.cccd and citizen.cccd and details.cccd != citizen.cccd:
            raise ValidationError({"cccd": "Công dân đã chọn có số CCCD khác; hãy kiểm tra lại hoặc bỏ chọn công dân."})
        return Registration(citizen)
    found = Citizen.objects.filter(cccd=details.cccd).first() if details.cccd else None
    if found is not None:
        return Registration(found, known_elsewhere=not seen.filter(pk=found.pk).exists())
    citizen = Citizen(**vars(details) | {"cccd": details.cccd or None})
    citizen.full_clean()
    citizen.save()
    return Registration(citizen)


def known_elsewhere(cccd: str, staff: Staff) -> bool:
    """Whether ``cccd`` belongs to a citizen outside ``staff``'s sight: what the desk and the intake say, without a
    field of theirs, while the officer types."""
    if not is_cccd(cccd) or not Citizen.objects.filter(cccd=cccd).exists():
        return False
    return not citizens_seen_by(staff).filter(cccd=cccd).exists()


def cccds_known_elsewhere(cccds: Iterable[str], by: Staff | None) -> set[str]:
    """Those of ``cccds`` that belong to a citizen outside ``by``'s sight, before a register import links its rows to
    them: each such row keeps the details as given, as ``register_citizen`` has a record do. None for the portal
    itself."""
    if by is None:
        return set()
    elsewhere: set[str] = set()
    for chunk in chunks(sorted({cccd for cccd in cccds if cccd})):
        on_record = dict(Citizen.objects.filter(cccd__in=chunk).values_list("pk", "cccd"))
        seen = set(citizens_seen_by(by).filter(pk__in=on_record).values_list("pk", flat=True))
        elsewhere.update(cccd for pk, cccd in on_record.items() if pk not in seen)
    return elsewhere


def differences(details: CitizenDetails, citizen: Citizen) -> list[str]:
    """The labels of the details typed (not left empty) that differ from ``citizen``'s stored ones."""
    return [
        str(Citizen._meta.get_field(name).verbose_name)
        for name, value in vars(details).items()
        if value not in ("", None) and value != (getattr(citizen, name) or "")
    ]


def typed_notices(details: CitizenDetails | None, record: GivenDetails) -> list[str]:
    """What the officer is told of the citizen once ``record`` is saved from ``details``: that the citizen is known
    elsewhere, or which details typed were not stored (the stored ones stay, to be corrected with a reason)."""
    if record.citizen is None or details is None:
        return []
    if record.known_elsewhere:
        return [KNOWN_ELSEWHERE]
    if changed := differences(details, record.citizen):
        return [
            f"Thông tin vừa nhập khác thông tin đã lưu của công dân ({', '.join(changed)}): thông tin đã lưu được giữ "
            "nguyên. Nếu thông tin đã lưu chưa đúng, hãy dùng “Sửa công dân” (ghi lý do) trên trang hồ sơ."
        ]
    return []


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
