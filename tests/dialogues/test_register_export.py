from datetime import date, datetime
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from danvan.models import Agency
from dialogues.models import Dialogue, Host, Kind
from dialogues.register import HEADERS, write_dialogues
from tests.factories import AgencyFactory, current_unit

pytestmark = pytest.mark.django_db

EXPORT = reverse("dialogues:dialogue-export")
# The columns of the sheet `DoiThoai` as registers.md names them, in its order.
REGISTER_COLUMNS = [
    "STT",
    "Ngày",
    "Mã ĐVHC",
    "Hình thức",
    "Người chủ trì",
    "Chủ đề",
    "Số người tham dự",
    "Số ý kiến",
    "Số ý kiến trả lời tại chỗ",
    "Mã hồ sơ",
]


@pytest.fixture
def exporting(client, leader_of_ia_grai):
    client.force_login(leader_of_ia_grai)
    return client


@pytest.fixture
def council_of_ia_grai(db):
    return AgencyFactory(unit=current_unit("23764"), kind=Agency.Kind.COUNCIL, name="Hội đồng nhân dân xã Ia Grai")


def workbook_of(response):
    return load_workbook(BytesIO(b"".join(response.streaming_content)))


def rows_of(response):
    return [list(row) for row in workbook_of(response)["DoiThoai"].iter_rows(values_only=True)]


def test_the_export_holds_one_sheet_named_as_the_register(exporting):
    assert workbook_of(exporting.get(EXPORT)).sheetnames == ["DoiThoai"]


def test_the_header_row_is_the_register_columns(exporting):
    assert (list(HEADERS), rows_of(exporting.get(EXPORT))) == (REGISTER_COLUMNS, [REGISTER_COLUMNS])


def test_a_dialogue_is_one_row_with_its_labels_counts_and_code(exporting, hold, committee_of_ia_grai):
    dialogue = hold(committee_of_ia_grai, date(2026, 3, 10), participants=1200, opinions_raised=15, opinions_answered=9,
         reference="ĐT-2026/01")  # fmt: skip

    assert rows_of(exporting.get(EXPORT))[1:] == [
        [
            1,
            datetime(2026, 3, 10),
            "23764",
            "Đối thoại",
            "Chủ tịch UBND",
            "Bồi thường, hỗ trợ tái định cư dự án đường liên xã",
            1200,
            15,
            9,
            dialogue.code,
        ]
    ]


def test_a_voter_meeting_shows_its_kind_and_host(exporting, hold, council_of_ia_grai):
    meeting = hold(council_of_ia_grai, date(2026, 4, 1), kind=Kind.VOTER_MEETING, host=Host.COUNCIL_DEPUTY,
                   participants=80, opinions_raised=4, topic="Tiếp xúc cử tri trước kỳ họp thứ 3")  # fmt: skip

    assert rows_of(exporting.get(EXPORT))[1:] == [
        [1, datetime(2026, 4, 1), "23764", "Tiếp xúc cử tri", "Đại biểu HĐND", "Tiếp xúc cử tri trước kỳ họp thứ 3", 80,
         4, 0, meeting.code],
    ]  # fmt: skip


def test_the_unit_code_is_text_and_the_date_a_real_date(hold, committee_of_ba_dinh):
    hold(committee_of_ba_dinh, date(2026, 3, 11))
    out = BytesIO()

    write_dialogues(Dialogue.objects.all(), out)

    sheet = load_workbook(out)["DoiThoai"]
    held_on, code = sheet["B2"], sheet["C2"]
    assert (held_on.is_date, held_on.number_format) == (True, "dd/mm/yyyy")
    assert (code.value, code.data_type, code.number_format) == ("00004", "s", "@")


def test_the_unit_is_where_the_dialogue_was_held_not_the_organisers(hold, committee_of_gia_lai):
    hold(committee_of_gia_lai, date(2026, 3, 12), unit=current_unit("23764"))
    out = BytesIO()

    write_dialogues(Dialogue.objects.all(), out)

    assert load_workbook(out)["DoiThoai"]["C2"].value == "23764"


def test_the_export_holds_the_filtered_dialogues_of_the_scope_only(
    exporting, hold, committee_of_ia_grai, council_of_ia_grai, committee_of_pleiku
):
    hold(committee_of_ia_grai, date(2026, 2, 27), topic="Trước khoảng lọc")
    hold(committee_of_ia_grai, date(2026, 3, 10), topic="Đối thoại trong khoảng lọc")
    hold(council_of_ia_grai, date(2026, 3, 11), kind=Kind.VOTER_MEETING, host=Host.COUNCIL_DEPUTY)
    hold(committee_of_pleiku, date(2026, 3, 12), topic="Đối thoại của phường Pleiku")

    rows = rows_of(exporting.get(EXPORT, {"date_from": "01/03/2026", "kind": "dialogue"}))

    assert [row[5] for row in rows[1:]] == ["Đối thoại trong khoảng lọc"]


def test_the_export_is_an_excel_file_named_for_the_day(exporting):
    response = exporting.get(EXPORT)

    today = timezone.localdate()
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == f'attachment; filename="so-doi-thoai-{today:%d-%m-%Y}.xlsx"'


def test_every_export_is_logged_with_its_filter(exporting, hold, committee_of_ia_grai, leader_of_ia_grai, caplog):
    hold(committee_of_ia_grai, date(2026, 3, 10))

    with caplog.at_level("INFO", logger="dialogues.export"):
        exporting.get(EXPORT, {"kind": "dialogue", "date_from": "01/03/2026"})

    assert [record.getMessage() for record in caplog.records if record.name == "dialogues.export"] == [
        f"{leader_of_ia_grai.username} exported 1 rows of the dialogue book; "
        "filter: {'date_from': '01/03/2026', 'kind': 'dialogue'}"
    ]


def test_the_export_needs_a_login(client):
    response = client.get(EXPORT)

    assert (response.status_code, response.url.split("?")[0]) == (302, reverse("login"))


def test_the_number_of_queries_does_not_grow_with_the_dialogues(hold, committee_of_ia_grai, committee_of_gia_lai):
    hold(committee_of_ia_grai, date(2026, 3, 2))
    with CaptureQueriesContext(connection) as one:
        write_dialogues(Dialogue.objects.all(), BytesIO())
    for day in range(3, 9):
        hold(committee_of_ia_grai, date(2026, 3, day))
        hold(committee_of_gia_lai, date(2026, 3, day))

    with CaptureQueriesContext(connection) as many:
        count = write_dialogues(Dialogue.objects.all(), BytesIO())

    assert (count, len(many)) == (13, len(one))
