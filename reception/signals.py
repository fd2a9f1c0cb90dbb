"""What the desk tells the apps above it, so that reception never imports them."""

from django.dispatch import Signal

# Sent inside the transaction that logs a visit, with ``visit`` and ``by``: an app that acts on a visit (the
# complaints app turns "tiếp nhận đơn" into a petition) does so in the same transaction.
visit_received = Signal()
