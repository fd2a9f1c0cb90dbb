"""The six forms of TT 06/2025/TT-TTCP from the records: on a year whose records put a value in every column, every
formula, "≤" note and link between forms holds, row by row and in total; a record that contradicts another shows as
a failed check naming its cells; the JSON's total rows are the workbook's."""

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import load_workbook

from complaints.models import Decision, Enforcement, Handling, Outcome, Petition
from complaints.services.resolution import complete_enforcement, decide_case
from danvan.models import AdminUnit, Agency, Case, Classification, Role, Staff, SubjectField
from reception.models import Mode, Receiver
from reports.checks import violations
from reports.excel.workbook import statutory_workbook, workbook_bytes
from reports.forms_data import form_set, report_json
from reports.models import ManagementFigure
from reports.periods import window
from reports.services import mark_sent
from tests.factories import (
    AgencyFactory,
    MembershipFactory,
    SessionFactory,
    StaffFactory,
    VisitFactory,
    current_unit,
    verified,
)
from tests.reports.test_excel_forms import handling, receiving
from tests.shared_data import built_once

pytestmark = pytest.mark.django_db

YEAR_2026 = window("year", year=2026)  # 15/12/2025 → 14/12/2026
COMPLAINT, DENUNCIATION, RECOMMENDATION = Classification.values
TT06_SHEETS = ["01-TCD", "02-XLD", "03-GQKN", "04-GQTC", "05-KQTH", "06-QLKNTC"]
EVERY_FACT = {
    "money_due": Decimal("120.5"), "land_due": Decimal("300"), "returned_money": Decimal("15"),
    "returned_land": Decimal("40"), "returned_organisations": 1, "returned_individuals": 2,
    "sanctioned_organisations": 1, "sanctioned_people": 3, "sanctioned_officials": 1,
    "referred_cases": 1, "referred_people": 2, "referred_officials": 1,
}  # fmt: skip
CARRIED_OUT = {
    "returned_money": Decimal("15"), "returned_land": Decimal("40"), "sanctioned_organisations": 1,
    "sanctioned_people": 2, "sanctioned_officials": 1, "prosecuted_cases": 1, "prosecuted_people": 2,
    "prosecuted_officials": 1,
}  # fmt: skip


@dataclass(frozen=True)
class Year2026:
    province: AdminUnit
    committee: Agency
    commune: Agency
    handler: Staff


@pytest.fixture(scope="module")
def year_2026(django_db_setup, django_db_blocker):
    yield from built_once(django_db_blocker, _year_2026)


def _year_2026() -> Year2026:
    province = current_unit("52")
    committee = AgencyFactory(unit=province)
    commune = AgencyFactory(unit=AdminUnit.objects.filter(parent=province).order_by("code").first())
    handler = StaffFactory()
    for agency in (committee, commune):
        MembershipFactory(staff=handler, agency=agency, role=Role.LEADER)
    for agency in (committee, commune):
        _reception(agency)
        _petitions_and_cases(agency, handler)
        for column in range(1, 18):
            ManagementFigure.objects.create(
                agency=agency, start=YEAR_2026.start, end=YEAR_2026.end, column=column, value=30 - column,
                entered_by=handler,
            )  # fmt: skip
    return Year2026(province, committee, commune, handler)


def _reception(agency: Agency) -> None:
    VisitFactory(agency=agency, received_on=date(2026, 1, 8))
    VisitFactory(agency=agency, received_on=date(2026, 1, 9), people=6, case=None)
    for receiver, mode, on in ((Receiver.HEAD, Mode.PERIODIC, date(2026, 3, 12)),
                               (Receiver.DELEGATE, Mode.AD_HOC, date(2026, 4, 9))):  # fmt: skip
        session = SessionFactory(agency=agency, date=on, receiver=receiver)
        for people in (1, 7):
            VisitFactory(agency=agency, received_on=on, mode=mode, receiver=receiver, session=session, people=people)


