"""The hand-over page: the form for unit admins, the confirmation with the counts, the hand-over, the refusals."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints.models import HandOver, Petition
from danvan.models import Role
from tests.factories import AgencyFactory, CaseFactory, PetitionFactory, legacy_unit, staff_with_role

pytestmark = pytest.mark.django_db

HAND_OVER = reverse("complaints:hand-over")


@pytest.fixture
def district(db):
    """Ủy ban nhân dân huyện Ia Grai (district 628 of the old Tỉnh Gia Lai), until 30/06/2025, with two unhandled
    petitions and one accepted case not resolved."""
    agency = AgencyFactory(unit=legacy_unit("628"))
    PetitionFactory(agency=agency, received_on=date(2025, 6, 20), handling_due_on=date(2025, 7, 4))
    PetitionFactory(agency=agency, received_on=date(2025, 6, 25), handling_due_on=date(2025, 7, 9))
    CaseFactory(agency=agency, opened_on=date(2025, 6, 2), accepted_on=date(2025, 6, 10))
    return agency


@pytest.fixture
def admin_of_gia_lai(client, committee_of_gia_lai):
    admin = staff_with_role(committee_of_gia_lai, Role.UNIT_ADMIN, full_name="Võ Quốc Bảo")
    client.force_login(admin)
    return admin


def test_the_page_offers_the_abolished_agencies_and_those_in_existence(
    client, admin_of_gia_lai, district, committee_of_ia_grai
):
    response = client.get(HAND_OVER)

    form = response.context["form"]
    assert response.status_code == 200
    assert (list(form.fields["giving"].queryset), list(form.fields["receiving"].queryset)) == (
        [district], [admin_of_gia_lai.memberships.get().agency, committee_of_ia_grai]
    )  # fmt: skip
    assert "<h1>Bàn giao đơn, vụ việc của cơ quan đã kết thúc hoạt động</h1>" in response.content.decode()


def test_the_first_submit_shows_the_counts_and_moves_nothing(client, admin_of_gia_lai, district, committee_of_ia_grai):
    response = client.post(HAND_OVER, {"giving": district.pk, "receiving": committee_of_ia_grai.pk})

    page = response.content.decode()
    assert (response.status_code, response.context["pending"].petitions, response.context["pending"].cases) == (
        200, 2, 1
    )  # fmt: skip
    assert (
        "<strong>2</strong> đơn chưa xử lý;" in page and "<strong>1</strong> vụ việc đã thụ lý chưa giải quyết." in page
    )
    assert 'name="xac_nhan"' in page and f'<input type="hidden" name="giving" value="{district.pk}"' in page
    assert (Petition.objects.filter(agency=district).count(), HandOver.objects.count()) == (2, 0)


def test_the_confirmation_hands_over_and_says_so(client, admin_of_gia_lai, district, committee_of_ia_grai):
    response = client.post(
        HAND_OVER, {"giving": district.pk, "receiving": committee_of_ia_grai.pk, "xac_nhan": "1"}, follow=True
    )

    today = timezone.localdate()
    assert response.redirect_chain == [(HAND_OVER, 302)]
    assert [str(message) for message in response.context["messages"]] == [
        "Đã bàn giao 2 đơn chưa xử lý và 1 vụ việc chưa giải quyết của Ủy ban nhân dân huyện Ia Grai cho Ủy ban nhân"
        f" dân xã Ia Grai ngày {today:%d/%m/%Y}."
    ]
    assert [(done.giving, done.receiving, done.petitions, done.cases) for done in response.context["page"]] == [
        (district, committee_of_ia_grai, 2, 1)
    ]
    assert Petition.objects.filter(agency=committee_of_ia_grai).count() == 2


def test_an_agency_with_nothing_left_is_refused_beside_its_field(
    client, admin_of_gia_lai, district, committee_of_ia_grai
):
    Petition.objects.filter(agency=district).delete()
    district.cases.all().delete()

    response = client.post(HAND_OVER, {"giving": district.pk, "receiving": committee_of_ia_grai.pk})

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "giving": [
            "Ủy ban nhân dân huyện Ia Grai không còn đơn chưa xử lý hay vụ việc chưa giải quyết nào để bàn giao."
        ]
    }
    assert response.context["pending"] is None


def test_an_agency_outside_the_admin_s_area_is_not_offered(client, committee_of_ia_grai, district):
    """An admin of the new Xã Ia Grai: the old district is not in their area."""
    client.force_login(staff_with_role(committee_of_ia_grai, Role.UNIT_ADMIN))

    response = client.post(HAND_OVER, {"giving": district.pk, "receiving": committee_of_ia_grai.pk, "xac_nhan": "1"})

    assert response.context["form"].errors == {"giving": ["Hãy chọn một cơ quan trong danh sách."]}
    assert Petition.objects.filter(agency=district).count() == 2


def test_someone_who_is_no_unit_admin_is_refused_the_page(client, committee_of_gia_lai, district):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))

    response = client.get(HAND_OVER)

    page = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Không có quyền truy cập</h1>" in page and "Ủy ban nhân dân huyện Ia Grai" not in page


def test_the_home_page_of_a_unit_admin_links_to_the_hand_over(client, admin_of_gia_lai):
    response = client.get(reverse("home"))

    assert f'<a class="button" href="{HAND_OVER}">Bàn giao đơn, vụ việc</a>' in response.content.decode()


def test_the_home_page_of_a_leader_has_no_hand_over(client, committee_of_gia_lai):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))

    response = client.get(reverse("home"))

    assert HAND_OVER not in response.content.decode()
