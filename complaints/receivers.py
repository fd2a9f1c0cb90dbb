"""The complaints app's answers to the floors below: a visit whose result is "tiếp nhận đơn" becomes a petition;
a change to the working-day calendar moves the open deadlines across it."""

from django.dispatch import receiver

from complaints.calendar_jobs import recompute_deadlines
from complaints.services.intake import receive_petition_from_visit
from danvan.day_overrides import calendar_changed
from reception.signals import visit_received


@receiver(visit_received)
def turn_handed_petition_into_a_petition(sender, *, visit, by, **kwargs) -> None:
    receive_petition_from_visit(visit=visit, by=by)


@receiver(calendar_changed)
def recompute_deadlines_across_the_day(sender, *, day, run, **kwargs) -> None:
    """Starts the job that moves the open deadlines across ``day``; it writes its count on ``run``."""
    recompute_deadlines.enqueue(day.isoformat(), run.pk)
