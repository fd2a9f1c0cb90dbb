"""Reading the `DoiThoai` sheet of a register import (registers.md): one dialogue or voter meeting per row, organised
by the agency of its host at the unit where it was held (or above it: a delegation sits at the province)."""

from danvan.sheets.matching import Vocabulary
from danvan.sheets.places import UNIT, row_unit, writable_agency
from danvan.sheets.registry import Context, Record
from danvan.sheets.rows import Row
from dialogues.models import HOST_AGENCY_KINDS, Dialogue
from dialogues.register import COLUMNS, HOSTS, KINDS, SHEET_NAME

_KINDS = Vocabulary("Hình thức", KINDS)
_HOSTS = Vocabulary("Người chủ trì", HOSTS)


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

    def write(self, records: list[Record], context: Context) -> None:
        # A row whose agency, date and Mã hồ sơ match a dialogue recorded in the portal is that dialogue.
        recorded = _recorded([record for record in records if record["reference"]])
        Dialogue.objects.bulk_create(
            (
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
                    reference=record["reference"],
                    created_by=context.by,
                )
                for record in records
                if (record["agency"], record["date"], record["reference"]) not in recorded
            ),
            batch_size=1000,
        )


def _recorded(records: list[Record]) -> set[tuple]:
    if not records:
        return set()
    days = [record["date"] for record in records]
    found = Dialogue.objects.filter(
        agency__in={record["agency"] for record in records},
        date__range=(min(days), max(days)),
        reference__in={record["reference"] for record in records},
    )
    return set(found.values_list("agency", "date", "reference"))


DIALOGUES = DialogueSheet()
