"""Coming back from a database connection the server ended (a restart, ``pg_terminate_backend``, a network cut): the
connection object stays behind, broken, and every later query on it fails until it is closed."""

from django.db import connections


def drop_broken_connections() -> None:
    """Closes each of this thread's connections that an error left unusable (Django's own test: an error happened and
    ``SELECT 1`` fails), so that the next query opens a new one. A connection inside a transaction is left alone: the
    transaction's owner decides, and Django's atomic block closes a connection it cannot roll back."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()
