"""Times the register import and export on a generated workbook of 100,000 rows: speed and peak memory.

    .venv/bin/python bench/registers.py [--rows 100000] [--iie-rows 10000] [--sheet TiepCongDan|Don] [--tracemalloc]

SQLite by default: a throw-away database file under /tmp, migrated here. With DATABASE_URL=postgres://…/NAME the
database NAME (which must contain "bench") is dropped if it exists, created, migrated, and dropped again at the end.
Either way the database holds the units of both eras and the standard agencies of Gia Lai (code 52, since 01/07/2025)
and of the old Gia Lai (code 64, until 30/06/2025).

The workbook (openpyxl write-only, under /tmp) spreads its rows over the units and days of both eras. Each measured
step (bench/register_steps.py) runs in a child process of its own (this script with --child), so that its peak memory
is the importer's or the exporter's, not the generator's; the workbook's rows come from bench/register_book.py:
1. the portal's import (registers.importer.import_workbook), then the same file again (nothing new);
2. the export of 10,000 and of all the rows (reception.register.write_visits, complaints.register.write_petitions):
   time and growth of the peak RSS; with --tracemalloc also the peak of Python's allocations (several times slower);
3. django-import-export's default path on the same rows (TiepCongDan only): a plain ModelResource for Visit, the foreign
   keys resolved beforehand and not timed, resource.import_data(dataset, dry_run=False); on --iie-rows rows,
   extrapolated linearly to --rows.
Peak memory is the kernel's high-water mark of the child's resident set (VmHWM): the whole process, Django included.
The figures are kept in bench/README.md.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402 (the project root is on the path from here)
    Clock,
    database_facts,
    load,
    load_reference_data,
    machine_facts,
    recreate_postgres,
    setup_django,
)
from bench.register_book import REGISTERS, load_places, write_workbook  # noqa: E402
from bench.register_steps import CHILDREN  # noqa: E402

TARGET_SECONDS, TARGET_MIB = 20, 300
EXPORT_RATIO = 1.2
EXPORT_SMALL = 10_000


# ---- Django and the database ------------------------------------------------------------------------------------


def prepare_database(workdir: Path) -> str:
    """Points DATABASE_URL at an empty database; returns its vendor ("sqlite" or "postgresql")."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        recreate_postgres(url)
        return "postgresql"
    if url:
        raise SystemExit("DATABASE_URL must be postgres://…; leave it unset for a throw-away SQLite file.")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    return "sqlite"


def run_child(step: str, options: argparse.Namespace, file: Path, *arguments: str) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", step, "--sheet", options.sheet, "--file", str(file), *arguments]
    finished = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if finished.returncode:
        raise SystemExit(f"the {step} step failed (exit {finished.returncode}): {finished.stdout[-2000:]}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


# ---- The run --------------------------------------------------------------------------------------------------


def mib(kib: float) -> str:
    return f"{kib / 1024:,.0f} MiB"


def times(step: dict[str, Any]) -> str:
    return f"{step['seconds']:.1f} s (CPU {step['cpu']:.1f} s)"


def report(line: str = "") -> None:
    print(line, flush=True)


def benchmark(options: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="danvan-bench-", dir="/tmp"))
    vendor = prepare_database(workdir)
    try:
        run(options, workdir)
    finally:
        from django.db import connections

        connections.close_all()
        if options.keep:
            report(f"kept: {workdir}" + (", and the database" if vendor == "postgresql" else ""))
        else:
            if vendor == "postgresql":
                recreate_postgres(os.environ["DATABASE_URL"], drop_only=True)
            for path in sorted(workdir.iterdir()):
                path.unlink()
            workdir.rmdir()


