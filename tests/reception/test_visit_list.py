from datetime import date

import pytest
from django.urls import reverse

from danvan.models import Classification, Role, SubjectField
from reception.models import Mode, Receiver
from tests.factories import CitizenFactory, SessionFactory, VisitFactory, current_unit, staff_with_role

pytestmark = pytest.mark.django_db

LIST = reverse("reception:visit-list")


@pytest.fixture
def officer_of_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)


@pytest.fixture
def officer_of_pleiku(committee_of_pleiku):
    return staff_with_role(committee_of_pleiku, Role.RECEPTIONIST)


@pytest.fixture
def leader_of_gia_lai(committee_of_gia_lai):
    return staff_with_role(committee_of_gia_lai, Role.LEADER)


def head_visit(agency, receiver=Receiver.HEAD, **fields):
    """A periodic visit received by the head (or a delegate) at that day's session."""
    return VisitFactory(
        agency=agency,
        mode=Mode.PERIODIC,
        receiver=receiver,
        receiver_name="Phạm Minh Đức",
        session=SessionFactory(agency=agency, receiver=receiver),
        **fields,
    )


def listed(client, staff, **params):
    client.force_login(staff)
    return list(client.get(LIST, params).context["page"].object_list)


def test_the_list_filters_by_a_date_range(client, officer_of_ia_grai, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 9))
    in_range = VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 10))
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 16))

    visits = listed(client, officer_of_ia_grai, date_from="10/03/2026", date_to="15/03/2026")

    assert visits == [in_range]


def test_a_date_not_in_dd_mm_yyyy_is_explained_and_the_list_stays_whole(
    client, officer_of_ia_grai, committee_of_ia_grai
):
    VisitFactory(agency=committee_of_ia_grai)
    client.force_login(officer_of_ia_grai)

    response = client.get(LIST, {"date_from": "2026/13/45"})

    assert response.context["filter"].form.errors == {
        "date_from": ["Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 12/03/2026."]
    }
    assert response.context["page"].paginator.count == 1


def test_an_end_date_before_the_start_date_is_explained(client, officer_of_ia_grai):
    client.force_login(officer_of_ia_grai)

    response = client.get(LIST, {"date_from": "15/03/2026", "date_to": "10/03/2026"})

    assert response.context["filter"].form.errors == {"date_to": ["“Đến ngày” phải từ “Từ ngày” trở về sau."]}


def test_the_list_filters_by_agency(client, leader_of_gia_lai, committee_of_ia_grai, committee_of_pleiku):
    at_ia_grai = VisitFactory(agency=committee_of_ia_grai)
    VisitFactory(agency=committee_of_pleiku)

    visits = listed(client, leader_of_gia_lai, agency=committee_of_ia_grai.pk)

    assert visits == [at_ia_grai]


def test_the_agency_picker_offers_the_agencies_in_scope(client, officer_of_ia_grai, committee_of_pleiku):
    client.force_login(officer_of_ia_grai)

    matches = client.get(reverse("pick", args=["co-quan"]), {"field": "agency", "id": "id_agency", "tim": "uy ban"})

    assert [label for _, label in matches.context["matches"]] == ["Ủy ban nhân dân xã Ia Grai (Tỉnh Gia Lai)"]


def test_an_agency_outside_the_scope_is_refused(client, officer_of_ia_grai, committee_of_ia_grai, committee_of_pleiku):
    VisitFactory(agency=committee_of_pleiku)
    at_ia_grai = VisitFactory(agency=committee_of_ia_grai)
    client.force_login(officer_of_ia_grai)

    response = client.get(LIST, {"agency": committee_of_pleiku.pk})

    assert list(response.context["filter"].form.errors) == ["agency"]
    assert list(response.context["page"].object_list) == [at_ia_grai]


def test_the_list_filters_by_administrative_unit(client, leader_of_gia_lai, committee_of_ia_grai, committee_of_pleiku):
    VisitFactory(agency=committee_of_ia_grai)
    at_pleiku = VisitFactory(agency=committee_of_pleiku)

    visits = listed(client, leader_of_gia_lai, unit=current_unit("23575").pk)

    assert visits == [at_pleiku]


