from datetime import date

import pytest

from danvan.models import Agency, Role
from dialogues.models import Kind
from dialogues.services import hosts_of, record_dialogue
from tests.factories import AgencyFactory, current_unit, staff_with_role

HOST_TITLES = {
    Agency.Kind.COMMITTEE: "Chủ tịch UBND",
    Agency.Kind.PARTY: "Bí thư",
    Agency.Kind.COUNCIL: "Đại biểu HĐND",
    Agency.Kind.ASSEMBLY_DELEGATION: "Đại biểu Quốc hội",
}


@pytest.fixture
def hold():
    """Records, through the service, a dialogue (or with kind= a voter meeting) organised by ``agency`` on ``on``,
    held at the agency's unit unless ``unit`` is given, by the portal itself unless ``by`` is given:
    hold(agency, on, **changes)."""

    def _hold(agency, on=date(2026, 3, 10), **changes):
        fields = {
            "kind": Kind.DIALOGUE,
            "date": on,
            "unit": agency.unit,
            "agency": agency,
            "host": hosts_of(agency)[0],
            "host_name": "Phạm Minh Đức",
            "host_title": HOST_TITLES[agency.kind],
            "topic": "Bồi thường, hỗ trợ tái định cư dự án đường liên xã",
            "participants": 120,
            "opinions_raised": 0,
            "opinions_answered": 0,
        }
        by = changes.pop("by", None)
        return record_dialogue(by=by, **(fields | changes))

    return _hold


@pytest.fixture
def leader_of_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.LEADER, full_name="Rơ Châm Thanh")


@pytest.fixture
def leader_of_gia_lai(committee_of_gia_lai):
    return staff_with_role(committee_of_gia_lai, Role.LEADER, full_name="Trương Văn Đạt")


@pytest.fixture
def committee_of_ba_dinh(db):
    """The People's Committee of Phường Ba Đình, Hà Nội: outside every scope of Gia Lai."""
    return AgencyFactory(unit=current_unit("00004"))
