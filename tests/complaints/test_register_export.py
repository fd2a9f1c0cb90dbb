from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from complaints.models import Handling, Outcome, Petition, Source, UnprocessableReason
from complaints.register import write_petitions
from complaints.services.handling import confirm_duplicate, handle_petition
from complaints.services.resolution import complete_enforcement, decide_case, mark_hotspot
from danvan.citizens import CitizenDetails
from danvan.models import Case, Classification, Role, SubjectField
from tests.factories import member_of, staff_with_role, verified

pytestmark = pytest.mark.django_db

EXPORT = reverse("complaints:petition-export")
# The columns of the sheet `Don` as registers.md names them, in its order.
REGISTER_COLUMNS = [
    "STT",
    "Ngày nhận",
    "Mã ĐVHC",
    "Cơ quan",
    "Nguồn đơn",
    "Người đứng đơn",
    "Số CCCD",
    "Địa chỉ",
    "Điện thoại",
    "Số người đứng tên",
    "Loại đơn",
    "Lĩnh vực",
    "Nội dung",
    "Đủ điều kiện xử lý",
    "Thẩm quyền",
    "Hướng xử lý",
    "Ngày xử lý",
    "Lần giải quyết",
    "Phức tạp",
    "Đông người, kéo dài",
    "Trạng thái giải quyết",
    "Kết quả giải quyết",
    "Ngày giải quyết",
    "Thu hồi tiền (triệu đồng)",
    "Thu hồi đất (m²)",
    "Đã thu tiền (triệu đồng)",
    "Đã thu đất (m²)",
    "Mã hồ sơ",
]
HANDLING_COLUMNS = slice(13, 17)  # Đủ điều kiện xử lý … Ngày xử lý
RESOLUTION_COLUMNS = slice(17, 27)  # Lần giải quyết … Đã thu đất
NO_RESOLUTION = [None] * 10
DENOUNCER = CitizenDetails(full_name="Lê Văn Tố", cccd="064090001124", address="Thôn 2, xã Ia Grai", phone="0905111222")


@pytest.fixture
def handler(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.HANDLER, username="xulydon.iagrai")


@pytest.fixture
def exporting(client, handler):
    client.force_login(handler)
    return client


def workbook_of(response):
    return load_workbook(BytesIO(b"".join(response.streaming_content)))


def sheet_of(response):
    return workbook_of(response)["Don"]


def rows_of(response):
    return [list(row) for row in sheet_of(response).iter_rows(values_only=True)]


def handled(petition, handler, on, handling, **classification):
    return handle_petition(petition=petition, by=handler, on=on, handling=handling, **classification)


def test_the_export_holds_one_sheet_named_as_the_register(exporting):
    assert workbook_of(exporting.get(EXPORT)).sheetnames == ["Don"]


def test_the_header_row_is_the_register_columns(exporting):
    assert rows_of(exporting.get(EXPORT)) == [REGISTER_COLUMNS]


def test_a_resolved_complaint_is_one_row_with_its_handling_resolution_and_amounts(exporting, receive, accept, handler):
    petition = receive(
        on=date(2026, 3, 2),
        details=CitizenDetails(
            full_name="Nguyễn Văn Khiếu", cccd="064090007777", address="Thôn 4, xã Ia Grai", phone="0912345678"
        ),
        signatories=2,
        field=SubjectField.LAND,
        reference="HS-2026/015",
    )
    case = accept(petition, date(2026, 3, 5), complexity=Case.Complexity.COMPLEX)
    mark_hotspot(case=case, by=handler, plan="Đối thoại với các hộ dân")
    decision = decide_case(
        case=verified(case), by=handler, issued_on=date(2026, 4, 1), number="7/QĐ-UBND", outcome=Outcome.FOUNDED,
        money_due=Decimal("120.5"), land_due=Decimal("300"),
    )  # fmt: skip
    complete_enforcement(
        enforcement=decision.enforcement, by=handler, on=date(2026, 5, 4), money_recovered=Decimal("100.25"),
        land_recovered=Decimal("300"),
    )  # fmt: skip

    rows = rows_of(exporting.get(EXPORT))

    assert rows[1:] == [
        [
            1,
            datetime(2026, 3, 2),
            "23764",
            "UBND",
            "Bưu chính",
            "Nguyễn Văn Khiếu",
            "064090007777",
            "Thôn 4, xã Ia Grai",
            "0912345678",
            2,
            "Khiếu nại",
            "Hành chính: đất đai, nhà cửa",
            "Khiếu nại quyết định thu hồi đất của UBND xã",
            "Có",
            "Thuộc thẩm quyền",
            "Thụ lý",
            datetime(2026, 3, 5),
            "Lần đầu",
            "Có",
            "Có",
            "Đã giải quyết",
            "Đúng",
            datetime(2026, 4, 1),
            120.5,
            300,
            100.25,
            300,
            petition.receipt_code,
        ]
    ]


