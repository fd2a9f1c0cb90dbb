"""Importing a workbook of registers: every sheet is read and every row checked first; only when no row has a problem
is anything written, all sheets in one transaction. A row imported before (same key) is skipped, and so is a row
carrying the code of a record the portal holds (its sheet says which), so importing the same file again, or a file
the portal exported, writes nothing new."""

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO

from django.db import transaction

from danvan.models import Staff
from danvan.sheets.inserts import bulk_cache, insert_rows, present
from danvan.sheets.inspection import inspect_workbook
from danvan.sheets.isolation import IsolatedSheet, IsolatedWorkbook
from danvan.sheets.lookups import Lookups
from danvan.sheets.reader import open_workbook, read_sheet
from danvan.sheets.registry import Context, ImportSheet, Record, registers
from danvan.sheets.rows import Layout, Problem, Row, ValueGroup
from registers.models import ImportedRow, RegisterImport

PROGRESS_EVERY = 2000
# The errors kept one by one: a file wrong in every cell has a million (113 MB of JSON, seconds to show); the first
# thousand say what to fix, the counts by kind say how much of it.
KEPT_PROBLEMS = 1000

Progress = Callable[[int, int], None]
# The choices for values no catalogue value matches, by (sheet, column, compacted value): a label, or SKIP.
Choices = Mapping[tuple[str, str, str], str]


@dataclass
class ImportOutcome:
    """What an import found: per sheet the rows read, those with a problem, those skipped by a choice, those new and
    those imported before; the first ``KEPT_PROBLEMS`` problems, how many there are and how many of each kind
    (``Problem.kind``); the values no catalogue value matched, once per sheet, column and value."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    problem_kinds: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    values: list[ValueGroup] = field(default_factory=list)
    written: bool = False

    @property
    def new(self) -> int:
        return sum(count["new"] for count in self.counts.values())

    def note(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.problem_count += 1
            self.problem_kinds[problem.kind] += 1
            if len(self.problems) < KEPT_PROBLEMS:
                self.problems.append(problem)


def import_workbook(
    source: str | IO[bytes],
    *,
    by: Staff | None,
    writable: Iterable[int] | None = None,
    write: bool = True,
    progress: Progress | None = None,
    batch: RegisterImport | None = None,
    choices: Choices | None = None,
) -> ImportOutcome:
    """Checks every row of the register sheets in ``source`` and, when ``write`` and no row has a problem, writes the
    new rows. ``writable`` limits the agencies rows may belong to; ``progress(done, total)`` follows the rows read and
    then, when writing, the new rows written (the total grows by them once they are known); ``choices`` say what a
    value no catalogue value matches stands for, or that its rows are skipped."""
    importers = _importers()
    outcome = ImportOutcome()
    with open_workbook(source, sheets=[sheet.name for sheet in importers]) as workbook:
        # The catalogues are loaded while the reading process opens the workbook, and not for a file refused.
        context = Context(Lookups(), None if writable is None else frozenset(writable), by)
        sheets = [sheet for sheet in importers if sheet.name in workbook.sheet_names]
        if not sheets:
            names = ", ".join(sheet.name for sheet in importers)
            outcome.note([Problem("", 0, "", f"Tệp không có sheet nào trong số: {names}.")])
            return outcome
        parsed, done = _read_sheets(workbook, sheets, choices, context, outcome, progress)
    # The reading process has ended here: its memory is free for the writing.
    if write and not outcome.problems:
        _write(parsed, context, batch, _follow_writing(progress, done, sum(len(keys) for _, _, keys in parsed)))
        outcome.written = True
        done += outcome.new
    if progress:
        progress(done, done)
    return outcome


def check_workbook(source: IO[bytes]) -> None:
    """Refuses (``UnreadableWorkbook``, with the message to show) a file that is no workbook or that is larger than
    the limits, before it is kept: the check every import makes first."""
    inspect_workbook(source, sheets=[sheet.name for sheet in _importers()])


def _importers() -> list[ImportSheet]:
    return [entry.importer for entry in registers()]


def _read_sheets(
    workbook: IsolatedWorkbook,
    sheets: list[ImportSheet],
    choices: Choices | None,
    context: Context,
    outcome: ImportOutcome,
    progress: Progress | None,
) -> tuple[list[tuple[ImportSheet, list[Record], list[str]]], int]:
    """Each sheet's new records with their keys, and how many rows were read; counts and problems go to ``outcome``."""
    # A workbook of one sheet (the usual large file) is parsed once. With several, their sizes are read first for the
    # progress, then each is parsed again when its turn comes, so that one sheet at a time is held in memory.
    loaded = {}
    if len(sheets) == 1:
        loaded[sheets[0].name] = workbook.sheet(sheets[0].name)
        total = loaded[sheets[0].name].height
    else:
        total = sum(workbook.height(sheet.name) for sheet in sheets)
    done = 0
    parsed: list[tuple[ImportSheet, list[Record], list[str]]] = []
    for sheet in sheets:
        chosen = {(column, key): label for (name, column, key), label in (choices or {}).items() if name == sheet.name}
        records, read, skipped = _read(
            sheet, _sheet(workbook, loaded, sheet.name), chosen, context, outcome, (done, total, progress)
        )
        done += read
        keys = _keys(sheet.name, records)
        existing = present(ImportedRow.objects.all(), "key", keys)
        recorded = sheet.recorded(records)  # rows that carry the code of a record held (an export of the portal)
        new = []
        for index, (record, key) in enumerate(zip(records, keys, strict=True)):
            if key not in existing and index not in recorded:  # a row repeated in the file is the same row
                existing.add(key)
                new.append((record, key))
        outcome.counts[sheet.name] = {
            "rows": read,
            "invalid": read - skipped - len(records),
            "skipped": skipped,
            "new": len(new),
            "existing": len(records) - len(new),
        }
        parsed.append((sheet, [record for record, _ in new], [key for _, key in new]))
    return parsed, done


