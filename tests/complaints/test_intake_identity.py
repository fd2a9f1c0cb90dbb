"""Petition intake never rewrites a citizen's stored details, and a CCCD of a citizen outside the user's sight links the
petition without showing or changing them (issue 20, point 1)."""

from datetime import date

import pytest
from django.urls import reverse

from complaints.lookup import look_up
from complaints.models import Petition
from danvan.citizens import KNOWN_ELSEWHERE, CitizenDetails
from tests.complaints.test_petition_pages import intake
from tests.factories import CitizenFactory, PetitionFactory
from tests.identity import STORED, shows_any_stored_detail, stored_row

pytestmark = pytest.mark.django_db

# The audit's example: the same CCCD typed at intake with another spelling.
TYPED = {"cccd": STORED["cccd"], "full_name": "Rah Lan Blong", "address": "thon Hoa Binh", "phone": "0911000111"}


@pytest.fixture
def petitioner_of_ia_grai(committee_of_ia_grai):
    return PetitionFactory(agency=committee_of_ia_grai, citizen=CitizenFactory(**STORED)).citizen


@pytest.fixture
def petitioner_of_pleiku(committee_of_pleiku):
    return PetitionFactory(agency=committee_of_pleiku, citizen=CitizenFactory(**STORED)).citizen


def test_another_spelling_at_intake_leaves_the_citizen_and_their_earlier_petitions_as_stored(
    client, handler_of_ia_grai, petitioner_of_ia_grai
):
    earlier = petitioner_of_ia_grai.petitions.get()
    before = stored_row(petitioner_of_ia_grai)

    response = intake(client, handler_of_ia_grai, **TYPED)

    assert (stored_row(petitioner_of_ia_grai), Petition.objects.latest("pk").citizen) == (before, petitioner_of_ia_grai)
    assert [str(message) for message in client.get(response.url).context["messages"]][-1] == (
        "Thông tin vừa nhập khác thông tin đã lưu của công dân (họ và tên, địa chỉ, điện thoại): thông tin đã lưu được "
        "giữ nguyên. Nếu thông tin đã lưu chưa đúng, hãy dùng “Sửa công dân” (ghi lý do) trên trang hồ sơ."
    )
    assert "Rah Lan Blơng" in client.get(earlier.get_absolute_url()).content.decode()


def test_a_cccd_of_another_communes_citizen_links_the_petition_and_shows_only_what_was_typed(
    client, handler_of_ia_grai, committee_of_ia_grai, petitioner_of_pleiku
):
    before = stored_row(petitioner_of_pleiku)

    response = intake(client, handler_of_ia_grai, **TYPED)

    page = client.get(response.url)
    petition = Petition.objects.get(agency=committee_of_ia_grai)
    assert (petition.citizen, stored_row(petitioner_of_pleiku)) == (petitioner_of_pleiku, before)
    assert [str(message) for message in page.context["messages"]][-1] == KNOWN_ELSEWHERE
    assert "Rah Lan Blong" in page.content.decode() and "0911000111" in page.content.decode()
    assert not shows_any_stored_detail(page, cccd_typed=True)


def test_the_public_lookup_of_such_a_petition_checks_the_phone_typed_not_the_stored_one(
    client, handler_of_ia_grai, committee_of_ia_grai, petitioner_of_pleiku
):
    intake(client, handler_of_ia_grai, **TYPED)
    code = Petition.objects.get(agency=committee_of_ia_grai).receipt_code

    typed, stored = look_up(receipt_code=code, last_digits="0111"), look_up(receipt_code=code, last_digits="3456")

    assert (typed.receipt_code, stored) == (code, None)


def test_the_intake_warns_of_a_cccd_on_record_elsewhere_while_typing(
    client, handler_of_ia_grai, committee_of_ia_grai, petitioner_of_pleiku
):
    client.force_login(handler_of_ia_grai)
    typed = {"agency": committee_of_ia_grai.pk, "received_on": "05/03/2026", "source": "post", "kind": "complaint"}

    response = client.post(reverse("complaints:petition-warnings"), typed | TYPED)

    assert response.context["warnings"] == [KNOWN_ELSEWHERE]
    assert not shows_any_stored_detail(response)


def test_accepting_such_a_petition_opens_a_case_that_does_not_name_the_citizen(
    receive, accept, committee_of_ia_grai, petitioner_of_pleiku
):
    petition = receive(details=CitizenDetails(full_name="Rah Lan Blong", cccd=STORED["cccd"]))

    case = accept(petition, date(2026, 3, 4))

    assert (petition.known_elsewhere, case.citizen) == (True, None)
