"""`python manage.py db_worker`: django-tasks-db's worker, kept alive when the database drops its connection.

The library's worker exits on any database error outside a task: when claiming the next task, and when recording the
failure of a task that broke on the connection (the record goes over the same broken connection); the task then stays
"running" forever. This worker closes a broken connection before recording a failure, so that it goes over a new one,
and when the database cannot be reached it tries again every few seconds instead of exiting. The options are the
library's. This command takes the library's name because ``danvan`` comes before ``django_tasks_db`` in
INSTALLED_APPS.
"""

import logging
import os
import time

from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from danvan.reconnect import drop_broken_connections

logger = logging.getLogger("django_tasks_db")
# What a connection the server ended raises: the next query on it, or opening a new one while the server is down.
LOST = (OperationalError, InterfaceError)
RETRY_SECONDS = 5.0


class ReconnectingWorker(db_worker.Worker):
    def run(self) -> None:
        while True:
            try:
                return super().run()
            except LOST:
                logger.exception("The task worker lost the database; it tries again in %s s.", RETRY_SECONDS)
                drop_broken_connections()
                time.sleep(RETRY_SECONDS)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        record_failure = db_task_result.set_failed

        def record_over_a_working_connection(error: BaseException) -> None:
            drop_broken_connections()  # the task may have failed because the server ended the connection
            record_failure(error)

        db_task_result.set_failed = record_over_a_working_connection
        super().run_task(db_task_result)


class Command(db_worker.Command):
    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        exclude_queues: str,
        reload: bool,
        batch: bool,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ReconnectingWorker(
            queue_names=queue_names,
            excluded_queue_names=excluded_queue_names,
            batch=batch,
            **{name: options[name] for name in ("interval", "backend_name", "startup_delay", "max_tasks", "worker_id")},
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the child the reloader runs
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
