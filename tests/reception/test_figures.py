from datetime import date

import pytest

from danvan.models import Agency, Role
from danvan.scope import visible_agencies
from danvan.selectors import area_of
from reception.figures import reception_figures
from reception.models import Mode, Receiver, ReceptionSession, Visit
from tests.factories import AgencyFactory, CaseFactory, SessionFactory, VisitFactory, current_unit, staff_with_role

pytestmark = pytest.mark.django_db

# Quý I 2026: 15/12/2025 → 14/03/2026.
START = date(2025, 12, 15)
END = date(2026, 3, 14)

NOTHING = {
    "reception.visits": 0,
    "reception.people": 0,
    "reception.cases": 0,
    "reception.cases_first": 0,
    "reception.cases_repeat": 0,
    "reception.groups": 0,
    "reception.group_people": 0,
    "reception.regular.visits": 0,
    "reception.regular.people": 0,
    "reception.periodic.visits": 0,
    "reception.periodic.people": 0,
    "reception.head.sessions": 0,
    "reception.head.visits": 0,
    "reception.head.people": 0,
    "reception.delegated.sessions": 0,
    "reception.delegated.visits": 0,
    "reception.delegated.people": 0,
    "reception.party_head.visits": 0,
    "reception.party_head.people": 0,
    "reception.government_head.visits": 0,
    "reception.government_head.people": 0,
    "reception.council.sessions": 0,
    "reception.council.visits": 0,
}


def figures_of(agencies) -> dict[str, int]:
    return reception_figures(agencies=agencies, start=START, end=END)


def only(figures: dict[str, int], *keys: str) -> dict[str, int]:
    return {key: figures[key] for key in keys}


def agency_of(unit, kind: Agency.Kind) -> Agency:
    return AgencyFactory(unit=unit, kind=kind, name=f"{kind.label} {unit.name_in_sentence}")


def session_of(agency: Agency, on: date, receiver: Receiver = Receiver.HEAD) -> ReceptionSession:
    return SessionFactory(agency=agency, date=on, receiver=receiver)


def visit_at(session: ReceptionSession, *, mode: Mode = Mode.PERIODIC, **fields) -> Visit:
    """A visit received at a head's (or delegate's) session."""
    return VisitFactory(
        agency=session.agency,
        received_on=session.date,
        mode=mode,
        receiver=session.receiver,
        receiver_name=session.host_name,
        session=session,
        **fields,
    )


@pytest.fixture
def ia_grai():
    return current_unit("23764")


@pytest.fixture
def pleiku():
    return current_unit("23575")


@pytest.fixture
def party_of_gia_lai(gia_lai):
    return agency_of(gia_lai, Agency.Kind.PARTY)


@pytest.fixture
def council_of_gia_lai(gia_lai):
    return agency_of(gia_lai, Agency.Kind.COUNCIL)


@pytest.fixture
def gia_lai_and_ia_grai(gia_lai, ia_grai):
    """A scope of the province's own agencies and those of Xã Ia Grai, without Phường Pleiku."""
    return Agency.objects.filter(unit__in=[gia_lai, ia_grai])


