"""Biểu 06/QLKNTC's figures of the demo province for its yearly reports, keyed in by its reporter as staff would, so
that the demo's TT 06/2025 forms have a sixth sheet with something in it."""

from danvan.models import Agency, Staff
from danvan.selectors import resolve_unit
from portal.demo import DEMO_PROVINCE
from reports.models import ManagementFigure
from reports.periods import window
from reports.services import enter_management_figures

REPORTER = "tinh.baocao"
# Documents issued, amended, repealed; classes and people trained; responsibility inspections and their results.
FIGURES = {2025: (3, 1, 0, 12, 860, 4, 9, 3, 1, 4, 0, 0, 5, 1, 3, 0, 0),
           2026: (4, 2, 1, 15, 1120, 5, 11, 4, 0, 3, 0, 1, 6, 0, 2, 0, 1)}  # fmt: skip


def key_demo_management() -> None:
    """Keys the figures of each demo year once; running it again changes nothing."""
    reporter = Staff.objects.filter(username=REPORTER).first()
    for year, values in FIGURES.items():
        span = window("year", year=year)
        committee = Agency.objects.filter(
            unit=resolve_unit(DEMO_PROVINCE, on=span.end), kind=Agency.Kind.COMMITTEE
        ).first()
        if reporter is None or committee is None:
            return
        if ManagementFigure.objects.filter(agency=committee, start=span.start, end=span.end).exists():
            continue
        enter_management_figures(agency=committee, window=span, values=dict(enumerate(values, start=1)), by=reporter)
