"""The statutory forms' workbook: one sheet per form, laid out as the appendix; totals equal their parts; the forms
count what the report's figures count; a province-year workbook takes the same queries however many units have
records."""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from complaints.models import Handling, Outcome, Source, UnprocessableReason
from complaints.services.handling import handle_petition, record_reply
from complaints.services.intake import receive_petition
from complaints.services.resolution import complete_enforcement, decide_case
from danvan.citizens import CitizenDetails
from danvan.models import AdminUnit, Agency, Case, Classification, Role, Staff, SubjectField
from reception.models import Mode, Receiver
from reports.excel import tt01_2024
from reports.excel.workbook import statutory_workbook, workbook_bytes
from reports.figures import agencies_of, figures_of
from reports.grouped import FIELDS, field_key
from reports.periods import window
from reports.services import enter_opening
from tests.factories import (
    AgencyFactory,
    MembershipFactory,
    SessionFactory,
    StaffFactory,
    VisitFactory,
    current_unit,
    legacy_unit,
    verified,
)
from tests.shared_data import built_once

pytestmark = pytest.mark.django_db

YEAR_2024 = window("year", year=2024)  # 15/12/2023 → 14/12/2024
COMPLAINT, DENUNCIATION, RECOMMENDATION = Classification.values
SHEETS = ["01-TCD", "01-XLD", "02-XLD", "03-XLD", "04-XLD", "01-KQGQ", "02-KQGQ", "03-KQGQ", "04-KQGQ"]


def read(workbook) -> dict:
    """Each sheet as {"numbers": the "MS" row, "rows": {label: values}, "total": values}, read back from the file."""
    book = load_workbook(BytesIO(workbook_bytes(workbook)))
    sheets = {}
    for sheet in book.worksheets:
        cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
        number_row = next(index for index, row in enumerate(cells) if row[0] == "MS")
        total_row = next(index for index, row in enumerate(cells) if row[0] == "Tổng cộng")
        sheets[sheet.title] = {
            "numbers": cells[number_row],
            "rows": {row[0]: row[1:] for row in cells[number_row + 1 : total_row]},
            "total": cells[total_row][1:],
        }
    return sheets


def column(sheet: dict, number: int) -> int | Decimal | None:
    """A column of the total row by its printed number."""
    return sheet["total"][number - 1]


def receiving(handler):
    def _receive(agency, kind, on, **fields):
        details = CitizenDetails(full_name="Rơ Châm H'Linh", cccd="064190001234", address="Làng Dêr, Ia Grai")
        return receive_petition(
            agency=agency, by=handler, received_on=on, source=Source.POST, kind=kind,
            content="Đề nghị xem xét việc thu hồi đất của gia đình", details=details, **fields,
        )  # fmt: skip

    return _receive


def handling(handler):
    def _handle(petition, handling, on, **fields):
        classified = {
            Handling.ACCEPT: {"processable": True, "in_competence": True},
            Handling.ANSWER: {"processable": True, "in_competence": True},
            Handling.GUIDE: {"processable": True, "in_competence": False},
            Handling.URGE: {"processable": True, "in_competence": False},
            Handling.FORWARD: {
                "processable": True, "in_competence": False, "forwarded_to_name": "Tòa án nhân dân khu vực 5",
                "letter_number": "12/PC", "letter_date": on,
            },
            Handling.FILE: {"processable": False, "in_competence": None, "reason": UnprocessableReason.DUPLICATE},
        }[handling]  # fmt: skip
        handle_petition(petition=petition, by=handler, on=on, handling=handling, **(classified | fields))
        petition.refresh_from_db()
        return petition

    return _handle


@dataclass(frozen=True)
class Year2024:
    province: AdminUnit
    pleiku: Agency
    handler: Staff


@pytest.fixture(scope="class")
def year_2024(django_db_setup, django_db_blocker):
    """The records the tests of ``TestTheOldProvincesYear2024`` read, built once for the class."""
    yield from built_once(django_db_blocker, _year_2024)


