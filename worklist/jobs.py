"""The daily run of reminders as a job on the task queue (django-tasks): ``manage.py send_reminders`` enqueues it, cron
or a systemd timer calls the command once a day, and any worker (``manage.py db_worker``) runs it."""

from datetime import date

from django_tasks import task

from worklist.services import send_reminders


@task()
def send_reminders_of(day: str) -> int:
    """Sends the digests of ``day`` (ISO) that are not sent yet; returns how many it sent."""
    return send_reminders(on=date.fromisoformat(day))
