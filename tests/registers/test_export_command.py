"""`manage.py export_registers`: the workbook of /xuat-so/ for a unit and what lies under it."""

from datetime import date
from io import BytesIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from danvan.models import Role
from tests.factories import AgencyFactory, DialogueFactory, VisitFactory, current_unit, staff_with_role

pytestmark = pytest.mark.django_db


def cells(source) -> dict[str, list[tuple]]:
    workbook = load_workbook(source)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


@pytest.fixture
def records(committee_of_gia_lai, committee_of_ia_grai, committee_of_old_gia_lai):
    """Records of the province, of a commune under it, of the old province that went into it, and one outside."""
    VisitFactory(agency=committee_of_gia_lai, received_on=date(2026, 3, 2))
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 3))
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2025, 6, 20))
    DialogueFactory(agency=committee_of_ia_grai, date=date(2026, 3, 20))
    VisitFactory(agency=AgencyFactory(unit=current_unit("00004")), received_on=date(2026, 3, 4))  # Hà Nội


def test_the_commands_workbook_equals_the_pages_for_the_units_leader(client, records, committee_of_gia_lai, tmp_path):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))
    window = {"date_from": "01/06/2025", "date_to": "31/03/2026", "registers": ["TiepCongDan", "Don", "DoiThoai"]}
    page = client.post(reverse("registers:export"), window)
    out = tmp_path / "so.xlsx"

    call_command("export_registers", "--unit", "52", "--from", "01/06/2025", "--to", "31/03/2026", "--out", str(out))

    assert cells(out) == cells(BytesIO(b"".join(page.streaming_content)))


def test_the_command_writes_the_chosen_sheets_of_the_units_area(records, tmp_path):
    out = tmp_path / "so.xlsx"

    call_command(
        "export_registers", "--unit", "52", "--from", "01/06/2025", "--to", "31/03/2026", "--sheets", "TiepCongDan",
        "--out", str(out),
    )  # fmt: skip

    sheets = cells(out)
    assert (list(sheets), [row[0] for row in sheets["TiepCongDan"][:3]]) == (
        ["TiepCongDan"],
        ["SỔ TIẾP CÔNG DÂN", "Đơn vị: Tỉnh Gia Lai", "Từ ngày 01/06/2025 đến ngày 31/03/2026"],
    )
    assert [row[2] for row in sheets["TiepCongDan"][4:]] == ["64", "52", "23764"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--unit", "99", "--from", "01/01/2026", "--to", "31/03/2026"), "Không có đơn vị hành chính mã “99”"),
        (("--unit", "5200", "--from", "01/01/2026", "--to", "31/03/2026"), "Mã đơn vị hành chính “5200” không hợp lệ"),
        (("--unit", "52", "--from", "2026-01-01", "--to", "31/03/2026"), "Ngày “2026-01-01” không đúng dạng"),
        (("--unit", "52", "--from", "31/03/2026", "--to", "01/01/2026"), "Ngày kết thúc (--to) phải sau"),
        (("--unit", "52", "--from", "01/01/2026", "--to", "31/03/2026", "--sheets", "Don,So"), "Sheet không có: So"),
    ],
)
def test_a_wrong_argument_is_an_error_in_vietnamese(arguments, message, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("export_registers", *arguments, "--out", str(tmp_path / "so.xlsx"))

    assert str(error.value).startswith(message)
