"""Dates within what they can be: a record of a unit not before the unit existed, a birth date not in the future nor
before 1900, a report's window within the portal's days (01/01/0001 gave a 500: the same period a year earlier has no
year 0)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from complaints.models import Source
from complaints.services.corrections import PETITION
from complaints.services.intake import receive_petition
from danvan.citizens import CitizenDetails
from danvan.corrections import correct
from danvan.models import Citizen, Classification, Role
from reception.models import Receiver
from reception.services import record_session
from tests.factories import PetitionFactory, staff_with_role
from tests.reception.test_desk import visit_form

pytestmark = pytest.mark.django_db

# Xã Ia Grai of the two-tier structure exists from the 2025 reform on.
BEFORE_IA_GRAI = "Vào ngày 30/06/2025, Xã Ia Grai chưa có: đơn vị có từ ngày 01/07/2025."


def test_a_visit_dated_before_its_commune_existed_is_refused_on_the_date(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))

    response = client.post(reverse("reception:desk"), visit_form(committee_of_ia_grai, received_on="30/06/2025"))

    assert response.context["form"].errors == {"received_on": [BEFORE_IA_GRAI]}


def test_a_petition_received_before_its_commune_existed_is_refused(committee_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        receive_petition(
            agency=committee_of_ia_grai, by=staff_with_role(committee_of_ia_grai, Role.HANDLER),
            received_on=date(2025, 6, 30), source=Source.POST, kind=Classification.COMPLAINT, content="Khiếu nại",
            details=CitizenDetails(full_name="Nguyễn Văn Khiếu"),
        )  # fmt: skip

    assert refused.value.message_dict == {"received_on": [BEFORE_IA_GRAI]}


def test_a_session_held_before_its_commune_existed_is_refused(committee_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        record_session(
            agency=committee_of_ia_grai, by=staff_with_role(committee_of_ia_grai, Role.LEADER), on=date(2025, 6, 30),
            receiver=Receiver.HEAD, host_name="Phạm Minh Đức", host_title="Chủ tịch UBND",
        )  # fmt: skip

    assert refused.value.message_dict == {"date": [BEFORE_IA_GRAI]}


def test_a_petitions_received_date_corrected_to_before_its_commune_existed_is_refused(committee_of_ia_grai):
    petition = PetitionFactory(agency=committee_of_ia_grai)

    with pytest.raises(ValidationError) as refused:
        correct(
            PETITION, petition, {"received_on": date(2025, 6, 30)},
            by=staff_with_role(committee_of_ia_grai, Role.HANDLER), reason="Ghi nhầm ngày nhận",
        )  # fmt: skip

    assert refused.value.message_dict == {"received_on": [BEFORE_IA_GRAI]}


def test_a_birth_date_in_9999_is_refused_at_the_desk(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))

    response = client.post(reverse("reception:desk"), visit_form(committee_of_ia_grai, birth_date="31/12/9999"))

    today = timezone.localdate()
    assert response.context["form"].errors == {
        "birth_date": [f"Ngày sinh phải trong khoảng 01/01/1900 – {today:%d/%m/%Y}."]
    }


def test_a_citizen_born_tomorrow_is_refused_whatever_the_way_in():
    tomorrow = timezone.localdate() + timedelta(days=1)

    with pytest.raises(ValidationError) as refused:
        Citizen(full_name="Nguyễn Văn An", birth_date=tomorrow).full_clean()

    assert refused.value.message_dict == {"birth_date": ["Ngày sinh phải từ 01/01/1900 đến hôm nay: hãy kiểm tra lại."]}


def test_a_report_window_from_year_one_is_refused_on_the_page(client, committee_of_gia_lai):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.REPORTER))

    response = client.get(
        reverse("reports:report"),
        {"unit": committee_of_gia_lai.unit.pk, "period": "custom", "start": "01/01/0001", "end": "31/12/2025"},
    )

    assert (response.status_code, response.context["form"].errors) == (
        200,
        {"start": ["Từ ngày phải trong khoảng 01/01/1945 – 31/12/2100."]},
    )
