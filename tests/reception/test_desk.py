from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints.services.intake import receive_petition
from danvan.models import Case, Citizen, Role
from reception.models import ReceptionSession, Visit
from reception.qr import parse_chip_qr
from reception.selectors import visits_for
from tests.factories import CaseFactory, CitizenFactory, VisitFactory, staff_with_role

pytestmark = pytest.mark.django_db

DESK = reverse("reception:desk")


@pytest.fixture
def receptionist(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST, full_name="Rơ Mah Thị Bơ", title="Công chức")


@pytest.fixture
def desk_client(client, receptionist):
    client.force_login(receptionist)
    return client


def visit_form(agency, **changes):
    today = timezone.localdate()
    data = {
        "agency": agency.pk,
        "cccd": "064090001234",
        "full_name": "Nguyễn Văn An",
        "birth_date": "17/05/1990",
        "gender": "male",
        "address": "Thôn 1, xã Ia Grai",
        "received_on": today.strftime("%d/%m/%Y"),
        "received_time": "08:30",
        "mode": "regular",
        "receiver": "officer",
        "receiver_name": "Rơ Mah Thị Bơ",
        "channel": "in_person",
        "people": "1",
        "content": "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
        "kind": "recommendation",
        "field": "land",
        "result": "guided",
    }
    return data | changes


def test_an_ordinary_visit_is_logged_with_its_citizen_and_a_new_case(desk_client, committee_of_ia_grai):
    response = desk_client.post(DESK, visit_form(committee_of_ia_grai))

    visit = Visit.objects.get()
    assert response.url == DESK
    assert (visit.citizen.full_name, visit.citizen.cccd, visit.citizen.birth_date) == (
        "Nguyễn Văn An",
        "064090001234",
        date(1990, 5, 17),
    )
    assert (visit.case.summary, visit.case.agency, visit.created_by.full_name) == (
        "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
        committee_of_ia_grai,
        "Rơ Mah Thị Bơ",
    )


def test_a_citizen_already_known_by_cccd_is_reused_not_duplicated_nor_changed(desk_client, committee_of_ia_grai):
    known = CitizenFactory(cccd="064090001234", full_name="Nguyễn Văn An", address="")
    VisitFactory(agency=committee_of_ia_grai, citizen=known)

    desk_client.post(DESK, visit_form(committee_of_ia_grai))

    known.refresh_from_db()
    assert (Citizen.objects.count(), Visit.objects.latest("pk").citizen, known.address) == (1, known, "")


def test_a_visit_picking_an_open_case_joins_it(desk_client, committee_of_ia_grai):
    case = CaseFactory(agency=committee_of_ia_grai)

    desk_client.post(
        DESK, visit_form(committee_of_ia_grai, citizen=case.citizen.pk, cccd=case.citizen.cccd, case=case.pk)
    )

    assert (Visit.objects.get().case, Case.objects.count()) == (case, 1)


def test_a_periodic_visit_with_the_head_joins_that_days_session(desk_client, committee_of_ia_grai):
    form = visit_form(committee_of_ia_grai, mode="periodic", receiver="head", receiver_name="Ksor Văn Y")

    desk_client.post(DESK, form)
    desk_client.post(DESK, form | {"cccd": "064090005678", "full_name": "Trần Thị Bình"})

    session = ReceptionSession.objects.get()
    assert (session.host_name, session.visits.count()) == ("Ksor Văn Y", 2)


def test_an_ad_hoc_visit_with_the_head_joins_an_ad_hoc_session_apart_from_the_periodic_one(
    desk_client, committee_of_ia_grai
):
    head = {"receiver": "head", "receiver_name": "Ksor Văn Y"}
    desk_client.post(DESK, visit_form(committee_of_ia_grai, mode="periodic", **head))
    desk_client.post(DESK, visit_form(committee_of_ia_grai, mode="ad_hoc", cccd="064090005678", **head))

    sessions = ReceptionSession.objects.order_by("mode").values_list("mode", "visits__mode")
    assert list(sessions) == [("ad_hoc", "ad_hoc"), ("periodic", "periodic")]


def test_documents_handed_over_are_kept_for_the_receipt_slip(desk_client, committee_of_ia_grai):
    desk_client.post(DESK, visit_form(committee_of_ia_grai, documents="  Bản sao sổ đỏ\nĐơn đề nghị  "))

    visit = Visit.objects.get()
    assert (visit.documents, visit.documents_received, visit.receipt_code[:3]) == (
        "Bản sao sổ đỏ\nĐơn đề nghị",
        True,
        "TD-",
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"received_on": "01/01/2099"}, "received_on", "Ngày tiếp không được sau hôm nay."),
        ({"people": "0"}, "people", "Số người phải từ 1 trở lên."),
        ({"cccd": "06409000123"}, "cccd", "Số CCCD gồm đúng 12 chữ số."),
        ({"mode": "periodic"}, "receiver", "Tiếp định kỳ, đột xuất do thủ trưởng tiếp hoặc người được ủy quyền tiếp."),
        ({"receiver": "head"}, "receiver", "Tiếp thường xuyên do cán bộ tiếp công dân thực hiện."),
    ],
)
def test_bad_input_is_explained_on_the_field_and_nothing_is_saved(
    desk_client, committee_of_ia_grai, changes, field, message
):
    response = desk_client.post(DESK, visit_form(committee_of_ia_grai, **changes))

    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert (Visit.objects.count(), Citizen.objects.count(), Case.objects.count()) == (0, 0, 0)


