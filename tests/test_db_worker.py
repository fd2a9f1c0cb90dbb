"""The task worker (`manage.py db_worker`, danvan's over django-tasks-db's) goes on when the database drops its
connection (tests/test_worker_connection_ended.py ends it for real, on PostgreSQL); here, a claim of the next task that
meets a lost connection, simulated on either database. The worker closes a connection it finds inside a transaction, so
a test that runs it commits what it arranges (``transaction=True``), and the country is loaded again after it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command, get_commands
from django.db import OperationalError
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

from danvan.management.commands import db_worker
from registers import jobs
from registers.models import RegisterImport
from tests.registers.test_visits_sheet import visit_row, visits_book


@pytest.fixture
def queue(settings, monkeypatch):
    """The database task queue, as in production; the worker tries again at once after losing the database."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    monkeypatch.setattr(db_worker, "RETRY_SECONDS", 0)


def run_worker() -> None:
    """The worker, in this thread, until the queue is empty."""
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)


def an_import_to_check(content: bytes) -> RegisterImport:
    job = RegisterImport.objects.create(
        file=SimpleUploadedFile("so.xlsx", content), filename="so.xlsx", status=RegisterImport.Status.CHECKING
    )
    jobs.run_import.enqueue(job.pk, False)
    return job


def outcomes() -> list[str]:
    return list(DBTaskResult.objects.order_by("enqueued_at").values_list("status", flat=True))


def test_db_worker_is_the_one_that_reconnects():
    assert get_commands()["db_worker"] == "danvan"


@pytest.mark.django_db(transaction=True)  # the worker closes a connection left in a transaction, as the test's
@pytest.mark.usefixtures("country_loaded_again")
def test_the_worker_goes_on_when_claiming_a_task_meets_a_lost_connection(committee_of_ia_grai, queue, monkeypatch):
    get_locked = DBTaskResultQuerySet.get_locked
    failures = [OperationalError("server closed the connection unexpectedly")]

    def lost_once(tasks):
        if failures:
            raise failures.pop()
        return get_locked(tasks)

    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", lost_once)
    job = an_import_to_check(visits_book(visit_row()).getvalue())

    run_worker()

    job.refresh_from_db()
    assert (failures, job.status, outcomes()) == ([], RegisterImport.Status.CHECKED, [TaskResultStatus.SUCCESSFUL])