def test_figures_of_a_quarter_across_kinds_of_agency_and_reception(
    gia_lai_and_ia_grai, committee_of_gia_lai, party_of_gia_lai, council_of_gia_lai, committee_of_ia_grai, pleiku
):
    # Regular visits of Xã Ia Grai, on both edges of the window and just outside them.
    VisitFactory(agency=committee_of_ia_grai, received_on=START)
    received_again = VisitFactory(agency=committee_of_ia_grai, received_on=date(2025, 12, 14)).case
    VisitFactory(agency=committee_of_ia_grai, received_on=END, people=4, case=received_again)
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 15), people=7)
    # The province: a caseless group, the chairman's and the secretary's sessions, a delegate's, the council's.
    VisitFactory(agency=committee_of_gia_lai, received_on=date(2026, 1, 10), people=5, case=None)
    visit_at(session_of(committee_of_gia_lai, date(2026, 1, 15)), people=2)
    visit_at(session_of(party_of_gia_lai, date(2026, 1, 20)), mode=Mode.AD_HOC, people=6)
    twice = visit_at(session_of(committee_of_gia_lai, date(2026, 2, 5), Receiver.DELEGATE), people=3).case
    VisitFactory(agency=committee_of_gia_lai, received_on=date(2026, 3, 1), case=twice)
    VisitFactory(agency=council_of_gia_lai, received_on=date(2026, 2, 10), people=2)
    session_of(council_of_gia_lai, END)
    session_of(committee_of_gia_lai, date(2025, 12, 14), Receiver.DELEGATE)
    # Phường Pleiku lies outside the scope.
    visit_at(session_of(AgencyFactory(unit=pleiku), date(2026, 1, 15)), people=9)
    VisitFactory(agency=agency_of(pleiku, Agency.Kind.COUNCIL), received_on=date(2026, 1, 15))

    figures = figures_of(gia_lai_and_ia_grai)

    assert figures == {
        "reception.visits": 8,
        "reception.people": 24,
        "reception.cases": 7,
        "reception.cases_first": 6,
        "reception.cases_repeat": 1,
        "reception.groups": 2,
        "reception.group_people": 11,
        "reception.regular.visits": 5,
        "reception.regular.people": 13,
        "reception.periodic.visits": 3,
        "reception.periodic.people": 11,
        "reception.head.sessions": 3,
        "reception.head.visits": 2,
        "reception.head.people": 8,
        "reception.delegated.sessions": 1,
        "reception.delegated.visits": 1,
        "reception.delegated.people": 3,
        "reception.party_head.visits": 1,
        "reception.party_head.people": 6,
        "reception.government_head.visits": 1,
        "reception.government_head.people": 2,
        "reception.council.sessions": 1,
        "reception.council.visits": 1,
    }


def test_nothing_received_gives_zero_for_every_figure(gia_lai_and_ia_grai):
    assert figures_of(gia_lai_and_ia_grai) == NOTHING


def test_a_visit_of_five_people_is_a_group_and_one_of_four_is_not(gia_lai_and_ia_grai, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, people=4)
    VisitFactory(agency=committee_of_ia_grai, people=5)

    figures = figures_of(gia_lai_and_ia_grai)

    assert only(figures, "reception.visits", "reception.people", "reception.groups", "reception.group_people") == {
        "reception.visits": 2,
        "reception.people": 9,
        "reception.groups": 1,
        "reception.group_people": 5,
    }


CASE_KEYS = ("reception.cases", "reception.cases_first", "reception.cases_repeat")


def test_a_case_visited_before_the_window_is_received_again(gia_lai_and_ia_grai, committee_of_ia_grai):
    case = CaseFactory(agency=committee_of_ia_grai)
    VisitFactory(agency=committee_of_ia_grai, case=case, received_on=date(2025, 6, 3))
    VisitFactory(agency=committee_of_ia_grai, case=case, received_on=date(2026, 1, 8))

    figures = figures_of(gia_lai_and_ia_grai)

    assert only(figures, *CASE_KEYS) == {"reception.cases": 1, "reception.cases_first": 0, "reception.cases_repeat": 1}


def test_a_case_visited_several_times_from_the_first_day_of_the_window_is_one_first_case(
    gia_lai_and_ia_grai, committee_of_ia_grai
):
    case = CaseFactory(agency=committee_of_ia_grai)
    for day in (START, date(2026, 1, 8), END):
        VisitFactory(agency=committee_of_ia_grai, case=case, received_on=day)

    figures = figures_of(gia_lai_and_ia_grai)

    assert only(figures, "reception.visits", *CASE_KEYS) == {
        "reception.visits": 3,
        "reception.cases": 1,
        "reception.cases_first": 1,
        "reception.cases_repeat": 0,
    }


