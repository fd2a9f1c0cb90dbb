"""The public lookup of a reception by its desk slip's code (TD-…), and of a petition joined to an earlier case."""

from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse

from complaints.lookup import PublicStep, PublicVisit
from complaints.services.handling import confirm_duplicate
from complaints.views.lookup import NOT_FOUND
from danvan.citizens import CitizenDetails
from danvan.models import Classification
from reception.models import Result
from reception.services import receive_visit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def visit_handing_over_a_petition(committee_of_ia_grai):
    return receive_visit(
        agency=committee_of_ia_grai, by=None, received_on=date(2026, 3, 12), content="Khiếu nại việc thu hồi đất",
        details=CitizenDetails(full_name="Nguyễn Văn Khiếu", cccd="064090007777", phone="0912 345 678"),
        kind=Classification.COMPLAINT, result=Result.PETITION_RECEIVED,
    )  # fmt: skip


def look_up(client, receipt_code, last_digits):
    return client.post(reverse("public-lookup"), {"receipt_code": receipt_code, "last_digits": last_digits})


def test_the_desk_slips_code_shows_the_visits_result_and_the_petition_made_from_it(
    client, visit_handing_over_a_petition
):
    visit = visit_handing_over_a_petition
    petition = visit.petitions.get()

    found = look_up(client, visit.receipt_code, "5678").context["visit"]

    assert found == PublicVisit(
        receipt_code=visit.receipt_code,
        received_on=date(2026, 3, 12),
        agency="Ủy ban nhân dân xã Ia Grai",
        result="Tiếp nhận đơn",
        answer_due_on=visit.answer_due_on,
        answered_on=None,
        petitions=[found.petitions[0]],
    )
    assert (found.petitions[0].receipt_code, found.petitions[0].steps) == (
        petition.receipt_code,
        [PublicStep(date(2026, 3, 12), "Tiếp nhận đơn")],
    )


def test_the_visits_page_shows_no_name_and_no_content(client, visit_handing_over_a_petition):
    page = look_up(client, visit_handing_over_a_petition.receipt_code, "7777").content.decode()

    assert ("Nguyễn Văn Khiếu" in page, "thu hồi đất" in page, "Tiếp nhận đơn" in page) == (False, False, True)


def test_a_visits_code_with_wrong_digits_answers_like_an_unknown_code(client, visit_handing_over_a_petition):
    wrong_digits = look_up(client, visit_handing_over_a_petition.receipt_code, "1234").context
    unknown = look_up(client, "TD-ZZZZZZZZ", "5678").context

    assert (wrong_digits["form"].errors, unknown["form"].errors) == ({"__all__": [NOT_FOUND]}, {"__all__": [NOT_FOUND]})
    assert (wrong_digits.get("visit"), unknown.get("visit")) == (None, None)


def test_a_duplicate_shows_its_own_dates_not_the_earlier_cases(client, receive, accept, handler_of_ia_grai):
    details = CitizenDetails(full_name="Trần Văn Bảy", phone="0987 654 321")
    earlier = receive(on=date(2026, 2, 2), details=details)
    accept(earlier, date(2026, 2, 4))
    duplicate = receive(on=date(2026, 3, 2), details=details)
    confirm_duplicate(petition=duplicate, of=earlier, by=handler_of_ia_grai)

    status = look_up(client, duplicate.receipt_code, "4321").context["status"]

    assert (status.received_on, status.resolution_due_on, [step.label for step in status.steps]) == (
        date(2026, 3, 2),
        None,
        ["Tiếp nhận đơn", "Xác định đơn trùng nội dung với đơn đã nhận trước đó"],
    )
