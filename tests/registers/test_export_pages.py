"""The export page /xuat-so/: a small workbook downloads at once; a large one runs on the task queue with its
progress, then downloads from its page. Either way the sheet prints as a register."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from django_tasks import default_task_backend
from openpyxl import load_workbook

from danvan.models import Role
from registers import export_jobs
from registers.models import RegisterExport
from tests.factories import VisitFactory, staff_with_role

pytestmark = pytest.mark.django_db

EXPORT = reverse("registers:export")
WINDOW = {"date_from": "01/03/2026", "date_to": "31/03/2026", "registers": ["TiepCongDan"]}


@pytest.fixture
def leader(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.LEADER, username="lanhdao.iagrai")


@pytest.fixture
def leader_client(client, leader):
    client.force_login(leader)
    return client


@pytest.fixture
def two_visits(committee_of_ia_grai):
    return [VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, day)) for day in (3, 12)]


@pytest.fixture
def queue_kept(settings):
    """A queue that keeps its tasks instead of running them, as when no worker has picked them up yet."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    return default_task_backend


def sheet_of(content: bytes):
    return load_workbook(BytesIO(content))["TiepCongDan"]


def first_cells(sheet, rows: int) -> list:
    return [row[0] for row in sheet.iter_rows(max_row=rows, values_only=True)]


def test_a_small_export_is_a_workbook_titled_with_the_book_the_unit_and_the_period(leader_client, two_visits):
    response = leader_client.post(EXPORT, WINDOW)

    sheet = sheet_of(b"".join(response.streaming_content))
    assert first_cells(sheet, 6) == [
        "SỔ TIẾP CÔNG DÂN",
        "Đơn vị: Xã Ia Grai",
        "Từ ngày 01/03/2026 đến ngày 31/03/2026",
        "STT",
        1,
        2,
    ]


def test_the_sheet_prints_a4_landscape_fitted_to_the_width_with_the_header_on_every_page(leader_client, two_visits):
    sheet = sheet_of(b"".join(leader_client.post(EXPORT, WINDOW).streaming_content))

    setup = sheet.page_setup
    # fitToWidth left out of the file means 1 page wide.
    printed = (setup.paperSize, setup.orientation, setup.fitToWidth or 1, setup.fitToHeight, sheet.print_title_rows)
    assert printed == (9, "landscape", 1, 0, "$4:$4")
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True


def test_each_row_keeps_its_own_height_the_row_of_three_lines_the_tallest(leader_client, committee_of_ia_grai):
    contents = ("Xin cấp sổ đỏ.", "Dòng một\nDòng hai\nDòng ba", "Hỏi về trợ cấp.")
    for day, content in enumerate(contents, start=3):
        VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, day), content=content)

    sheet = sheet_of(b"".join(leader_client.post(EXPORT, WINDOW).streaming_content))

    # Rows 5-7 hold the visits (three title lines, then the header); a line of the cells' font is 13 points. The
    # other rows are as tall as their longest other text (the factory's name or address).
    first, second, third = (sheet.row_dimensions[row].height for row in (5, 6, 7))
    assert (second, first == third, first < second) == (39, True, True)


def test_a_large_export_goes_to_the_task_queue(leader_client, two_visits, monkeypatch, queue_kept):
    monkeypatch.setattr(export_jobs, "IN_REQUEST_ROWS", 1)

    response = leader_client.post(EXPORT, WINDOW)

    job = RegisterExport.objects.get()
    assert (response.status_code, response["Location"]) == (302, job.get_absolute_url())
    assert [result.args for result in queue_kept.results] == [[job.pk]]
    assert (job.status, job.rows_total, job.registers) == (RegisterExport.Status.QUEUED, 2, ["TiepCongDan"])


def test_the_page_of_a_queued_export_polls_for_its_progress(leader_client, two_visits, monkeypatch, queue_kept):
    monkeypatch.setattr(export_jobs, "IN_REQUEST_ROWS", 1)
    leader_client.post(EXPORT, WINDOW)

    response = leader_client.get(RegisterExport.objects.get().get_absolute_url(), headers={"HX-Request": "true"})

    content = response.content.decode()
    assert ('hx-trigger="every 1s"' in content, "đã ghi 0/2 dòng" in content, "<html" in content) == (
        True,
        True,
        False,
    )


def test_a_written_export_offers_the_workbook_the_page_would_have_given(leader_client, two_visits, monkeypatch):
    at_once = sheet_of(b"".join(leader_client.post(EXPORT, WINDOW).streaming_content))
    monkeypatch.setattr(export_jobs, "IN_REQUEST_ROWS", 1)

    page = leader_client.post(EXPORT, WINDOW, follow=True)
    job = RegisterExport.objects.get()
    download = leader_client.get(reverse("registers:export-download", args=[job.pk]))

    assert (job.status, job.percent, job.rows_done) == (RegisterExport.Status.DONE, 100, 2)
    assert "Tải tệp Excel" in page.content.decode()
    queued = sheet_of(b"".join(download.streaming_content))
    assert list(queued.iter_rows(values_only=True)) == list(at_once.iter_rows(values_only=True))


def test_another_users_export_does_not_exist_for_them(leader_client, two_visits, client, committee_of_ia_grai):
    leader_client.post(EXPORT, WINDOW | {"registers": ["TiepCongDan"]})
    job = RegisterExport.objects.create(
        created_by=staff_with_role(committee_of_ia_grai, Role.HANDLER),
        date_from=date(2026, 3, 1),
        date_to=date(2026, 3, 31),
        registers=["TiepCongDan"],
    )

    responses = [leader_client.get(job.get_absolute_url()), leader_client.get(f"{job.get_absolute_url()}tai-ve/")]

    assert [response.status_code for response in responses] == [404, 404]


def test_an_export_not_written_yet_cannot_be_downloaded(leader_client, two_visits, monkeypatch, queue_kept):
    monkeypatch.setattr(export_jobs, "IN_REQUEST_ROWS", 1)
    leader_client.post(EXPORT, WINDOW)

    response = leader_client.get(reverse("registers:export-download", args=[RegisterExport.objects.get().pk]))

    assert response.status_code == 404


def test_an_end_before_the_start_is_refused_beside_its_field(leader_client):
    response = leader_client.post(EXPORT, WINDOW | {"date_from": "31/03/2026", "date_to": "01/03/2026"})

    assert response.context["form"].errors == {"date_to": ["Đến ngày phải sau hoặc bằng từ ngày."]}
