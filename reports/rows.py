"""The rows of a statutory form (reports.md): the unit's direct children, then the unit's own agencies, then a total
row. Each row stands for a set of agencies, and every agency of the unit's area (``reports.figures.agencies_of``) lies
in exactly one row, so a form's rows add up to what the report's figures count.

A window that crosses 01/07/2025 reports on a unit of the two-tier structure, whose area also holds the units of the
earlier era that went into it (``UnitSuccession``). Their agencies go where the records went:

- an old commune's agencies go into the row of the new commune it went into; an old commune split between several
  new communes goes into the first of them (by code) within the area, as its records cannot be divided;
- an old province's agencies (and an old commune's, in the report of the new commune it went into) go into the row of
  the unit's agency of the same kind when that kind is one per unit (Ủy ban nhân dân, cấp ủy, Hội đồng nhân dân, …)
  and the unit has one: Ủy ban nhân dân tỉnh Gia Lai carries the old Gia Lai's and the old Bình Định's committees;
- the agencies of abolished units with no such counterpart — all the district level (its units were abolished, its
  successions point at whole provinces), the old provinces' departments — make one row per level after the unit's own
  agencies: "Cấp huyện (trước 01/07/2025)", "Cấp tỉnh (trước 01/07/2025)". Their records are neither dropped nor put
  on an agency that did not hold them.

Building the rows takes four queries whatever the number of units; they are kept in the cache per unit while the
units, successions and agencies stay as they are (``danvan.structure``).
"""

from dataclasses import dataclass, field
from enum import StrEnum

from danvan.models import AdminUnit, Agency, UnitSuccession
from danvan.selectors import units_under
from danvan.structure import kept_for_unit
from danvan.validity import REFORM

_KIND_ORDER = {kind: position for position, kind in enumerate(Agency.Kind.values)}
_LEVEL_ORDER = {level: position for position, level in enumerate(AdminUnit.Level.values)}


class RowKind(StrEnum):
    CHILD = "child"  # a direct child unit and everything under it
    AGENCY = "agency"  # one of the unit's own agencies
    LEGACY = "legacy"  # agencies of abolished units with no new unit or agency to go into


@dataclass(frozen=True)
class ReportRow:
    """One row of a unit's forms: a unit under it, one of its own agencies, or the units of the earlier era."""

    label: str
    kind: RowKind
    agency_ids: tuple[int, ...] = field(default=(), repr=False)
    unit: AdminUnit | None = field(default=None, repr=False, compare=False)  # a child row's unit


@dataclass(frozen=True)
class Rows:
    """The rows of a unit's forms, in order; the total row is not one of them (it is their sum)."""

    unit: AdminUnit
    rows: tuple[ReportRow, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    @property
    def agency_ids(self) -> list[int]:
        return [pk for row in self.rows for pk in row.agency_ids]


def legacy_label(level: str) -> str:
    return f"{AdminUnit.Level(level).label} (trước {REFORM:%d/%m/%Y})"


@dataclass(frozen=True)
class _Place:
    """A unit as the rows place it: itself, its parent and its parent's parent (read as values, not models: a
    province's area has a thousand agencies)."""

    pk: int
    level: str
    parent: int | None
    grandparent: int | None


@dataclass(frozen=True)
class _Agency:
    pk: int
    kind: str
    name: str
    unit: _Place


def _places_under(unit: AdminUnit) -> dict[int, tuple[str, _Place]]:
    """Each unit under ``unit`` in its own era, ``unit`` included, with its code and its place (the grandparent of
    ``unit`` itself is left out: no row reads it)."""
    units = {
        pk: (code, level, parent)
        for pk, code, level, parent in units_under(unit).order_by().values_list("pk", "code", "level", "parent_id")
    }
    return {
        pk: (code, _Place(pk, level, parent, units[parent][2] if parent in units else None))
        for pk, (code, level, parent) in units.items()
    }


def rows_of(unit: AdminUnit) -> Rows:
    """The rows of ``unit``'s forms: its direct children by code, its own agencies by kind and name, then the rows of
    the abolished units' agencies that have nowhere else to go (see the module's docstring). Read from the cache when
    they were built already for the structure as it stands."""
    return kept_for_unit("rows", unit.pk, lambda: _build(unit))


def _build(unit: AdminUnit) -> Rows:
    children = list(AdminUnit.objects.filter(parent=unit).order_by("code"))
    under = _places_under(unit)
    # The units of the earlier era that went into those under ``unit`` (the rest of its area, as ``area_of`` draws
    # it), each with the units it went into, by code.
    successors: dict[int, list[_Place]] = {}
    successions = UnitSuccession.objects.filter(new_id__any_of=list(under)).values_list("old_id", "new_id")
    for old, new in sorted(successions, key=lambda pair: (under[pair[1]][0], pair[1])):
        successors.setdefault(old, []).append(under[new][1])
    # An agency of the earlier era is never under ``unit``: its unit's parents play no part.
    agencies = [
        _Agency(pk, kind, name, under[unit_id][1] if unit_id in under else _Place(unit_id, level, None, None))
        for pk, kind, name, unit_id, level in Agency.objects.filter(unit_id__any_of=[*under, *successors])
        .order_by("pk")
        .values_list("pk", "kind", "name", "unit_id", "unit__level")
    ]
    child_index = {child.pk: index for index, child in enumerate(children)}
    unit_pk = unit.pk

    def child_row(member: _Place) -> int | None:
        """The child row of a unit under ``unit`` in its own era, or None."""
        if member.parent == unit_pk:
            return child_index.get(member.pk)
        if member.grandparent == unit_pk:
            return child_index.get(member.parent)
        return None

    own = sorted((a for a in agencies if a.unit.pk == unit_pk), key=lambda a: (_KIND_ORDER[a.kind], a.name, a.pk))
    own_of_kind = {a.kind: a.pk for a in own if a.kind in Agency.ONE_PER_UNIT}
    in_child: list[list[int]] = [[] for _ in children]
    with_own: dict[int, list[int]] = {agency.pk: [agency.pk] for agency in own}
    legacy: dict[str, list[int]] = {}

    for agency in agencies:
        if agency.unit.pk == unit_pk:
            continue
        went_into = successors.get(agency.unit.pk, [])
        index = next((i for i in map(child_row, [agency.unit, *went_into]) if i is not None), None)
        if index is not None:
            in_child[index].append(agency.pk)
        elif agency.kind in own_of_kind and agency.unit.level == unit.level and any(p.pk == unit_pk for p in went_into):
            with_own[own_of_kind[agency.kind]].append(agency.pk)
        else:
            legacy.setdefault(agency.unit.level, []).append(agency.pk)

    rows = [
        ReportRow(child.name, RowKind.CHILD, tuple(ids), child) for child, ids in zip(children, in_child, strict=True)
    ]
    rows += [ReportRow(agency.name, RowKind.AGENCY, tuple(with_own[agency.pk])) for agency in own]
    rows += [
        ReportRow(legacy_label(level), RowKind.LEGACY, tuple(ids))
        for level, ids in sorted(legacy.items(), key=lambda item: _LEVEL_ORDER[item[0]])
    ]
    return Rows(unit, tuple(rows))
