"""The complaints app's answer to the desk: a visit whose result is "tiếp nhận đơn" becomes a petition."""

from django.dispatch import receiver

from complaints.services.intake import receive_petition_from_visit
from reception.signals import visit_received


@receiver(visit_received)
def turn_handed_petition_into_a_petition(sender, *, visit, by, **kwargs) -> None:
    receive_petition_from_visit(visit=visit, by=by)
