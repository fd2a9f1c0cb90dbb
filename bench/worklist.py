"""The personal queue's speed goals (issue 17), measured on the benchmark database that bench/reports.py builds:
a province leader's "Việc của tôi" page rendered in ≤ 150 ms at the 95th percentile, and the daily reminders of 5,000
staff members in ≤ 60 s. bench/reports.py calls ``measure_worklist`` after its own steps."""

import statistics
import time
from datetime import date

QUEUE_TARGET_MS = 150
DAILY_RUN_TARGET_S = 60
STAFF = 5_000


def _percentile_95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def measure_queue_page(leader, *, repeat: int) -> tuple[float, float, int]:
    """The leader's queue page through the test client (view, selectors, template): p95 and median in ms, queries."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(leader)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/viec-cua-toi/")
    assert response.status_code == 200, response.status_code
    times = []
    for _ in range(max(repeat, 20)):
        cache.clear()  # the navigation bar's counters are counted again each time: the worst case
        start = time.perf_counter()
        client.get("/viec-cua-toi/")
        times.append((time.perf_counter() - start) * 1000)
    return _percentile_95(times), statistics.median(times), len(queries)


def measure_daily_run(today: date) -> tuple[float, int, int]:
    """5,000 handlers and leaders spread over the province's agencies, each with an address, and the day's digests
    sent (e-mails kept in memory): seconds, digests, queries. Rolled back."""
    from django.db import connection, transaction
    from django.test.utils import override_settings

    from danvan.models import Agency, Membership, Role, Staff
    from worklist.services import send_reminders

    agencies = list(Agency.objects.filter(unit__valid_to__isnull=True).values_list("pk", flat=True))
    with transaction.atomic(), override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        staff = Staff.objects.bulk_create(
            Staff(username=f"bench-staff-{n}", email=f"canbo{n}@bench.gov.vn", password="!") for n in range(STAFF)
        )
        roles = (Role.HANDLER, Role.HANDLER, Role.HANDLER, Role.LEADER)
        Membership.objects.bulk_create(
            Membership(staff=member, agency_id=agencies[n % len(agencies)], role=roles[n % len(roles)])
            for n, member in enumerate(staff)
        )
        queries = 0

        def counted(execute, *args):  # every query: the debug log keeps only the last 9,000
            nonlocal queries
            queries += 1
            return execute(*args)

        start = time.perf_counter()
        with connection.execute_wrapper(counted):
            sent = send_reminders(on=today)
        seconds = time.perf_counter() - start
        transaction.set_rollback(True)
    return seconds, sent, queries


def measure_worklist(leader, *, today: date, repeat: int, report) -> None:
    from django.test.utils import override_settings

    plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    storages = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}, "staticfiles": plain_static}
    with override_settings(ALLOWED_HOSTS=["testserver"], SECURE_SSL_REDIRECT=False, STORAGES=storages):
        p95, median, queries = measure_queue_page(leader, repeat=repeat)
    met = "met" if p95 <= QUEUE_TARGET_MS else "MISSED"
    report(f"\nthe queue (Việc của tôi) of the province committee's leader, {today:%d/%m/%Y}:")
    report(
        f"  page, p95 / median:              {p95:8.0f} / {median:.0f} ms, {queries} queries; target ≤ 150 ms: {met}"
    )
    seconds, sent, queries = measure_daily_run(today)
    met = "met" if seconds <= DAILY_RUN_TARGET_S else "MISSED"
    report(
        f"  daily reminders of {STAFF:,} staff:  {seconds:8.1f} s, {sent:,} digests, {queries:,} queries; "
        f"target ≤ 60 s: {met}"
    )


if __name__ == "__main__":
    # Only these steps, on a database that ``bench/reports.py --keep`` left: DATABASE_URL=… python bench/worklist.py
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.common import GIA_LAI, REFORM, setup_django

    setup_django()
    from bench.reports import leader_of, report
    from danvan.models import AdminUnit

    province = AdminUnit.objects.get(code=GIA_LAI, valid_from=REFORM)
    measure_worklist(leader_of(province), today=date.today(), repeat=20, report=report)
