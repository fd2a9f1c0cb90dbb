"""Who opens a sent report: as the report page counts it, whoever sees the whole unit. A receptionist, whose report of
the commune counts only their own agency, opens none of the commune's sent reports (list, page and differences,
workbook)."""

import pytest
from django.urls import reverse

from danvan.models import Agency, Role
from reports.models import SentReport
from reports.periods import window
from reports.services import mark_sent
from tests.factories import AgencyFactory, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def party_of_ia_grai(committee_of_ia_grai):
    return AgencyFactory(unit=committee_of_ia_grai.unit, kind=Agency.Kind.PARTY, name="Đảng ủy xã Ia Grai")


@pytest.fixture
def sent(committee_of_ia_grai, party_of_ia_grai) -> SentReport:
    reporter = staff_with_role(committee_of_ia_grai, Role.REPORTER)
    return mark_sent(unit=committee_of_ia_grai.unit, window=window("q1", year=2026), by=reporter)


def _list(client, staff) -> list[SentReport]:
    client.force_login(staff)
    return list(client.get(reverse("reports:sent-list")).context["page"].object_list)


def _detail(client, staff, sent: SentReport, **query):
    client.force_login(staff)
    return client.get(reverse("reports:sent-detail", args=[sent.pk]), query)


def test_a_receptionist_of_the_commune_s_party_committee_lists_none_of_its_sent_reports(client, sent, party_of_ia_grai):
    assert _list(client, staff_with_role(party_of_ia_grai, Role.RECEPTIONIST)) == []


def test_a_receptionist_of_the_commune_s_party_committee_gets_404_on_its_sent_report(client, sent, party_of_ia_grai):
    response = _detail(client, staff_with_role(party_of_ia_grai, Role.RECEPTIONIST), sent)

    assert response.status_code == 404


def test_a_receptionist_of_the_commune_s_party_committee_gets_404_on_its_sent_workbook(client, sent, party_of_ia_grai):
    response = _detail(client, staff_with_role(party_of_ia_grai, Role.RECEPTIONIST), sent, **{"bieu-mau": ""})

    assert response.status_code == 404


def test_a_receptionist_of_the_commune_s_committee_gets_404_on_its_sent_report(client, sent, committee_of_ia_grai):
    response = _detail(client, staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST), sent)

    assert response.status_code == 404


def test_a_handler_of_the_commune_s_party_committee_opens_its_sent_report(client, sent, party_of_ia_grai):
    response = _detail(client, staff_with_role(party_of_ia_grai, Role.HANDLER), sent)

    assert (response.status_code, response.context["sent"]) == (200, sent)


def test_a_reporter_of_the_commune_lists_its_sent_report(client, sent, committee_of_ia_grai):
    assert _list(client, staff_with_role(committee_of_ia_grai, Role.REPORTER)) == [sent]


def test_a_leader_of_the_province_lists_the_commune_s_sent_report(client, sent, committee_of_gia_lai):
    assert _list(client, staff_with_role(committee_of_gia_lai, Role.LEADER)) == [sent]


def test_a_leader_of_another_commune_gets_404_on_the_sent_report(client, sent, committee_of_pleiku):
    response = _detail(client, staff_with_role(committee_of_pleiku, Role.LEADER), sent)

    assert response.status_code == 404


def test_a_receptionist_of_the_only_agency_of_a_commune_opens_its_sent_report(client, committee_of_pleiku):
    sent = mark_sent(
        unit=committee_of_pleiku.unit,
        window=window("q1", year=2026),
        by=staff_with_role(committee_of_pleiku, Role.LEADER),
    )

    response = _detail(client, staff_with_role(committee_of_pleiku, Role.RECEPTIONIST), sent)

    assert (response.status_code, response.context["sent"]) == (200, sent)
