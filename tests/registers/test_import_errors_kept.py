"""A file full of errors: the import keeps the first of them (registers.importer.KEPT_PROBLEMS) one by one and counts
every error by kind; its page and the command show both; the list of imports reads counts only, never the errors; the
errors stored before are trimmed the same way by the migration."""

from importlib import import_module
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.models import Role
from danvan.sheets.rows import Problem
from registers import importer
from registers.importer import import_workbook
from registers.models import RegisterImport
from tests.factories import staff_with_role
from tests.registers.test_visits_sheet import visit_row, visits_book

pytestmark = pytest.mark.django_db

TOO_FEW = ("TiepCongDan", "Số người", "Phải là số nguyên từ 1 trở lên.")


@pytest.fixture
def three_kept(monkeypatch):
    monkeypatch.setattr(importer, "KEPT_PROBLEMS", 3)


@pytest.fixture
def leader_client(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.LEADER))
    return client


def rows_with_too_few_people(count: int):
    return visits_book(*(visit_row(**{"Số người": 0}) for _ in range(count)))


def upload(client, book) -> RegisterImport:
    client.post(reverse("registers:import"), {"file": SimpleUploadedFile("so-loi.xlsx", book.getvalue())})
    return RegisterImport.objects.latest("pk")


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("“32/13/2026” không phải ngày hợp lệ (dd/mm/yyyy).", "“…” không phải ngày hợp lệ (dd/mm/yyyy)."),
        ("Ngày 12/03/2027 chưa đến.", "Ngày … chưa đến."),
        ("Không có đơn vị hành chính mã “12345” vào ngày 01/02/2024.", "Không có đơn vị hành chính mã “…” vào ngày …."),
        ("Lớn hơn số ý kiến (12).", "Lớn hơn số ý kiến (…)."),
        ("Dài quá 50 ký tự.", "Dài quá 50 ký tự."),
    ],
)
def test_the_kind_of_an_error_leaves_out_what_its_row_holds(message, kind):
    assert Problem("TiepCongDan", 7, "Ngày tiếp", message).kind == ("TiepCongDan", "Ngày tiếp", kind)


def test_an_import_keeps_the_first_errors_and_counts_every_one(committee_of_ia_grai, three_kept):
    outcome = import_workbook(rows_with_too_few_people(5), by=None)

    assert [problem.row for problem in outcome.problems] == [4, 5, 6]
    assert (outcome.problem_count, dict(outcome.problem_kinds)) == (5, {TOO_FEW: 5})


def test_one_mistake_over_many_rows_counts_as_one_kind(committee_of_ia_grai):
    dates = ("32/01/2026", "31/02/2026", "hôm qua")

    outcome = import_workbook(visits_book(*(visit_row(**{"Ngày tiếp": day}) for day in dates)), by=None)

    kind = ("TiepCongDan", "Ngày tiếp", "“…” không phải ngày hợp lệ (dd/mm/yyyy).")
    assert dict(outcome.problem_kinds) == {kind: 3}


def test_the_job_stores_the_first_errors_their_total_and_their_counts_by_kind(leader_client, three_kept):
    job = upload(leader_client, rows_with_too_few_people(5))

    assert (job.status, [row for _, row, _, _ in job.problems]) == (RegisterImport.Status.INVALID, [4, 5, 6])
    assert (job.problems_total, job.problem_kinds) == (5, [[*TOO_FEW, 5]])


def test_the_page_of_a_bad_import_shows_the_total_the_counts_by_kind_and_the_first_errors(leader_client, three_kept):
    job = upload(leader_client, rows_with_too_few_people(5))

    page = leader_client.get(job.get_absolute_url()).content.decode()

    assert "Tệp có 5 lỗi: không dòng nào được nhập." in page
    assert page.count('class="problem-kind"') == 1
    assert '<td>Phải là số nguyên từ 1 trở lên.</td><td class="number">5</td>' in page
    assert page.count('class="problem"') == 3
    assert "chỉ 3 lỗi đầu tiên được lưu" in page


def test_the_list_of_imports_shows_their_error_counts_without_reading_any_error(leader_client):
    upload(leader_client, rows_with_too_few_people(2))

    with CaptureQueriesContext(connection) as queries:
        page = leader_client.get(reverse("registers:import")).content.decode()

    read = " ".join(query["sql"] for query in queries)
    assert ('"danvan_registerimport"."problems_total"' in read, '<td class="number">2</td>' in page) == (True, True)
    assert ('"danvan_registerimport"."problems"' in read, '"danvan_registerimport"."values"' in read) == (False, False)


def test_the_command_prints_the_first_errors_then_the_count_of_each_kind(committee_of_ia_grai, three_kept, tmp_path):
    path = tmp_path / "so-loi.xlsx"
    path.write_bytes(rows_with_too_few_people(5).getvalue())
    errors = StringIO()

    with pytest.raises(CommandError, match=r"^5 lỗi: không dòng nào được nhập\.$"):
        call_command("import_registers", str(path), stdout=StringIO(), stderr=errors)

    assert errors.getvalue().splitlines()[2:] == [
        "TiepCongDan, dòng 6, cột Số người: Phải là số nguyên từ 1 trở lên.",
        "… chỉ in 3 lỗi đầu tiên. Số lỗi theo loại:",
        "5 × TiepCongDan, cột Số người: Phải là số nguyên từ 1 trở lên.",
    ]


class Executor:
    """What the migration's data step uses of a schema editor: its connection and ``execute``."""

    connection = connection

    @staticmethod
    def execute(sql: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql)


def test_the_migration_keeps_the_first_thousand_errors_stored_before_and_counts_them():
    error = ["TiepCongDan", 0, "Số người", "Phải là số nguyên từ 1 trở lên."]
    stored = [[*error[:1], row, *error[2:]] for row in range(2, 1502)]
    large = RegisterImport.objects.create(filename="lon.xlsx", problems=stored)
    small = RegisterImport.objects.create(filename="nho.xlsx", problems=stored[:2])
    migration = import_module("registers.migrations.0005_import_error_counts")

    migration.trim_stored_errors(None, Executor())

    large.refresh_from_db()
    small.refresh_from_db()
    assert (large.problems, large.problems_total) == (stored[:1000], 1500)
    assert (small.problems, small.problems_total) == (stored[:2], 2)
