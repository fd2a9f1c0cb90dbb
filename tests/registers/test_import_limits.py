"""Files no register could be, at every door of the import: the command and the upload page refuse them at once with a
message; a job fails with one; the process that read them goes on (issue 20)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from danvan.models import Role
from registers import jobs
from registers.models import RegisterImport
from tests.factories import staff_with_role
from tests.handmade_workbooks import beyond_the_check, inflated, issue_20_bomb, padded_bomb

UPLOAD = reverse("registers:import")
LIMITS = (
    "(1.048.576 dòng, 16.384 cột); sổ chỉ được tối đa 200.000 dòng, 256 cột và 5.200.000 ô. Hãy xoá các dòng, cột "
    "thừa sau vùng dữ liệu (hoặc chép vùng dữ liệu sang tệp mới) rồi lưu lại."
)
FAR_CORNER = f"Sheet “TiepCongDan” khai báo vùng dữ liệu đến ô XFD1048576 {LIMITS}"
FAR_DATA = f"Sheet “TiepCongDan” có dữ liệu đến ô XFD1048576 {LIMITS}"
DAMAGED = "Tệp Excel bị hỏng, không mở được: hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx."
NOT_A_WORKBOOK = (
    "Tệp không phải là tệp Excel (.xlsx, .xls) hay bảng tính .ods: hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx."
)
OUT_OF_MEMORY = (
    "Đọc tệp cần hơn 1.536 MB bộ nhớ, quá giới hạn: tệp có quá nhiều ô hoặc vùng dữ liệu quá rộng. Hãy xoá các dòng, "
    "cột thừa sau vùng dữ liệu hoặc tách sổ thành nhiều tệp."
)


@pytest.fixture
def no_reading(monkeypatch):
    """The reader's child process must not start: a file refused by the check is never read (bench/README.md times
    the check: under 1 ms for the issue's files)."""

    def started(*args, **kwargs):
        raise AssertionError("the workbook was read")

    monkeypatch.setattr("danvan.sheets.isolation.subprocess.Popen", started)


@pytest.fixture
def leader(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.LEADER)


@pytest.fixture
def leader_client(client, leader):
    client.force_login(leader)
    return client


def job_of(leader, content: bytes) -> RegisterImport:
    """An import of ``content`` checked on the task queue, as a file that came in by some other door would be."""
    job = RegisterImport.objects.create(
        file=ContentFile(content, name="so.xlsx"), filename="so.xlsx", created_by=leader
    )
    jobs.start(job, write=False)
    job.refresh_from_db()
    return job


def test_the_command_refuses_the_issue_20_file_unread(tmp_path, db, no_reading):
    path = tmp_path / "so.xlsx"
    path.write_bytes(issue_20_bomb().getvalue())

    with pytest.raises(CommandError) as refused:
        call_command("import_registers", str(path))

    assert str(refused.value) == FAR_CORNER


def test_the_command_refuses_a_file_that_is_no_workbook(tmp_path, db):
    path = tmp_path / "so.xlsx"
    path.write_text("STT;Ngày tiếp\n1;15/03/2026\n")

    with pytest.raises(CommandError) as refused:
        call_command("import_registers", str(path), "--check")

    assert str(refused.value) == NOT_A_WORKBOOK


def test_the_command_says_when_there_is_no_such_file(tmp_path, db):
    with pytest.raises(CommandError) as refused:
        call_command("import_registers", str(tmp_path / "so.xlsx"))

    assert str(refused.value) == f"Không tìm thấy tệp {tmp_path / 'so.xlsx'}."


def test_the_command_fails_with_a_message_where_the_reading_runs_out_of_memory(tmp_path, db):
    path = tmp_path / "so.xlsx"
    path.write_bytes(beyond_the_check().getvalue())

    with pytest.raises(CommandError) as refused:
        call_command("import_registers", str(path), "--check")

    assert str(refused.value) == OUT_OF_MEMORY


def test_the_upload_page_refuses_the_issue_20_file_unread_keeping_nothing(leader_client, no_reading):
    response = leader_client.post(UPLOAD, {"file": SimpleUploadedFile("so.xlsx", issue_20_bomb().getvalue())})

    assert (response.status_code, response.context["form"].errors["file"]) == (200, [FAR_CORNER])
    assert not RegisterImport.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("so.xlsx", b"STT;Ngay tiep\n", NOT_A_WORKBOOK),
        ("so.xlsx", b"PK\x03\x04" + bytes(300), DAMAGED),
        ("so.xlsx", b"", "Tập tin được gửi là rỗng."),
        ("so.csv", b"STT;Ngay tiep\n", "Tệp “so.csv” không phải tệp Excel: chỉ nhận tệp .xlsx, .xlsm, .xls, .ods."),
    ],
    ids=["not a workbook", "damaged", "empty", "wrong extension"],
)
def test_the_upload_page_refuses_a_file_that_is_no_workbook_with_one_message(leader_client, name, content, message):
    response = leader_client.post(UPLOAD, {"file": SimpleUploadedFile(name, content)})

    assert (response.status_code, response.context["form"].errors["file"]) == (200, [message])
    assert message in response.content.decode()


def test_a_job_of_the_padded_file_fails_with_the_message(leader):
    content = padded_bomb().getvalue()
    assert len(content) > jobs.IN_REQUEST_BYTES  # it goes to the task queue

    job = job_of(leader, content)

    assert (job.status, job.message) == (RegisterImport.Status.FAILED, FAR_DATA)


def test_a_job_of_a_sheet_of_hundreds_of_megabytes_fails_with_the_message(leader):
    job = job_of(leader, inflated(300 * 2**20).getvalue())

    assert job.status == RegisterImport.Status.FAILED
    assert job.message.startswith("Phần “xl/worksheets/sheet1.xml” của tệp giải nén ra 300 MB từ ")


def test_a_job_whose_reading_runs_out_of_memory_fails_with_the_message(leader):
    job = job_of(leader, beyond_the_check().getvalue())

    assert (job.status, job.message) == (RegisterImport.Status.FAILED, OUT_OF_MEMORY)
