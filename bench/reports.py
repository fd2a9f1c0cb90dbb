"""Times a province's report on a million visits and a million petitions: the report's speed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_bench .venv/bin/python bench/reports.py [--visits N]

PostgreSQL only: the database named in the URL (its name must contain "bench") is dropped, created, migrated, filled
(bench/report_data.py), vacuumed and analysed as autovacuum would leave it, and dropped at the end (unless --keep).
Then, for the province of Gia Lai (code 52) as its committee's leader sees it, each step is run once to warm the
caches and then --repeat times; the median is printed with the number of queries:
1. the figures of the report of the current year and of 2025 (which crosses 01/07/2025: the old units count into
   the new ones), each with the same period a year earlier (reports.figures.report_data);
2. the nine statutory forms of TT 01/2024 of the same reports, as the .xlsx bytes
   (reports.excel.workbook.statutory_workbook);
3. the six forms of TT 06/2025 of the current year's report as the leader may make it (reports.forms_data.form_set,
   in the leader's scope), and as the .xlsx bytes, beside hand-written SQL that counts the same per agency
   (bench/tt06_floor.py); the goal: ≤ 2 s and ≤ 2× that floor;
4. the leader's dashboard (reports.dashboard.dashboard), with the form's rows in the cache as it usually runs, and
   again with the rows built anew as after a change of the units or agencies;
beside the time of hand-written SQL GROUP BY queries that count the same records on the same data: per agency
for the figures and forms, per month, agency and age for the dashboard. The figures are kept in bench/README.md.
"""

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402 (the project root is on the path from here)
    GIA_LAI,
    REFORM,
    Clock,
    database_facts,
    load,
    load_reference_data,
    machine_facts,
    recreate_postgres,
    setup_django,
)
from bench.worklist import measure_worklist  # noqa: E402

DASHBOARD_TARGET_MS = 150
TT06_TARGET_MS, TT06_TARGET_RATIO = 2000, 2


def report(line: str = "") -> None:
    print(line, flush=True)


