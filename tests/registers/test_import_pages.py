"""The import pages: upload → preview with counts and every error → confirm; scoped to what the user may write."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks import default_task_backend

from danvan.models import Role
from reception.models import Visit
from registers import importer, jobs
from registers.models import RegisterImport
from tests.factories import staff_with_role
from tests.registers.test_visits_sheet import visit_row, visits_book

UPLOAD = reverse("registers:import")


def upload(client, book, name="so-tiep-2026.xlsx"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, book.getvalue())}, follow=True)


@pytest.fixture
def leader_client(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.LEADER))
    return client


def test_an_upload_is_checked_and_previewed_without_writing(leader_client):
    response = upload(leader_client, visits_book(visit_row(), visit_row()))

    job = RegisterImport.objects.get()
    assert job.status == RegisterImport.Status.CHECKED
    assert job.counts == {"TiepCongDan": {"rows": 2, "invalid": 0, "skipped": 0, "new": 2, "existing": 0}}
    assert "Xác nhận nhập" in response.content.decode()
    assert not Visit.objects.exists()


def test_confirming_writes_the_rows(leader_client):
    upload(leader_client, visits_book(visit_row(), visit_row()))
    job = RegisterImport.objects.get()

    response = leader_client.post(reverse("registers:import-confirm", args=[job.pk]), follow=True)

    job.refresh_from_db()
    assert job.status == RegisterImport.Status.DONE
    assert Visit.objects.count() == 2
    assert "Đã nhập xong" in response.content.decode()


def test_every_error_is_shown_with_sheet_row_and_column(leader_client):
    response = upload(
        leader_client, visits_book(visit_row(**{"Số người": 0}), visit_row(**{"Ngày tiếp": "32/01/2026"}))
    )

    page = response.content.decode()
    assert RegisterImport.objects.get().status == RegisterImport.Status.INVALID
    assert page.count('class="problem"') == 2
    assert "Tệp có 2 lỗi: không dòng nào được nhập." in page
    assert "Xác nhận nhập" not in page


def test_an_invalid_file_cannot_be_confirmed(leader_client):
    upload(leader_client, visits_book(visit_row(**{"Số người": 0})))
    job = RegisterImport.objects.get()

    leader_client.post(reverse("registers:import-confirm", args=[job.pk]))

    assert not Visit.objects.exists()


def test_a_file_that_is_not_a_workbook_is_explained_and_not_kept(leader_client):
    response = leader_client.post(UPLOAD, {"file": SimpleUploadedFile("so.xlsx", b"not a workbook")}, follow=True)

    assert not RegisterImport.objects.exists()
    assert "Tệp không phải là tệp Excel (.xlsx, .xls) hay bảng tính .ods" in response.content.decode()


def test_rows_of_an_agency_outside_the_users_scope_are_errors(client, committee_of_pleiku, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_pleiku, Role.RECEPTIONIST))

    response = upload(client, visits_book(visit_row()))

    assert "Bạn không có quyền nhập số liệu cho cơ quan này." in response.content.decode()


def test_a_reporter_may_not_import(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.REPORTER))

    assert client.get(UPLOAD).status_code == 403


def test_another_users_import_does_not_exist_for_them(leader_client, client, committee_of_ia_grai):
    upload(leader_client, visits_book(visit_row()))
    job = RegisterImport.objects.get()
    client.force_login(staff_with_role(committee_of_ia_grai, Role.LEADER))

    assert client.get(job.get_absolute_url()).status_code == 404


@pytest.fixture
def queue_kept(settings):
    """A queue that keeps its tasks instead of running them, as when no worker has picked them up yet."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    return default_task_backend


def test_a_large_file_goes_to_the_task_queue(leader_client, monkeypatch, queue_kept):
    monkeypatch.setattr(jobs, "IN_REQUEST_BYTES", 0)

    upload(leader_client, visits_book(visit_row()))

    job = RegisterImport.objects.get()
    assert [result.args for result in queue_kept.results] == [[job.pk, False]]
    assert job.status == RegisterImport.Status.CHECKING


def test_the_queued_job_checks_the_file(leader_client, monkeypatch):
    monkeypatch.setattr(jobs, "IN_REQUEST_BYTES", 0)

    upload(leader_client, visits_book(visit_row()))

    job = RegisterImport.objects.get()
    assert (job.status, job.percent, job.rows_done) == (RegisterImport.Status.CHECKED, 100, job.rows_total)


def test_the_page_of_a_running_job_polls_for_its_progress(leader_client, monkeypatch, queue_kept):
    monkeypatch.setattr(jobs, "IN_REQUEST_BYTES", 0)
    upload(leader_client, visits_book(visit_row()))
    job = RegisterImport.objects.get()

    response = leader_client.get(job.get_absolute_url(), headers={"HX-Request": "true"})

    assert 'hx-trigger="every 1s"' in response.content.decode()
    assert "<html" not in response.content.decode()


def test_the_home_page_offers_the_import_to_those_who_may_import(leader_client):
    assert "Nhập sổ từ Excel" in leader_client.get(reverse("home")).content.decode()


def test_the_home_page_offers_a_reporter_only_the_export(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.REPORTER))

    page = client.get(reverse("home")).content.decode()

    assert "Nhập sổ từ Excel" not in page and "Xuất sổ ra Excel" in page


def test_a_second_confirmation_imports_nothing_more(leader_client):
    upload(leader_client, visits_book(visit_row(), visit_row()))
    job = RegisterImport.objects.get()
    confirm = reverse("registers:import-confirm", args=[job.pk])
    leader_client.post(confirm)

    response = leader_client.post(confirm, follow=True)

    assert Visit.objects.count() == 2
    assert "một lần" in response.content.decode()


def test_an_unexpected_failure_ends_the_job_with_a_message_saying_what_it_was(leader_client, monkeypatch):
    def broken(*arguments, **options):
        raise RuntimeError("disk full")

    monkeypatch.setattr(jobs, "import_workbook", broken)

    upload(leader_client, visits_book(visit_row()))

    job = RegisterImport.objects.get()
    assert (job.status, job.message) == (RegisterImport.Status.FAILED, f"{jobs.FAILED_MESSAGE} Chi tiết: disk full")


def test_an_error_of_the_workbook_reader_on_the_queue_fails_the_job_with_what_it_said(leader_client, monkeypatch):
    def out_of_memory(source, **options):
        raise MemoryError("the reader's child process went over its memory cap")

    monkeypatch.setattr(jobs, "IN_REQUEST_BYTES", 0)
    monkeypatch.setattr(importer, "open_workbook", out_of_memory)

    upload(leader_client, visits_book(visit_row()))

    job = RegisterImport.objects.get()
    assert (job.status, job.message) == (
        RegisterImport.Status.FAILED,
        f"{jobs.FAILED_MESSAGE} Chi tiết: the reader's child process went over its memory cap",
    )
