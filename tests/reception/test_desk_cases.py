"""What a visit does to its case: one that ends on the spot (guided, answered) closes the case it opened; one that
hands something on keeps it open, or opens again a case the desk had closed."""

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps

from danvan.citizens import CitizenDetails
from danvan.models import Case, Role
from reception.services import receive_visit
from tests.factories import CaseFactory, PetitionFactory, VisitFactory, staff_with_role

pytestmark = pytest.mark.django_db

close_cases_ended_at_the_desk = import_module(
    "complaints.migrations.0015_close_cases_ended_at_the_desk"
).close_cases_ended_at_the_desk


def _visit(agency, *, result, case=None, kind="recommendation"):
    return receive_visit(
        agency=agency,
        by=staff_with_role(agency, Role.RECEPTIONIST),
        details=CitizenDetails(full_name="Nguyễn Văn An", cccd="064090001234"),
        received_on=date(2026, 3, 12),
        content="Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
        kind=kind,
        result=result,
        case=case,
    )


@pytest.mark.parametrize("result", ["guided", "answered"])
def test_a_visit_ended_on_the_spot_leaves_no_open_case(committee_of_ia_grai, result):
    visit = _visit(committee_of_ia_grai, result=result)

    assert (visit.case.status, Case.objects.filter(status=Case.Status.OPEN).count()) == (Case.Status.CLOSED, 0)


@pytest.mark.parametrize("result", ["petition_received", "forwarded", ""])
def test_a_visit_that_hands_something_on_keeps_its_new_case_open(committee_of_ia_grai, result):
    visit = _visit(committee_of_ia_grai, result=result, kind="complaint")

    assert Case.objects.get(pk=visit.case_id).status == Case.Status.OPEN


def test_a_later_visit_that_hands_a_petition_on_opens_again_the_case_closed_at_the_desk(committee_of_ia_grai):
    first = _visit(committee_of_ia_grai, result="guided", kind="complaint")

    again = _visit(committee_of_ia_grai, result="petition_received", case=first.case, kind="complaint")

    assert (again.case_id, Case.objects.get(pk=first.case_id).status) == (first.case_id, Case.Status.OPEN)


def test_a_visit_answered_about_an_open_case_leaves_that_case_open(committee_of_ia_grai):
    case = CaseFactory(agency=committee_of_ia_grai)

    _visit(committee_of_ia_grai, result="answered", case=case)

    assert Case.objects.get(pk=case.pk).status == Case.Status.OPEN


def test_the_migration_closes_the_cases_whose_visits_all_ended_on_the_spot(committee_of_ia_grai):
    ended = VisitFactory(agency=committee_of_ia_grai, result="guided").case
    VisitFactory(agency=committee_of_ia_grai, case=ended, citizen=ended.citizen, result="answered")
    handed_on = VisitFactory(agency=committee_of_ia_grai, result="petition_received").case
    VisitFactory(agency=committee_of_ia_grai, case=handed_on, citizen=handed_on.citizen, result="guided")
    with_petition = VisitFactory(agency=committee_of_ia_grai, result="guided").case
    PetitionFactory(agency=committee_of_ia_grai, case=with_petition, citizen=with_petition.citizen)
    accepted = VisitFactory(agency=committee_of_ia_grai, result="guided", case__accepted=True).case
    without_visit = CaseFactory(agency=committee_of_ia_grai)

    close_cases_ended_at_the_desk(apps, None)

    statuses = dict(Case.objects.values_list("pk", "status"))
    assert statuses == {
        ended.pk: "closed",
        handed_on.pk: "open",
        with_petition.pk: "open",
        accepted.pk: "open",
        without_visit.pk: "open",
    }
