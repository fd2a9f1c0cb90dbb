from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.models import Agency, DayOverride, Role
from danvan.scope import visible_agencies
from reception.frequency import counts_as_periodic, frequency_compliance, rule_on
from reception.models import Mode, Receiver, Visit
from reception.services import record_session
from tests.factories import AgencyFactory, SessionFactory, legacy_unit, staff_with_role

pytestmark = pytest.mark.django_db

Kind = Agency.Kind


@pytest.fixture
def committee_of_old_pleiku(db):
    """The People's Committee of the former Thành phố Pleiku, a district until 30/06/2025."""
    return AgencyFactory(unit=legacy_unit("622"))


@pytest.fixture
def party_of_ia_grai(committee_of_ia_grai):
    return AgencyFactory(unit=committee_of_ia_grai.unit, kind=Kind.PARTY, name="Đảng ủy xã Ia Grai")


def held_by(agency: Agency, year: int, month: int) -> tuple[int, int, bool]:
    """(required, held, met) of the agency's head in the month."""
    [row] = frequency_compliance(agencies=Agency.objects.filter(pk=agency.pk), year=year, month=month)
    return row.required, row.held, row.met


def sessions(agency: Agency, *days: date, receiver: str = Receiver.HEAD) -> None:
    for day in days:
        SessionFactory(agency=agency, date=day, receiver=receiver)


def test_a_province_chairman_who_received_on_the_last_day_of_the_month_met_the_minimum(committee_of_gia_lai):
    sessions(committee_of_gia_lai, date(2026, 3, 31))

    assert held_by(committee_of_gia_lai, 2026, 3) == (1, 1, True)


def test_a_session_on_the_first_day_of_the_next_month_does_not_count_for_the_month(committee_of_gia_lai):
    sessions(committee_of_gia_lai, date(2026, 4, 1))

    assert held_by(committee_of_gia_lai, 2026, 3) == (1, 0, False)


def test_a_district_chairman_had_to_receive_two_days_a_month_in_2024(committee_of_old_pleiku):
    sessions(committee_of_old_pleiku, date(2024, 5, 15))

    assert held_by(committee_of_old_pleiku, 2024, 5) == (2, 1, False)


def test_a_head_and_a_delegate_on_the_same_day_make_one_day(committee_of_old_pleiku):
    sessions(committee_of_old_pleiku, date(2024, 5, 15))
    sessions(committee_of_old_pleiku, date(2024, 5, 15), receiver=Receiver.DELEGATE)

    assert held_by(committee_of_old_pleiku, 2024, 5) == (2, 1, False)


def test_the_district_minimum_still_applies_in_june_2025(committee_of_old_pleiku):
    sessions(committee_of_old_pleiku, date(2025, 6, 2), date(2025, 6, 30))

    assert held_by(committee_of_old_pleiku, 2025, 6) == (2, 2, True)


def test_the_district_rules_end_with_the_district_level_on_30_06_2025():
    on_the_last_day = [rule_on(kind, "district", date(2025, 6, 30)).days for kind in (Kind.COMMITTEE, Kind.PARTY)]
    on_the_next_day = [rule_on(kind, "district", date(2025, 7, 1)) for kind in (Kind.COMMITTEE, Kind.PARTY)]

    assert (on_the_last_day, on_the_next_day) == ([2, 1], [None, None])


def test_no_district_head_is_judged_after_the_reform(committee_of_old_pleiku):
    sessions(committee_of_old_pleiku, date(2025, 7, 1))

    assert frequency_compliance(agencies=Agency.objects.all(), year=2025, month=7) == []


def test_a_commune_chairman_must_receive_in_every_week_whose_monday_is_in_the_month(committee_of_ia_grai):
    # March 2026 has five Mondays: 2, 9, 16, 23 and 30; the second week holds two sessions and counts once.
    sessions(committee_of_ia_grai, date(2026, 3, 2), date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 20))

    assert held_by(committee_of_ia_grai, 2026, 3) == (5, 3, False)


def test_the_sunday_after_the_last_monday_counts_for_the_month_that_monday_is_in(committee_of_ia_grai):
    sessions(committee_of_ia_grai, date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16), date(2026, 3, 23))
    sessions(committee_of_ia_grai, date(2026, 4, 5))

    assert (held_by(committee_of_ia_grai, 2026, 3), held_by(committee_of_ia_grai, 2026, 4)) == (
        (5, 5, True),
        (4, 0, False),
    )


