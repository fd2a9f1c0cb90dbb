from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse

from complaints.lookup import PublicStep
from complaints.models import Handling
from complaints.services.handling import handle_petition
from complaints.services.resolution import decide_case, mark_hotspot
from complaints.views.lookup import NOT_FOUND
from danvan.citizens import CitizenDetails
from danvan.models import Classification
from tests.factories import verified

pytestmark = pytest.mark.django_db

CONTENT = "Khiếu nại quyết định thu hồi đất của UBND xã"


@pytest.fixture(autouse=True)
def fresh_throttle():
    """The throttle counts tries in the cache, which outlives a test: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def details():
    return CitizenDetails(
        full_name="Nguyễn Văn Khiếu", cccd="064090007777", address="Thôn 4, xã Ia Grai", phone="0912 345 678"
    )


@pytest.fixture
def complaint(receive, details):
    return receive(kind=Classification.COMPLAINT, details=details, content=CONTENT)


@pytest.fixture
def denunciation(receive, details):
    return receive(kind=Classification.DENUNCIATION, details=details, content="Tố cáo cán bộ địa chính nhận tiền")


def look_up(client, receipt_code, last_digits):
    return client.post(reverse("public-lookup"), {"receipt_code": receipt_code, "last_digits": last_digits})


def test_the_lookup_page_opens_without_login(client):
    response = client.get(reverse("public-lookup"))

    assert response.status_code == 200
    assert "<h1>Tra cứu tình trạng giải quyết đơn, kết quả tiếp công dân</h1>" in response.content.decode()


def test_the_code_and_the_last_digits_of_the_phone_show_the_steps(client, complaint, accept):
    case = accept(complaint, date(2026, 3, 5))

    status = look_up(client, complaint.receipt_code, "5678").context["status"]

    assert status.steps == [
        PublicStep(date(2026, 3, 2), "Tiếp nhận đơn"),
        PublicStep(date(2026, 3, 5), "Xử lý đơn: Thụ lý"),
        PublicStep(date(2026, 3, 5), f"Thụ lý giải quyết, hạn giải quyết {case.due_on:%d/%m/%Y}"),
    ]
    assert (status.received_on, status.handled_by, status.handling_due_on, status.resolution_due_on) == (
        date(2026, 3, 2),
        "Ủy ban nhân dân xã Ia Grai",
        date(2026, 3, 16),
        case.due_on,
    )


def test_the_last_digits_of_the_cccd_work_as_well(client, complaint):
    status = look_up(client, complaint.receipt_code, "7777").context["status"]

    assert status.steps == [PublicStep(date(2026, 3, 2), "Tiếp nhận đơn")]


def test_a_code_typed_in_lower_case_without_its_dash_is_understood(client, complaint):
    typed = complaint.receipt_code.replace("DT-", "dt ").lower()

    status = look_up(client, typed, "5678").context["status"]

    assert status.receipt_code == complaint.receipt_code


def test_wrong_digits_give_the_generic_message(client, complaint):
    response = look_up(client, complaint.receipt_code, "1234")

    assert (response.context["status"], response.context["form"].non_field_errors()) == (None, [NOT_FOUND])
    assert NOT_FOUND in response.content.decode()


def test_an_unknown_code_gives_the_same_message_as_wrong_digits(client, complaint):
    unknown = look_up(client, "DT-ZZZZZZZZ", "5678").context["form"]
    wrong_digits = look_up(client, complaint.receipt_code, "1234").context["form"]

    assert unknown.errors == wrong_digits.errors == {"__all__": [NOT_FOUND]}


def test_a_malformed_code_is_explained_on_its_field(client):
    form = look_up(client, "123", "12a4").context["form"]

    assert form.errors == {
        "receipt_code": ["Mã tra cứu gồm chữ DT (đơn) hoặc TD (lượt tiếp) và 8 ký tự, ví dụ DT-K7M2Q9XA."],
        "last_digits": ["Hãy nhập đúng 4 chữ số."],
    }


def test_the_throttle_refuses_the_eleventh_try_in_ten_minutes(client, complaint):
    for _ in range(10):
        look_up(client, complaint.receipt_code, "0000")

    response = look_up(client, complaint.receipt_code, "5678")

    assert response.status_code == 429
    assert "Tiếp nhận đơn" not in response.content.decode()
    assert "Bạn đã tra cứu quá nhiều lần trong thời gian ngắn." in response.content.decode()


def test_the_throttle_counts_per_client_address(client, complaint):
    for _ in range(10):
        look_up(client, complaint.receipt_code, "0000")

    response = client.post(
        reverse("public-lookup"),
        {"receipt_code": complaint.receipt_code, "last_digits": "5678"},
        REMOTE_ADDR="203.113.131.7",
    )

    assert response.status_code == 200


def test_the_result_page_shows_nothing_personal_and_no_content(client, complaint, accept):
    accept(complaint, date(2026, 3, 5))

    page = look_up(client, complaint.receipt_code, "5678").content.decode()

    assert complaint.receipt_code in page
    for secret in ("Nguyễn Văn Khiếu", "064090007777", "0912 345 678", "Thôn 4", CONTENT, "Đặng Văn Tâm"):
        assert secret not in page


def test_a_denunciation_is_found_with_the_denouncers_digits_without_showing_them(client, denunciation):
    response = look_up(client, denunciation.receipt_code, "5678")

    page = response.content.decode()
    assert response.context["status"].steps == [PublicStep(date(2026, 3, 2), "Tiếp nhận đơn")]
    for secret in ("Nguyễn Văn Khiếu", "064090007777", "0912 345 678", "Thôn 4", "Tố cáo cán bộ địa chính"):
        assert secret not in page


def test_a_forwarded_petition_shows_the_agency_it_went_to(client, complaint, handler_of_ia_grai, committee_of_pleiku):
    handle_petition(
        petition=complaint, by=handler_of_ia_grai, on=date(2026, 3, 4), processable=True, in_competence=False,
        handling=Handling.FORWARD, forwarded_to=committee_of_pleiku, letter_number="12/PC",
        letter_date=date(2026, 3, 4),
    )  # fmt: skip

    status = look_up(client, complaint.receipt_code, "5678").context["status"]

    assert (status.handled_by, status.handled_on) == ("Ủy ban nhân dân phường Pleiku", date(2026, 3, 4))


def test_a_resolved_case_shows_its_resolution_date(client, complaint, accept, handler_of_ia_grai):
    case = accept(complaint, date(2026, 3, 5))
    decide_case(
        case=verified(case), by=handler_of_ia_grai, issued_on=date(2026, 3, 20), number="45/QĐ", outcome="unfounded"
    )

    status = look_up(client, complaint.receipt_code, "5678").context["status"]

    assert (status.resolved_on, status.steps[-1]) == (
        date(2026, 3, 20),
        PublicStep(date(2026, 3, 20), "Quyết định giải quyết khiếu nại số 45/QĐ: Sai"),
    )


def test_internal_marks_of_a_case_stay_off_the_public_page(client, complaint, accept, handler_of_ia_grai):
    case = accept(complaint, date(2026, 3, 5))
    mark_hotspot(case=case, by=handler_of_ia_grai, plan="Tổ chức đối thoại với các hộ dân")

    status = look_up(client, complaint.receipt_code, "5678").context["status"]

    assert [step.label for step in status.steps] == [
        "Tiếp nhận đơn",
        "Xử lý đơn: Thụ lý",
        f"Thụ lý giải quyết, hạn giải quyết {case.due_on:%d/%m/%Y}",
    ]
