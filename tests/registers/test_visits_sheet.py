"""The `TiepCongDan` sheet: column rules, codes resolved by date, all or nothing, re-import."""

from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count

from danvan.models import Agency, Case, Citizen, Classification
from reception.models import Mode, Receiver, ReceptionSession, Visit
from registers.importer import import_workbook
from registers.models import ImportedRow
from tests.factories import AgencyFactory, CitizenFactory, current_unit, legacy_unit
from tests.reception.test_visit_export import REGISTER_COLUMNS
from tests.registers.workbooks import rows_of, workbook

# The columns registers.md names, in its order, as the export test pins them.
HEADER = REGISTER_COLUMNS


def visit_row(**cells):
    row = {
        "Ngày tiếp": "15/03/2026",
        "Mã ĐVHC": "23764",
        "Cơ quan": "UBND",
        "Hình thức tiếp": "Thường xuyên",
        "Người tiếp": "Cán bộ tiếp công dân",
        "Họ tên": "Nguyễn Văn An",
        "Số người": 1,
        "Nội dung": "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
        "Phân loại": "Kiến nghị, phản ánh",
    }
    return row | cells


def visits_book(*rows, header=HEADER):
    return workbook({"TiepCongDan": rows_of(header, *rows)})


@pytest.fixture
def ia_grai(committee_of_ia_grai):
    return committee_of_ia_grai


def test_a_valid_row_becomes_a_visit_of_the_agency_at_the_coded_unit(ia_grai):
    outcome = import_workbook(visits_book(visit_row()), by=None)

    visit = Visit.objects.get()
    assert outcome.problems == []
    assert (visit.agency, visit.received_on, visit.mode, visit.receiver) == (
        ia_grai,
        date(2026, 3, 15),
        Mode.REGULAR,
        Receiver.OFFICER,
    )
    assert visit.citizen.full_name == "Nguyễn Văn An"


def test_header_is_found_below_titles_and_matched_ignoring_case_and_diacritics(ia_grai):
    folded = [header.lower() for header in HEADER]
    folded[1] = "ngay tiep"
    book = workbook({"TiepCongDan": [folded, [1, *list(visit_row().get(h) for h in HEADER[1:])]]})

    outcome = import_workbook(book, by=None)

    assert outcome.problems == [] and Visit.objects.count() == 1


def test_labels_are_matched_ignoring_case_and_diacritics(ia_grai):
    import_workbook(visits_book(visit_row(**{"Hình thức tiếp": "thuong xuyen", "Phân loại": "KHIEU NAI"})), by=None)

    assert Visit.objects.get().kind == Classification.COMPLAINT


def test_a_missing_required_column_is_an_error_naming_it(ia_grai):
    header = [column for column in HEADER if column != "Nội dung"]

    outcome = import_workbook(visits_book(visit_row(), header=header), by=None)

    assert [(p.sheet, p.column, p.message) for p in outcome.problems] == [
        ("TiepCongDan", "Nội dung", "Thiếu cột bắt buộc.")
    ]


def test_unknown_columns_are_ignored(ia_grai):
    outcome = import_workbook(
        visits_book(visit_row(**{"Ghi chú riêng": "x"}), header=[*HEADER, "Ghi chú riêng"]), by=None
    )

    assert outcome.problems == [] and Visit.objects.count() == 1


def test_a_2024_row_with_code_52_lands_in_binh_dinh_and_a_2026_row_in_gia_lai(db):
    binh_dinh = AgencyFactory(unit=legacy_unit("52"))
    gia_lai = AgencyFactory(unit=current_unit("52"))

    import_workbook(
        visits_book(
            visit_row(**{"Ngày tiếp": "10/05/2024", "Mã ĐVHC": "52"}),
            visit_row(**{"Ngày tiếp": date(2026, 1, 5), "Mã ĐVHC": "52"}),
        ),
        by=None,
    )

    assert {visit.received_on.year: visit.agency for visit in Visit.objects.all()} == {2024: binh_dinh, 2026: gia_lai}