def test_a_district_party_secretary_needed_one_day_a_month_until_the_reform(committee_of_old_pleiku):
    party_of_old_pleiku = AgencyFactory(unit=committee_of_old_pleiku.unit, kind=Kind.PARTY, name="Thành ủy Pleiku")
    sessions(party_of_old_pleiku, date(2025, 6, 30))

    assert held_by(party_of_old_pleiku, 2025, 6) == (1, 1, True)


def test_a_commune_party_secretary_needed_two_days_a_month_before_23_11_2025(party_of_ia_grai):
    sessions(party_of_ia_grai, date(2025, 10, 31))

    [row] = frequency_compliance(agencies=Agency.objects.filter(pk=party_of_ia_grai.pk), year=2025, month=10)

    assert (row.head_title, row.required, row.held, row.met, row.rule.source, row.rule.verified) == (
        "Bí thư cấp ủy",
        2,
        1,
        False,
        "Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị",
        True,
    )


def test_a_commune_party_secretary_needs_two_days_a_month_from_december_2025(party_of_ia_grai):
    sessions(party_of_ia_grai, date(2025, 12, 1))

    assert held_by(party_of_ia_grai, 2025, 12) == (2, 1, False)


def test_november_2025_is_judged_by_the_rule_in_force_on_its_first_day(party_of_ia_grai):
    sessions(party_of_ia_grai, date(2025, 11, 25))

    [row] = frequency_compliance(agencies=Agency.objects.filter(pk=party_of_ia_grai.pk), year=2025, month=11)

    assert (row.rule.valid_to, row.required, row.held) == (date(2025, 11, 22), 2, 1)


@pytest.mark.parametrize("level, days", [("province", 1), ("commune", 2)])
def test_the_party_secretaries_rule_of_22_11_2025_is_quy_dinh_11(level, days):
    rule = rule_on(Kind.PARTY, level, date(2025, 11, 22))

    assert (rule.days, rule.source, rule.verified) == (
        days,
        "Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị",
        True,
    )


@pytest.mark.parametrize("level, days", [("province", 1), ("commune", 2)])
def test_the_party_secretaries_rule_from_23_11_2025_is_ket_luan_215_not_verified(level, days):
    rule = rule_on(Kind.PARTY, level, date(2025, 11, 23))

    assert (rule.days, rule.source, rule.verified) == (
        days,
        "Quy định 11-QĐi/TW, sửa đổi theo Kết luận 215-KL/TW ngày 23/11/2025 của Bộ Chính trị",
        False,
    )


def test_no_party_secretary_has_a_minimum_before_quy_dinh_11():
    assert [rule_on(Kind.PARTY, level, date(2019, 2, 17)) for level in ("province", "district", "commune")] == [
        None,
        None,
        None,
    ]


def test_an_ad_hoc_session_of_the_head_does_not_count_toward_the_periodic_minimum(committee_of_gia_lai):
    SessionFactory(agency=committee_of_gia_lai, date=date(2026, 3, 5), mode=Mode.AD_HOC)

    assert held_by(committee_of_gia_lai, 2026, 3) == (1, 0, False)


def test_an_ad_hoc_session_is_not_periodic_reception(committee_of_gia_lai):
    session = SessionFactory(agency=committee_of_gia_lai, date=date(2026, 3, 5), mode=Mode.AD_HOC)

    assert counts_as_periodic(session) is False


def test_a_delegate_session_on_30_06_2026_counts_for_the_head(committee_of_gia_lai):
    sessions(committee_of_gia_lai, date(2026, 6, 30), receiver=Receiver.DELEGATE)

    assert held_by(committee_of_gia_lai, 2026, 6) == (1, 1, True)


def test_a_delegate_session_from_01_07_2026_no_longer_counts(committee_of_gia_lai):
    sessions(committee_of_gia_lai, date(2026, 7, 1), receiver=Receiver.DELEGATE)

    assert held_by(committee_of_gia_lai, 2026, 7) == (1, 0, False)


def test_a_session_at_which_no_citizen_came_counts_as_a_day_held(committee_of_gia_lai):
    leader = staff_with_role(committee_of_gia_lai, Role.LEADER)
    record_session(
        agency=committee_of_gia_lai,
        by=leader,
        on=date(2026, 2, 10),
        receiver=Receiver.HEAD,
        host_name="Phạm Minh Đức",
        host_title="Chủ tịch UBND tỉnh",
    )

    assert (Visit.objects.count(), held_by(committee_of_gia_lai, 2026, 2)) == (0, (1, 1, True))


