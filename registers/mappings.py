"""The mapping step of an import: what an agency chose for the values of its registers that match no catalogue value
(a catalogue value, or skipping the rows), remembered and applied to its next imports; and the same choices read from
a CSV file for `import_registers --map`."""

import csv
from collections.abc import Mapping

from django.db import transaction

from danvan.models import Agency, Membership, Staff
from danvan.permissions import Action, roles_for
from danvan.sheets.matching import compact
from danvan.sheets.rows import SKIP, ValueGroup
from registers.importer import Choices
from registers.models import ValueMapping

SKIP_LABEL = "bỏ dòng"
KEEP_LABEL = "giữ lỗi"
MAP_COLUMNS = ("sheet", "column", "value", "mapped")


class MapFileError(Exception):
    """A mapping file that cannot be read; its message says why, in Vietnamese."""


def importing_agency(staff: Staff) -> Agency | None:
    """The agency whose choices an import by ``staff`` applies and remembers: that of their first role that imports."""
    membership = (
        Membership.objects.filter(staff=staff, role__in=roles_for(Action.IMPORT)).select_related("agency").first()
    )
    return membership.agency if membership else None


def saved_choices(agency: Agency | None) -> dict[tuple[str, str, str], str]:
    if agency is None:
        return {}
    mappings = ValueMapping.objects.filter(agency=agency).values_list("sheet", "column", "value", "mapped")
    return {(sheet, column, value): mapped for sheet, column, value, mapped in mappings}


@transaction.atomic
def remember_choices(*, agency: Agency, by: Staff, choices: Mapping[tuple[str, str, str], str | None]) -> None:
    """Saves the agency's choice for each value (sheet, column, compacted value): a label, SKIP, or None to keep its
    rows as errors (forgetting an earlier choice)."""
    for (sheet, column, value), mapped in choices.items():
        if mapped is None:
            ValueMapping.objects.filter(agency=agency, sheet=sheet, column=column, value=value).delete()
        else:
            ValueMapping.objects.update_or_create(
                agency=agency, sheet=sheet, column=column, value=value, defaults={"mapped": mapped, "updated_by": by}
            )


def read_map_file(path: str) -> Choices:
    """The choices of a CSV file with the columns sheet, column, value, mapped (UTF-8, a header row); ``mapped`` is a
    catalogue value, or "bỏ dòng" to skip the rows. Values are matched as the catalogue matches them."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as source:
            rows = list(csv.DictReader(source))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise MapFileError(f"Không đọc được tệp ánh xạ: {error}") from error
    if rows and not set(MAP_COLUMNS) <= set(rows[0]):
        raise MapFileError(f"Tệp ánh xạ phải có các cột: {', '.join(MAP_COLUMNS)}.")
    choices = {}
    for row in rows:
        mapped = row["mapped"].strip()
        key = (row["sheet"].strip(), row["column"].strip(), compact(row["value"]))
        choices[key] = SKIP if compact(mapped) == compact(SKIP_LABEL) else mapped
    return choices


def group_line(group: ValueGroup) -> str:
    """One line for a value and its rows: "Don, cột Lĩnh vực: “Đất đai – nhà ở”: 312 dòng — …"."""
    line = f"{group.sheet}, cột {group.column}: “{group.value}”: {len(group.rows)} dòng"
    if group.applied is None:
        return f"{line} — {group.reason}"
    return f"{line} — đã áp dụng: {SKIP_LABEL if group.applied == SKIP else group.applied}"