@pytest.fixture
def records(year_2024):
    return year_2024.province


@pytest.fixture
def pleiku(year_2024):
    return year_2024.pleiku


@pytest.fixture
def handler(year_2024):
    return year_2024.handler


def _year_2024() -> Year2024:
    """Year 2024 in the old Gia Lai: visits of every way, petitions of every kind and handling, decided cases."""
    committee_of_old_gia_lai = AgencyFactory(unit=legacy_unit("64"))
    pleiku = AgencyFactory(unit=legacy_unit("622"))
    district = AdminUnit.objects.get(name="Huyện Ia Grai", parent=legacy_unit("64"))
    commune_of_ia_grai_district = AgencyFactory(unit=AdminUnit.objects.filter(parent=district).order_by("code").first())
    # A leader of these agencies: records, handles, resolves and keys in for them.
    handler = StaffFactory()
    for agency in (committee_of_old_gia_lai, pleiku, commune_of_ia_grai_district):
        MembershipFactory(staff=handler, agency=agency, role=Role.LEADER)
    receive, handle = receiving(handler), handling(handler)
    head = SessionFactory(agency=pleiku, date=date(2024, 3, 12))
    delegated = SessionFactory(agency=commune_of_ia_grai_district, date=date(2024, 4, 9), receiver=Receiver.DELEGATE)
    VisitFactory(agency=pleiku, received_on=date(2024, 1, 8))
    VisitFactory(agency=pleiku, received_on=date(2024, 1, 9), people=6)
    VisitFactory(agency=pleiku, received_on=head.date, mode=Mode.PERIODIC, receiver=Receiver.HEAD, session=head)
    VisitFactory(
        agency=commune_of_ia_grai_district, received_on=delegated.date, mode=Mode.AD_HOC,
        receiver=Receiver.DELEGATE, session=delegated, people=5,
    )  # fmt: skip
    again = VisitFactory(agency=commune_of_ia_grai_district, received_on=date(2023, 10, 2))
    VisitFactory(agency=commune_of_ia_grai_district, received_on=date(2024, 6, 3), case=again.case)
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 7, 1), case=None)

    founded = handle(receive(pleiku, COMPLAINT, date(2024, 3, 1), field=SubjectField.LAND), Handling.ACCEPT,
                     date(2024, 3, 5)).case  # fmt: skip
    decision = decide_case(
        case=verified(founded), by=handler, issued_on=date(2024, 5, 2), number="15/QĐ-UBND", outcome=Outcome.FOUNDED,
        money_due=Decimal("120.5"), returned_money=Decimal("10"), returned_organisations=1, sanctioned_people=2,
        sanctioned_officials=1, referred_cases=1, referred_people=2,
    )  # fmt: skip
    complete_enforcement(enforcement=decision.enforcement, by=handler, on=date(2024, 6, 1),
                         money_recovered=Decimal("100"), land_recovered=Decimal("0"))  # fmt: skip
    second = handle(receive(pleiku, COMPLAINT, date(2023, 11, 1)), Handling.ACCEPT, date(2023, 11, 10),
                    round=Case.Round.SECOND).case  # fmt: skip
    decide_case(case=verified(second), by=handler, issued_on=date(2024, 1, 10), number="2/QĐ-UBND",
                outcome=Outcome.UPHELD_FIRST)  # fmt: skip
    handle(receive(pleiku, COMPLAINT, date(2024, 2, 1), case=second), Handling.GUIDE, date(2024, 2, 3))
    handle(receive(pleiku, COMPLAINT, date(2024, 9, 1), case=founded), Handling.GUIDE, date(2024, 9, 4))
    repeat = handle(receive(commune_of_ia_grai_district, DENUNCIATION, date(2024, 2, 1), field=SubjectField.CORRUPTION),
                    Handling.ACCEPT, date(2024, 2, 10), repeat_denunciation=True).case  # fmt: skip
    decide_case(case=verified(repeat), by=handler, issued_on=date(2024, 4, 1), number="3/QĐ", outcome=Outcome.WITHDRAWN)
    concluded = handle(receive(committee_of_old_gia_lai, DENUNCIATION, date(2024, 4, 1)), Handling.ACCEPT,
                       date(2024, 4, 5)).case  # fmt: skip
    decide_case(case=verified(concluded), by=handler, issued_on=date(2024, 6, 10), number="7/KL",
                outcome=Outcome.FOUNDED, land_due=Decimal("250.5"))  # fmt: skip
    forwarded = handle(receive(committee_of_old_gia_lai, RECOMMENDATION, date(2024, 7, 1)), Handling.FORWARD,
                       date(2024, 7, 5))  # fmt: skip
    record_reply(petition=forwarded, by=handler, on=date(2024, 8, 1), number="45/TA")
    handle(receive(committee_of_old_gia_lai, RECOMMENDATION, date(2024, 7, 2)), Handling.URGE, date(2024, 7, 3))
    handle(receive(committee_of_old_gia_lai, COMPLAINT, date(2024, 8, 2)), Handling.FILE, date(2024, 8, 3))
    receive(committee_of_old_gia_lai, DENUNCIATION, date(2024, 12, 1))  # not handled by the window's end
    return Year2024(province=legacy_unit("64"), pleiku=pleiku, handler=handler)


