"""Whole registers by scope and window, in one workbook of the import's layout: what a unit hands over or archives,
and what the import reads back into the same records."""

import logging
from collections.abc import Iterable
from datetime import date
from typing import IO

from complaints.models import Petition
from complaints.register import petitions_sheet
from danvan.models import Staff
from danvan.scope import scoped
from danvan.sheets import SheetData, log_export, write_book
from dialogues.models import Dialogue
from dialogues.register import dialogues_sheet
from reception.models import Visit
from reception.register import visits_sheet

logger = logging.getLogger("danvan.registers.export")

REGISTERS = {
    "TiepCongDan": "Sổ tiếp công dân",
    "Don": "Sổ theo dõi đơn",
    "DoiThoai": "Đối thoại, tiếp xúc cử tri",
}


def _sheet(name: str, staff: Staff, start: date, end: date) -> SheetData:
    if name == "TiepCongDan":
        visits = scoped(Visit.objects.all(), staff).filter(received_on__range=(start, end))
        return visits_sheet(visits.order_by("received_on", "pk"))
    if name == "Don":
        petitions = scoped(Petition.objects.all(), staff).filter(received_on__range=(start, end))
        return petitions_sheet(petitions.order_by("received_on", "pk"))
    dialogues = scoped(Dialogue.objects.all(), staff).filter(date__range=(start, end))
    return dialogues_sheet(dialogues.order_by("date", "pk"))


def export_registers(
    *, staff: Staff, start: date, end: date, registers: Iterable[str], out: IO[bytes]
) -> dict[str, int]:
    """Writes the chosen registers of the agencies in ``staff``'s scope from ``start`` to ``end`` into ``out``."""
    counts = write_book((_sheet(name, staff, start, end) for name in REGISTERS if name in registers), out)
    criteria = {"from": f"{start:%d/%m/%Y}", "to": f"{end:%d/%m/%Y}"}
    log_export(logger, by=staff, count=sum(counts.values()), book="registers " + "+".join(counts), criteria=criteria)
    return counts