def test_a_bare_number_code_is_accepted_when_its_width_is_valid_on_the_date(ia_grai):
    outcome = import_workbook(visits_book(visit_row(**{"Mã ĐVHC": 23764})), by=None)

    assert outcome.problems == [] and Visit.objects.get().agency == ia_grai


def test_a_bare_number_code_that_lost_its_leading_zero_asks_for_text(db):
    outcome = import_workbook(visits_book(visit_row(**{"Mã ĐVHC": 4})), by=None)

    assert "dưới dạng văn bản" in outcome.problems[0].message


def test_a_district_code_after_the_districts_were_abolished_is_an_error_with_the_date(ia_grai):
    outcome = import_workbook(visits_book(visit_row(**{"Mã ĐVHC": "622"})), by=None)

    assert outcome.problems[0].column == "Mã ĐVHC"
    assert "15/03/2026" in outcome.problems[0].message


def test_a_file_with_three_bad_rows_writes_nothing_and_reports_all_three(ia_grai):
    book = visits_book(
        visit_row(),
        visit_row(**{"Ngày tiếp": "31/02/2026"}),
        visit_row(**{"Số người": 0}),
        visit_row(),
        visit_row(**{"Phân loại": "Khiếu kiện"}),
    )

    outcome = import_workbook(book, by=None)

    assert [(p.sheet, p.row, p.column) for p in outcome.problems] == [
        ("TiepCongDan", 5, "Ngày tiếp"),
        ("TiepCongDan", 6, "Số người"),
        ("TiepCongDan", 8, "Phân loại"),
    ]
    assert not outcome.written
    assert outcome.counts["TiepCongDan"] == {"rows": 5, "invalid": 3, "skipped": 0, "new": 2, "existing": 0}
    assert (Visit.objects.count(), Citizen.objects.count(), ImportedRow.objects.count()) == (0, 0, 0)


def test_every_problem_of_one_row_is_reported(ia_grai):
    outcome = import_workbook(visits_book(visit_row(**{"Họ tên": None, "Nội dung": None})), by=None)

    assert {p.column for p in outcome.problems} == {"Họ tên", "Nội dung"}


def test_reimporting_the_same_file_writes_nothing_new(ia_grai):
    rows = (visit_row(), visit_row(), visit_row(**{"Mã hồ sơ": "TD-01"}))
    import_workbook(visits_book(*rows), by=None)

    again = import_workbook(visits_book(*rows), by=None)

    assert again.counts["TiepCongDan"] == {"rows": 3, "invalid": 0, "skipped": 0, "new": 0, "existing": 3}
    assert Visit.objects.count() == 3


def test_a_row_with_the_same_reference_agency_and_date_is_the_same_row(ia_grai):
    import_workbook(visits_book(visit_row(**{"Mã hồ sơ": "TD-01"})), by=None)

    import_workbook(visits_book(visit_row(**{"Mã hồ sơ": "TD-01", "Nội dung": "Nội dung đã sửa"})), by=None)

    assert Visit.objects.count() == 1


def test_a_known_cccd_finds_the_citizen(ia_grai):
    citizen = CitizenFactory(cccd="064090000123")

    import_workbook(visits_book(visit_row(**{"Số CCCD": "064090000123"})), by=None)

    assert Visit.objects.get().citizen == citizen


def test_a_cccd_that_lost_its_leading_zero_gets_it_back(ia_grai):
    import_workbook(visits_book(visit_row(**{"Số CCCD": 64090000123})), by=None)

    assert Visit.objects.get().citizen.cccd == "064090000123"


def test_rows_with_the_same_case_code_are_one_case(ia_grai):
    import_workbook(
        visits_book(
            visit_row(**{"Mã vụ việc": "VV7"}),
            visit_row(**{"Mã vụ việc": "VV7", "Ngày tiếp": "20/03/2026"}),
            visit_row(),
        ),
        by=None,
    )

    assert Case.objects.count() == 1
    assert Visit.objects.filter(case__isnull=False).count() == 2