class TestTheOldProvincesYear2024:
    """What the forms say of the records of ``year_2024``, built once for these tests."""

    def test_the_workbook_has_one_sheet_per_form_with_its_header_window_and_signatures(self, records):
        workbook = statutory_workbook(records, YEAR_2024)

        assert workbook.sheetnames == SHEETS
        sheet = workbook["01-TCD"]
        texts = [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
        assert texts[:6] == [
            "ỦY BAN NHÂN DÂN TỈNH GIA LAI",
            "Biểu số: 01/TCD",
            "Ban hành kèm theo TT 01/2024/TT-TTCP",
            "TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT",
            "Đơn vị báo cáo: Tỉnh Gia Lai. Kỳ báo cáo: Năm 2024",
            "Số liệu tính từ ngày 15/12/2023 đến ngày 14/12/2024",
        ]
        assert {"Người lập biểu", "THỦ TRƯỞNG CƠ QUAN"} <= set(texts)
        fonts = {cell.font.name for row in sheet.iter_rows() for cell in row if cell.value is not None}
        assert fonts == {"Times New Roman"}
        setup = sheet.page_setup
        assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True

    def test_01_tcd_has_29_numbered_columns_after_the_unit_with_their_formulas(self, records):
        sheets = read(statutory_workbook(records, YEAR_2024))

        numbers = ["MS", "1 = 4+13+22", "2 = 5+14+23", "3 = 6+7+15+16+24+25", *map(str, range(4, 30))]
        assert sheets["01-TCD"]["numbers"] == numbers

    def test_a_row_per_district_then_the_province_s_own_agencies(self, records):
        rows = list(read(statutory_workbook(records, YEAR_2024))["01-TCD"]["rows"])

        districts = AdminUnit.objects.filter(parent=records).order_by("code").values_list("name", flat=True)
        assert rows == [*districts, "Ủy ban nhân dân tỉnh Gia Lai"]

    @pytest.mark.parametrize("sheet_name", SHEETS)
    def test_the_total_row_is_the_sum_of_the_rows_and_every_formula_column_the_sum_of_its_parts(
        self, records, sheet_name
    ):
        form = next(form for form in tt01_2024.FORMS if form.sheet_name == sheet_name)
        sheet = read(statutory_workbook(records, YEAR_2024))[sheet_name]

        rows = list(sheet["rows"].values())
        sums = [sum(row[i] or 0 for row in rows) for i in range(len(form.columns))]
        assert [value or 0 for value in sheet["total"]] == sums
        assert any(sums)
        for values in [*rows, sheet["total"]]:
            for number, parts in form.formulas().items():
                assert values[number - 1] == sum(values[part - 1] for part in parts), (sheet_name, number)

    def test_the_forms_count_what_the_report_s_figures_count(self, records):
        sheets = read(statutory_workbook(records, YEAR_2024))
        figures = figures_of(agencies_of(records), YEAR_2024)

        tcd, xld, kn, kn_done, tc, tc_done = (sheets[name] for name in ("01-TCD", "01-XLD", "01-KQGQ", "02-KQGQ",
                                                                        "03-KQGQ", "04-KQGQ"))  # fmt: skip
        assert [column(tcd, n) for n in (1, 2, 12, 13, 21, 22)] == [
            figures[key] for key in ("reception.visits", "reception.people", "reception.head.sessions",
                                     "reception.head.visits", "reception.delegated.sessions",
                                     "reception.delegated.visits")
        ]  # fmt: skip
        assert [column(xld, n) for n in (1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 19, 20, 21)] == [
            figures[f"petitions.{key}"] for key in ("to_handle", "carried_over", "received", "handled", "unhandled",
                                                    "processable", "in_competence", "in_competence.complaints",
                                                    "in_competence.denunciations", "in_competence.recommendations",
                                                    "guided", "forwarded", "urged")
        ]  # fmt: skip
        assert [column(kn, 4), column(kn, 5) + column(kn, 6)] + [column(kn, n) for n in (6, 7, 20, 23)] == [
            figures[key] for key in ("complaints.cases", "complaints.resolved", "complaints.withdrawn",
                                     "recovery.state.money_due", "complaints.founded", "complaints.upheld_first")
        ]  # fmt: skip
        assert [column(tc, n) for n in (4, 6, 9)] == [
            figures[key] for key in ("denunciations.cases", "denunciations.resolved", "denunciations.withdrawn")
        ]
        assert column(kn_done, 1) + column(tc_done, 1) == figures["enforcement.decisions"]
        assert column(kn_done, 2) + column(tc_done, 2) == figures["enforcement.completed"]

    def test_the_reception_form_splits_cases_first_and_repeat_by_way_and_group(self, records):
        tcd = read(statutory_workbook(records, YEAR_2024))["01-TCD"]

        regular = [column(tcd, n) for n in range(4, 12)]
        head = [column(tcd, n) for n in range(12, 21)]
        delegated = [column(tcd, n) for n in range(21, 30)]
        # visits, people, first, repeat, groups, their people, their first, repeat
        assert regular == [4, 9, 3, 1, 1, 6, 1, 0]
        assert head == [1, 1, 1, 1, 0, 0, 0, 0, 0]
        assert delegated == [1, 1, 5, 1, 0, 1, 5, 1, 0]

    def test_the_petition_forms_classify_the_processable_petitions(self, records):
        sheets = read(statutory_workbook(records, YEAR_2024))

        xld = sheets["01-XLD"]
        # processable: 7 petitions, 3 complaints, 2 denunciations, 2 recommendations
        assert [column(xld, n) for n in (6, 8, 9, 10)] == [7, 3, 2, 2]
        # already resolved once (a repeat denunciation; a complaint about a decided first-round case), more than once
        # (a complaint about a decided second-round case), not yet
        assert [column(xld, n) for n in (11, 12, 13)] == [2, 1, 4]
        assert column(xld, 22) == 1  # the forward's reply
        complaints, denunciations = sheets["02-XLD"], sheets["03-XLD"]
        assert [column(complaints, n) for n in range(9, 16)] == [1, 0, 1, 0, 0, 0, 2]  # land; 2 with no field
        assert column(denunciations, 14) == 1  # corruption
        assert sum(column(sheets[name], 1) for name in ("02-XLD", "03-XLD", "04-XLD")) == column(xld, 1)

    def test_the_kind_forms_split_the_handled_petitions_and_the_cases_within_competence_by_round(self, records):
        sheets = read(statutory_workbook(records, YEAR_2024))

        complaints, denunciations = sheets["02-XLD"], sheets["03-XLD"]
        # handled: all received in the window; within competence: the founded complaint's case (first round); the
        # concluded denunciation's (first time) and the repeat one's
        assert [column(denunciations, n) for n in (4, 5, 6)] == [2, 0, 2]
        assert [column(complaints, n) for n in (20, 21, 22)] == [1, 1, 0]
        assert [column(denunciations, n) for n in (21, 22, 23)] == [2, 1, 1]
        # the repeat denunciation came after a conclusion, the other one is not resolved yet
        assert [column(denunciations, n) for n in (18, 19, 20)] == [0, 1, 1]

    def test_the_resolution_forms_read_the_decisions_and_their_enforcement(self, records):
        sheets = read(statutory_workbook(records, YEAR_2024))

        kn, kn_done, tc, tc_done = (sheets[name] for name in ("01-KQGQ", "02-KQGQ", "03-KQGQ", "04-KQGQ"))
        # petitions: carried over (the second-round case), received; cases; resolved by decision, withdrawn
        assert [column(kn, n) for n in range(1, 7)] == [2, 1, 1, 2, 2, 0]
        # recovered; returned to the one organisation (to no individual); sanctioned; referred
        assert [column(kn, n) for n in range(7, 20)] == [
            Decimal("120.5"), Decimal("0"), Decimal("10"), Decimal("0"), Decimal("0"), Decimal("0"), 1, 0, 2, 1, 1, 2, 0
        ]  # fmt: skip
        # two decisions to carry out (the second round's too), one carried out
        assert [column(kn_done, n) for n in range(1, 20)] == [
            2, 1, Decimal("120.5"), 0, Decimal("100"), 0, Decimal("10"), 0, 0, 0, Decimal("10"), 0, 0, 0, 2, 1, 1, 2, 0
        ]  # fmt: skip
        # a repeat denunciation withdrawn, one concluded founded (not a repeat one) and not carried out yet
        assert [column(tc, n) for n in range(1, 13)] == [2, 0, 2, 2, 1, 2, 1, 0, 1, 0, Decimal("0"), Decimal("250.5")]
        assert [column(tc, n) for n in range(24, 30)] == [1, 0, 0, 0, 0, 0]
        assert [column(tc_done, n) for n in range(1, 7)] == [1, 0, Decimal("0"), Decimal("250.5"), Decimal("0"), 0]

    def test_opening_figures_keyed_per_column_are_added_to_their_row_and_said_so(self, records, pleiku, handler):
        before = read(statutory_workbook(records, YEAR_2024))["01-TCD"]
        enter_opening(
            agency=pleiku, start=date(2023, 12, 15), end=date(2024, 1, 7), code="01/TCD:4", value=7, by=handler
        )
        enter_opening(
            agency=pleiku, start=date(2023, 12, 15), end=date(2024, 1, 7), code="01/TCD:5", value=9, by=handler
        )

        workbook = statutory_workbook(records, YEAR_2024)

        after = read(workbook)["01-TCD"]
        row, was = after["rows"]["Thành phố Pleiku"], before["rows"]["Thành phố Pleiku"]
        assert [row[n - 1] - was[n - 1] for n in (1, 2, 4, 5, 6)] == [7, 9, 7, 9, 0]
        assert [column(after, n) - column(before, n) for n in (1, 2, 4, 5)] == [7, 9, 7, 9]
        notes = [
            cell.value for row in workbook["01-TCD"].iter_rows() for cell in row if str(cell.value).startswith("Cột")
        ]
        assert notes == [
            "Cột 4, 5: đã cộng số liệu đầu kỳ do cơ quan nhập cho những ngày của kỳ báo cáo trước khi sử dụng hệ thống."
        ]

    def test_the_command_writes_the_workbook(self, records, tmp_path, capsys):
        out = tmp_path / "bieu-mau.xlsx"

        call_command(
            "report", "--unit", "64", "--period", "year", "--year", "2024", "--format", "xlsx", "--out", str(out)
        )

        assert load_workbook(out).sheetnames == SHEETS
        assert capsys.readouterr().out.strip() == f"Đã ghi biểu mẫu vào {out}."


def test_a_province_year_takes_the_same_queries_however_many_units_have_records(committee_of_old_gia_lai):
    old_gia_lai = legacy_unit("64")

    def queries() -> int:
        """The queries of the records and the structure (not the cache's: its table and savepoints)."""
        with CaptureQueriesContext(connection) as captured:
            statutory_workbook(old_gia_lai, YEAR_2024)
        return len([query for query in captured if not re.search("danvan_cache|SAVEPOINT", query["sql"])])

    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2024, 5, 6))
    few = queries()
    for district in AdminUnit.objects.filter(parent=old_gia_lai)[:6]:
        agency = AgencyFactory(unit=district)
        VisitFactory(agency=agency, received_on=date(2024, 5, 6))
        SessionFactory(agency=agency, date=date(2024, 5, 7))
        commune = AdminUnit.objects.filter(parent=district).first()
        VisitFactory(agency=AgencyFactory(unit=commune), received_on=date(2024, 6, 6))

    # the rows (built again after the new agencies: children, units under, successions, agencies), the agencies in
    # scope, the figures (reports/grouped.py), the opening figures
    assert queries() == few == 4 + 1 + 7 + 1


