"""Register imports as jobs: a small file is checked or written in the request; a large one goes to the task queue
(django-tasks), and its page follows the progress stored on the ``RegisterImport``."""

import logging

from django.utils import timezone
from django_tasks import task

from danvan.permissions import Action, agencies_granted, ensure_can_import
from danvan.sheets.reader import UnreadableWorkbook
from registers.importer import ImportOutcome, import_workbook
from registers.models import RegisterImport

# Files up to this size are handled while the user waits; larger ones on the queue (about 2,000 rows).
IN_REQUEST_BYTES = 256 * 1024
Status = RegisterImport.Status
FAILED_MESSAGE = "Lỗi khi xử lý tệp; không dòng nào được nhập. Hãy thử lại hoặc báo quản trị hệ thống."
logger = logging.getLogger("registers")


def start(job: RegisterImport, *, write: bool) -> bool:
    """Checks (``write`` False) or imports the job's file, at once when small, else on the task queue. A write starts
    only from a checked file, claimed in one statement, so that a second click never imports it twice. Refused
    (``PermissionDenied``) unless the job's creator imports registers; each row is written only for the agencies
    they import for."""
    ensure_can_import(job.created_by)
    jobs = RegisterImport.objects.filter(pk=job.pk)
    if write:
        claimed = jobs.filter(status=Status.CHECKED).update(status=Status.WRITING, rows_done=0, message="")
        if not claimed:
            return False
    else:
        jobs.update(status=Status.CHECKING, rows_done=0, message="")
    if job.file.size <= IN_REQUEST_BYTES:
        run(job.pk, write)
    else:
        run_import.enqueue(job.pk, write)
    return True


@task()
def run_import(job_id: int, write: bool) -> None:
    run(job_id, write)


def run(job_id: int, write: bool) -> ImportOutcome | None:
    job = RegisterImport.objects.select_related("created_by").get(pk=job_id)
    writable = None
    if job.created_by is not None and not job.created_by.is_superuser:
        writable = agencies_granted(job.created_by, Action.IMPORT).values_list("pk", flat=True)

    def progress(done: int, total: int) -> None:
        RegisterImport.objects.filter(pk=job_id).update(rows_done=min(done, total), rows_total=total)

    try:
        with job.file.open("rb") as source:
            outcome = import_workbook(
                source, by=job.created_by, writable=writable, write=write, progress=progress, batch=job
            )
    except UnreadableWorkbook as error:
        _finish(job_id, Status.FAILED, message=str(error))
        return None
    except Exception:
        # Whatever went wrong, the page must stop waiting: the transaction wrote nothing.
        logger.exception("register import %s failed", job_id)
        _finish(job_id, Status.FAILED, message=FAILED_MESSAGE)
        return None
    _finish(
        job_id,
        _status_of(outcome),
        counts=outcome.counts,
        problems=[[p.sheet, p.row, p.column, p.message] for p in outcome.problems],
    )
    return outcome


def _status_of(outcome: ImportOutcome) -> str:
    if outcome.problems:
        return Status.INVALID
    return Status.DONE if outcome.written else Status.CHECKED


def _finish(job_id: int, status: str, **fields) -> None:
    finished_at = timezone.now() if status in (Status.DONE, Status.FAILED, Status.INVALID) else None
    RegisterImport.objects.filter(pk=job_id).update(status=status, finished_at=finished_at, **fields)
