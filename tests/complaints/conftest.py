from datetime import date

import pytest

from complaints.models import Handling, Source
from complaints.services.handling import handle_petition
from complaints.services.intake import receive_petition
from danvan.citizens import CitizenDetails
from danvan.models import Classification, Role
from tests.factories import member_of, staff_with_role


@pytest.fixture
def handler_of_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.HANDLER, full_name="Đặng Văn Tâm")


@pytest.fixture
def receive(committee_of_ia_grai, handler_of_ia_grai):
    """Receives a petition at Ia Grai's People's Committee (or the ``agency`` given, by a handler of it):
    receive(kind, on, **changes)."""

    def _receive(kind=Classification.COMPLAINT, on=date(2026, 3, 2), **changes):
        agency = changes.get("agency", committee_of_ia_grai)
        fields = {
            "agency": agency,
            "by": member_of(agency, Role.HANDLER),
            "received_on": on,
            "source": Source.POST,
            "kind": kind,
            "content": "Khiếu nại quyết định thu hồi đất của UBND xã",
            "details": CitizenDetails(full_name="Nguyễn Văn Khiếu", cccd="064090007777", address="Thôn 4, xã Ia Grai"),
        }
        return receive_petition(**(fields | changes))

    return _receive


@pytest.fixture
def accept(handler_of_ia_grai):
    """Accepts (thụ lý) a petition on a date, by a handler of its agency, and returns its case:
    accept(petition, on, **statutory). A recommendation, which is never accepted, is taken up to be answered."""

    def _accept(petition, on, **statutory):
        handle_petition(
            petition=petition,
            by=member_of(petition.agency, Role.HANDLER),
            on=on,
            processable=True,
            in_competence=True,
            handling=Handling.ANSWER if petition.kind == Classification.RECOMMENDATION else Handling.ACCEPT,
            **statutory,
        )
        petition.refresh_from_db()
        return petition.case

    return _accept
