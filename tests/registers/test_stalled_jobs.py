"""A register job whose worker died (killed, out of memory, its machine restarted) never says so: once it has shown no
progress for the setting REGISTER_JOB_STALLED_AFTER, its page shows it failed with a message, stores it so and stops
polling, and a worker that reaches it later leaves it failed. Every final state stops the polling."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from danvan.models import Role
from registers import export_jobs, jobs
from registers.models import RegisterExport, RegisterImport
from tests.factories import staff_with_role
from tests.registers.test_visits_sheet import visit_row, visits_book

pytestmark = pytest.mark.django_db

Import, Export = RegisterImport.Status, RegisterExport.Status
POLLING = 'hx-trigger="every 1s"'
LONG_AGO = timedelta(minutes=16)  # the setting is 15 minutes


@pytest.fixture
def leader(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.LEADER)


@pytest.fixture
def leader_client(client, leader):
    client.force_login(leader)
    return client


def an_import(by, *, status=Import.CHECKING, silent_for=LONG_AGO) -> RegisterImport:
    return RegisterImport.objects.create(
        file=SimpleUploadedFile("so.xlsx", visits_book(visit_row()).getvalue()),
        filename="so.xlsx",
        created_by=by,
        status=status,
        progress_at=timezone.now() - silent_for,
    )


def an_export(by, *, status=Export.QUEUED, silent_for=LONG_AGO) -> RegisterExport:
    return RegisterExport.objects.create(
        created_by=by,
        date_from=date(2026, 3, 1),
        date_to=date(2026, 3, 31),
        registers=["TiepCongDan"],
        status=status,
        progress_at=timezone.now() - silent_for,
    )


def polled(client, job) -> str:
    return client.get(job.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()


def test_an_import_silent_for_longer_than_the_setting_is_shown_and_stored_as_failed(leader_client, leader):
    job = an_import(leader)

    page = polled(leader_client, job)

    job.refresh_from_db()
    assert (job.status, job.message) == (Import.FAILED, "Tiến trình xử lý đã dừng; hãy tải tệp lên lại.")
    assert (job.message in page, POLLING in page) == (True, False)


def test_an_import_that_showed_progress_within_the_setting_is_still_followed(leader_client, leader):
    job = an_import(leader, silent_for=timedelta(minutes=14))

    page = polled(leader_client, job)

    job.refresh_from_db()
    assert (job.status, job.message, POLLING in page) == (Import.CHECKING, "", True)


def test_the_silence_a_job_is_allowed_is_a_setting(leader_client, leader, settings):
    settings.REGISTER_JOB_STALLED_AFTER = timedelta(hours=1)
    job = an_import(leader)

    polled(leader_client, job)

    job.refresh_from_db()
    assert job.status == Import.CHECKING


def test_the_list_of_imports_shows_and_stores_a_stalled_one_as_failed(leader_client, leader):
    job = an_import(leader, status=Import.WRITING)

    page = leader_client.get(reverse("registers:import")).content.decode()

    job.refresh_from_db()
    assert (job.status, "Không nhập được" in page) == (Import.FAILED, True)


def test_a_stalled_export_is_shown_and_stored_as_failed(leader_client, leader):
    job = an_export(leader, status=Export.WRITING)

    page = polled(leader_client, job)

    job.refresh_from_db()
    assert (job.status, job.message) == (Export.FAILED, "Tiến trình xử lý đã dừng; hãy xuất lại.")
    assert (job.message in page, POLLING in page) == (True, False)


def test_the_list_of_exports_shows_and_stores_a_stalled_one_as_failed(leader_client, leader):
    job = an_export(leader)

    page = leader_client.get(reverse("registers:export")).content.decode()

    job.refresh_from_db()
    assert (job.status, "Không xuất được" in page) == (Export.FAILED, True)


def test_a_worker_reaching_an_import_failed_as_stalled_leaves_it_failed(leader_client, leader):
    job = an_import(leader)
    polled(leader_client, job)

    outcome = jobs.run(job.pk, write=False)

    job.refresh_from_db()
    assert (outcome, job.status, job.counts) == (None, Import.FAILED, {})


def test_a_worker_reaching_an_export_failed_as_stalled_leaves_it_failed(leader_client, leader):
    job = an_export(leader)
    polled(leader_client, job)

    export_jobs.run_export.call(job.pk)

    job.refresh_from_db()
    assert (job.status, job.file.name) == (Export.FAILED, "")


def test_each_step_of_progress_keeps_an_import_from_stalling(leader, monkeypatch):
    job = an_import(leader)
    seen = []

    def reports_progress(*arguments, progress, **options):
        seen.append(RegisterImport.objects.get(pk=job.pk).progress_at)
        progress(1, 2)
        seen.append(RegisterImport.objects.get(pk=job.pk).progress_at)
        raise RuntimeError("stopped after its first step")

    monkeypatch.setattr(jobs, "import_workbook", reports_progress)

    jobs.run(job.pk, write=False)

    assert seen[1] > seen[0]


@pytest.mark.parametrize("status", [Import.CHECKED, Import.INVALID, Import.DONE, Import.FAILED])
def test_the_page_of_an_import_stops_polling_once_it_has_ended(leader_client, leader, status):
    job = an_import(leader, status=status, silent_for=timedelta(0))

    assert POLLING not in polled(leader_client, job)


@pytest.mark.parametrize("status", [Import.QUEUED, Import.CHECKING, Import.WRITING])
def test_the_page_of_an_import_polls_while_it_runs(leader_client, leader, status):
    job = an_import(leader, status=status, silent_for=timedelta(0))

    assert POLLING in polled(leader_client, job)


@pytest.mark.parametrize("status", [Export.DONE, Export.FAILED])
def test_the_page_of_an_export_stops_polling_once_it_has_ended(leader_client, leader, status):
    job = an_export(leader, status=status, silent_for=timedelta(0))

    assert POLLING not in polled(leader_client, job)
