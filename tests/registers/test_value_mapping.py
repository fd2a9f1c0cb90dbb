"""The mapping step: values no catalogue value matches are gathered once per column and value with their row count;
a choice (a catalogue value, skipping the rows, keeping the error) applies to every row with the value, is remembered
for the agency and applied to its next import; the command takes the choices from a CSV file."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from danvan.models import Role, SubjectField
from danvan.sheets.rows import SKIP
from reception.models import Visit
from registers.importer import import_workbook
from registers.models import RegisterImport, ValueMapping
from tests.factories import staff_with_role
from tests.registers.test_visits_sheet import visit_row, visits_book

LAND_HOUSING = "Đất đai – nhà ở"
LAND = "Hành chính: đất đai, nhà cửa"


def book_with_unknown_spellings():
    """Three rows of one unknown sector (two spellings of it), one of another, one row a catalogue value matches."""
    return visits_book(
        visit_row(**{"Lĩnh vực": LAND_HOUSING}),
        visit_row(**{"Lĩnh vực": "đất đai - nhà ở"}),
        visit_row(**{"Lĩnh vực": LAND_HOUSING}),
        visit_row(**{"Lĩnh vực": "Giải phóng mặt bằng"}),
        visit_row(**{"Lĩnh vực": "Tư pháp"}),
    )


def test_values_matching_nothing_are_gathered_once_per_column_and_value_with_their_rows(committee_of_ia_grai):
    outcome = import_workbook(book_with_unknown_spellings(), by=None)

    assert [(group.column, group.value, group.rows, group.applied) for group in outcome.values] == [
        ("Lĩnh vực", LAND_HOUSING, [4, 5, 6], None),
        ("Lĩnh vực", "Giải phóng mặt bằng", [7], None),
    ]
    assert len(outcome.problems) == 4 and not Visit.objects.exists()


def test_a_chosen_value_applies_to_every_row_holding_it(committee_of_ia_grai):
    choices = {("TiepCongDan", "Lĩnh vực", "datdainhao"): LAND, ("TiepCongDan", "Lĩnh vực", "giaiphongmatbang"): LAND}

    outcome = import_workbook(book_with_unknown_spellings(), by=None, choices=choices)

    assert outcome.problems == []
    assert list(Visit.objects.order_by("pk").values_list("field", flat=True)) == [SubjectField.LAND] * 4 + [
        SubjectField.JUDICIAL
    ]


def test_skipped_rows_are_counted_and_not_written(committee_of_ia_grai):
    choices = {("TiepCongDan", "Lĩnh vực", "datdainhao"): SKIP, ("TiepCongDan", "Lĩnh vực", "giaiphongmatbang"): LAND}

    outcome = import_workbook(book_with_unknown_spellings(), by=None, choices=choices)

    assert outcome.counts["TiepCongDan"] == {"rows": 5, "invalid": 0, "skipped": 3, "new": 2, "existing": 0}
    assert Visit.objects.count() == 2


def test_a_skipped_row_takes_its_other_errors_with_it(committee_of_ia_grai):
    book = visits_book(visit_row(**{"Lĩnh vực": LAND_HOUSING, "Số người": 0}), visit_row())

    outcome = import_workbook(book, by=None, choices={("TiepCongDan", "Lĩnh vực", "datdainhao"): SKIP})

    assert (outcome.problems, Visit.objects.count()) == ([], 1)


# The preview ----------------------------------------------------------------------------------------------------------


def upload(client, book):
    file = SimpleUploadedFile("so-tiep.xlsx", book.getvalue())
    client.post(reverse("registers:import"), {"file": file})
    return RegisterImport.objects.latest("pk")


@pytest.fixture
def admin_client(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.UNIT_ADMIN))
    return client


def test_the_preview_shows_each_unmatched_value_once_with_its_row_count(admin_client):
    job = upload(admin_client, book_with_unknown_spellings())

    page = admin_client.get(job.get_absolute_url()).content.decode()

    assert job.status == RegisterImport.Status.INVALID
    assert (job.problems, [(value["value"], value["rows"]) for value in job.values]) == (
        [],
        [(LAND_HOUSING, 3), ("Giải phóng mặt bằng", 1)],
    )
    assert "“Đất đai – nhà ở”: 3 dòng" in page
    assert page.count('class="unmatched-value"') == 2


def test_choices_made_in_the_preview_are_saved_for_the_agency_and_the_file_checked_again(
    admin_client, committee_of_ia_grai
):
    job = upload(admin_client, book_with_unknown_spellings())

    admin_client.post(reverse("registers:import-map", args=[job.pk]), {"value-0": LAND, "value-1": "__skip__"})

    job.refresh_from_db()
    assert set(ValueMapping.objects.values_list("agency", "column", "value", "mapped")) == {
        (committee_of_ia_grai.pk, "Lĩnh vực", "datdainhao", LAND),
        (committee_of_ia_grai.pk, "Lĩnh vực", "giaiphongmatbang", SKIP),
    }
    assert (job.status, job.counts["TiepCongDan"]["skipped"]) == (RegisterImport.Status.CHECKED, 1)


def test_keeping_the_error_saves_nothing_and_the_file_stays_invalid(admin_client):
    job = upload(admin_client, book_with_unknown_spellings())

    admin_client.post(reverse("registers:import-map", args=[job.pk]), {"value-0": LAND, "value-1": "__keep__"})

    job.refresh_from_db()
    assert ValueMapping.objects.count() == 1
    assert (job.status, [value["value"] for value in job.unmatched]) == (
        RegisterImport.Status.INVALID,
        ["Giải phóng mặt bằng"],
    )


def test_a_mapping_saved_in_one_import_applies_in_the_next(admin_client, committee_of_ia_grai):
    first = upload(admin_client, book_with_unknown_spellings())
    admin_client.post(reverse("registers:import-map", args=[first.pk]), {"value-0": LAND, "value-1": LAND})
    colleague = staff_with_role(committee_of_ia_grai, Role.HANDLER)
    admin_client.force_login(colleague)

    second = upload(admin_client, visits_book(visit_row(**{"Lĩnh vực": "Đất đai  –  nhà ở"})))
    page = admin_client.get(second.get_absolute_url()).content.decode()

    assert (second.status, [(value["applied"], value["rows"]) for value in second.values]) == (
        RegisterImport.Status.CHECKED,
        [(LAND, 1)],
    )
    assert "Đã áp dụng lựa chọn đã lưu." in page
    admin_client.post(reverse("registers:import-confirm", args=[second.pk]))
    assert Visit.objects.get().field == SubjectField.LAND


def test_an_invalid_choice_saves_nothing(admin_client):
    job = upload(admin_client, book_with_unknown_spellings())

    admin_client.post(reverse("registers:import-map", args=[job.pk]), {"value-0": "Nhà ở", "value-1": "__keep__"})

    assert not ValueMapping.objects.exists()


# The command ----------------------------------------------------------------------------------------------------------


@pytest.fixture
def register_file(tmp_path):
    path = tmp_path / "so-tiep.xlsx"
    path.write_bytes(book_with_unknown_spellings().getvalue())
    return str(path)


def test_check_prints_each_unmatched_value_once_with_its_row_count(committee_of_ia_grai, register_file):
    errors = StringIO()

    with pytest.raises(CommandError):
        call_command("import_registers", register_file, "--check", stdout=StringIO(), stderr=errors)

    assert errors.getvalue().splitlines() == [
        "TiepCongDan, cột Lĩnh vực: “Đất đai – nhà ở”: 3 dòng — “Đất đai – nhà ở” không thuộc danh mục.",
        "TiepCongDan, cột Lĩnh vực: “Giải phóng mặt bằng”: 1 dòng — “Giải phóng mặt bằng” không thuộc danh mục.",
    ]


def test_a_map_file_applies_to_every_row_and_skips_those_it_says(committee_of_ia_grai, register_file, tmp_path):
    mapping = tmp_path / "map.csv"
    mapping.write_text(
        "sheet,column,value,mapped\n"
        f"TiepCongDan,Lĩnh vực,{LAND_HOUSING},Đất đai\n"
        "TiepCongDan,Lĩnh vực,giai phong mat bang,Bỏ dòng\n",
        encoding="utf-8",
    )
    out = StringIO()

    call_command("import_registers", register_file, "--map", str(mapping), stdout=out)

    assert out.getvalue().splitlines() == [
        "TiepCongDan: 5 dòng, 0 dòng có lỗi, 4 dòng mới, 0 dòng đã có từ trước, 1 dòng bỏ qua",
        "TiepCongDan, cột Lĩnh vực: “Đất đai – nhà ở”: 3 dòng — đã áp dụng: Đất đai",
        "TiepCongDan, cột Lĩnh vực: “Giải phóng mặt bằng”: 1 dòng — đã áp dụng: bỏ dòng",
        "Đã nhập 4 dòng.",
    ]
    assert list(Visit.objects.values_list("field", flat=True).order_by("pk")) == [SubjectField.LAND] * 3 + [
        SubjectField.JUDICIAL
    ]


def test_a_map_file_without_its_columns_is_refused(committee_of_ia_grai, register_file, tmp_path):
    mapping = tmp_path / "map.csv"
    mapping.write_text("cot,gia tri\nLĩnh vực,Đất đai\n", encoding="utf-8")

    with pytest.raises(CommandError) as refused:
        call_command("import_registers", register_file, "--map", str(mapping), stdout=StringIO())

    assert str(refused.value) == "Tệp ánh xạ phải có các cột: sheet, column, value, mapped."
