"""The register benchmark's measured steps, each run in a child process of its own (bench/registers.py --child STEP),
so that its peak memory is the importer's or the exporter's, not the generator's."""

import argparse
import resource
import sys
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench.common import Clock
from bench.register_book import REGISTERS


def children_peak_kib() -> int:
    """The largest peak resident set of the children waited for (the import's sandboxed reader): at least the size
    of this process when it started them, which the reader's own peak is far above."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def peak_kib() -> int:
    """The peak resident set of this process (VmHWM). Not ru_maxrss: Linux carries that over fork and exec, so a
    child's would start at the size of the parent that generated the workbook."""
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))


def reset_peak() -> int:
    """Lowers the peak to the present resident set (Linux ≥ 4.0), to measure what a step adds; returns it in KiB."""
    Path("/proc/self/clear_refs").write_text("5")
    return peak_kib()


def child_import(options: argparse.Namespace, *, write: bool = True) -> dict[str, Any]:
    from registers.importer import import_workbook

    start_kib = peak_kib()
    clock = Clock()
    if options.profile and write:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        outcome = profiler.runcall(import_workbook, str(options.file), by=None)
        profiler.dump_stats(options.file.with_name("import.prof"))
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
    else:
        outcome = import_workbook(str(options.file), by=None, write=write)
    return clock.stop() | {
        "peak_kib": peak_kib(),
        "children_peak_kib": children_peak_kib(),
        "start_kib": start_kib,
        "counts": outcome.counts,
        "problems": len(outcome.problems),
        "first_problems": [str(problem) for problem in outcome.problems[:5]],
        "written": outcome.written,
    }


def child_check(options: argparse.Namespace) -> dict[str, Any]:
    """The import's read phase alone: every row read and checked, nothing written (``import_registers --check``)."""
    return child_import(options, write=False)


def child_export(options: argparse.Namespace) -> dict[str, Any]:
    from django.apps import apps
    from django.utils.module_loading import import_string

    register = REGISTERS[options.sheet]
    model = apps.get_model(register.model)
    records = model.objects.all()
    if options.size:
        last = model.objects.order_by("pk").values_list("pk", flat=True)[options.size - 1]
        records = records.filter(pk__lte=last)
    write = import_string(register.export)
    out = options.file.with_name(f"export-{options.size or 'all'}.xlsx")
    start_kib = reset_peak()
    if options.tracemalloc:
        tracemalloc.start()
    clock = Clock()
    with out.open("wb") as stream:
        count = write(records, stream)
    timed = clock.stop()
    return timed | {
        "rows": count,
        "peak_kib": peak_kib(),
        "start_kib": start_kib,
        "traced_peak": tracemalloc.get_traced_memory()[1] if options.tracemalloc else None,
        "bytes": out.stat().st_size,
    }


def child_calamine(options: argparse.Namespace) -> dict[str, Any]:
    """The floor of reading: python-calamine alone parses the sheet and hands over every row, nothing checked."""
    from python_calamine import CalamineWorkbook

    start_kib = peak_kib()
    clock = Clock()
    sheet = CalamineWorkbook.from_path(str(options.file)).get_sheet_by_name(options.sheet)
    rows = sum(1 for _ in sheet.iter_rows())
    return clock.stop() | {"rows": rows, "peak_kib": peak_kib(), "start_kib": start_kib}


def child_xlsxwriter(options: argparse.Namespace) -> dict[str, Any]:
    """The floor of writing: XlsxWriter in constant-memory mode writes the cells of the portal's export (read back
    with calamine beforehand, not timed), each column with the portal's cell format, nothing else."""
    from python_calamine import CalamineWorkbook
    from xlsxwriter import Workbook

    grid = CalamineWorkbook.from_path(str(options.file)).get_sheet_by_name(options.sheet).to_python()
    out = options.file.with_name("xlsxwriter.xlsx")
    start_kib = reset_peak()
    clock = Clock()
    workbook = Workbook(str(out), {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    sheet = workbook.add_worksheet(options.sheet)
    text = workbook.add_format({"num_format": "@", "text_wrap": True, "border": 1})
    day = workbook.add_format({"num_format": "dd/mm/yyyy", "border": 1})
    for number, cells in enumerate(grid):
        for position, value in enumerate(cells):
            if isinstance(value, date):
                sheet.write_datetime(number, position, value, day)
            elif isinstance(value, str):
                sheet.write_string(number, position, value, text)
            else:
                sheet.write_number(number, position, value, text)
    workbook.close()
    timed = clock.stop()
    return timed | {"rows": len(grid), "peak_kib": peak_kib(), "start_kib": start_kib, "bytes": out.stat().st_size}


def child_import_export(options: argparse.Namespace) -> dict[str, Any]:
    """django-import-export's default path: a plain ModelResource, one Dataset, import_data(dry_run=False).

    What the library cannot do by itself is done beforehand and not timed: the rows read, their labels turned into
    stored values and their codes into agency ids (by the portal's own row reader), their citizens found (the portal's
    import created them). Visits created this way have no session and no case.
    """
    import tablib
    from import_export import resources

    from danvan.models import Citizen
    from danvan.sheets.lookups import Lookups
    from danvan.sheets.reader import open_workbook, read_sheet
    from danvan.sheets.registry import Context
    from danvan.sheets.rows import Layout, Row
    from reception.importer import VISITS
    from reception.models import Visit

    class VisitResource(resources.ModelResource):
        class Meta:
            model = Visit
            fields = (
                *("id", "agency", "received_on", "mode", "receiver", "citizen", "people", "content"),
                *("kind", "field", "result", "reference"),
            )

    clock = Clock()
    context = Context(Lookups(), None, None)
    by_number = dict(Citizen.objects.filter(cccd__isnull=False).values_list("cccd", "pk"))
    by_name = {(name, address): pk for name, address, pk in Citizen.objects.values_list("full_name", "address", "pk")}
    dataset = tablib.Dataset(headers=list(VisitResource.Meta.fields))
    problems: list = []
    with open_workbook(str(options.file), sheets=[VISITS.name]) as workbook:
        found = read_sheet(workbook.sheet(VISITS.name))
        layout = Layout(VISITS.name, found.header_row, found.columns, VISITS.headers)
        for _, cells in found.rows:
            record = VISITS.parse(Row(layout, 0, cells, problems), context)
            citizen = by_number[record.cccd] if record.cccd else by_name[record.name, record.address]
            dataset.append(
                [
                    *(None, record.agency, record.date, record.mode, record.receiver, citizen, record.people),
                    *(record.content, record.kind, record.field, record.result, record.reference),
                ]
            )
            if len(dataset) == options.size:
                break
    prepared = clock.stop()["seconds"]
    del found, by_number, by_name
    before = Visit.objects.count()
    start_kib = reset_peak()
    clock = Clock()
    result = VisitResource().import_data(dataset, dry_run=False)
    return clock.stop() | {
        "prepared_seconds": prepared,
        "rows": len(dataset),
        "created": Visit.objects.count() - before,
        "first_error": _first_error(result),
        "peak_kib": peak_kib(),
        "start_kib": start_kib,
    }


def _first_error(result: Any) -> str:
    if result.base_errors:
        return repr(result.base_errors[0].error)
    for row in result.rows:
        if row.errors:
            return repr(row.errors[0].error)
        if row.validation_error is not None:
            return repr(row.validation_error)
    return ""


CHILDREN: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "import": child_import,
    "check": child_check,
    "export": child_export,
    "iie": child_import_export,
    "calamine": child_calamine,
    "xlsxwriter": child_xlsxwriter,
}