def test_a_case_whose_earlier_visit_was_at_an_agency_outside_the_scope_is_received_again(
    gia_lai_and_ia_grai, committee_of_ia_grai, committee_of_pleiku
):
    case = CaseFactory(agency=committee_of_ia_grai)
    VisitFactory(agency=committee_of_pleiku, case=case, received_on=date(2025, 11, 20))
    VisitFactory(agency=committee_of_ia_grai, case=case, received_on=date(2026, 1, 8))

    figures = figures_of(gia_lai_and_ia_grai)

    assert only(figures, *CASE_KEYS) == {"reception.cases": 1, "reception.cases_first": 0, "reception.cases_repeat": 1}


def test_each_visit_without_a_case_is_a_first_case_of_its_own(gia_lai_and_ia_grai, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, case=None, received_on=date(2025, 11, 20))
    VisitFactory(agency=committee_of_ia_grai, case=None)
    VisitFactory(agency=committee_of_ia_grai, case=None)

    figures = figures_of(gia_lai_and_ia_grai)

    assert only(figures, *CASE_KEYS) == {"reception.cases": 2, "reception.cases_first": 2, "reception.cases_repeat": 0}


def test_regular_visits_and_periodic_or_ad_hoc_visits_are_counted_apart(gia_lai_and_ia_grai, committee_of_gia_lai):
    VisitFactory(agency=committee_of_gia_lai, people=2)
    visit_at(session_of(committee_of_gia_lai, date(2026, 1, 15)), mode=Mode.PERIODIC, people=3)
    visit_at(session_of(committee_of_gia_lai, date(2026, 2, 2), Receiver.DELEGATE), mode=Mode.AD_HOC, people=4)

    figures = figures_of(gia_lai_and_ia_grai)

    assert only(
        figures,
        "reception.regular.visits",
        "reception.regular.people",
        "reception.periodic.visits",
        "reception.periodic.people",
    ) == {
        "reception.regular.visits": 1,
        "reception.regular.people": 2,
        "reception.periodic.visits": 2,
        "reception.periodic.people": 7,
    }


HEAD_KEYS = (
    "reception.head.sessions",
    "reception.head.visits",
    "reception.head.people",
    "reception.delegated.sessions",
    "reception.delegated.visits",
    "reception.delegated.people",
)


def test_sessions_count_whether_or_not_anyone_came(gia_lai_and_ia_grai, committee_of_gia_lai):
    attended = session_of(committee_of_gia_lai, date(2026, 1, 15))
    visit_at(attended, people=2)
    visit_at(attended, people=1)
    session_of(committee_of_gia_lai, date(2026, 2, 15))
    session_of(committee_of_gia_lai, date(2026, 2, 15), Receiver.DELEGATE)

    figures = figures_of(gia_lai_and_ia_grai)

    assert only(figures, *HEAD_KEYS) == {
        "reception.head.sessions": 2,
        "reception.head.visits": 2,
        "reception.head.people": 3,
        "reception.delegated.sessions": 1,
        "reception.delegated.visits": 0,
        "reception.delegated.people": 0,
    }


def test_the_head_in_person_and_a_delegate_are_counted_apart(gia_lai_and_ia_grai, committee_of_ia_grai):
    visit_at(session_of(committee_of_ia_grai, date(2026, 1, 15)), people=2)
    delegated = session_of(committee_of_ia_grai, date(2026, 1, 16), Receiver.DELEGATE)
    visit_at(delegated, people=1)
    visit_at(delegated, mode=Mode.AD_HOC, people=6)

    figures = figures_of(gia_lai_and_ia_grai)

    assert only(figures, *HEAD_KEYS) == {
        "reception.head.sessions": 1,
        "reception.head.visits": 1,
        "reception.head.people": 2,
        "reception.delegated.sessions": 1,
        "reception.delegated.visits": 2,
        "reception.delegated.people": 7,
    }


