"""Two workers running the day's reminders at once on PostgreSQL: one digest and one mail per person. The test commits
what it arranges (``transaction=True``): it brings its own province, and the country is loaded again after it."""

import threading
from datetime import date

import pytest
from django.core import mail
from django.db import connection, connections

from danvan.models import AdminUnit, Role
from tests.factories import REFORM, AgencyFactory, PetitionFactory, staff_with_role
from worklist.models import Digest
from worklist.services import send_reminders

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("country_loaded_again"),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time"),
]


def test_two_workers_at_once_send_each_digest_once():
    province, _ = AdminUnit.objects.get_or_create(
        level=AdminUnit.Level.PROVINCE, code="52", valid_from=REFORM,
        defaults={"name": "Tỉnh Gia Lai", "type": AdminUnit.Type.PROVINCE},
    )  # fmt: skip
    committee = AgencyFactory(unit=province)
    for number in range(6):
        handler = staff_with_role(committee, Role.HANDLER, email=f"canbo{number}@ia-grai.gov.vn")
    PetitionFactory(agency=committee, handling_due_on=date(2026, 3, 10))
    start = threading.Barrier(2)

    def worker() -> None:
        start.wait()
        try:
            send_reminders(on=date(2026, 3, 9))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert (Digest.objects.count(), len(mail.outbox), handler.digests.count()) == (6, 6, 1)