def timed(step: Callable[[], object], repeat: int) -> tuple[float, int]:
    """The median wall time of ``step`` in milliseconds, after one warm-up run, and its number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        step()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), len(queries)


def leader_of(province):
    """The leader of the province's people's committee: the dashboard counts what such a leader sees."""
    from danvan.models import Agency, Membership, Role, Staff

    committee = Agency.objects.get(unit=province, kind=Agency.Kind.COMMITTEE)
    leader, created = Staff.objects.get_or_create(username="bench-leader", defaults={"first_name": "Lãnh đạo"})
    if created:
        Membership.objects.create(staff=leader, agency=committee, role=Role.LEADER)
    return leader


def hand_figures(agency_ids: list[int], start: date, end: date) -> None:
    """The counts of the figures' three sources, per agency, written by hand: what a report cannot be faster than."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT agency_id, count(*), sum(people), count(*) FILTER (WHERE people >= 5),
                      count(*) FILTER (WHERE mode = 'regular'), count(*) FILTER (WHERE receiver = 'head'),
                      count(*) FILTER (WHERE receiver = 'delegate'), count(DISTINCT case_id)
               FROM reception_visit WHERE agency_id = ANY(%s) AND received_on BETWEEN %s AND %s GROUP BY agency_id""",
            [agency_ids, start, end],
        )
        cursor.fetchall()
        cursor.execute(
            """SELECT agency_id, kind, field, count(*) FILTER (WHERE received_on >= %s),
                      count(*) FILTER (WHERE handled_on <= %s), count(*) FILTER (WHERE processable),
                      count(*) FILTER (WHERE processable AND in_competence), count(*) FILTER (WHERE handling = 'guide')
               FROM complaints_petition
               WHERE agency_id = ANY(%s) AND received_on <= %s AND (received_on >= %s OR handled_on IS NULL
                     OR handled_on >= %s)
               GROUP BY agency_id, kind, field""",
            [start, end, agency_ids, end, start, start],
        )
        cursor.fetchall()
        cursor.execute(
            """SELECT c.agency_id, c.kind, count(*), count(*) FILTER (WHERE c.resolved_on <= %s),
                      count(*) FILTER (WHERE c.resolved_on <= c.due_on), sum(d.money_due), sum(e.money_recovered)
               FROM danvan_case c LEFT JOIN complaints_decision d ON d.case_id = c.id
                    LEFT JOIN complaints_enforcement e ON e.decision_id = d.id
               WHERE c.agency_id = ANY(%s) AND c.accepted_on <= %s AND (c.resolved_on IS NULL OR c.resolved_on >= %s)
               GROUP BY c.agency_id, c.kind""",
            [end, agency_ids, end, start],
        )
        cursor.fetchall()


def hand_dashboard(agency_ids: list[int], start: date, today: date, months_from: date) -> None:
    """The dashboard's counts by hand: the year so far and the same days before per agency, per month, open cases
    by age."""
    from django.db import connection

    before = (start.replace(year=start.year - 1), today.replace(year=today.year - 1))
    with connection.cursor() as cursor:
        for table, column in (("reception_visit", "received_on"), ("complaints_petition", "received_on")):
            for low, high in ((start, today), before):
                cursor.execute(
                    f"SELECT agency_id, count(*) FROM {table} WHERE agency_id = ANY(%s) AND {column} BETWEEN %s AND %s"
                    " GROUP BY agency_id",
                    [agency_ids, low, high],
                )
                cursor.fetchall()
            cursor.execute(
                f"SELECT date_trunc('month', {column}), count(*) FROM {table} WHERE agency_id = ANY(%s)"
                f" AND {column} BETWEEN %s AND %s GROUP BY 1",
                [agency_ids, months_from, today],
            )
            cursor.fetchall()
        cursor.execute(
            """SELECT width_bucket(%s - accepted_on, ARRAY[31, 61, 91]), count(*) FROM danvan_case
               WHERE agency_id = ANY(%s) AND accepted_on IS NOT NULL AND resolved_on IS NULL GROUP BY 1""",
            [today, agency_ids],
        )
        cursor.fetchall()


def measure_tt06(province, leader, year: int, repeat: int) -> None:
    """The six TT 06/2025 forms of ``year``'s report in the leader's scope, beside their hand-written SQL floor."""
    from bench.tt06_floor import hand_tt06
    from danvan.scope import visible_agencies
    from reports.excel.workbook import statutory_workbook, workbook_bytes
    from reports.figures import scope_of
    from reports.forms_data import form_set
    from reports.periods import PeriodKind, window

    span = window(PeriodKind.YEAR, year=year)
    scope = visible_agencies(leader)
    agency_ids = list(scope_of(province, scope).values_list("pk", flat=True))
    forms = timed(lambda: form_set(province, span, agencies=scope), repeat)
    xlsx = timed(lambda: workbook_bytes(statutory_workbook(province, span, agencies=scope)), repeat)
    floor = timed(lambda: hand_tt06(agency_ids, span.start, span.end), repeat)
    ratio = forms[0] / floor[0]
    met = "met" if forms[0] <= TT06_TARGET_MS and ratio <= TT06_TARGET_RATIO else "MISSED"
    report(f"\nthe six TT 06/2025 forms of {year} ({span.start:%d/%m/%Y}–{span.end:%d/%m/%Y}), the leader's scope:")
    report(f"  forms (form_set):              {forms[0]:8.0f} ms, {forms[1]} queries")
    report(f"  forms (6 sheets, .xlsx bytes): {xlsx[0]:8.0f} ms, {xlsx[1]} queries")
    report(f"  hand SQL GROUP BY per agency:  {floor[0]:8.0f} ms, {floor[1]} queries")
    report(f"  forms / hand SQL: {ratio:.2f}×; goal ≤ {TT06_TARGET_MS:,} ms and ≤ {TT06_TARGET_RATIO}×: {met}")


def dashboard_with_rows_built(leader, province, today: date):
    """The dashboard as its first reader sees it after a unit or an agency changed: the structure is forgotten, so the
    form's rows kept in the cache (reports.rows) are built again."""
    from danvan.structure import forget_structure
    from reports.dashboard import dashboard

    forget_structure()
    return dashboard(leader, province, today=today)


