"""The permission matrix (danvan/permissions.py), and the write services of reception, reports and the register import
refusing, by themselves, staff outside it. (The complaints and dialogues services: tests/complaints/test_permissions.py
and tests/dialogues/test_permissions.py.) Nothing is written on a refusal."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile

from danvan.citizens import CitizenDetails
from danvan.models import Citizen, Classification, Role, SubjectField
from danvan.permissions import (
    Action,
    agencies_granted,
    can_handle,
    can_import,
    can_record,
    can_send,
    own_agencies_granted,
)
from reception.models import Mode, Receiver, ReceptionSchedule, ReceptionSession, Visit
from reception.services import conclude_session, publish_schedule, receive_visit, record_session
from registers import jobs
from registers.models import RegisterImport
from reports.models import OpeningFigure, SentReport
from reports.periods import window
from reports.services import delete_opening, enter_opening, enter_openings, mark_sent
from tests.factories import MembershipFactory, SessionFactory, legacy_unit, staff_with_role

pytestmark = pytest.mark.django_db

ON = date(2026, 3, 12)
YEAR_2024 = window("year", year=2024)


@pytest.fixture
def receptionist_of_pleiku(committee_of_pleiku):
    return staff_with_role(committee_of_pleiku, Role.RECEPTIONIST)


@pytest.fixture
def reporter_of_ia_grai(committee_of_ia_grai):
    """Sees every record of Ia Grai, records none."""
    return staff_with_role(committee_of_ia_grai, Role.REPORTER)


# The matrix.


def test_a_receptionist_records_for_their_agency(committee_of_ia_grai):
    assert can_record(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST), committee_of_ia_grai) is True


def test_a_receptionist_does_not_handle_petitions(committee_of_ia_grai):
    assert can_handle(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST), committee_of_ia_grai) is False


def test_a_provincial_leader_does_not_record_for_a_commune_they_see(committee_of_gia_lai, committee_of_ia_grai):
    assert can_record(staff_with_role(committee_of_gia_lai, Role.LEADER), committee_of_ia_grai) is False


def test_a_reporter_does_not_import(reporter_of_ia_grai):
    assert can_import(reporter_of_ia_grai) is False


def test_a_provincial_reporter_sends_the_report_of_a_commune_under_it(committee_of_gia_lai, committee_of_ia_grai):
    assert can_send(staff_with_role(committee_of_gia_lai, Role.REPORTER), committee_of_ia_grai.unit) is True


def test_a_communes_leader_does_not_send_the_provinces_report(committee_of_ia_grai, gia_lai):
    assert can_send(staff_with_role(committee_of_ia_grai, Role.LEADER), gia_lai) is False


# Reception.


def test_a_receptionist_of_another_commune_cannot_log_a_visit_there(committee_of_ia_grai, receptionist_of_pleiku):
    with pytest.raises(PermissionDenied):
        receive_visit(
            agency=committee_of_ia_grai, by=receptionist_of_pleiku, details=CitizenDetails(full_name="Nguyễn Văn Dân"),
            received_on=ON, mode=Mode.REGULAR, receiver=Receiver.OFFICER, people=1, content="Hỏi về cấp giấy đất",
            kind=Classification.RECOMMENDATION, field=SubjectField.LAND,
        )  # fmt: skip

    assert (list(Visit.objects.all()), list(Citizen.objects.all())) == ([], [])


def test_a_reporter_cannot_record_a_reception_session(committee_of_ia_grai, reporter_of_ia_grai):
    with pytest.raises(PermissionDenied):
        record_session(
            agency=committee_of_ia_grai, by=reporter_of_ia_grai, on=ON, receiver=Receiver.HEAD,
            host_name="Phạm Minh Đức", host_title="Chủ tịch UBND",
        )  # fmt: skip

    assert list(ReceptionSession.objects.all()) == []


def test_a_receptionist_of_another_commune_cannot_conclude_a_session(committee_of_ia_grai, receptionist_of_pleiku):
    session = SessionFactory(agency=committee_of_ia_grai)

    with pytest.raises(PermissionDenied):
        conclude_session(
            session=session, by=receptionist_of_pleiku, conclusion="Giao UBND xã trả lời", conclusion_number="5/TB"
        )

    assert ReceptionSession.objects.values_list("conclusion", "conclusion_number").get() == ("", "")


def test_a_reporter_cannot_publish_a_reception_schedule(committee_of_ia_grai, reporter_of_ia_grai):
    with pytest.raises(PermissionDenied):
        publish_schedule(
            agency=committee_of_ia_grai, by=reporter_of_ia_grai, head_name="Phạm Minh Đức", head_title="Chủ tịch UBND",
            description="Ngày 15 hằng tháng", place="Trụ sở UBND xã", valid_from=ON,
        )  # fmt: skip

    assert list(ReceptionSchedule.objects.all()) == []


# Reports.


def test_a_receptionist_cannot_mark_a_report_sent(committee_of_old_gia_lai):
    receptionist = staff_with_role(committee_of_old_gia_lai, Role.RECEPTIONIST)

    with pytest.raises(PermissionDenied):
        mark_sent(unit=legacy_unit("64"), window=YEAR_2024, by=receptionist)

    assert list(SentReport.objects.all()) == []


def test_a_handler_cannot_key_in_opening_figures(committee_of_ia_grai):
    handler = staff_with_role(committee_of_ia_grai, Role.HANDLER)

    with pytest.raises(PermissionDenied):
        enter_opening(
            agency=committee_of_ia_grai, start=date(2025, 12, 15), end=date(2026, 1, 14), code="01/TCD:5",
            value=Decimal(7), by=handler,
        )  # fmt: skip

    assert list(OpeningFigure.objects.all()) == []


def test_a_reporter_of_another_commune_cannot_key_in_its_opening_figures(committee_of_ia_grai, committee_of_pleiku):
    reporter_of_pleiku = staff_with_role(committee_of_pleiku, Role.REPORTER)

    with pytest.raises(PermissionDenied):
        enter_openings(
            agency=committee_of_ia_grai, start=date(2025, 12, 15), end=date(2026, 1, 14),
            values={"01/TCD:5": Decimal(7)}, by=reporter_of_pleiku,
        )  # fmt: skip

    assert list(OpeningFigure.objects.all()) == []


def test_a_reporter_of_another_commune_cannot_delete_an_opening_figure(
    committee_of_ia_grai, committee_of_pleiku, reporter_of_ia_grai
):
    opening = enter_opening(
        agency=committee_of_ia_grai, start=date(2025, 12, 15), end=date(2026, 1, 14), code="01/TCD:5",
        value=Decimal(7), by=reporter_of_ia_grai,
    )  # fmt: skip

    with pytest.raises(PermissionDenied):
        delete_opening(opening=opening, by=staff_with_role(committee_of_pleiku, Role.REPORTER))

    assert list(OpeningFigure.objects.all()) == [opening]


# The register import.


def test_a_reporters_import_is_refused_before_it_is_read(reporter_of_ia_grai):
    job = RegisterImport.objects.create(
        created_by=reporter_of_ia_grai, filename="so.xlsx", file=ContentFile(b"not read", name="so.xlsx")
    )

    with pytest.raises(PermissionDenied):
        jobs.start(job, write=False)

    assert RegisterImport.objects.values_list("status", "rows_total").get() == (RegisterImport.Status.QUEUED, 0)


def test_the_agencies_granted_by_own_roles_are_known_from_the_memberships(committee_of_ia_grai, committee_of_pleiku):
    staff = staff_with_role(committee_of_ia_grai, Role.LEADER)
    MembershipFactory(staff=staff, agency=committee_of_pleiku, role=Role.RECEPTIONIST)
    memberships = list(staff.memberships.all())

    known = {action: own_agencies_granted(staff, memberships, action) for action in (Action.HANDLE, Action.APPROVE)}
    read = {action: set(agencies_granted(staff, action).values_list("pk", flat=True)) for action in known}

    assert (known, read) == ({Action.HANDLE: {committee_of_ia_grai.pk}, Action.APPROVE: {committee_of_ia_grai.pk}},) * 2


def test_an_area_role_leaves_its_agencies_to_the_query(committee_of_ia_grai):
    reporter = staff_with_role(committee_of_ia_grai, Role.REPORTER)

    assert own_agencies_granted(reporter, list(reporter.memberships.all()), Action.SEND) is None
