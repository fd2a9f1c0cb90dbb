"""Whole registers by scope and window, in one workbook of the import's layout: what a unit hands over or archives,
and what the import reads back into the same records.

The page (a staff member's scope) and the command (a unit and every unit under it) build the same ``RegisterExport``
plan from the same per-app selectors, so for the same agencies and window they write the same workbook.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import IO

from django.db.models import QuerySet

from danvan.audit import Export
from danvan.models import AdminUnit, Agency, Staff
from danvan.permissions import MATRIX, Action
from danvan.scope import visible_agencies
from danvan.selectors import area_of
from danvan.sheets import registry
from danvan.sheets.writer import Progress, SheetData, log_export, write_book

logger = logging.getLogger("registers.export")

ALL_AGENCIES = "Tất cả cơ quan"


def register_titles() -> dict[str, str]:
    """Each register's sheet name and title, in the order the workbook holds them."""
    return {entry.name: entry.title for entry in registry.registers()}


@dataclass(frozen=True)
class Plan:
    """What one export writes: the chosen registers of ``agencies`` from ``start`` to ``end``, titled with ``owner``
    (the unit or agencies whose books they are)."""

    agencies: QuerySet[Agency]
    owner: str
    start: date
    end: date
    registers: tuple[str, ...]

    def sheets(self) -> list[SheetData]:
        """Each chosen register's sheet, in the registry's order, with the register's title above it."""
        return [
            replace(entry.export(self.agencies, self.start, self.end), title=entry.title)
            for entry in registry.registers()
            if entry.name in self.registers
        ]

    def rows(self) -> int:
        """How many rows the workbook will hold: one count query per register."""
        return sum(sheet.records.count() for sheet in self.sheets())

    def export_by(self, staff: Staff) -> Export:
        """The workbook as the audit log records its download by ``staff``: its registers, whose, which window."""
        titles = register_titles()
        books = "; ".join(titles[name] for name in self.registers if name in titles)
        return Export(staff, f"Xuất sổ ({books}) của {self.owner}", self.heading[1])

    @property
    def heading(self) -> tuple[str, str]:
        return (f"Đơn vị: {self.owner}", f"Từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}")


def plan_for_staff(staff: Staff, *, start: date, end: date, registers: Iterable[str]) -> Plan:
    """The registers of the agencies ``staff`` sees (danvan.scope), titled with the units and agencies they work
    for."""
    return Plan(visible_agencies(staff), scope_name(staff), start, end, tuple(registers))


def plan_for_unit(unit: AdminUnit, *, start: date, end: date, registers: Iterable[str]) -> Plan:
    """The registers of the agencies of ``unit``, of every unit under it and of the earlier units that went into them:
    what a leader of ``unit`` sees."""
    agencies = Agency.objects.filter(unit__in=area_of(unit).values("pk"))
    return Plan(agencies, unit.name, start, end, tuple(registers))


def scope_name(staff: Staff) -> str:
    """Whose books ``staff`` sees, as a register's title names them: the unit of an area role (a leader sees their
    unit's), the agency of an own role (a receptionist sees their agency's); all for a superuser."""
    if staff.is_superuser:
        return ALL_AGENCIES
    grant = MATRIX[Action.SEE]
    names = []
    for membership in staff.memberships.select_related("agency__unit").order_by("pk"):
        if membership.role in grant.area:
            names.append(membership.agency.unit.name)
        elif membership.role in grant.own:
            names.append(membership.agency.name)
    return "; ".join(dict.fromkeys(names))


def write_registers(
    plan: Plan, out: IO[bytes], *, by: Staff | None, progress: Progress | None = None
) -> dict[str, int]:
    """Writes ``plan`` into ``out``; returns the rows written per sheet. Logged as every export is."""
    counts = write_book(plan.sheets(), out, heading=plan.heading, progress=progress)
    criteria = {"owner": plan.owner, "from": f"{plan.start:%d/%m/%Y}", "to": f"{plan.end:%d/%m/%Y}"}
    log_export(logger, by=by, count=sum(counts.values()), book="registers " + "+".join(counts), criteria=criteria)
    return counts