def measure(options: argparse.Namespace) -> None:
    from django.db import connection

    from danvan.models import AdminUnit
    from reports.circulars import TT01_2024
    from reports.dashboard import dashboard, months_up_to, report_year, year_so_far
    from reports.excel.workbook import statutory_workbook, workbook_bytes
    from reports.figures import agencies_of, report_data
    from reports.periods import PeriodKind, window

    province = AdminUnit.objects.get(code=GIA_LAI, valid_from=REFORM)
    leader = leader_of(province)
    today = date.today()
    agency_ids = list(agencies_of(province).values_list("pk", flat=True))
    report(f"scope: {province.name}, {len(agency_ids):,} agencies of both eras; today {today:%d/%m/%Y}\n")
    for year in (report_year(today), 2025):
        span = window(PeriodKind.YEAR, year=year)
        figures = timed(lambda span=span: report_data(province, span), options.repeat)
        forms = timed(
            lambda span=span: workbook_bytes(statutory_workbook(province, span, template=TT01_2024)), options.repeat
        )
        by_hand = timed(lambda span=span: hand_figures(agency_ids, span.start, span.end), options.repeat)
        twice = timed(
            lambda span=span: [hand_figures(agency_ids, w.start, w.end) for w in (span, span.previous())],
            options.repeat,
        )
        report(f"report of {year} ({span.start:%d/%m/%Y}–{span.end:%d/%m/%Y}), with the same period a year earlier:")
        report(f"  figures (report_data):        {figures[0]:8.0f} ms, {figures[1]} queries")
        report(f"  forms (9 sheets, .xlsx bytes): {forms[0]:8.0f} ms, {forms[1]} queries")
        report(f"  hand SQL GROUP BY, one window: {by_hand[0]:8.0f} ms, {by_hand[1]} queries")
        report(f"  hand SQL GROUP BY, both:       {twice[0]:8.0f} ms, {twice[1]} queries")
    measure_tt06(province, leader, report_year(today), options.repeat)
    board = timed(lambda: dashboard(leader, province, today=today), options.repeat)
    rebuilt = timed(lambda: dashboard_with_rows_built(leader, province, today), options.repeat)
    span = year_so_far(today)
    by_hand = timed(lambda: hand_dashboard(agency_ids, span.start, today, months_up_to(today)[0]), options.repeat)
    met = "met" if board[0] < DASHBOARD_TARGET_MS else "MISSED"
    report(f"\ndashboard of {province.name} for its committee's leader ({span.start:%d/%m/%Y}–{today:%d/%m/%Y}):")
    report(f"  dashboard (reports.dashboard):   {board[0]:8.0f} ms, {board[1]} queries; target < 150 ms: {met}")
    report(f"  the same, its rows built again:  {rebuilt[0]:8.0f} ms, {rebuilt[1]} queries (the structure forgotten)")
    report(f"  hand SQL GROUP BY:               {by_hand[0]:8.0f} ms, {by_hand[1]} queries")
    measure_worklist(leader, today=today, repeat=options.repeat, report=report)
    report(f"\n{load()}; database size {database_size(connection)}")


def database_size(connection) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        return cursor.fetchone()[0]


def header() -> None:
    report(f"danvan report benchmark, {datetime.now():%Y-%m-%d %H:%M}")
    report(f"machine: {machine_facts()}; {load()}")
    report(f"database: {database_facts()}")


def run(options: argparse.Namespace) -> None:
    setup_django()
    from django.db import connection, transaction

    from bench.report_data import generate

    header()
    clock = Clock()
    units, agencies = load_reference_data()
    report(f"setup: migrated, {units:,} units of both eras, {agencies:,} agencies, in {clock.stop()['seconds']:.1f} s")
    clock = Clock()
    with transaction.atomic():
        counts = generate(options.visits, options.petitions)
    seconds = clock.stop()["seconds"]
    connection.cursor().execute("VACUUM ANALYZE")
    report("data: " + ", ".join(f"{count:,} {name}" for name, count in counts.items()))
    vacuumed = clock.stop()["seconds"] - seconds
    report(f"  written with COPY in {seconds:.0f} s, vacuumed and analysed in {vacuumed:.0f} s")
    measure(options)


def main() -> None:
    import os

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--petitions", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each step after the warm-up")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--reuse", action="store_true", help="measure a database kept by --keep, without refilling")
    options = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL=postgres://…/NAME (NAME containing “bench”): the benchmark is PostgreSQL's.")
    if options.reuse:
        setup_django()
        header()
        measure(options)
        return
    recreate_postgres(url)
    try:
        run(options)
    finally:
        from django.db import connections

        connections.close_all()
        if not options.keep:
            recreate_postgres(url, drop_only=True)


if __name__ == "__main__":
    main()