def test_a_case_being_resolved_shows_its_state_and_nothing_of_a_decision(exporting, receive, accept):
    accept(receive(), date(2026, 3, 5))

    row = rows_of(exporting.get(EXPORT))[1]

    assert row[RESOLUTION_COLUMNS] == ["Lần đầu", None, None, "Đang giải quyết", None, None, None, None, None, None]


def test_recovered_amounts_are_written_once_carrying_out_is_completed(exporting, receive, accept, handler):
    case = accept(receive(), date(2026, 3, 5))
    decide_case(
        case=verified(case), by=handler, issued_on=date(2026, 4, 1), number="7/QĐ", outcome=Outcome.PARTLY_FOUNDED,
        money_due=Decimal("12"),
    )  # fmt: skip

    row = rows_of(exporting.get(EXPORT))[1]

    assert row[RESOLUTION_COLUMNS] == [
        "Lần đầu", None, None, "Đã giải quyết", "Đúng một phần", datetime(2026, 4, 1), 12, 0, None, None,
    ]  # fmt: skip


def test_a_second_round_and_a_repeated_denunciation_show_their_round_and_outcome(exporting, receive, accept, handler):
    second = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 2), round=Case.Round.SECOND)
    decide_case(
        case=verified(second), by=handler, issued_on=date(2026, 4, 1), number="8/QĐ", outcome=Outcome.OVERTURNED_FIRST
    )
    again = accept(
        receive(Classification.DENUNCIATION, on=date(2026, 3, 3)), date(2026, 3, 3), repeat_denunciation=True
    )
    decide_case(case=verified(again), by=handler, issued_on=date(2026, 4, 2), number="9/KL", outcome=Outcome.TERMINATED)

    rows = rows_of(exporting.get(EXPORT, {"sort": "oldest"}))

    assert [(row[10], row[17], row[21]) for row in rows[1:]] == [
        ("Khiếu nại", "Lần hai", "Hủy, sửa quyết định lần đầu"),
        ("Tố cáo", "Tố cáo tiếp", "Đình chỉ"),
    ]


def test_the_sources_are_written_with_the_register_labels(exporting, receive, committee_of_pleiku):
    receive(source=Source.RECEPTION, on=date(2026, 3, 2))
    receive(source=Source.POST, on=date(2026, 3, 3))
    receive(source=Source.FORWARDED, forwarded_by=committee_of_pleiku, on=date(2026, 3, 4))
    receive(source=Source.ELECTED_BODY, on=date(2026, 3, 5))
    receive(source=Source.ONLINE, on=date(2026, 3, 6))

    rows = rows_of(exporting.get(EXPORT, {"sort": "oldest"}))

    assert [row[4] for row in rows[1:]] == [
        "Trực tiếp",
        "Bưu chính",
        "Cơ quan khác chuyển đến",
        "ĐBQH, HĐND chuyển đến",
        "Trực tuyến",
    ]


