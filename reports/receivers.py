"""A correction of a record after a report counting it was sent joins that report's differences: the report was sent
with the record as it was, and whoever reads it now sees what changed since and why."""

from datetime import date

from django.db.models import Model
from django.dispatch import receiver

from danvan.corrections import corrected
from danvan.models import Agency, AuditEntry
from danvan.selectors import area_of
from reports.models import SentReport


def covering(agency: Agency, days: set[date]) -> list[SentReport]:
    """The reports sent of a unit whose area holds ``agency``, over a window holding one of ``days``."""
    if not days:
        return []
    windows = SentReport.objects.filter(start__lte=max(days), end__gte=min(days)).select_related("unit")
    return [
        sent
        for sent in windows
        if any(sent.start <= day <= sent.end for day in days) and area_of(sent.unit).filter(pk=agency.unit_id).exists()
    ]


@receiver(corrected)
def join_sent_reports(sender: type[Model], *, agency: Agency, days: set[date], entry: AuditEntry, **_) -> None:
    for sent in covering(agency, days):
        sent.corrections.add(entry)