def test_heads_of_other_agencies_are_not_judged_on_this_page(committee_of_gia_lai):
    council = AgencyFactory(unit=committee_of_gia_lai.unit, kind=Kind.COUNCIL, name="Hội đồng nhân dân tỉnh Gia Lai")
    sessions(council, date(2026, 3, 5))

    rows = frequency_compliance(agencies=Agency.objects.filter(unit=committee_of_gia_lai.unit), year=2026, month=3)

    assert [row.agency for row in rows] == [committee_of_gia_lai]


def test_a_commune_officer_sees_only_the_heads_of_their_commune(
    committee_of_ia_grai, party_of_ia_grai, committee_of_pleiku, committee_of_gia_lai
):
    officer_in_ia_grai = staff_with_role(committee_of_ia_grai, Role.HANDLER)

    rows = frequency_compliance(agencies=visible_agencies(officer_in_ia_grai), year=2026, month=3)

    assert [(row.agency, row.head_title) for row in rows] == [
        (committee_of_ia_grai, "Chủ tịch UBND"),
        (party_of_ia_grai, "Bí thư cấp ủy"),
    ]


def test_those_who_fell_short_come_first_then_the_province_before_its_communes(
    committee_of_gia_lai, committee_of_ia_grai, committee_of_pleiku
):
    sessions(committee_of_gia_lai, date(2026, 3, 5))
    sessions(committee_of_ia_grai, date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16), date(2026, 3, 23))
    sessions(committee_of_ia_grai, date(2026, 3, 30))

    rows = frequency_compliance(agencies=Agency.objects.all(), year=2026, month=3)

    assert [(row.agency, row.met) for row in rows] == [
        (committee_of_pleiku, False),
        (committee_of_gia_lai, True),
        (committee_of_ia_grai, True),
    ]


def test_the_whole_province_costs_the_queries_of_a_single_head(
    committee_of_gia_lai, committee_of_ia_grai, committee_of_pleiku, party_of_ia_grai
):
    for agency in (committee_of_gia_lai, committee_of_ia_grai, committee_of_pleiku, party_of_ia_grai):
        sessions(agency, date(2026, 3, 5), date(2026, 3, 12))

    with CaptureQueriesContext(connection) as of_one_head:
        frequency_compliance(agencies=Agency.objects.filter(pk=committee_of_ia_grai.pk), year=2026, month=3)
    with CaptureQueriesContext(connection) as of_the_province:
        rows = frequency_compliance(agencies=Agency.objects.all(), year=2026, month=3)

    assert (len(rows), len(of_the_province)) == (4, len(of_one_head))


def test_the_tet_week_of_27_01_2025_requires_no_reception_of_a_commune_chairman():
    committee_of_old_ia_kha = AgencyFactory(unit=legacy_unit("23764"))
    sessions(committee_of_old_ia_kha, date(2025, 1, 6), date(2025, 1, 13), date(2025, 1, 20))

    assert held_by(committee_of_old_ia_kha, 2025, 1) == (3, 3, True)


def test_the_tet_week_of_16_02_2026_requires_no_reception_of_a_commune_chairman(committee_of_ia_grai):
    sessions(committee_of_ia_grai, date(2026, 2, 2), date(2026, 2, 9), date(2026, 2, 23))

    assert held_by(committee_of_ia_grai, 2026, 2) == (3, 3, True)


def test_a_session_in_the_tet_week_does_not_make_up_for_a_working_week(committee_of_ia_grai):
    sessions(committee_of_ia_grai, date(2026, 2, 2), date(2026, 2, 9), date(2026, 2, 17))

    assert held_by(committee_of_ia_grai, 2026, 2) == (3, 2, False)


def test_a_week_holding_only_a_make_up_working_day_requires_reception(committee_of_ia_grai):
    DayOverride.objects.create(date=date(2026, 2, 21), kind=DayOverride.Kind.WORKING_DAY)
    sessions(committee_of_ia_grai, date(2026, 2, 2), date(2026, 2, 9), date(2026, 2, 23))

    assert held_by(committee_of_ia_grai, 2026, 2) == (4, 3, False)