def test_heads_of_party_committees_and_of_people_s_committees_are_counted_apart(
    gia_lai_and_ia_grai, committee_of_gia_lai, party_of_gia_lai, council_of_gia_lai
):
    visit_at(session_of(party_of_gia_lai, date(2026, 1, 15)), people=3)
    visit_at(session_of(party_of_gia_lai, date(2026, 1, 16), Receiver.DELEGATE), people=20)
    visit_at(session_of(committee_of_gia_lai, date(2026, 1, 15)), people=2)
    visit_at(session_of(committee_of_gia_lai, date(2026, 1, 16), Receiver.DELEGATE), people=30)
    visit_at(session_of(council_of_gia_lai, date(2026, 1, 15)), people=40)

    figures = figures_of(gia_lai_and_ia_grai)

    assert only(
        figures,
        "reception.party_head.visits",
        "reception.party_head.people",
        "reception.government_head.visits",
        "reception.government_head.people",
    ) == {
        "reception.party_head.visits": 1,
        "reception.party_head.people": 3,
        "reception.government_head.visits": 1,
        "reception.government_head.people": 2,
    }


def test_the_council_counts_its_sessions_and_every_visit_it_received(
    gia_lai_and_ia_grai, committee_of_gia_lai, council_of_gia_lai
):
    visit_at(session_of(council_of_gia_lai, date(2026, 1, 15)))
    session_of(council_of_gia_lai, date(2026, 2, 15), Receiver.DELEGATE)
    VisitFactory(agency=council_of_gia_lai)
    visit_at(session_of(committee_of_gia_lai, date(2026, 1, 15)))

    figures = figures_of(gia_lai_and_ia_grai)

    assert only(figures, "reception.council.sessions", "reception.council.visits") == {
        "reception.council.sessions": 2,
        "reception.council.visits": 2,
    }


def test_the_first_and_last_days_of_the_window_count_and_the_days_around_it_do_not(
    gia_lai_and_ia_grai, committee_of_gia_lai
):
    for day in (date(2025, 12, 14), START, END, date(2026, 3, 15)):
        visit_at(session_of(committee_of_gia_lai, day), people=day.day)

    figures = figures_of(gia_lai_and_ia_grai)

    assert only(figures, "reception.visits", "reception.people", "reception.head.sessions") == {
        "reception.visits": 2,
        "reception.people": 15 + 14,
        "reception.head.sessions": 2,
    }


@pytest.mark.parametrize(
    "scope_of",
    [
        pytest.param(lambda agency: visible_agencies(staff_with_role(agency, Role.LEADER)), id="visible_agencies"),
        pytest.param(lambda agency: Agency.objects.filter(unit__in=area_of(agency.unit)), id="area_of"),
    ],
)
def test_an_agency_outside_the_scope_contributes_nothing(scope_of, committee_of_ia_grai, pleiku):
    VisitFactory(agency=committee_of_ia_grai, people=2)
    for kind in (Agency.Kind.COMMITTEE, Agency.Kind.PARTY, Agency.Kind.COUNCIL):
        outsider = agency_of(pleiku, kind)
        visit_at(session_of(outsider, date(2026, 1, 15)), people=6)
        visit_at(session_of(outsider, date(2026, 1, 15), Receiver.DELEGATE), people=6)
        VisitFactory(agency=outsider, people=5, case=None)

    figures = figures_of(scope_of(committee_of_ia_grai))

    assert figures == NOTHING | {
        "reception.visits": 1,
        "reception.people": 2,
        "reception.cases": 1,
        "reception.cases_first": 1,
        "reception.regular.visits": 1,
        "reception.regular.people": 2,
    }


def test_the_number_of_queries_does_not_grow_with_the_visits(
    django_assert_num_queries,
    gia_lai,
    committee_of_gia_lai,
    party_of_gia_lai,
    committee_of_ia_grai,
    committee_of_pleiku,
):
    province = Agency.objects.filter(unit__in=area_of(gia_lai))
    VisitFactory(agency=committee_of_ia_grai)
    with django_assert_num_queries(3):
        figures_of(province)

    for n in range(29):
        agency = (committee_of_gia_lai, party_of_gia_lai, committee_of_ia_grai, committee_of_pleiku)[n % 4]
        visit_at(session_of(agency, date(2026, 1, 1 + n)), people=1 + n % 7)
    with django_assert_num_queries(3):
        figures = figures_of(province)

    assert figures["reception.visits"] == 30