def test_the_unit_picker_offers_the_units_of_the_agencies_in_scope(client, officer_of_ia_grai, committee_of_pleiku):
    client.force_login(officer_of_ia_grai)

    matches = client.get(reverse("pick", args=["don-vi"]), {"field": "unit", "id": "id_unit", "tim": ""})

    assert [label for _, label in matches.context["matches"]] == ["Xã Ia Grai (Tỉnh Gia Lai)"]


def test_the_list_filters_by_mode(client, officer_of_ia_grai, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai)
    periodic = head_visit(committee_of_ia_grai)

    visits = listed(client, officer_of_ia_grai, mode=Mode.PERIODIC)

    assert visits == [periodic]


def test_the_list_filters_by_receiver(client, officer_of_ia_grai, committee_of_ia_grai):
    head_visit(committee_of_ia_grai, Receiver.HEAD)
    by_delegate = head_visit(committee_of_ia_grai, Receiver.DELEGATE)

    visits = listed(client, officer_of_ia_grai, receiver=Receiver.DELEGATE)

    assert visits == [by_delegate]


def test_the_list_filters_by_kind(client, officer_of_ia_grai, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, kind=Classification.RECOMMENDATION)
    complaint = VisitFactory(agency=committee_of_ia_grai, kind=Classification.COMPLAINT)

    visits = listed(client, officer_of_ia_grai, kind=Classification.COMPLAINT)

    assert visits == [complaint]


def test_the_list_filters_by_field(client, officer_of_ia_grai, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, field=SubjectField.LAND)
    on_policy = VisitFactory(agency=committee_of_ia_grai, field=SubjectField.POLICY)

    visits = listed(client, officer_of_ia_grai, field=SubjectField.POLICY)

    assert visits == [on_policy]


def test_the_list_shows_only_groups_of_five_or_more_when_asked(client, officer_of_ia_grai, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, people=4, received_on=date(2026, 3, 12))
    group = VisitFactory(agency=committee_of_ia_grai, people=5, received_on=date(2026, 3, 11))
    crowd = VisitFactory(agency=committee_of_ia_grai, people=30, received_on=date(2026, 3, 10))

    visits = listed(client, officer_of_ia_grai, groups="on")

    assert visits == [group, crowd]


def test_a_group_is_marked_in_the_list(client, officer_of_ia_grai, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, people=12)
    client.force_login(officer_of_ia_grai)

    page = client.get(LIST).content.decode()

    assert '<td class="number">12 <span class="group-mark">Đoàn đông người</span></td>' in page


def test_the_search_finds_a_name_typed_without_diacritics(client, officer_of_ia_grai, committee_of_ia_grai):
    found = VisitFactory(agency=committee_of_ia_grai, citizen=CitizenFactory(full_name="Nguyễn Văn A"))
    VisitFactory(agency=committee_of_ia_grai, citizen=CitizenFactory(full_name="Trần Thị Bình"))

    visits = listed(client, officer_of_ia_grai, q="nguyen van a")

    assert visits == [found]


def test_the_search_finds_the_content_typed_without_diacritics(client, officer_of_ia_grai, committee_of_ia_grai):
    found = VisitFactory(agency=committee_of_ia_grai, content="Tranh chấp ĐẤT ĐAI với hộ liền kề")
    VisitFactory(agency=committee_of_ia_grai, content="Đề nghị hỗ trợ hộ nghèo")

    visits = listed(client, officer_of_ia_grai, q="Dat dai")

    assert visits == [found]


def test_the_search_never_finds_a_denouncer_by_name(client, officer_of_ia_grai, committee_of_ia_grai):
    VisitFactory(
        agency=committee_of_ia_grai,
        kind=Classification.DENUNCIATION,
        citizen=CitizenFactory(full_name="Nguyễn Văn A"),
    )

    assert listed(client, officer_of_ia_grai, q="nguyen van a") == []


def test_the_list_shows_the_newest_first_by_default(client, officer_of_ia_grai, committee_of_ia_grai):
    older = VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 2))
    newer = VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 20))

    assert listed(client, officer_of_ia_grai) == [newer, older]