def _write(
    parsed: list[tuple[ImportSheet, list[Record], list[str]]],
    context: Context,
    batch: RegisterImport | None,
    written: Callable[[int], None],
) -> None:
    """Every sheet's new rows in one transaction; ``written(rows)`` follows the rows of the sheets' own tables."""
    batch_id = batch.pk if batch else None
    before = 0
    with transaction.atomic(), bulk_cache():
        for sheet, records, keys in parsed:
            context.written = lambda rows, before=before: written(before + rows)
            sheet.write(records, context)
            insert_rows(ImportedRow, ("key", "sheet", "batch_id"), ((key, sheet.name, batch_id) for key in keys))
            before += len(keys)
            written(before)
    context.written = None


def _follow_writing(progress: Progress | None, read: int, new: int) -> Callable[[int], None]:
    """The progress while writing: the rows read, then each new row written, of all the rows read and to write."""

    def written(rows: int) -> None:
        if progress:
            progress(read + min(rows, new), read + new)

    return written


def _sheet(workbook: IsolatedWorkbook, loaded: dict[str, IsolatedSheet], name: str) -> IsolatedSheet:
    """The sheet ``name``: the one parsed already, or parsed now."""
    return loaded.pop(name) if name in loaded else workbook.sheet(name)


def _read(sheet, grid, choices, context, outcome, follow) -> tuple[list[Record], int, int]:
    """The valid records of a sheet, how many data rows it has and how many a choice skipped; the problems and each
    value no catalogue value matched go to ``outcome``. A skipped row's problems are dropped with it."""
    done, total, progress = follow
    found = read_sheet(grid)
    if found is None:
        outcome.note([Problem(sheet.name, 0, "", "Không tìm thấy dòng tiêu đề (ô đầu tiên là “STT”).")])
        return [], 0, 0
    layout = Layout(sheet.name, found.header_row, found.columns, sheet.headers, choices)
    if layout.problems:
        outcome.note(layout.problems)
        return [], 0, 0
    records = []
    read = skipped = 0
    for number, cells in found.rows:
        problems: list[Problem] = []
        row = Row(layout, number, cells, problems)
        record = sheet.parse(row, context)
        layout.tally(row)
        if row.skipped:
            skipped += 1
        elif record is not None and not problems:
            records.append(record)
        else:
            outcome.note(problems)
        read += 1
        if progress and (done + read) % PROGRESS_EVERY == 0:
            progress(min(done + read, total), total)
    outcome.values.extend(group for group in layout.values.values() if group.rows)
    return records, read, skipped


def _keys(sheet: str, records: list[Record]) -> list[str]:
    """Each row's key: its sheet, agency, date and Mã hồ sơ; or, without Mã hồ sơ, all its values and how many equal
    rows came before it in the file (two identical rows are two rows)."""
    seen: Counter[str] = Counter()
    keys = []
    for record in records:
        if record["reference"]:
            material = f"{sheet}\x1f{record['agency']}\x1f{record['date']:%Y-%m-%d}\x1f{record['reference']}"
        else:
            values = repr(sorted(record.items()))
            seen[values] += 1
            material = f"{sheet}\x1f{values}\x1f{seen[values]}"
        keys.append(hashlib.sha256(material.encode()).hexdigest())
    return keys
