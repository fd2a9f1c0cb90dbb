"""Writes to the audit log (see ``danvan.models.audit``), and what a download that takes personal data out of the
portal records there."""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Export:
    """What a download takes out of the portal, as the log names it: ``what`` (the register or report, its unit and
    period, or the document and its record), ``criteria`` (the list's filter, in Vietnamese; never a searched text,
    which may name a citizen) and the record it comes from, if one."""

    by: Staff
    what: str
    criteria: str = ""
    subject: Model | None = None


def audit_export(export: Export, filename: str) -> AuditEntry:
    """Records that ``export.by`` downloaded ``filename``: who, what and when."""
    what = f"{export.what} — {export.criteria}" if export.criteria else export.what
    return audit(
        by=export.by, action=AuditEntry.Action.EXPORT, summary=f"{what}. Tệp {filename}", subject=export.subject
    )