def test_each_handling_is_written_with_its_classification(exporting, receive, handler):
    on = date(2026, 3, 4)
    unprocessable = {"processable": False, "in_competence": None, "reason": UnprocessableReason.UNCLEAR}
    outside = {"processable": True, "in_competence": False}
    handled(receive(on=date(2026, 3, 2)), handler, on, Handling.FILE, **unprocessable)
    handled(receive(on=date(2026, 3, 3)), handler, on, Handling.RETURN, **unprocessable)
    handled(receive(on=date(2026, 3, 4)), handler, on, Handling.GUIDE, **outside)
    handled(receive(on=date(2026, 3, 4)), handler, on, Handling.URGE, **outside)
    handled(
        receive(on=date(2026, 3, 4)), handler, on, Handling.FORWARD, forwarded_to_name="Tòa án nhân dân khu vực 5",
        letter_number="12/PC", letter_date=on, **outside,
    )  # fmt: skip
    receive(on=date(2026, 3, 5))

    rows = rows_of(exporting.get(EXPORT, {"sort": "oldest"}))

    assert [row[HANDLING_COLUMNS] for row in rows[1:]] == [
        ["Không", None, "Lưu đơn", datetime(2026, 3, 4)],
        ["Không", None, "Trả lại", datetime(2026, 3, 4)],
        ["Có", "Không thuộc thẩm quyền", "Hướng dẫn", datetime(2026, 3, 4)],
        ["Có", "Không thuộc thẩm quyền", "Đôn đốc", datetime(2026, 3, 4)],
        ["Có", "Không thuộc thẩm quyền", "Chuyển đơn", datetime(2026, 3, 4)],
        [None, None, None, None],
    ]
    assert [row[RESOLUTION_COLUMNS] for row in rows[1:]] == [NO_RESOLUTION] * 6


def test_a_considered_and_a_declined_petition_are_written_without_their_case(exporting, receive, handler):
    on, within = date(2026, 3, 4), {"processable": True, "in_competence": True}
    handled(receive(on=date(2026, 3, 2)), handler, on, Handling.CONSIDER, **within)
    handled(receive(on=date(2026, 3, 3)), handler, on, Handling.DECLINE, note="Đã hết thời hiệu khiếu nại.", **within)

    rows = rows_of(exporting.get(EXPORT, {"sort": "oldest"}))

    assert [row[HANDLING_COLUMNS] for row in rows[1:]] == [
        ["Có", "Thuộc thẩm quyền", "Xem xét thụ lý", datetime(2026, 3, 4)],
        ["Có", "Thuộc thẩm quyền", "Không thụ lý", datetime(2026, 3, 4)],
    ]
    assert [row[RESOLUTION_COLUMNS] for row in rows[1:]] == [NO_RESOLUTION] * 2


def test_the_unit_code_and_the_cccd_are_text_and_the_dates_real_dates(exporting, receive, accept):
    accept(receive(), date(2026, 3, 5))

    sheet = sheet_of(exporting.get(EXPORT))
    received, code, cccd, handled_on = (sheet[cell] for cell in ("B2", "C2", "G2", "Q2"))

    assert (received.is_date, received.number_format) == (True, "dd/mm/yyyy")
    assert (handled_on.is_date, handled_on.number_format) == (True, "dd/mm/yyyy")
    assert (code.value, code.data_type, code.number_format) == ("23764", "s", "@")
    assert (cccd.value, cccd.data_type, cccd.number_format) == ("064090007777", "s", "@")


def test_a_denunciation_row_names_no_one(exporting, receive, accept):
    accept(receive(Classification.DENUNCIATION, details=DENOUNCER), date(2026, 3, 5))

    row = rows_of(exporting.get(EXPORT))[1]

    assert row[4:11] == ["Bưu chính", "Người tố cáo (thông tin được bảo mật)", None, None, None, 1, "Tố cáo"]


def test_the_export_never_reads_the_denouncer_vault(exporting, receive):
    receive(Classification.DENUNCIATION, details=DENOUNCER)

    with CaptureQueriesContext(connection) as queries:
        workbook = workbook_of(exporting.get(EXPORT))

    cells = {cell for row in workbook["Don"].iter_rows(values_only=True) for cell in row}
    assert cells & {"Lê Văn Tố", "064090001124", "Thôn 2, xã Ia Grai", "0905111222"} == set()
    assert [query["sql"] for query in queries if "complaints_denounceridentity" in query["sql"]] == []


