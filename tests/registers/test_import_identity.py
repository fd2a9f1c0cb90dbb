"""A register import links a row with the CCCD of a citizen outside the importer's sight to that citizen as the desk
does: the citizen's stored details stay as they are and hidden, the record keeps the row's (issue 20, point 1)."""

import pytest

from complaints.models import Petition
from complaints.register import HEADERS as DON_HEADERS
from danvan.models import Role
from reception.models import Visit
from registers.importer import import_workbook
from tests.factories import CitizenFactory, VisitFactory, staff_with_role
from tests.identity import STORED, stored_row
from tests.registers.test_don_sheet import petition_row
from tests.registers.test_visits_sheet import visit_row, visits_book
from tests.registers.workbooks import rows_of, workbook

pytestmark = pytest.mark.django_db

ROW = {"Họ tên": "Rah Lan Blong", "Số CCCD": STORED["cccd"], "Địa chỉ": "thon Hoa Binh"}


@pytest.fixture
def citizen_of_pleiku(committee_of_pleiku):
    return VisitFactory(agency=committee_of_pleiku, citizen=CitizenFactory(**STORED)).citizen


@pytest.fixture
def receptionist_of_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)


def test_an_imported_visit_of_a_citizen_known_elsewhere_keeps_the_rows_details(
    committee_of_ia_grai, citizen_of_pleiku, receptionist_of_ia_grai
):
    before = stored_row(citizen_of_pleiku)

    import_workbook(visits_book(visit_row(**ROW, **{"Mã vụ việc": "VV1"})), by=receptionist_of_ia_grai)

    visit = Visit.objects.get(agency=committee_of_ia_grai)
    assert (visit.citizen, visit.person.full_name, visit.person.address, visit.case.citizen) == (
        citizen_of_pleiku,
        "Rah Lan Blong",
        "thon Hoa Binh",
        None,
    )
    assert stored_row(citizen_of_pleiku) == before


def test_an_imported_petition_of_a_citizen_known_elsewhere_keeps_the_rows_details(
    committee_of_ia_grai, citizen_of_pleiku, receptionist_of_ia_grai
):
    before = stored_row(citizen_of_pleiku)
    row = petition_row(**{"Người đứng đơn": "Rah Lan Blong", "Số CCCD": STORED["cccd"], "Điện thoại": "0911000111"})

    import_workbook(workbook({"Don": rows_of(list(DON_HEADERS), row)}), by=receptionist_of_ia_grai)

    petition = Petition.objects.get(agency=committee_of_ia_grai)
    assert (petition.citizen, petition.person.full_name, petition.person.phone) == (
        citizen_of_pleiku,
        "Rah Lan Blong",
        "0911000111",
    )
    assert stored_row(citizen_of_pleiku) == before


def test_a_row_of_a_citizen_within_the_importers_sight_is_linked_as_usual(
    committee_of_ia_grai, receptionist_of_ia_grai
):
    citizen = VisitFactory(agency=committee_of_ia_grai, citizen=CitizenFactory(**STORED)).citizen

    import_workbook(visits_book(visit_row(**ROW)), by=receptionist_of_ia_grai)

    visit = Visit.objects.filter(agency=committee_of_ia_grai).latest("pk")
    assert (visit.citizen, visit.known_elsewhere, visit.person.full_name) == (citizen, False, STORED["full_name"])


def test_an_import_by_the_portal_itself_sees_every_citizen(committee_of_ia_grai, citizen_of_pleiku):
    import_workbook(visits_book(visit_row(**ROW)), by=None)

    visit = Visit.objects.get(agency=committee_of_ia_grai)
    assert (visit.citizen, visit.known_elsewhere) == (citizen_of_pleiku, False)
