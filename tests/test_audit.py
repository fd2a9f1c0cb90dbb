from danvan.audit import audit
from danvan.models import AuditEntry
from tests.factories import StaffFactory, VisitFactory


def test_an_audit_entry_keeps_who_what_and_why(committee_of_ia_grai):
    staff = StaffFactory()
    visit = VisitFactory(agency=committee_of_ia_grai)

    audit(
        by=staff,
        action=AuditEntry.Action.CORRECTION,
        summary="Sửa lượt tiếp",
        subject=visit,
        changes={"Nội dung": ["cũ", "mới"]},
        reason="Gõ nhầm",
    )

    entry = AuditEntry.objects.get()
    assert (entry.by, entry.subject, entry.changes, entry.reason) == (
        staff,
        visit,
        {"Nội dung": ["cũ", "mới"]},
        "Gõ nhầm",
    )
