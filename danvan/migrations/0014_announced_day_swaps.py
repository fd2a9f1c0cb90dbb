"""The swaps of days off and working days the Government announced for 2025–2026 that the ``holidays`` package (0.109)
does not know, as ``DayOverride`` rows with their source in ``note``.

Checked against holidays 0.109 for 2025 and 2026: Tết Nguyên đán 2025 (27/01–01/02) and 2026 (16/02–20/02) fall on
weekdays with weekends either side, so no swap; 30/4–1/5/2025 (Friday 02/05 off, Saturday 26/04 worked) and 2/9/2026
(Monday 31/08 off, Saturday 22/08 worked) are known to the package. It lacks Tết Dương lịch 2026:

- 02/01/2026 (Friday), day off: the day after Tết Dương lịch, given off (Công văn 12729/VPCP-KGVX);
- 10/01/2026 (Saturday), working day: worked in exchange for 02/01/2026 (Công văn 12729/VPCP-KGVX).

A row an administrator already entered for one of these dates is left as it is; undoing the migration removes only the
rows it wrote.
"""

from django.db import migrations

SOURCE = "Tết Dương lịch 2026, Công văn 12729/VPCP-KGVX"
SWAPS = [
    ("2026-01-02", "day_off", f"Nghỉ thay cho thứ Bảy 10/01/2026 ({SOURCE})"),
    ("2026-01-10", "working_day", f"Làm bù cho thứ Sáu 02/01/2026 ({SOURCE})"),
]


def add_swaps(apps, schema_editor):
    DayOverride = apps.get_model("danvan", "DayOverride")
    for day, kind, note in SWAPS:
        DayOverride.objects.get_or_create(date=day, defaults={"kind": kind, "note": note})


def remove_swaps(apps, schema_editor):
    DayOverride = apps.get_model("danvan", "DayOverride")
    for day, kind, note in SWAPS:
        DayOverride.objects.filter(date=day, kind=kind, note=note).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("danvan", "0013_case_tt06_indexes"),
    ]

    operations = [migrations.RunPython(add_swaps, remove_swaps)]