def test_an_anonymous_petition_has_no_petitioner(exporting, receive):
    receive(Classification.RECOMMENDATION, anonymous=True, details=None)

    row = rows_of(exporting.get(EXPORT))[1]

    assert row[5:9] == [None, None, None, None]


def test_a_confirmed_duplicate_does_not_repeat_the_case_and_its_amounts(exporting, receive, accept, handler):
    first = receive(on=date(2026, 3, 2))
    case = accept(first, date(2026, 3, 3))
    decide_case(
        case=verified(case), by=handler, issued_on=date(2026, 4, 1), number="7/QĐ", outcome=Outcome.FOUNDED,
        money_due=Decimal("50"),
    )  # fmt: skip
    confirm_duplicate(petition=receive(on=date(2026, 3, 10)), of=first, by=handler)

    rows = rows_of(exporting.get(EXPORT, {"sort": "oldest"}))

    assert [(row[15], row[20], row[23]) for row in rows[1:]] == [
        ("Thụ lý", "Đã giải quyết", 50),
        (None, None, None),
    ]


def test_the_export_holds_the_filtered_petitions_of_the_scope_only(
    exporting, receive, handler, committee_of_ia_grai, committee_of_pleiku
):
    receive(agency=committee_of_pleiku, content="Khiếu nại của phường Pleiku")
    forwarded_here = receive(agency=committee_of_pleiku, content="Khiếu nại Pleiku chuyển về xã")
    handler_of_pleiku = member_of(committee_of_pleiku, Role.HANDLER)
    handled(
        forwarded_here, handler_of_pleiku, date(2026, 3, 3), Handling.FORWARD, processable=True, in_competence=False,
        forwarded_to=committee_of_ia_grai, letter_number="3/PC", letter_date=date(2026, 3, 3),
    )  # fmt: skip
    receive(Classification.RECOMMENDATION, content="Kiến nghị làm đường")
    receive(Classification.COMPLAINT, content="Khiếu nại thu hồi đất")

    rows = rows_of(exporting.get(EXPORT, {"kind": "complaint"}))

    assert [(row[0], row[2], row[12]) for row in rows[1:]] == [(1, "23764", "Khiếu nại thu hồi đất")]


def test_the_export_needs_a_signed_in_user(client, receive):
    receive()

    response = client.get(EXPORT)

    assert (response.status_code, response["Location"]) == (302, f"{reverse('login')}?next={EXPORT}")


def test_the_export_is_an_xlsx_download_named_with_the_date(exporting):
    response = exporting.get(EXPORT)

    today = timezone.localdate()
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == f'attachment; filename="so-theo-doi-don-{today:%d-%m-%Y}.xlsx"'


def test_every_export_is_logged_without_personal_data(exporting, receive, caplog):
    receive(on=date(2026, 3, 2))

    with caplog.at_level("INFO", logger="complaints.export"):
        exporting.get(EXPORT, {"q": "nguyen van khieu", "kind": "complaint", "date_from": "01/03/2026"})

    assert [record.getMessage() for record in caplog.records if record.name == "complaints.export"] == [
        "xulydon.iagrai exported 1 rows of the petition book; "
        "filter: {'date_from': '01/03/2026', 'kind': 'complaint', 'q': '<hidden>'}"
    ]


def test_the_number_of_queries_does_not_grow_with_the_petitions(receive, accept):
    accept(receive(on=date(2026, 3, 2)), date(2026, 3, 3))
    with CaptureQueriesContext(connection) as one:
        write_petitions(Petition.objects.all(), BytesIO())
    for day in range(3, 9):
        accept(receive(on=date(2026, 3, day)), date(2026, 3, day))
        receive(Classification.DENUNCIATION, details=DENOUNCER, on=date(2026, 3, day))

    with CaptureQueriesContext(connection) as many:
        count = write_petitions(Petition.objects.all(), BytesIO())

    assert (count, len(many)) == (13, len(one))
