"""The reference data an import resolves its codes against, loaded once: units of both eras by code, agencies by kind
at a unit. A row's unit code is resolved by the row's date (registers.md)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from danvan.models import AdminUnit, Agency
from danvan.selectors import level_of_code
from danvan.sheets.vocabulary import AGENCY_KINDS
from danvan.validity import within


@dataclass(frozen=True, slots=True)
class UnitEntry:
    pk: int
    parent: int | None
    level: str
    valid_from: date | None
    valid_to: date | None

    def valid_on(self, on: date) -> bool:
        return within(on, self.valid_from, self.valid_to)


class Lookups:
    def __init__(self) -> None:
        self._units: dict[str, list[UnitEntry]] = defaultdict(list)
        self.units: dict[int, UnitEntry] = {}
        for pk, code, parent, level, valid_from, valid_to in AdminUnit.objects.values_list(
            "pk", "code", "parent", "level", "valid_from", "valid_to"
        ).iterator(chunk_size=5000):
            entry = UnitEntry(pk, parent, level, valid_from, valid_to)
            self._units[code].append(entry)
            self.units[pk] = entry
        self._agencies: dict[tuple[int, str], int] = {}
        for pk, unit, kind in Agency.objects.filter(kind__in=list(AGENCY_KINDS)).values_list("pk", "unit", "kind"):
            self._agencies.setdefault((unit, kind), pk)

    def unit(self, code: str, on: date) -> UnitEntry | None:
        """The unit ``code`` names on ``on``, the code's width giving its level."""
        level = level_of_code(code)
        return next((unit for unit in self._units.get(code, ()) if unit.level == level and unit.valid_on(on)), None)

    def agency(self, unit: int, kind: str) -> int | None:
        return self._agencies.get((unit, kind))

    def agency_at_or_above(self, unit: int, kind: str) -> int | None:
        """The agency of ``kind`` at ``unit`` or, when the unit has none (a delegation sits only at the province), at
        the nearest unit above it."""
        current: int | None = unit
        while current is not None:
            agency = self._agencies.get((current, kind))
            if agency is not None:
                return agency
            current = self.units[current].parent
        return None