def _petitions_and_cases(agency: Agency, handler: Staff) -> None:
    receive, handle = receiving(handler), handling(handler)

    def accepted(kind, field, **case) -> Case:
        return handle(receive(agency, kind, date(2026, 2, 2), field=field), Handling.ACCEPT, date(2026, 2, 5),
                      **case).case  # fmt: skip

    def decided(kind, field, outcome, **case) -> Decision:
        decision = decide_case(case=verified(accepted(kind, field, **case)), by=handler, issued_on=date(2026, 5, 4),
                               number="1/QĐ", outcome=outcome, **EVERY_FACT)  # fmt: skip
        return decision

    for outcome, field in ((Outcome.FOUNDED, SubjectField.LAND), (Outcome.UNFOUNDED, SubjectField.POLICY),
                           (Outcome.PARTLY_FOUNDED, SubjectField.JUDICIAL)):  # fmt: skip
        decided(COMPLAINT, field, outcome)
    for outcome in (Outcome.UPHELD_FIRST, Outcome.OVERTURNED_FIRST):
        decided(COMPLAINT, SubjectField.LAND, outcome, round=Case.Round.SECOND)
    fields = (SubjectField.POLICY, SubjectField.CORRUPTION, SubjectField.JUDICIAL, SubjectField.PARTY)
    for outcome, field in zip((Outcome.FOUNDED, Outcome.UNFOUNDED, Outcome.PARTLY_FOUNDED), fields, strict=False):
        decided(DENUNCIATION, field, outcome)
        decided(DENUNCIATION, SubjectField.PARTY, outcome, repeat_denunciation=True)
    for kind in (COMPLAINT, DENUNCIATION):
        accepted(kind, SubjectField.LAND)  # being resolved
        decide_case(case=accepted(kind, SubjectField.LAND), by=handler, issued_on=date(2026, 3, 2), number="2/QĐ",
                    outcome=Outcome.WITHDRAWN)  # fmt: skip
        for considered, declined_on in ((True, None), (False, date(2026, 2, 20))):
            case = accepted(kind, SubjectField.LAND)
            Case.objects.filter(pk=case.pk).update(accepted_on=None, due_on=None, declined_on=declined_on)
            handling_of = Handling.CONSIDER if considered else Handling.DECLINE
            Petition.objects.filter(case=case).update(handling=handling_of)
    for enforcement in Enforcement.objects.filter(decision__case__agency=agency, decision__issued_on=date(2026, 5, 4)):
        if enforcement.pk % 2:
            complete_enforcement(enforcement=enforcement, by=handler, on=date(2026, 6, 1),
                                 money_recovered=Decimal("100"), land_recovered=Decimal("20"))  # fmt: skip
            Enforcement.objects.filter(pk=enforcement.pk).update(**CARRIED_OUT)
    for field in (SubjectField.POLICY, SubjectField.LAND, SubjectField.OTHER):
        handle(receive(agency, RECOMMENDATION, date(2026, 6, 2), field=field), Handling.ANSWER, date(2026, 6, 3))
    handle(receive(agency, COMPLAINT, date(2026, 7, 1)), Handling.GUIDE, date(2026, 7, 2))
    handle(receive(agency, RECOMMENDATION, date(2026, 7, 1)), Handling.FORWARD, date(2026, 7, 3))
    handle(receive(agency, COMPLAINT, date(2026, 8, 2)), Handling.FILE, date(2026, 8, 3))
    receive(agency, DENUNCIATION, date(2026, 12, 1))  # not handled yet


@pytest.fixture
def forms(year_2026):
    return form_set(year_2026.province, YEAR_2026)


def test_a_year_ending_after_30_09_2025_is_on_the_six_tt06_forms(forms):
    assert forms.name == "TT 06/2025/TT-TTCP"
    assert [(table.form.code, len(table.total)) for table in forms.tables] == [
        ("01/TCD", 21), ("02/XLD", 25), ("03/GQKN", 23), ("04/GQTC", 25), ("05/KQTH", 31), ("06/QLKNTC", 17),
    ]  # fmt: skip


def test_the_generated_year_puts_a_value_in_every_column_of_every_form(forms):
    empty = [(table.form.code, number) for table in forms.tables
             for number, value in enumerate(table.total, start=1) if not value]  # fmt: skip
    assert empty == []


def test_every_formula_bound_and_link_of_the_circular_holds_on_every_row_and_the_total(forms):
    assert violations(forms) == []


def test_the_report_units_rows_add_up_to_the_total_row(forms):
    for table in forms.tables:
        sums = [sum(values[index] or 0 for _, values in table.lines) for index in range(len(table.total))]
        assert sums == table.total, table.form.code


def test_the_forms_count_each_agencys_records_in_its_own_row(forms, year_2026):
    tcd = forms.tables[0]
    by_label = {row.label: values for row, values in tcd.lines}
    assert by_label[year_2026.committee.name][:4] == [6, 23, 6, 3]
    assert tcd.total[:4] == [12, 46, 12, 6]


def test_a_decision_to_carry_out_with_no_carrying_out_fails_the_link_of_05_kqth_to_03_gqkn(year_2026):
    Enforcement.objects.filter(decision__case__agency=year_2026.commune, decision__case__kind=COMPLAINT).delete()

    failed = violations(form_set(year_2026.province, YEAR_2026))

    links = [violation for violation in failed if violation.rule == "05/KQTH cột 1 ≥ 03/GQKN cột 7"]
    assert [violation.row for violation in links] == [year_2026.commune.unit.name, "Tổng cộng"]
    assert links[0].cells == ("05/KQTH cột 1: 0", "03/GQKN cột 7: 5")
    assert links[0].unit_pk == year_2026.commune.unit.pk


