"""A `Don` row as the register import holds it between reading (complaints.importer) and writing
(complaints.importer_write): compact, since a register may hold 100,000 rows."""

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from danvan.sheets.records import CompactRecord


class CaseCells(NamedTuple):
    """What an accepted petition's row says of its case, its decision and what was recovered (a record keeps this, or
    None when the petition was not accepted: 10 values fewer in memory for most of 100,000 rows)."""

    round: str
    repeat_denunciation: bool
    complex: bool
    hotspot: bool
    outcome: str = ""
    resolved_on: date | None = None
    money_due: Decimal | None = None
    land_due: Decimal | None = None
    money_recovered: Decimal | None = None
    land_recovered: Decimal | None = None


class PetitionRecord(CompactRecord):
    """A petition row as read, until it is written: the mapping of plain values the engine wants, kept compact (a dict
    of 18 keys and its six texts as ``str`` took 1.2 KiB a row, twice as much)."""

    FIELDS = ("agency", "date", "source", "signatories", "kind", "field", "anonymous", "processable",
              "in_competence", "handling", "handled_on", "case")  # fmt: skip
    TEXTS = ("reference", "content", "name", "cccd", "address", "phone")
    __slots__ = FIELDS

    agency: int | None
    date: date | None
    source: str
    signatories: int | None
    kind: str
    field: str
    anonymous: bool
    processable: bool | None
    in_competence: bool | None
    handling: str
    handled_on: date | None
    case: CaseCells | None
