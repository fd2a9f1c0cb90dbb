from datetime import date, datetime
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from danvan.models import Classification, Role
from reception.models import Mode, Receiver, Result
from tests.factories import CitizenFactory, SessionFactory, VisitFactory, staff_with_role

pytestmark = pytest.mark.django_db

EXPORT = reverse("reception:visit-export")
# The columns of the sheet `TiepCongDan` as registers.md names them, in its order.
REGISTER_COLUMNS = [
    "STT",
    "Ngày tiếp",
    "Mã ĐVHC",
    "Cơ quan",
    "Hình thức tiếp",
    "Người tiếp",
    "Mã kỳ tiếp",
    "Họ tên",
    "Số CCCD",
    "Địa chỉ",
    "Số người",
    "Nội dung",
    "Phân loại",
    "Lĩnh vực",
    "Mã vụ việc",
    "Kết quả tiếp",
    "Mã hồ sơ",
]


@pytest.fixture
def officer_of_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST, username="tiepdan.iagrai")


@pytest.fixture
def exporting(client, officer_of_ia_grai):
    client.force_login(officer_of_ia_grai)
    return client


def sheet_of(response):
    return load_workbook(BytesIO(b"".join(response.streaming_content)))["TiepCongDan"]


def rows_of(response):
    return [list(row) for row in sheet_of(response).iter_rows(values_only=True)]


def test_the_export_holds_one_sheet_named_as_the_register(exporting):
    workbook = load_workbook(BytesIO(b"".join(exporting.get(EXPORT).streaming_content)))

    assert workbook.sheetnames == ["TiepCongDan"]


def test_the_header_row_is_the_register_columns(exporting):
    assert rows_of(exporting.get(EXPORT)) == [REGISTER_COLUMNS]


def test_a_visit_at_the_heads_session_is_one_row_of_the_register(exporting, committee_of_ia_grai):
    citizen = CitizenFactory(full_name="Nguyễn Văn A", cccd="064090001123", address="Thôn 1, xã Ia Grai")
    visit = VisitFactory(
        agency=committee_of_ia_grai,
        received_on=date(2026, 3, 12),
        mode=Mode.PERIODIC,
        receiver=Receiver.HEAD,
        receiver_name="Phạm Minh Đức",
        session=SessionFactory(agency=committee_of_ia_grai),
        citizen=citizen,
        people=6,
        content="Đề nghị làm đường vào khu sản xuất",
        kind=Classification.RECOMMENDATION,
        result=Result.GUIDED,
        reference="HS-2026/015",
    )

    rows = rows_of(exporting.get(EXPORT))

    assert rows[1:] == [
        [
            1,
            datetime(2026, 3, 12),
            "23764",
            "UBND",
            "Định kỳ",
            "Thủ trưởng",
            f"KT{visit.session.pk}",
            "Nguyễn Văn A",
            "064090001123",
            "Thôn 1, xã Ia Grai",
            6,
            "Đề nghị làm đường vào khu sản xuất",
            "Kiến nghị, phản ánh",
            "Hành chính: đất đai, nhà cửa",
            f"VV{visit.case.pk}",
            "Hướng dẫn, giải thích",
            visit.receipt_code,
        ]
    ]


def test_a_session_with_its_own_code_is_exported_under_that_code(exporting, committee_of_ia_grai):
    VisitFactory(
        agency=committee_of_ia_grai,
        mode=Mode.AD_HOC,
        receiver=Receiver.DELEGATE,
        session=SessionFactory(agency=committee_of_ia_grai, receiver=Receiver.DELEGATE, reference="KT-03/2026"),
    )

    row = rows_of(exporting.get(EXPORT))[1]

    assert (row[4], row[5], row[6]) == ("Đột xuất", "Ủy quyền", "KT-03/2026")


def test_the_unit_code_and_the_cccd_are_text_and_the_date_a_real_date(exporting, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai)

    date_cell, code_cell, cccd_cell = (sheet_of(exporting.get(EXPORT))[cell] for cell in ("B2", "C2", "I2"))

    assert (date_cell.is_date, date_cell.number_format) == (True, "dd/mm/yyyy")
    assert (code_cell.data_type, code_cell.number_format) == ("s", "@")
    assert (cccd_cell.data_type, cccd_cell.number_format) == ("s", "@")


def test_a_content_that_looks_like_a_formula_stays_text(exporting, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, content='=HYPERLINK("http://example.com")')

    cell = sheet_of(exporting.get(EXPORT))["L2"]

    assert (cell.data_type, cell.value) == ("s", '=HYPERLINK("http://example.com")')


def test_the_export_holds_the_filtered_visits_of_the_scope_only(exporting, committee_of_ia_grai, committee_of_pleiku):
    VisitFactory(agency=committee_of_pleiku, kind=Classification.COMPLAINT)
    VisitFactory(agency=committee_of_ia_grai, kind=Classification.RECOMMENDATION)
    VisitFactory(agency=committee_of_ia_grai, kind=Classification.COMPLAINT, content="Khiếu nại thu hồi đất")

    rows = rows_of(exporting.get(EXPORT, {"kind": "complaint"}))

    assert [(row[0], row[2], row[11]) for row in rows[1:]] == [(1, "23764", "Khiếu nại thu hồi đất")]


def test_the_export_keeps_a_denouncer_out(exporting, committee_of_ia_grai):
    denouncer = CitizenFactory(full_name="Lê Văn Tố", cccd="064090001124", address="Thôn 2, xã Ia Grai")
    VisitFactory(agency=committee_of_ia_grai, kind=Classification.DENUNCIATION, citizen=denouncer)

    row = rows_of(exporting.get(EXPORT))[1]

    assert (row[7], row[8], row[9], row[12]) == ("Người tố cáo (thông tin được bảo mật)", None, None, "Tố cáo")


def test_the_export_is_an_xlsx_download_named_with_the_date(exporting):
    response = exporting.get(EXPORT)

    today = timezone.localdate()
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == f'attachment; filename="so-tiep-cong-dan-{today:%d-%m-%Y}.xlsx"'


def test_every_export_is_logged_without_personal_data(exporting, committee_of_ia_grai, caplog):
    VisitFactory(agency=committee_of_ia_grai, citizen=CitizenFactory(full_name="Nguyễn Văn A", cccd="064090001123"))

    with caplog.at_level("INFO", logger="reception.export"):
        exporting.get(EXPORT, {"q": "nguyen van a", "mode": "regular", "date_from": "01/03/2026"})

    assert [record.getMessage() for record in caplog.records if record.name == "reception.export"] == [
        "tiepdan.iagrai exported 1 rows of the reception book; "
        "filter: {'date_from': '01/03/2026', 'mode': 'regular', 'q': '<hidden>'}"
    ]
