"""The reception book printed on its form (NĐ 154/2026/NĐ-CP Mẫu số 03/TCD): the 13 columns, filled from the visits
of the list's filter within the user's scope and from the petitions they handed on; a denouncer never printed."""

from datetime import date, datetime
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from complaints.models import Handling
from complaints.services.handling import handle_petition
from danvan.citizens import CitizenDetails
from danvan.models import Classification, Role
from reception.models import Result
from reception.services import receive_visit
from tests.factories import member_of
from tests.office import blank_pages, printed_pages, requires_office

pytestmark = pytest.mark.django_db
BOOK = reverse("visit_papers:book")
COLUMNS = (
    "STT", "Ngày tiếp", "Họ tên, địa chỉ", "CCCD/CMND/Hộ chiếu", "Nội dung đơn", "Loại đơn (KN/TC/KN/PA)",
    "Số người cùng nội dung", "Cơ quan đã giải quyết", "Thuộc thẩm quyền (x)",
    "Hướng dẫn công dân đến cơ quan có thẩm quyền", "Cơ quan, đơn vị thụ lý", "Theo dõi kết quả giải quyết", "Ghi chú",
)  # fmt: skip
KHIEU = CitizenDetails(full_name="Nguyễn Văn Khiếu", cccd="064090007777", address="Thôn 4, xã Ia Grai")


def visit(agency, on, *, kind=Classification.COMPLAINT, details=KHIEU, **fields):
    return receive_visit(
        agency=agency, by=member_of(agency, Role.HANDLER), details=details, received_on=on, kind=kind,
        content="Khiếu nại quyết định thu hồi đất", **fields,
    )  # fmt: skip


def forwarded(at_desk, to):
    """The petition the visit handed on (the desk made it: complaints.receivers), forwarded to ``to``."""
    handler = member_of(at_desk.agency, Role.HANDLER)
    petition = at_desk.petitions.get()
    handle_petition(
        petition=petition, by=handler, on=at_desk.received_on, processable=True, in_competence=False,
        handling=Handling.FORWARD, forwarded_to=to, letter_number="45/PC-UBND", letter_date=at_desk.received_on,
    )  # fmt: skip
    return petition


def book(client, **query) -> list[tuple]:
    response = client.get(BOOK, query)
    return list(
        load_workbook(BytesIO(b"".join(response.streaming_content)))["SoTiepCongDan"].iter_rows(values_only=True)
    )


@pytest.fixture
def reader(client, committee_of_ia_grai):
    client.force_login(member_of(committee_of_ia_grai, Role.HANDLER))
    return client


def test_the_book_has_the_thirteen_columns_of_its_form_under_its_title_unit_and_period(reader, committee_of_ia_grai):
    rows = book(reader, agency=committee_of_ia_grai.pk, date_from="01/03/2026", date_to="31/03/2026")

    assert rows[:5] == [
        ("SỔ TIẾP CÔNG DÂN", *[None] * 12),
        ("Mẫu số 03/TCD, Nghị định 154/2026/NĐ-CP", *[None] * 12),
        ("Cơ quan, đơn vị: Ủy ban nhân dân xã Ia Grai", *[None] * 12),
        ("Thời gian: từ ngày 01/03/2026 đến ngày 31/03/2026", *[None] * 12),
        COLUMNS,
    ]


def test_a_visit_handed_on_shows_where_its_petition_went_and_under_which_number(
    reader, committee_of_ia_grai, committee_of_pleiku
):
    forwarded(visit(committee_of_ia_grai, date(2026, 3, 4), result=Result.PETITION_RECEIVED), committee_of_pleiku)

    row = book(reader)[-1]

    assert row[1:] == (
        datetime(2026, 3, 4), "Nguyễn Văn Khiếu\nThôn 4, xã Ia Grai", "064090007777",
        "Khiếu nại quyết định thu hồi đất", "Khiếu nại", 1, None, None, None,
        "Ủy ban nhân dân phường Pleiku (phiếu chuyển số 45/PC-UBND)", "Chuyển đơn", None,
    )  # fmt: skip


def test_the_book_holds_the_visits_of_its_window_within_the_users_scope(
    reader, committee_of_ia_grai, committee_of_pleiku
):
    visit(committee_of_ia_grai, date(2026, 3, 4), result=Result.GUIDED, notes="Trong kỳ")
    visit(committee_of_ia_grai, date(2026, 4, 1), result=Result.GUIDED, notes="Sau kỳ")
    visit(committee_of_pleiku, date(2026, 3, 5), result=Result.GUIDED, notes="Phường khác")

    rows = book(reader, date_from="01/03/2026", date_to="31/03/2026")

    assert [row[-1] for row in rows[5:]] == ["Trong kỳ"]


def test_a_citizen_on_record_elsewhere_is_printed_as_given_at_the_visit_never_as_stored(
    reader, committee_of_ia_grai, committee_of_pleiku
):
    visit(committee_of_pleiku, date(2026, 3, 2), result=Result.GUIDED)  # Nguyễn Văn Khiếu, stored by Pleiku
    typed = CitizenDetails(full_name="Nguyễn Văn Khai Báo", cccd=KHIEU.cccd, address="Thôn 2, xã Ia Grai")
    visit(committee_of_ia_grai, date(2026, 3, 4), details=typed, result=Result.GUIDED)

    row = book(reader)[-1]

    assert (row[2], row[3]) == ("Nguyễn Văn Khai Báo\nThôn 2, xã Ia Grai", KHIEU.cccd)


def test_a_denouncer_is_never_printed_in_the_book(reader, committee_of_ia_grai):
    visit(committee_of_ia_grai, date(2026, 3, 4), kind=Classification.DENUNCIATION, result=Result.GUIDED)

    row = book(reader)[-1]

    assert (row[2], row[3]) == ("Người tố cáo (thông tin được bảo mật)", None)


def test_the_visit_list_offers_the_book_of_its_filter(reader):
    page = reader.get(reverse("reception:visit-list"), {"date_from": "01/03/2026", "trang": "2"}).content.decode()

    assert f'<a class="button" href="{BOOK}?date_from=01%2F03%2F2026">In sổ (Mẫu số 03/TCD)</a>' in page


@requires_office
def test_the_book_prints_on_landscape_pages_with_no_blank_page(reader, committee_of_ia_grai, committee_of_pleiku):
    for day in range(2, 28):
        at_desk = visit(committee_of_ia_grai, date(2026, 3, day), result=Result.PETITION_RECEIVED)
        forwarded(at_desk, committee_of_pleiku)
    response = reader.get(BOOK, {"date_from": "01/03/2026", "date_to": "31/03/2026"})

    pages = printed_pages({"so-tiep-cong-dan": b"".join(response.streaming_content)}, suffix="xlsx")["so-tiep-cong-dan"]

    assert (len(pages), blank_pages(pages), "SỔ TIẾP CÔNG DÂN" in pages[0]) == (2, [], True)
