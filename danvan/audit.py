"""Writes to the audit log (see ``danvan.models.audit``)."""

from django.db.models import Model

from danvan.models import AuditEntry, Staff


def audit(
    *,
    by: Staff | None,
    action: str,
    summary: str,
    subject: Model | None = None,
    changes: dict | None = None,
    reason: str = "",
) -> AuditEntry:
    """Records that ``by`` did ``action`` (an ``AuditEntry.Action``) on ``subject``: ``summary`` in Vietnamese,
    ``changes`` as ``{field label: [old, new]}``, and the reason given. Never put a denouncer's identity here."""
    return AuditEntry.objects.create(
        by=by, action=action, summary=summary[:300], subject=subject, changes=changes or {}, reason=reason
    )
