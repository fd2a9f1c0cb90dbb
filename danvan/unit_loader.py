"""Loads Vietnam's administrative units of both eras and the 2025 old→new mapping from ``fixtures/admin_units/``.

Idempotent: units are matched by level, code and era, so a second run changes nothing, and an admin's edits that the
data does not carry (the remote-area flag) survive a reload.
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from danvan.models import AdminUnit, UnitSuccession
from danvan.structure import forget_structure

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "admin_units"
_TYPE_OF_LABEL = {label: value for value, label in AdminUnit.Type.choices}

PROVINCE, DISTRICT, COMMUNE = AdminUnit.Level.PROVINCE, AdminUnit.Level.DISTRICT, AdminUnit.Level.COMMUNE

Key = tuple[str, str, date | None]  # level, code, valid_from


@dataclass(frozen=True)
class UnitRow:
    level: str
    code: str
    name: str
    type: str
    valid_from: date | None
    valid_to: date | None
    parent: Key | None

    @property
    def key(self) -> Key:
        return (self.level, self.code, self.valid_from)


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    successions_created: int
    # Mapping rows that name a unit the lists do not hold (the conversion names 10 old communes the 2024 list lacks).
    successions_skipped: int


def _read(directory: Path, name: str) -> dict:
    return json.loads((directory / name).read_text(encoding="utf-8"))


def _unit_rows(legacy: dict, current: dict) -> list[UnitRow]:
    old_to = date.fromisoformat(legacy["valid_until"])
    new_from = date.fromisoformat(current["effective"])

    def row(item: dict, level: str, valid_from: date | None, valid_to: date | None, parent: Key | None) -> UnitRow:
        return UnitRow(level, item["code"], item["name"], _TYPE_OF_LABEL[item["type"]], valid_from, valid_to, parent)

    return [
        *(row(p, PROVINCE, None, old_to, None) for p in legacy["provinces"]),
        *(row(d, DISTRICT, None, old_to, (PROVINCE, d["province"], None)) for d in legacy["districts"]),
        *(row(c, COMMUNE, None, old_to, (DISTRICT, c["district"], None)) for c in legacy["communes"]),
        *(row(p, PROVINCE, new_from, None, None) for p in current["provinces"]),
        *(row(c, COMMUNE, new_from, None, (PROVINCE, c["province"], new_from)) for c in current["communes"]),
    ]


def _succession_pairs(legacy: dict, current: dict, conversion: dict) -> dict[tuple[Key, Key], bool]:
    """(old unit, new unit) → whether only part of the old unit went into the new one.

    Districts were abolished: a district went into the new province(s) that its communes went into.
    """
    new_from = date.fromisoformat(current["effective"])
    province_of_new_commune = {c["code"]: c["province"] for c in current["communes"]}
    provinces_of_district: dict[str, set[str]] = defaultdict(set)
    pairs: dict[tuple[Key, Key], bool] = {}
    for old, new_codes in conversion["provinces_old_to_new"].items():
        for new in new_codes:
            pairs[(PROVINCE, old, None), (PROVINCE, new, new_from)] = len(new_codes) > 1
    for old, item in conversion["communes_old_to_new"].items():
        for new in item["new"]:
            pairs[(COMMUNE, old, None), (COMMUNE, new, new_from)] = item["partly"]
            provinces_of_district[item["district"]].add(province_of_new_commune[new])
    for district in legacy["districts"]:
        provinces = provinces_of_district[district["code"]] or set(
            conversion["provinces_old_to_new"][district["province"]]
        )
        for new in provinces:
            pairs[(DISTRICT, district["code"], None), (PROVINCE, new, new_from)] = len(provinces) > 1
    return pairs


@transaction.atomic
def load_admin_units(directory: Path = FIXTURES) -> LoadResult:
    legacy, current = _read(directory, "legacy-2024.json"), _read(directory, "current.json")
    conversion = _read(directory, "conversion-2025.json")
    units = {(u.level, u.code, u.valid_from): u for u in AdminUnit.objects.all()}
    created = updated = 0
    rows = _unit_rows(legacy, current)
    for level in AdminUnit.CODE_WIDTH:  # parents before their children
        to_create, to_update = [], []
        for row in (r for r in rows if r.level == level):
            values = {
                "name": row.name,
                "type": row.type,
                "valid_to": row.valid_to,
                "parent_id": units[row.parent].pk if row.parent else None,
            }
            unit = units.get(row.key)
            if unit is None:
                units[row.key] = unit = AdminUnit(level=row.level, code=row.code, valid_from=row.valid_from, **values)
                to_create.append(unit)
            elif any(getattr(unit, field) != value for field, value in values.items()):
                for field, value in values.items():
                    setattr(unit, field, value)
                to_update.append(unit)
        AdminUnit.objects.bulk_create(to_create, batch_size=2000)
        AdminUnit.objects.bulk_update(to_update, ["name", "type", "valid_to", "parent_id"], batch_size=2000)
        created += len(to_create)
        updated += len(to_update)
    pairs = _succession_pairs(legacy, current, conversion)
    known = {pair: partly for pair, partly in pairs.items() if pair[0] in units and pair[1] in units}
    forget_structure()  # bulk writes send no signal
    return LoadResult(
        created=created,
        updated=updated,
        successions_created=_load_successions(units, known),
        successions_skipped=len(pairs) - len(known),
    )


def _load_successions(units: dict[Key, AdminUnit], pairs: dict[tuple[Key, Key], bool]) -> int:
    existing = {(s.old_id, s.new_id): s for s in UnitSuccession.objects.all()}
    to_create, to_update = [], []
    for (old, new), partly in pairs.items():
        pair = (units[old].pk, units[new].pk)
        succession = existing.get(pair)
        if succession is None:
            to_create.append(UnitSuccession(old_id=pair[0], new_id=pair[1], partly=partly))
        elif succession.partly != partly:
            succession.partly = partly
            to_update.append(succession)
    UnitSuccession.objects.bulk_create(to_create, batch_size=2000)
    UnitSuccession.objects.bulk_update(to_update, ["partly"], batch_size=2000)
    return len(to_create)
