"""The task worker goes on when PostgreSQL ends its connection mid-task (``pg_terminate_backend``, as a restart of
the server or an administrator would): the job that broke on it fails with a message, the task that did not catch the
error is recorded as failed, and the next task runs. The tests commit what they arrange (``transaction=True``), and
the country is loaded again after them."""

import threading
import time

import pytest
from django.db import connection, connections
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from registers import jobs
from registers.models import RegisterImport
from tests.test_db_worker import an_import_to_check, outcomes, queue, run_worker  # noqa: F401 (queue: a fixture)
from worklist import jobs as worklist_jobs

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("country_loaded_again", "queue"),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="ends a PostgreSQL connection"),
]
ENDED = "terminating connection due to administrator command"


def end_this_threads_connection() -> None:
    """Ends this thread's database connection from another one, and waits until the server has let it go."""
    pid = connection.connection.info.backend_pid

    def end() -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
                for _ in range(100):
                    cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid])
                    if not cursor.fetchone()[0]:
                        return
                    time.sleep(0.05)
        finally:
            connections.close_all()

    thread = threading.Thread(target=end)
    thread.start()
    thread.join()


def test_an_import_whose_connection_ends_midway_fails_with_a_message_and_the_worker_goes_on(monkeypatch):
    def cut_off(*arguments, **options):
        end_this_threads_connection()
        RegisterImport.objects.count()  # the import's next query meets the ended connection

    monkeypatch.setattr(jobs, "import_workbook", cut_off)
    job = an_import_to_check(b"a workbook")
    worklist_jobs.send_reminders_of.enqueue("2026-03-09")

    run_worker()

    job.refresh_from_db()
    assert (job.status, job.message) == (RegisterImport.Status.FAILED, f"{jobs.FAILED_MESSAGE} Chi tiết: {ENDED}")
    assert outcomes() == [TaskResultStatus.SUCCESSFUL, TaskResultStatus.SUCCESSFUL]


def test_a_task_that_breaks_on_an_ended_connection_is_recorded_as_failed_and_the_next_one_runs(monkeypatch):
    def cut_off(*, on):
        end_this_threads_connection()
        RegisterImport.objects.count()

    monkeypatch.setattr(worklist_jobs, "send_reminders", cut_off)
    worklist_jobs.send_reminders_of.enqueue("2026-03-09")
    after = an_import_to_check(b"not a workbook")

    run_worker()

    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    after.refresh_from_db()
    assert (failed.exception_class_path, ENDED in failed.traceback) == ("django.db.utils.OperationalError", True)
    assert (after.status, outcomes()) == (
        RegisterImport.Status.FAILED,  # the file is no workbook: the import ran and said so
        [TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL],
    )
