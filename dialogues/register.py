"""The dialogue book in the registers' Excel layout (sheet `DoiThoai`, registers.md): its columns, the labels of its
choices, and the export of dialogues and voter meetings into it.

The layout is kept here once: the export writes it and the register import reads it back with the same definitions.
"""

import logging
from collections.abc import Mapping
from datetime import date
from operator import attrgetter
from typing import IO, Any

from django.db.models import QuerySet

from danvan.models import Agency, Staff
from danvan.sheets.writer import (
    DATE_FORMAT,
    TEXT_FORMAT,
    Column,
    SheetData,
    choice,
    headers,
    log_export,
    write_book,
)
from dialogues.models import Dialogue, Host, Kind

logger = logging.getLogger("dialogues.export")

TITLE = "Đối thoại, tiếp xúc cử tri"
SHEET_NAME = "DoiThoai"

# The register's vocabularies: a stored value and its label in the workbook.
KINDS: Mapping[str, str] = {
    Kind.DIALOGUE: "Đối thoại",
    Kind.VOTER_MEETING: "Tiếp xúc cử tri",
}
HOSTS: Mapping[str, str] = {
    Host.PARTY_SECRETARY: "Bí thư cấp ủy",
    Host.COMMITTEE_CHAIR: "Chủ tịch UBND",
    Host.COUNCIL_STANDING: "Thường trực HĐND",
    Host.ASSEMBLY_DEPUTY: "Đại biểu Quốc hội",
    Host.COUNCIL_DEPUTY: "Đại biểu HĐND",
}

# What the export reads of each dialogue, in one query per chunk: the columns below read these names of its row.
READS = (
    *("date", "unit__code", "kind", "host", "topic", "participants", "opinions_raised", "opinions_answered"),
    "code",
)

# The columns after STT, in the order of registers.md. Mã ĐVHC is the unit where the dialogue was held (its level is
# the dialogue's level), not the organising agency's unit.
COLUMNS: tuple[Column, ...] = (
    Column("Ngày", True, attrgetter("date"), number_format=DATE_FORMAT, width=12),
    Column("Mã ĐVHC", True, attrgetter("unit__code"), number_format=TEXT_FORMAT, width=10),
    choice("Hình thức", "kind", KINDS, required=True, width=16),
    choice("Người chủ trì", "host", HOSTS, required=True, width=20),
    Column("Chủ đề", True, attrgetter("topic"), width=60),
    Column("Số người tham dự", True, attrgetter("participants"), width=12),
    Column("Số ý kiến", True, attrgetter("opinions_raised"), width=10),
    Column("Số ý kiến trả lời tại chỗ", False, attrgetter("opinions_answered"), width=14),
    # The dialogue's code, whether recorded on its page or imported: importing the export finds the dialogue by it.
    Column("Mã hồ sơ", False, attrgetter("code"), number_format=TEXT_FORMAT, width=14),
)
HEADERS: tuple[str, ...] = headers(COLUMNS)


def export_dialogues(*, dialogues: QuerySet[Dialogue], out: IO[bytes], by: Staff, criteria: Mapping[str, Any]) -> int:
    """Writes ``dialogues`` as a workbook of the dialogue book into ``out``; returns how many rows it holds."""
    count = write_dialogues(dialogues, out)
    log_export(logger, by=by, count=count, book="dialogue book", criteria=criteria)
    return count


def write_dialogues(dialogues: QuerySet[Dialogue], out: IO[bytes]) -> int:
    return write_book([dialogues_sheet(dialogues)], out)[SHEET_NAME]


def dialogues_sheet(dialogues: QuerySet[Dialogue]) -> SheetData:
    """The dialogue book's sheet holding ``dialogues``, streamed when the workbook is written."""
    return SheetData(SHEET_NAME, COLUMNS, dialogues, READS)


def scope_sheet(agencies: QuerySet[Agency], start: date, end: date) -> SheetData:
    """The sheet of the dialogues of ``agencies`` from ``start`` to ``end``: the registers' export of this book."""
    dialogues = Dialogue.objects.filter(agency__in=agencies.values("pk"), date__range=(start, end))
    return dialogues_sheet(dialogues.order_by("date", "pk"))
