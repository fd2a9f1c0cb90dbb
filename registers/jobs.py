"""Register imports as jobs: a small file is checked or written in the request; a large one goes to the task queue
(django-tasks), and its page follows the progress stored on the ``RegisterImport``."""

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from django.db import connection, connections
from django.utils import timezone
from django_tasks import task

from danvan.permissions import Action, agencies_granted, ensure_can_import
from danvan.reconnect import drop_broken_connections
from danvan.sheets.reader import UnreadableWorkbook
from danvan.sheets.rows import ValueGroup
from registers.importer import ImportOutcome, import_workbook
from registers.mappings import importing_agency, saved_choices
from registers.models import RegisterImport, failure_message

# Files up to this size are handled while the user waits; larger ones on the queue (about 2,000 rows).
IN_REQUEST_BYTES = 256 * 1024
Status = RegisterImport.Status
FAILED_MESSAGE = "Lỗi khi xử lý tệp; không dòng nào được nhập. Hãy thử lại hoặc báo quản trị hệ thống."
ROWS_SHOWN = 10  # the rows of a value the preview lists
logger = logging.getLogger("registers")


def start(job: RegisterImport, *, write: bool) -> bool:
    """Checks (``write`` False) or imports the job's file, at once when small, else on the task queue. A write starts
    only from a checked file, claimed in one statement, so that a second click never imports it twice. Refused
    (``PermissionDenied``) unless the job's creator imports registers; each row is written only for the agencies
    they import for."""
    ensure_can_import(job.created_by)
    jobs = RegisterImport.objects.filter(pk=job.pk)
    started = {"rows_done": 0, "message": "", "progress_at": timezone.now()}
    if write:
        claimed = jobs.filter(status=Status.CHECKED).update(status=Status.WRITING, **started)
        if not claimed:
            return False
    else:
        jobs.update(status=Status.CHECKING, **started)
    if job.file.size <= IN_REQUEST_BYTES:
        run(job.pk, write)
    else:
        run_import.enqueue(job.pk, write)
    return True


@task()
def run_import(job_id: int, write: bool) -> None:
    run(job_id, write)


def run(job_id: int, write: bool) -> ImportOutcome | None:
    """Checks or imports the job's file; nothing when the job is no longer waiting for it (failed as stalled while it
    waited in the queue). Whatever goes wrong fails the job with what it was, so that its page stops waiting."""
    waiting = RegisterImport.objects.filter(pk=job_id, status=Status.WRITING if write else Status.CHECKING)
    if not waiting.update(progress_at=timezone.now()):
        return None
    job = RegisterImport.objects.select_related("created_by").get(pk=job_id)
    writable = None
    if job.created_by is not None and not job.created_by.is_superuser:
        writable = agencies_granted(job.created_by, Action.IMPORT).values_list("pk", flat=True)
    choices = saved_choices(importing_agency(job.created_by)) if job.created_by is not None else {}
    try:
        with job.file.open("rb") as source, _progress_of(job_id, aside=write) as progress:
            outcome = import_workbook(
                source, by=job.created_by, writable=writable, write=write, progress=progress, batch=job, choices=choices
            )
    except UnreadableWorkbook as error:
        _fail(job_id, str(error))
        return None
    except Exception as error:
        logger.exception("register import %s failed", job_id)
        _fail(job_id, failure_message(FAILED_MESSAGE, error))
        return None
    _finish(
        job_id,
        _status_of(outcome),
        counts=outcome.counts,
        problems=[[p.sheet, p.row, p.column, p.message] for p in outcome.problems if not p.grouped],
        problems_total=outcome.problem_count,
        problem_kinds=[[*kind, count] for kind, count in outcome.problem_kinds.most_common()],
        values=[_value(group) for group in outcome.values],
    )
    return outcome


@contextmanager
def _progress_of(job_id: int, *, aside: bool) -> Iterator[Callable[[int, int], None]]:
    """Saves the job's progress. A write runs in one transaction, which the page cannot see into until it commits: with
    ``aside`` the progress goes over a connection of its own (a thread's), committed at once, so that the bar follows
    the rows written. Not on SQLite, which takes one writer at a time: there the progress of writing lands with it."""

    def save(done: int, total: int) -> None:
        RegisterImport.objects.filter(pk=job_id).update(
            rows_done=min(done, total), rows_total=total, progress_at=timezone.now()
        )

    if not aside or connection.vendor == "sqlite":
        yield save
        return
    with ThreadPoolExecutor(max_workers=1) as thread:
        try:
            yield lambda done, total: thread.submit(save, done, total).result()
        finally:
            thread.submit(connections.close_all).result()


def _value(group: ValueGroup) -> dict:
    """A value no catalogue value matched, as the preview shows it (its rows counted, the first few listed)."""
    return {
        "sheet": group.sheet,
        "column": group.column,
        "key": group.key,
        "value": group.value,
        "reason": group.reason,
        "choices": list(group.choices),
        "applied": group.applied,
        "rows": len(group.rows),
        "lines": group.rows[:ROWS_SHOWN],
    }


def _status_of(outcome: ImportOutcome) -> str:
    if outcome.problems:
        return Status.INVALID
    return Status.DONE if outcome.written else Status.CHECKED


def _fail(job_id: int, message: str) -> None:
    """Whatever went wrong, the page must stop waiting; the transaction wrote nothing. A connection the error broke
    (the database server ended it) is dropped first, so that the failure is saved over a new one."""
    drop_broken_connections()
    _finish(job_id, Status.FAILED, message=message)


def _finish(job_id: int, status: str, **fields) -> None:
    finished_at = timezone.now() if status in (Status.DONE, Status.FAILED, Status.INVALID) else None
    RegisterImport.objects.filter(pk=job_id).update(status=status, finished_at=finished_at, **fields)