def run(options: argparse.Namespace, workdir: Path) -> None:
    setup_django()
    from django.apps import apps
    from django.db import connections

    register = REGISTERS[options.sheet]
    model = apps.get_model(register.model)
    report(f"danvan register benchmark, {datetime.now():%Y-%m-%d %H:%M}")
    report(f"machine: {machine_facts()}; {load()}")
    report(f"database: {database_facts()}")
    clock = Clock()
    units, agencies = load_reference_data()
    report(f"setup: migrated, {units:,} units of both eras, {agencies:,} agencies, in {clock.stop()['seconds']:.1f} s")

    path = workdir / "registers.xlsx"
    clock = Clock()
    columns = write_workbook(path, options.sheet, options.rows, load_places())
    report(
        f"workbook: sheet {options.sheet}, {options.rows:,} rows × {columns} columns, "
        f"{path.stat().st_size / 2**20:.1f} MiB, generated in {clock.stop()['seconds']:.1f} s"
    )
    connections.close_all()

    report()
    first = run_child("import", options, path, *(("--profile",) if options.profile else ()))
    counts = first["counts"].get(options.sheet, {})
    landed = model.objects.count()
    connections.close_all()
    report(
        f"import (portal: python-calamine, checks, bulk writes): {counts.get('rows', 0):,} rows in {times(first)} "
        f"= {counts.get('rows', 0) / first['seconds']:,.0f} rows/s; peak RSS {mib(first['peak_kib'])} "
        f"({mib(first['start_kib'])} of it before the import), of its reader process "
        f"{mib(first['children_peak_kib'])}; {load()}"
    )
    if first["problems"]:
        report(f"  {first['problems']:,} problems, nothing written; first: {first['first_problems']}")
    met = first["seconds"] <= TARGET_SECONDS and first["peak_kib"] / 1024 <= TARGET_MIB
    everything = landed == options.rows == counts.get("new")
    report(
        f"  {landed:,} {register.noun} in the database for {options.rows:,} rows: {'all' if everything else 'NOT ALL'}"
        f" landed; target ≤ {TARGET_SECONDS} s and ≤ {TARGET_MIB} MiB: {'met' if met else 'MISSED'}"
    )
    again = run_child("import", options, path)
    counts = again["counts"].get(options.sheet, {})
    report(
        f"re-import of the same file: {counts.get('new', 0):,} new of {counts.get('rows', 0):,} rows in "
        f"{times(again)}; peak RSS {mib(again['peak_kib'])}"
    )

    check = run_child("check", options, path)
    report(
        f"check only (the read phase, nothing written): {times(check)}; peak RSS {mib(check['peak_kib'])}, of its "
        f"reader process {mib(check['children_peak_kib'])}"
    )
    bare = run_child("calamine", options, path)
    report(
        f"  floor: python-calamine's bare read of the same sheet, {bare['rows']:,} rows in {times(bare)}, peak RSS "
        f"{mib(bare['peak_kib'])}; import / bare read: {first['seconds'] / bare['seconds']:.1f}×"
    )

    if not options.no_export:
        report()
        for size in dict.fromkeys((min(EXPORT_SMALL, landed), 0)):
            extra = ("--tracemalloc",) if options.tracemalloc else ()
            timed = run_child("export", options, path, "--size", str(size))
            line = (
                f"export of {timed['rows']:,} {register.noun} ({register.export.rsplit('.', 1)[1]}, XlsxWriter "
                f"constant memory): {times(timed)}, {timed['bytes'] / 2**20:.1f} MiB file; peak RSS "
                f"+{mib(timed['peak_kib'] - timed['start_kib'])} over {mib(timed['start_kib'])}"
            )
            if extra:
                traced = run_child("export", options, path, "--size", str(size), *extra)
                line += f"; tracemalloc peak {traced['traced_peak'] / 2**20:.1f} MiB ({traced['seconds']:.0f} s traced)"
            report(line)
        floor = run_child("xlsxwriter", options, path.with_name("export-all.xlsx"))
        ratio = timed["seconds"] / floor["seconds"]
        report(
            f"  floor: XlsxWriter constant memory writing the same {floor['rows']:,} rows' cells: {times(floor)}, "
            f"{floor['bytes'] / 2**20:.1f} MiB file; peak RSS +{mib(floor['peak_kib'] - floor['start_kib'])}; "
            f"export / floor: {ratio:.2f}× (CPU {timed['cpu'] / floor['cpu']:.2f}×); target ≤ {EXPORT_RATIO}×: "
            f"{'met' if ratio <= EXPORT_RATIO else 'MISSED'}"
        )

    if options.iie_rows and options.sheet == "TiepCongDan":
        report()
        library = run_child("iie", options, path, "--size", str(min(options.iie_rows, options.rows)))
        whole = library["seconds"] * options.rows / library["rows"]
        report(
            f"django-import-export, ModelResource.import_data(dry_run=False): {library['rows']:,} rows in "
            f"{times(library)} = {library['rows'] / library['seconds']:,.0f} rows/s; {library['created']:,} visits "
            f"created; errors: {library['first_error'] or 'none'}; peak RSS "
            f"+{mib(library['peak_kib'] - library['start_kib'])} over {mib(library['start_kib'])}; rows prepared "
            f"beforehand in {library['prepared_seconds']:.1f} s (not timed)"
        )
        if library["rows"] < options.rows:
            report(f"  extrapolated linearly to {options.rows:,} rows: {whole:,.0f} s (not measured)")
        report(
            f"  {options.rows:,} rows: portal {first['seconds']:.1f} s, django-import-export {whole:,.0f} s; "
            f"ratio {whole / first['seconds']:.1f}×"
        )
    elif options.iie_rows:
        report("\ndjango-import-export: compared on TiepCongDan only")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the generated workbook")
    parser.add_argument(
        "--iie-rows", type=int, default=10_000, help="rows given to django-import-export (0: skip); extrapolated"
    )
    parser.add_argument("--sheet", choices=sorted(REGISTERS), default="TiepCongDan", help="the register to generate")
    parser.add_argument("--no-export", action="store_true", help="skip the export timings")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace the exports' allocations (slow)")
    parser.add_argument("--keep", action="store_true", help="keep the workbook, the exports and the database")
    parser.add_argument("--profile", action="store_true", help="profile the import with cProfile (slower)")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        setup_django()
        print(json.dumps(CHILDREN[options.child](options), default=str))
    else:
        benchmark(options)


if __name__ == "__main__":
    main()
