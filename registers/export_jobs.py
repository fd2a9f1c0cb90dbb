"""Register exports as jobs: a workbook of a few thousand rows is written while the user waits; a larger one goes to
the task queue (django-tasks, as large imports do), and its page follows the rows written and then offers the file."""

import logging
from datetime import date
from tempfile import TemporaryFile

from django.core.files import File
from django.utils import timezone
from django_tasks import task

from danvan.models import Staff
from danvan.reconnect import drop_broken_connections
from registers.export import Plan, plan_for_staff, write_registers
from registers.models import RegisterExport, failure_message

# Up to this many rows the workbook is written in the request (about a second); more go to the queue.
IN_REQUEST_ROWS = 3000
Status = RegisterExport.Status
FAILED_MESSAGE = "Lỗi khi ghi tệp. Hãy thử lại hoặc báo quản trị hệ thống."
logger = logging.getLogger("registers")


def queue_export(*, by: Staff, start: date, end: date, registers: list[str], rows: int) -> RegisterExport:
    """Records the export of ``rows`` rows and puts it on the task queue."""
    job = RegisterExport.objects.create(
        created_by=by, date_from=start, date_to=end, registers=registers, rows_total=rows
    )
    run_export.enqueue(job.pk)
    return job


@task()
def run_export(job_id: int) -> None:
    """Writes the export's workbook; nothing when the export no longer waits for it (failed as stalled while it waited
    in the queue). Whatever goes wrong fails it with what it was, so that its page stops waiting."""
    jobs = RegisterExport.objects.filter(pk=job_id)
    if not jobs.filter(status=Status.QUEUED).update(status=Status.WRITING, rows_done=0, progress_at=timezone.now()):
        return
    job = RegisterExport.objects.select_related("created_by").get(pk=job_id)
    try:
        _write(job, plan_for_staff(job.created_by, start=job.date_from, end=job.date_to, registers=job.registers))
    except Exception as error:
        logger.exception("register export %s failed", job_id)
        drop_broken_connections()  # one the error broke (the database server ended it): the failure goes over a new one
        jobs.update(status=Status.FAILED, message=failure_message(FAILED_MESSAGE, error), finished_at=timezone.now())


def _write(job: RegisterExport, plan: Plan) -> None:
    jobs = RegisterExport.objects.filter(pk=job.pk)

    def progress(done: int) -> None:
        # The rows may have grown since they were counted: the total follows.
        jobs.update(rows_done=done, rows_total=max(done, job.rows_total), progress_at=timezone.now())

    with TemporaryFile() as out:
        counts = write_registers(plan, out, by=job.created_by, progress=progress)
        out.seek(0)
        job.file.save(job.filename, File(out), save=False)
    written = sum(counts.values())
    jobs.update(
        status=Status.DONE, file=job.file.name, rows_done=written, rows_total=written, finished_at=timezone.now()
    )