def test_a_second_round_outcome_on_a_first_round_case_fails_the_formula_of_column_7(year_2026):
    Case.objects.filter(agency=year_2026.committee, decision__outcome=Outcome.UPHELD_FIRST).update(
        round=Case.Round.FIRST
    )

    failed = violations(form_set(year_2026.province, YEAR_2026))

    assert "03/GQKN: cột 7 = 8 + 9 + 10 + 11 + 12" in {violation.rule for violation in failed}


def test_the_workbook_of_a_2026_year_has_the_six_sheets_and_says_its_circular(year_2026):
    workbook = statutory_workbook(year_2026.province, YEAR_2026)

    assert workbook.sheetnames == TT06_SHEETS
    texts = {cell.value for row in workbook["02-XLD"].iter_rows() for cell in row if isinstance(cell.value, str)}
    assert any("TT 06/2025/TT-TTCP" in text for text in texts)


def test_the_json_forms_are_the_workbooks_total_rows(year_2026):
    data = report_json(year_2026.province, YEAR_2026)
    book = load_workbook(BytesIO(workbook_bytes(statutory_workbook(year_2026.province, YEAR_2026))))

    for sheet in book.worksheets:
        cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
        total = next(row for row in cells if row[0] == "Tổng cộng")
        code = sheet.title.replace("-", "/")
        width = len(data["forms"][code])
        assert [float(value) if value is not None else None for value in total[1 : 1 + width]] == [
            float(value) if value is not None else None for value in data["forms"][code]
        ], code


def test_the_command_prints_the_forms_total_rows_in_its_json(year_2026):
    out = StringIO()
    call_command("report", unit="52", period="year", year=2026, format="json", stdout=out)

    data = json.loads(out.getvalue())
    assert data["circular"] == "TT 06/2025/TT-TTCP"
    assert data["forms"]["01/TCD"][:4] == [12, 46, 12, 6]
    assert len(data["forms"]["05/KQTH"]) == 31


def _page(client, year_2026, **query):
    client.force_login(year_2026.handler)
    return client.get(
        reverse("reports:report"), {"unit": year_2026.province.pk, "period": "year", "year": 2026} | query
    )


def test_the_report_page_shows_the_tt06_forms_and_that_every_check_holds(client, year_2026):
    page = _page(client, year_2026).content.decode()

    assert "Biểu số liệu (TT 06/2025/TT-TTCP)" in page
    assert "Biểu 06/QLKNTC" in page
    assert "Số liệu thỏa mãn mọi công thức" in page


def test_the_report_page_names_the_cells_of_a_failed_check_and_links_the_units_report(client, year_2026):
    Enforcement.objects.filter(decision__case__agency=year_2026.commune, decision__case__kind=COMPLAINT).delete()

    page = _page(client, year_2026).content.decode()

    assert "05/KQTH cột 1 ≥ 03/GQKN cột 7 — 05/KQTH cột 1: 0; 03/GQKN cột 7: 5" in page
    assert f"&amp;unit={year_2026.commune.unit.pk}" in page


@pytest.mark.parametrize(
    ("end", "circular"), [("29/09/2025", "TT 01/2024/TT-TTCP"), ("30/09/2025", "TT 06/2025/TT-TTCP")]
)
def test_the_page_takes_the_circular_in_force_on_the_windows_last_day(client, year_2026, end, circular):
    page = _page(client, year_2026, period="custom", start="01/09/2025", end=end).content.decode()

    assert f"Biểu số liệu ({circular})" in page


def test_the_figures_url_carries_the_forms_of_the_window(client, year_2026):
    client.force_login(year_2026.handler)

    data = client.get(reverse("reports:figures-json"), {"unit": "52", "period": "year", "year": 2026}).json()

    assert data["circular"] == "TT 06/2025/TT-TTCP"
    assert data["forms"] == report_json(year_2026.province, YEAR_2026)["forms"]


def test_a_sent_report_keeps_its_circular_and_total_rows(year_2026):
    sent = mark_sent(unit=year_2026.province, window=YEAR_2026, by=year_2026.handler)

    assert sent.circular == "TT 06/2025/TT-TTCP"
    assert sent.forms["01/TCD"][:4] == [12, 46, 12, 6]


def test_the_command_says_when_it_cannot_write_the_workbook(year_2026, tmp_path):
    with pytest.raises(CommandError, match="Không ghi được tệp"):
        call_command("report", unit="52", period="year", year=2026, format="xlsx", out=str(tmp_path / "no" / "r.xlsx"))