def test_the_list_shows_the_oldest_first_when_asked(client, officer_of_ia_grai, committee_of_ia_grai):
    newer = VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 20))
    older = VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 2))

    assert listed(client, officer_of_ia_grai, sort="oldest") == [older, newer]


def test_the_list_shows_fifty_visits_a_page(client, officer_of_ia_grai, committee_of_ia_grai):
    VisitFactory.create_batch(51, agency=committee_of_ia_grai)
    client.force_login(officer_of_ia_grai)

    page = client.get(LIST, {"trang": 2}).context["page"]

    assert (page.number, len(page.object_list), page.paginator.count) == (2, 1, 51)


def test_the_export_link_keeps_the_current_filter(client, officer_of_ia_grai):
    client.force_login(officer_of_ia_grai)

    page = client.get(LIST, {"mode": "periodic", "q": "dat dai", "trang": "2"}).content.decode()

    export = reverse("reception:visit-export")
    assert f'<a class="button" href="{export}?mode=periodic&amp;q=dat+dai">Xuất Excel</a>' in page


def test_the_list_masks_the_cccd(client, officer_of_ia_grai, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, citizen=CitizenFactory(cccd="064090001123"))
    client.force_login(officer_of_ia_grai)

    page = client.get(LIST).content.decode()

    assert '<br><span class="code">*********123</span></td>' in page
    assert "064090001123" not in page


def test_the_list_keeps_a_denouncer_out_of_sight(client, officer_of_ia_grai, committee_of_ia_grai):
    denouncer = CitizenFactory(full_name="Lê Văn Tố", cccd="064090001124")
    VisitFactory(agency=committee_of_ia_grai, kind=Classification.DENUNCIATION, citizen=denouncer)
    client.force_login(officer_of_ia_grai)

    page = client.get(LIST).content.decode()

    assert ("Lê Văn Tố" in page, "*********124" in page) == (False, False)


def test_the_list_of_a_commune_officer_holds_no_visit_of_another_commune(
    client, officer_of_ia_grai, committee_of_ia_grai, committee_of_pleiku
):
    VisitFactory(agency=committee_of_pleiku, citizen=CitizenFactory(full_name="Nguyễn Văn A"))
    at_ia_grai = VisitFactory(agency=committee_of_ia_grai, citizen=CitizenFactory(full_name="Nguyễn Văn A"))

    assert listed(client, officer_of_ia_grai, q="nguyen van a") == [at_ia_grai]


def test_the_visit_page_shows_the_full_cccd(client, officer_of_ia_grai, committee_of_ia_grai):
    visit = VisitFactory(agency=committee_of_ia_grai, citizen=CitizenFactory(cccd="064090001123"))
    client.force_login(officer_of_ia_grai)

    page = client.get(visit.get_absolute_url()).content.decode()

    assert "<dt>Số CCCD</dt><dd>064090001123</dd>" in page


def test_the_visit_page_shows_its_case_and_session(client, officer_of_ia_grai, committee_of_ia_grai):
    visit = head_visit(committee_of_ia_grai)
    client.force_login(officer_of_ia_grai)

    page = client.get(visit.get_absolute_url()).content.decode()

    assert f'<dt>Mã vụ việc</dt><dd class="code">VV{visit.case.pk}</dd>' in page
    assert (
        f'<dt>Kỳ tiếp</dt><dd><a href="{visit.session.get_absolute_url()}">Chủ tịch UBND Phạm Minh Đức, '
        "ngày 12/03/2026</a></dd>"
    ) in page


def test_the_visit_page_keeps_a_denouncer_out_of_sight(client, officer_of_ia_grai, committee_of_ia_grai):
    denouncer = CitizenFactory(full_name="Lê Văn Tố", cccd="064090001124")
    visit = VisitFactory(agency=committee_of_ia_grai, kind=Classification.DENUNCIATION, citizen=denouncer)
    client.force_login(officer_of_ia_grai)

    page = client.get(visit.get_absolute_url()).content.decode()

    assert ("Lê Văn Tố" in page, "064090001124" in page) == (False, False)


