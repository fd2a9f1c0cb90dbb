from datetime import date, timedelta

import pytest

from danvan.models import Agency, Role
from danvan.scope import visible_agencies
from dialogues.figures import KEYS, dialogues_figures
from dialogues.models import Host, Kind
from tests.factories import AgencyFactory, current_unit, legacy_unit, staff_with_role

pytestmark = pytest.mark.django_db

# A window across the 2025 reform: three tiers before 01/07/2025, two since.
START = date(2024, 1, 1)
END = date(2026, 6, 30)
NOTHING = dict.fromkeys(KEYS, 0)
LEVELS = ("dialogues.total", "dialogues.province", "dialogues.district", "dialogues.commune")
SUMS = ("dialogues.participants", "dialogues.opinions", "dialogues.opinions_answered")


def only(figures: dict[str, int], *keys: str) -> dict[str, int]:
    return {key: figures[key] for key in keys}


@pytest.fixture
def scope_of_gia_lai(committee_of_gia_lai):
    """What the leader of today's Tỉnh Gia Lai sees: the province, its communes and the units of the earlier era that
    went into it."""
    return visible_agencies(staff_with_role(committee_of_gia_lai, Role.LEADER))


@pytest.fixture
def committee_of_pleiku_district(db):
    """The People's Committee of Thành phố Pleiku (district 622), until 30/06/2025."""
    return AgencyFactory(unit=legacy_unit("622"))


@pytest.fixture
def council_of_ia_grai(db):
    return AgencyFactory(unit=current_unit("23764"), kind=Agency.Kind.COUNCIL, name="Hội đồng nhân dân xã Ia Grai")


def figures_of(agencies, start=START, end=END) -> dict[str, int]:
    return dialogues_figures(agencies=agencies, start=start, end=end)


def test_no_dialogue_gives_zeros(scope_of_gia_lai):
    assert figures_of(scope_of_gia_lai) == NOTHING


def test_a_2024_dialogue_at_a_district_counts_as_district(hold, scope_of_gia_lai, committee_of_pleiku_district):
    hold(committee_of_pleiku_district, date(2024, 5, 20))

    assert only(figures_of(scope_of_gia_lai), *LEVELS) == {
        "dialogues.total": 1,
        "dialogues.province": 0,
        "dialogues.district": 1,
        "dialogues.commune": 0,
    }


def test_a_2026_dialogue_at_a_commune_counts_as_commune(hold, scope_of_gia_lai, committee_of_ia_grai):
    hold(committee_of_ia_grai, date(2026, 3, 10))

    assert only(figures_of(scope_of_gia_lai), *LEVELS) == {
        "dialogues.total": 1,
        "dialogues.province": 0,
        "dialogues.district": 0,
        "dialogues.commune": 1,
    }


def test_dialogues_count_by_level_in_both_eras(
    hold, scope_of_gia_lai, committee_of_gia_lai, committee_of_old_gia_lai, committee_of_pleiku_district,
    committee_of_ia_grai,
):  # fmt: skip
    hold(committee_of_old_gia_lai, date(2024, 9, 5))
    hold(committee_of_gia_lai, date(2026, 2, 3))
    hold(committee_of_pleiku_district, date(2025, 6, 30))
    hold(committee_of_ia_grai, date(2025, 7, 1))
    hold(committee_of_ia_grai, date(2026, 3, 10))

    assert only(figures_of(scope_of_gia_lai), *LEVELS) == {
        "dialogues.total": 5,
        "dialogues.province": 2,
        "dialogues.district": 1,
        "dialogues.commune": 2,
    }


def test_a_dialogue_counts_at_the_level_of_the_unit_where_it_was_held(
    hold, scope_of_gia_lai, committee_of_pleiku_district
):
    hold(committee_of_pleiku_district, date(2024, 5, 20), unit=legacy_unit("23575"))

    assert only(figures_of(scope_of_gia_lai), "dialogues.district", "dialogues.commune") == {
        "dialogues.district": 0,
        "dialogues.commune": 1,
    }


def test_voter_meetings_are_counted_apart_from_dialogues(hold, scope_of_gia_lai, council_of_ia_grai):
    hold(council_of_ia_grai, date(2026, 4, 1), kind=Kind.VOTER_MEETING, host=Host.COUNCIL_DEPUTY, participants=80,
         opinions_raised=9, opinions_answered=4)  # fmt: skip

    assert figures_of(scope_of_gia_lai) == NOTHING | {
        "voter_meetings.total": 1,
        "voter_meetings.participants": 80,
        "voter_meetings.opinions": 9,
    }


def test_participants_and_opinions_are_summed_over_the_dialogues(
    hold, scope_of_gia_lai, committee_of_gia_lai, committee_of_ia_grai
):
    hold(committee_of_gia_lai, date(2026, 2, 3), participants=250, opinions_raised=30, opinions_answered=21)
    hold(committee_of_ia_grai, date(2026, 3, 10), participants=1200, opinions_raised=15, opinions_answered=15)

    assert only(figures_of(scope_of_gia_lai), *SUMS) == {
        "dialogues.participants": 1450,
        "dialogues.opinions": 45,
        "dialogues.opinions_answered": 36,
    }


def test_the_window_includes_its_first_and_last_days_only(hold, scope_of_gia_lai, committee_of_ia_grai):
    start, end = date(2026, 3, 15), date(2026, 6, 14)
    for on in (start - timedelta(days=1), start, end, end + timedelta(days=1)):
        hold(committee_of_ia_grai, on)

    assert figures_of(scope_of_gia_lai, start, end)["dialogues.total"] == 2


def test_dialogues_outside_the_scope_are_not_counted(
    hold, committee_of_ia_grai, committee_of_pleiku, committee_of_ba_dinh
):
    scope_of_ia_grai = visible_agencies(staff_with_role(committee_of_ia_grai, Role.LEADER))
    hold(committee_of_ia_grai, date(2026, 3, 10), participants=60)
    hold(committee_of_pleiku, date(2026, 3, 11), participants=300)
    hold(committee_of_ba_dinh, date(2026, 3, 12), participants=500)

    assert only(figures_of(scope_of_ia_grai), "dialogues.total", "dialogues.participants") == {
        "dialogues.total": 1,
        "dialogues.participants": 60,
    }


def test_the_figures_take_one_query_whatever_the_data(
    hold, django_assert_num_queries, scope_of_gia_lai, committee_of_gia_lai, committee_of_pleiku_district,
    committee_of_ia_grai, council_of_ia_grai,
):  # fmt: skip
    hold(committee_of_gia_lai, date(2026, 2, 3))
    hold(committee_of_pleiku_district, date(2024, 5, 20))
    hold(committee_of_ia_grai, date(2026, 3, 10))
    hold(council_of_ia_grai, date(2026, 4, 1), kind=Kind.VOTER_MEETING, host=Host.COUNCIL_DEPUTY)

    with django_assert_num_queries(1):
        figures = figures_of(scope_of_gia_lai)

    assert only(figures, "dialogues.total", "voter_meetings.total") == {
        "dialogues.total": 3,
        "voter_meetings.total": 1,
    }
