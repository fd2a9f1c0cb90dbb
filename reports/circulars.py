"""Which circular's forms a report is made on: a dated rule, read by the window's last day. TT 06/2025/TT-TTCP is in
force from 30/09/2025 (Điều 11) and replaced TT 01/2024/TT-TTCP without a transitional rule on periods: a report whose
window ends on or after that day is on the new forms, an earlier one on the old."""

from datetime import date

TT01_2024 = "tt01_2024"
TT06_2025 = "tt06_2025"
NAMES = {TT01_2024: "TT 01/2024/TT-TTCP", TT06_2025: "TT 06/2025/TT-TTCP"}
# (in force from, circular), in date order.
IN_FORCE = ((date.min, TT01_2024), (date(2025, 9, 30), TT06_2025))


def circular_for(end: date) -> str:
    """The circular whose forms a report with a window ending on ``end`` uses."""
    return [circular for since, circular in IN_FORCE if since <= end][-1]