def test_across_the_reform_old_units_fill_the_rows_of_the_new_ones(committee_of_gia_lai, committee_of_old_gia_lai):
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2025, 3, 3))
    VisitFactory(agency=committee_of_gia_lai, received_on=date(2025, 9, 9))
    VisitFactory(agency=AgencyFactory(unit=legacy_unit("622")), received_on=date(2025, 5, 5))

    rows = read(statutory_workbook(current_unit("52"), window("year", year=2025)))["01-TCD"]["rows"]

    assert rows["Ủy ban nhân dân tỉnh Gia Lai"][0] == 2
    assert rows["Cấp huyện (trước 01/07/2025)"][0] == 1
    assert len(rows) == AdminUnit.objects.filter(parent=current_unit("52")).count() + 2


def test_a_row_of_abolished_units_with_nothing_to_report_is_left_out(committee_of_gia_lai):
    AgencyFactory(unit=legacy_unit("622"))

    rows = read(statutory_workbook(current_unit("52"), window("year", year=2026)))["01-TCD"]["rows"]

    assert "Cấp huyện (trước 01/07/2025)" not in rows


def test_a_unit_with_no_agencies_has_forms_with_a_total_of_nothing(db):
    sheets = read(statutory_workbook(current_unit("23764"), window("year", year=2026)))

    assert [(sheet["rows"], set(sheet["total"]) - {None}) for sheet in sheets.values()] == [({}, {0})] * 6


@pytest.mark.parametrize("form", [tt01_2024.XLD_2, tt01_2024.XLD_3, tt01_2024.XLD_4], ids=lambda form: form.code)
def test_each_subject_field_counts_in_one_column_of_a_petition_form(form):
    keys = [
        key for column in form.columns if isinstance(column.source, tuple) for key in column.source if ".field." in key
    ]
    scope = keys[0].split(".")[1]

    assert sorted(keys) == sorted(f"xld.{scope}.field.{field_key(value)}" for value in FIELDS)


def test_the_command_needs_a_file_for_the_workbook(db):
    with pytest.raises(CommandError, match="Cần --out"):
        call_command("report", "--unit", "64", "--period", "year", "--year", "2024", "--format", "xlsx")
