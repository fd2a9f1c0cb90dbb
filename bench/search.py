"""The header search's speed goal (issue 18, point 6): the results page in ≤ 150 ms at the 95th percentile on the
report benchmark's database (1,000,000 visits, 1,000,000 petitions), as the province committee's leader searches.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_bench .venv/bin/python bench/search.py [--repeat 25]

On a database that ``bench/reports.py --keep`` left (migrated with the trigram indexes). Each kind of query is
requested through the test client (view, selectors, template) once to warm up and then --repeat times, each time for
another record or person of the data, so that no two requests read the same rows: a visit's code, a petition's code
without its prefix, a name (surname and given name, without diacritics: hundreds of citizens, thousands of records),
a rarer full name, a CCCD. The p95 and median are printed beside the target, with the number of queries, and the CPU
time a request takes on average in this process and in its PostgreSQL backend (from /proc): the machine is shared,
and under load the wall time is mostly waiting for a CPU; on a quiet machine it tends to the CPU time."""

import argparse
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import GIA_LAI, REFORM, cpu_seconds, database_facts, load, machine_facts, setup_django

TARGET_MS = 150
SEED = 18


def _percentile_95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def queries_of_each_kind(count: int) -> dict[str, list[str]]:
    """``count`` queries of each kind, drawn from the data (the same for the same database)."""
    from complaints.models import Petition
    from danvan.models import Citizen
    from danvan.text import fold
    from reception.models import Visit

    draw = random.Random(SEED)
    last_visit = Visit.objects.order_by("-pk").values_list("pk", flat=True).first()
    last_petition = Petition.objects.order_by("-pk").values_list("pk", flat=True).first()
    visits = Visit.objects.filter(pk__in=draw.sample(range(1, last_visit + 1), count))
    petitions = Petition.objects.filter(pk__in=draw.sample(range(1, last_petition + 1), count))
    citizens = list(Citizen.objects.filter(pk__in=draw.sample(range(1, 100_001), 4 * count)).exclude(cccd=None))
    names = [fold(citizen.full_name).split() for citizen in citizens]
    petition_codes = petitions.values_list("receipt_code", flat=True)
    return {
        "visit code (TD-…)": list(visits.values_list("receipt_code", flat=True)),
        "petition code without prefix": [code.split("-")[1] for code in petition_codes],
        "name: surname + given name": [f"{words[0]} {words[-1]}" for words in names[:count]],
        "name: full, with diacritics": [citizen.full_name for citizen in citizens[:count]],
        "CCCD": [citizen.cccd for citizen in citizens[:count]],
    }


def backend_cpu_seconds(connection) -> float:
    """The CPU time of the PostgreSQL backend serving ``connection`` (a local server: its /proc entry)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime and stime, in clock ticks


@dataclass
class Figures:
    p95: float
    median: float
    queries: int
    python_cpu: float  # ms per request, this process
    postgres_cpu: float  # ms per request, the backend
    found: list[int]


def measure(client, queries: list[str]) -> Figures:
    """The requests of ``queries`` (the first one also warms up): wall times in ms, the queries of one request, the
    CPU time per request, how many records each request found."""
    from django.db import connection

    executed = []
    with connection.execute_wrapper(lambda execute, sql, *args: executed.append(sql) or execute(sql, *args)):
        client.get("/tim-kiem/", {"q": queries[0]})
    times, found = [], []
    python_before, postgres_before = cpu_seconds(), backend_cpu_seconds(connection)
    for query in queries:
        start = time.perf_counter()
        response = client.get("/tim-kiem/", {"q": query})
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
        found.append(response.content.decode().count('<li><a href="'))  # a record found is a link in a list
    python = (cpu_seconds() - python_before) * 1000 / len(queries)
    postgres = (backend_cpu_seconds(connection) - postgres_before) * 1000 / len(queries)
    return Figures(_percentile_95(times), statistics.median(times), len(executed), python, postgres, found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=25, help="requests of each kind of query")
    options = parser.parse_args()
    setup_django()
    from django.test import Client
    from django.test.utils import override_settings

    from bench.reports import leader_of, report
    from danvan.models import AdminUnit

    report(f"machine: {machine_facts()}; {load()}")
    report(f"database: {database_facts()}")
    leader = leader_of(AdminUnit.objects.get(code=GIA_LAI, valid_from=REFORM))
    plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    storages = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}, "staticfiles": plain_static}
    report(f"\nthe header search (/tim-kiem/) of the province committee's leader, {options.repeat} requests each:")
    with override_settings(ALLOWED_HOSTS=["testserver"], SECURE_SSL_REDIRECT=False, STORAGES=storages):
        client = Client()
        client.force_login(leader)
        for kind, queries in queries_of_each_kind(options.repeat).items():
            figures = measure(client, queries)
            met = "met" if figures.p95 <= TARGET_MS else "MISSED"
            report(
                f"  {kind:30} p95 {figures.p95:4.0f} ms, median {figures.median:4.0f} ms; target ≤ {TARGET_MS} ms: "
                f"{met}; CPU {figures.python_cpu:3.0f} + {figures.postgres_cpu:3.0f} ms (Python + PostgreSQL); "
                f"{figures.queries} queries, {min(figures.found)}–{max(figures.found)} records"
            )
    report(f"\n{load()}")


if __name__ == "__main__":
    main()
