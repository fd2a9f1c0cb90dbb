"""Reading the `DoiThoai` sheet of a register import (registers.md): one dialogue or voter meeting per row, organised
by the agency of its host at the unit where it was held (or above it: a delegation sits at the province)."""

from danvan.codes import DIALOGUE_PREFIX
from danvan.services import record_events
from danvan.sheets.codes import codes_of_rows, recorded_rows
from danvan.sheets.matching import Vocabulary
from danvan.sheets.places import UNIT, row_unit, writable_agency
from danvan.sheets.registry import Context, Record
from danvan.sheets.rows import Row
from dialogues.models import HOST_AGENCY_KINDS, Dialogue, Kind
from dialogues.register import COLUMNS, HOSTS, KINDS, SHEET_NAME

_KINDS = Vocabulary("Hình thức", KINDS)
_HOSTS = Vocabulary("Người chủ trì", HOSTS)
_RECORDED = {kind: f"Ghi nhận {label.lower()}" for kind, label in Kind.choices}


class DialogueSheet:
    name = SHEET_NAME
    headers = tuple((column.header, column.required) for column in COLUMNS)

    def parse(self, row: Row, context: Context) -> Record | None:
        on = row.date("Ngày", required=True)
        unit = row_unit(row, context, on)
        kind = row.label("Hình thức", _KINDS, required=True)
        host = row.label("Người chủ trì", _HOSTS, required=True)
        topic = row.text("Chủ đề", required=True, max_length=500)
        participants = row.integer("Số người tham dự", required=True)
        raised = row.integer("Số ý kiến", required=True)
        answered = row.integer("Số ý kiến trả lời tại chỗ", default=0)
        reference = row.text("Mã hồ sơ", max_length=50)
        if raised is not None and answered is not None and answered > raised:
            row.error("Số ý kiến trả lời tại chỗ", f"Lớn hơn số ý kiến ({raised}).")
        agency = None
        if unit is not None and host:
            agency = context.lookups.agency_at_or_above(unit.pk, HOST_AGENCY_KINDS[host])
            agency = writable_agency(row, context, agency, UNIT)
        if agency is None:
            return None
        return {
            "agency": agency,
            "date": on,
            "reference": reference,
            "unit": unit.pk,
            "kind": kind,
            "host": host,
            "topic": topic,
            "participants": participants,
            "opinions_raised": raised,
            "opinions_answered": answered,
        }

    def recorded(self, records: list[Record]) -> set[int]:
        return recorded_rows(records, Dialogue.objects.all(), code="code", day="date")

    def write(self, records: list[Record], context: Context) -> None:
        held = Dialogue.objects.all()
        codes = codes_of_rows([record["reference"] for record in records], held, code="code", prefix=DIALOGUE_PREFIX)
        dialogues = [
            Dialogue(
                agency_id=record["agency"],
                unit_id=record["unit"],
                date=record["date"],
                kind=record["kind"],
                host=record["host"],
                host_name="",
                host_title="",
                topic=record["topic"],
                participants=record["participants"],
                opinions_raised=record["opinions_raised"],
                opinions_answered=record["opinions_answered"],
                code=code,
                reference=reference,
                created_by=context.by,
            )
            for record, (code, reference) in zip(records, codes, strict=True)
        ]
        for dialogue in dialogues:
            dialogue.fold_search_text()  # bulk_create does not call save()
        dialogues = Dialogue.objects.bulk_create(dialogues, batch_size=1000)
        # Recorded in the register on the day it was held, not on the day of the import.
        steps = ((dialogue.pk, "recorded", _RECORDED[dialogue.kind], dialogue.date) for dialogue in dialogues)
        record_events(Dialogue, steps, by=context.by.pk if context.by else None)


DIALOGUES = DialogueSheet()