def test_online_reception_before_july_2026_is_refused(desk_client, committee_of_ia_grai):
    response = desk_client.post(DESK, visit_form(committee_of_ia_grai, channel="online", received_on="30/06/2026"))

    assert response.context["form"].errors["channel"] == ["Tiếp công dân trực tuyến chỉ áp dụng từ ngày 01/07/2026."]


def test_a_qr_scan_typed_into_the_cccd_field_fills_the_citizen(desk_client, committee_of_ia_grai):
    scan = "064090001234|123456789|Nguyễn Văn An|17051990|Nam|Thôn 1, xã Ia Grai, Gia Lai|01012022"

    desk_client.post(DESK, visit_form(committee_of_ia_grai, cccd=scan, full_name="", birth_date="", address=""))

    citizen = Citizen.objects.get()
    assert (citizen.cccd, citizen.full_name, citizen.birth_date, citizen.gender, citizen.address) == (
        "064090001234",
        "Nguyễn Văn An",
        date(1990, 5, 17),
        "male",
        "Thôn 1, xã Ia Grai, Gia Lai",
    )


def test_the_qr_text_of_a_chip_card_is_read_into_form_values():
    assert parse_chip_qr("064090001234|123456789|Nguyễn  Văn An|17051990|Nữ|Thôn 1|01012022") == {
        "cccd": "064090001234",
        "full_name": "Nguyễn Văn An",
        "birth_date": "17/05/1990",
        "gender": "female",
        "address": "Thôn 1",
    }


def test_a_name_typed_without_diacritics_finds_the_citizen(desk_client, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, citizen=CitizenFactory(full_name="Nguyễn Văn Ấn"))

    response = desk_client.post(reverse("reception:citizen-lookup"), {"full_name": "nguyen van an"})

    assert [citizen.full_name for citizen in response.context["matches"]] == ["Nguyễn Văn Ấn"]


def test_the_lookup_does_not_reveal_citizens_known_only_to_another_commune(
    desk_client, committee_of_ia_grai, committee_of_pleiku
):
    VisitFactory(agency=committee_of_pleiku, citizen=CitizenFactory(full_name="Nguyễn Văn Ấn"))

    response = desk_client.post(reverse("reception:citizen-lookup"), {"full_name": "nguyen van an"})

    assert list(response.context["matches"]) == []


def test_picking_a_citizen_fills_the_form_and_suggests_their_open_case(desk_client, committee_of_ia_grai):
    case = CaseFactory(agency=committee_of_ia_grai, summary="Tranh chấp ranh giới đất")
    VisitFactory(agency=committee_of_ia_grai, citizen=case.citizen, case=case, received_on=date.today() - timedelta(7))

    response = desk_client.post(reverse("reception:citizen-pick"), {"citizen": case.citizen.pk})

    form = response.context["form"]
    assert (form.initial["full_name"], form.initial["case"], response.context["suggested_case"]) == (
        case.citizen.full_name,
        case,
        case,
    )
    assert "Tranh chấp ranh giới đất" in response.content.decode()


def test_picking_a_citizen_of_another_commune_is_404(desk_client, committee_of_pleiku):
    elsewhere = VisitFactory(agency=committee_of_pleiku).citizen

    response = desk_client.post(reverse("reception:citizen-pick"), {"citizen": elsewhere.pk})

    assert response.status_code == 404


def test_a_case_of_another_commune_cannot_be_picked(desk_client, committee_of_ia_grai, committee_of_pleiku):
    foreign_case = CaseFactory(agency=committee_of_pleiku)

    response = desk_client.post(DESK, visit_form(committee_of_ia_grai, case=foreign_case.pk))

    assert "case" in response.context["form"].errors
    assert Visit.objects.count() == 0


def test_a_cccd_that_contradicts_the_birth_year_is_flagged(desk_client, committee_of_ia_grai):
    response = desk_client.post(DESK, visit_form(committee_of_ia_grai, birth_date="17/05/1985"), follow=True)

    assert [str(m) for m in response.context["messages"]][-1] == (
        "Lưu ý: số CCCD không khớp với ngày sinh hoặc giới tính đã nhập."
    )


def test_staff_without_a_desk_role_are_told_so(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.REPORTER))

    response = client.get(DESK)

    assert "chưa ghi được lượt tiếp" in response.content.decode()


def test_a_visit_is_a_repeat_when_its_case_was_received_before(receptionist, committee_of_ia_grai):
    case = CaseFactory(agency=committee_of_ia_grai)
    first = VisitFactory(agency=committee_of_ia_grai, case=case, citizen=case.citizen, received_on=date(2026, 3, 2))
    again = VisitFactory(agency=committee_of_ia_grai, case=case, citizen=case.citizen, received_on=date(2026, 3, 9))

    repeats = dict(visits_for(receptionist).values_list("pk", "repeat"))

    assert repeats == {first.pk: False, again.pk: True}


def test_the_citizens_history_lists_their_petitions_within_scope(desk_client, committee_of_ia_grai):
    case = CaseFactory(agency=committee_of_ia_grai)
    petition = receive_petition(
        agency=committee_of_ia_grai, by=None, received_on=date(2026, 3, 2), source="post", kind="complaint",
        content="Khiếu nại về bồi thường", citizen=case.citizen,
    )  # fmt: skip

    response = desk_client.post(reverse("reception:citizen-pick"), {"citizen": case.citizen.pk})

    assert list(response.context["petitions"]) == [petition]