def test_a_case_whose_rows_all_ended_on_the_spot_is_closed(ia_grai):
    import_workbook(
        visits_book(
            visit_row(**{"Mã vụ việc": "VV7", "Kết quả tiếp": "Hướng dẫn, giải thích"}),
            visit_row(**{"Mã vụ việc": "VV7", "Kết quả tiếp": "Trả lời trực tiếp"}),
            visit_row(**{"Mã vụ việc": "VV8", "Kết quả tiếp": "Hướng dẫn, giải thích"}),
            visit_row(**{"Mã vụ việc": "VV8", "Kết quả tiếp": "Tiếp nhận đơn"}),
        ),
        by=None,
    )

    assert sorted(Case.objects.values_list("status", flat=True)) == ["closed", "open"]


def test_head_rows_of_a_day_form_one_session(ia_grai):
    head = {"Hình thức tiếp": "Định kỳ", "Người tiếp": "Thủ trưởng"}

    import_workbook(visits_book(visit_row(**head), visit_row(**head), visit_row()), by=None)

    session = ReceptionSession.objects.get()
    assert (session.agency, session.receiver, session.visits.count()) == (ia_grai, Receiver.HEAD, 2)


def test_ad_hoc_head_rows_of_a_day_form_a_session_apart_from_the_periodic_one(ia_grai):
    periodic = {"Hình thức tiếp": "Định kỳ", "Người tiếp": "Thủ trưởng"}
    ad_hoc = {"Hình thức tiếp": "Đột xuất", "Người tiếp": "Thủ trưởng"}

    import_workbook(visits_book(visit_row(**periodic), visit_row(**ad_hoc), visit_row(**ad_hoc)), by=None)

    sessions = ReceptionSession.objects.order_by("mode").annotate(visit_count=Count("visits"))
    assert list(sessions.values_list("mode", "visit_count")) == [(Mode.AD_HOC, 2), (Mode.PERIODIC, 1)]


def test_a_regular_row_received_by_the_head_is_an_error(ia_grai):
    outcome = import_workbook(visits_book(visit_row(**{"Người tiếp": "Thủ trưởng"})), by=None)

    assert outcome.problems[0].column == "Người tiếp"


def test_an_agency_outside_what_the_user_may_write_is_an_error(ia_grai, committee_of_pleiku):
    outcome = import_workbook(visits_book(visit_row()), by=None, writable=[committee_of_pleiku.pk])

    assert outcome.problems[0].message == "Bạn không có quyền nhập số liệu cho cơ quan này."


def test_a_unit_without_that_kind_of_agency_is_an_error(ia_grai):
    outcome = import_workbook(visits_book(visit_row(**{"Cơ quan": "Cấp ủy"})), by=None)

    assert outcome.problems[0].column == "Cơ quan"
    assert not Agency.objects.filter(kind=Agency.Kind.PARTY).exists()


def test_the_command_prints_the_counts(ia_grai, tmp_path, capsys):
    path = tmp_path / "so.xlsx"
    path.write_bytes(visits_book(visit_row()).getvalue())

    call_command("import_registers", str(path))

    assert "TiepCongDan: 1 dòng, 0 dòng có lỗi, 1 dòng mới" in capsys.readouterr().out


def test_the_command_fails_with_every_error_printed(ia_grai, tmp_path, capsys):
    path = tmp_path / "so.xlsx"
    path.write_bytes(visits_book(visit_row(**{"Số người": -1}), visit_row(**{"Ngày tiếp": "hôm qua"})).getvalue())

    with pytest.raises(CommandError, match="2 lỗi"):
        call_command("import_registers", str(path))

    assert capsys.readouterr().err.count("TiepCongDan, dòng") == 2
