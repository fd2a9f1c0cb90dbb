"""Whole registers by scope and window, in one workbook of the import's layout: what a unit hands over or archives,
and what the import reads back into the same records."""

import logging
from collections.abc import Iterable
from datetime import date
from typing import IO

from danvan.models import Staff
from danvan.sheets import registry
from danvan.sheets.writer import log_export, write_book

logger = logging.getLogger("registers.export")


def register_titles() -> dict[str, str]:
    """Each register's sheet name and title, in the order the workbook holds them."""
    return {entry.name: entry.title for entry in registry.registers()}


def export_registers(
    *, staff: Staff, start: date, end: date, registers: Iterable[str], out: IO[bytes]
) -> dict[str, int]:
    """Writes the chosen registers of the agencies in ``staff``'s scope from ``start`` to ``end`` into ``out``."""
    chosen = set(registers)
    sheets = (entry.export(staff, start, end) for entry in registry.registers() if entry.name in chosen)
    counts = write_book(sheets, out)
    criteria = {"from": f"{start:%d/%m/%Y}", "to": f"{end:%d/%m/%Y}"}
    log_export(logger, by=staff, count=sum(counts.values()), book="registers " + "+".join(counts), criteria=criteria)
    return counts
