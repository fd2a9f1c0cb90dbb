"""What the commands' arguments share: a day typed as users type it, dd/mm/yyyy."""

from datetime import date, datetime

from django.core.management.base import CommandError


def day(text: str) -> date:
    """A dd/mm/yyyy argument as a date; a Vietnamese error (exit status 1) otherwise."""
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        raise CommandError(f"Ngày “{text}” không đúng dạng dd/mm/yyyy.") from None