def test_an_officer_of_another_commune_cannot_open_the_visit(client, officer_of_pleiku, committee_of_ia_grai):
    visit = VisitFactory(agency=committee_of_ia_grai)
    client.force_login(officer_of_pleiku)

    response = client.get(visit.get_absolute_url())

    assert response.status_code == 404


def test_a_visit_without_documents_has_no_receipt(client, officer_of_ia_grai, committee_of_ia_grai):
    visit = VisitFactory(agency=committee_of_ia_grai)
    client.force_login(officer_of_ia_grai)

    response = client.get(reverse("reception:visit-receipt", args=[visit.pk]))

    assert response.status_code == 404


def test_the_receipt_shows_its_code_and_the_documents_handed_over(client, officer_of_ia_grai, committee_of_ia_grai):
    visit = VisitFactory(
        agency=committee_of_ia_grai,
        documents_received=True,
        receipt_code="TD-ABCD2345",
        documents="Bản sao giấy chứng nhận quyền sử dụng đất",
        citizen=CitizenFactory(full_name="Nguyễn Văn A", cccd="064090001123", address="Thôn 1, xã Ia Grai"),
    )
    client.force_login(officer_of_ia_grai)

    page = client.get(reverse("reception:visit-receipt", args=[visit.pk])).content.decode()

    assert '<h1 class="receipt-title">GIẤY BIÊN NHẬN</h1>' in page
    assert "Mã biên nhận: <strong>TD-ABCD2345</strong>" in page
    assert '<p class="letterhead-date">Ia Grai, ngày 12 tháng 3 năm 2026</p>' in page
    assert "<dt>Họ và tên</dt><dd>Nguyễn Văn A</dd>" in page
    assert "<dt>Số CCCD</dt><dd>064090001123</dd>" in page
    assert "<dt>Địa chỉ</dt><dd>Thôn 1, xã Ia Grai</dd>" in page
    assert "<dt>Giấy tờ, tài liệu đã nhận</dt><dd>Bản sao giấy chứng nhận quyền sử dụng đất</dd>" in page


def test_the_receipt_is_dated_as_an_administrative_document(client, officer_of_ia_grai, committee_of_ia_grai):
    visit = VisitFactory(
        agency=committee_of_ia_grai, received_on=date(2026, 2, 5), documents_received=True, receipt_code="TD-ABCD2345"
    )
    client.force_login(officer_of_ia_grai)

    page = client.get(reverse("reception:visit-receipt", args=[visit.pk])).content.decode()

    assert '<p class="letterhead-date">Ia Grai, ngày 05 tháng 02 năm 2026</p>' in page


def test_the_receipt_header_names_the_committee_on_two_lines_beside_the_national_name_and_motto(
    client, officer_of_ia_grai, committee_of_ia_grai
):
    visit = VisitFactory(agency=committee_of_ia_grai, documents_received=True, receipt_code="TD-ABCD2345")
    client.force_login(officer_of_ia_grai)

    page = client.get(reverse("reception:visit-receipt", args=[visit.pk])).content.decode()

    assert '<p class="letterhead-agency">ỦY BAN NHÂN DÂN<br>XÃ IA GRAI</p>' in page
    assert '<p class="letterhead-nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>' in page
    assert '<p class="letterhead-motto">Độc lập - Tự do - Hạnh phúc</p>' in page


def test_the_visit_page_links_to_its_receipt(client, officer_of_ia_grai, committee_of_ia_grai):
    visit = VisitFactory(agency=committee_of_ia_grai, documents_received=True, receipt_code="TD-ABCD2345")
    client.force_login(officer_of_ia_grai)

    page = client.get(visit.get_absolute_url()).content.decode()

    receipt = reverse("reception:visit-receipt", args=[visit.pk])
    assert f'<a class="button" href="{receipt}">Giấy biên nhận</a>' in page


def test_an_officer_of_another_commune_cannot_open_the_receipt(client, officer_of_pleiku, committee_of_ia_grai):
    visit = VisitFactory(agency=committee_of_ia_grai, documents_received=True, receipt_code="TD-ABCD2345")
    client.force_login(officer_of_pleiku)

    response = client.get(reverse("reception:visit-receipt", args=[visit.pk]))

    assert response.status_code == 404
