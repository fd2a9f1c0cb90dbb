"""The leader's dashboard: the year so far against the same days a year earlier, the monthly trend, the backlog by age,
overdue cases and opinions, heads below their reception minimum and a row per child unit — within the user's scope."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from complaints.models import Source
from complaints.services.intake import receive_petition
from danvan.citizens import CitizenDetails
from danvan.models import Agency, Classification, Role
from dialogues.models import OpinionStatus
from reports.dashboard import HEADLINES, backlog, headline_figures, monthly_trend, open_cases, year_so_far
from reports.figures import figures_of
from reports.services import enter_opening
from reports.tallies import Received, received
from tests.factories import (
    AgencyFactory,
    CaseFactory,
    DialogueFactory,
    OpinionFactory,
    PetitionFactory,
    SessionFactory,
    VisitFactory,
    current_unit,
    member_of,
    staff_with_role,
)
from tests.reports.urls_on_a_fixed_day import TODAY

# The dashboard's pages are served on TODAY (the year so far runs from 15/12/2025, the same days a year earlier from
# 15/12/2024); the functions below them take it as their argument.
pytestmark = pytest.mark.urls("tests.reports.urls_on_a_fixed_day")

URL = reverse("reports:dashboard")


@pytest.fixture
def leader_of_gia_lai(committee_of_gia_lai):
    return staff_with_role(committee_of_gia_lai, Role.LEADER, full_name="Rah Lan Chung")


def overdue_case(agency, *, due_on, **fields):
    accepted = due_on - timedelta(days=30)
    return CaseFactory(agency=agency, opened_on=accepted, accepted_on=accepted, due_on=due_on, **fields)


def test_the_headlines_compare_the_year_so_far_with_the_same_days_a_year_earlier(
    client, leader_of_gia_lai, committee_of_ia_grai, committee_of_pleiku, committee_of_old_gia_lai
):
    VisitFactory.create_batch(2, agency=committee_of_ia_grai, received_on=date(2026, 1, 10))
    VisitFactory(agency=committee_of_pleiku, received_on=date(2025, 12, 15))
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2025, 3, 20))  # a year earlier, before the reform
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2025, 3, 21))  # after the same days
    client.force_login(leader_of_gia_lai)

    board = client.get(URL).context["board"]

    visits = board.headlines[0]
    assert (visits.label, visits.value, visits.previous, visits.change) == ("Lượt tiếp công dân", "3", "1", "+2")
    assert (board.span.start, board.span.end, board.year) == (date(2025, 12, 15), TODAY, 2026)


def test_a_row_per_commune_opens_its_report_and_the_total_adds_them_up(
    client, leader_of_gia_lai, committee_of_gia_lai, committee_of_ia_grai, committee_of_pleiku
):
    VisitFactory.create_batch(2, agency=committee_of_ia_grai, received_on=date(2026, 1, 10))
    VisitFactory(agency=committee_of_pleiku, received_on=date(2026, 2, 2))
    VisitFactory(agency=committee_of_gia_lai, received_on=date(2026, 2, 3))
    DialogueFactory(agency=committee_of_ia_grai, date=date(2026, 2, 10))
    overdue_case(committee_of_pleiku, due_on=date(2026, 3, 1))
    client.force_login(leader_of_gia_lai)

    response = client.get(URL)

    board = response.context["board"]
    table = [(row.label, row.visits, row.dialogues, row.open_cases, row.overdue_cases) for row in board.rows]
    assert table == [
        ("Phường Pleiku", 1, 0, 1, 1),
        ("Xã Ia Grai", 2, 1, 0, 0),
        ("Ủy ban nhân dân tỉnh Gia Lai", 1, 0, 0, 0),
    ]
    assert (board.total.visits, board.total.dialogues, board.total.overdue_cases) == (4, 1, 1)
    ia_grai = committee_of_ia_grai.unit
    link = f'href="{reverse("reports:report")}?unit={ia_grai.pk}&amp;period=year&amp;year=2026">Xã Ia Grai</a>'
    assert link in response.content.decode()


def test_a_commune_leader_cannot_open_the_provinces_dashboard(client, committee_of_ia_grai, gia_lai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.LEADER))

    assert client.get(URL, {"unit": gia_lai.pk}).status_code == 404
    assert client.get(URL, {"unit": "abc"}).status_code == 404


def test_a_commune_leaders_dashboard_counts_their_commune_only(client, committee_of_ia_grai, committee_of_pleiku):
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 1, 10))
    VisitFactory(agency=committee_of_pleiku, received_on=date(2026, 1, 10))
    client.force_login(staff_with_role(committee_of_ia_grai, Role.LEADER))

    board = client.get(URL).context["board"]

    assert (board.unit, board.headlines[0].value, board.total.visits) == (committee_of_ia_grai.unit, "1", 1)


def test_overdue_cases_are_listed_the_longest_overdue_first(
    client, leader_of_gia_lai, committee_of_ia_grai, committee_of_pleiku
):
    later = overdue_case(committee_of_ia_grai, due_on=date(2026, 3, 10))
    earlier = overdue_case(committee_of_pleiku, due_on=date(2026, 2, 2), kind=Classification.DENUNCIATION)
    overdue_case(committee_of_ia_grai, due_on=date(2026, 3, 1), resolved_on=date(2026, 3, 2), status="closed")
    overdue_case(committee_of_ia_grai, due_on=date(2026, 3, 1), suspended_since=date(2026, 2, 20))
    overdue_case(committee_of_ia_grai, due_on=TODAY)  # due today: not overdue yet
    overdue_case(AgencyFactory(unit=current_unit("01")), due_on=date(2026, 1, 5))  # Hà Nội: outside the scope
    client.force_login(leader_of_gia_lai)

    response = client.get(URL)

    late = response.context["board"].late_cases
    assert ([case for case, _ in late.rows], late.count) == ([earlier, later], 2)
    assert late.rows[0][1].label == "Quá hạn 46 ngày"  # a denunciation's deadline counts calendar days


def test_overdue_opinions_of_the_areas_dialogues_are_listed(client, leader_of_gia_lai, committee_of_ia_grai):
    dialogue = DialogueFactory(agency=committee_of_ia_grai, date=date(2026, 1, 15))
    late = OpinionFactory(
        dialogue=dialogue, status=OpinionStatus.ASSIGNED, assignee=committee_of_ia_grai, due_on=date(2026, 3, 1)
    )
    OpinionFactory(dialogue=dialogue, status=OpinionStatus.ASSIGNED, assignee=committee_of_ia_grai, due_on=TODAY)
    OpinionFactory(dialogue=dialogue)
    client.force_login(leader_of_gia_lai)

    opinions = client.get(URL).context["board"].late_opinions

    assert (opinions.rows, opinions.count) == ([late], 1)


def test_heads_below_their_minimum_in_the_last_month(
    client, leader_of_gia_lai, committee_of_gia_lai, committee_of_ia_grai
):
    SessionFactory(agency=committee_of_gia_lai, date=date(2026, 2, 12))
    # February 2026 has three weeks with a working day (the Tết week of 16/02 requires nothing); that of 23/02 had none.
    for monday in (date(2026, 2, 2), date(2026, 2, 9)):
        SessionFactory(agency=committee_of_ia_grai, date=monday)
    client.force_login(leader_of_gia_lai)

    heads = client.get(URL).context["board"].short_heads

    assert (heads.year, heads.month, heads.count, heads.heads) == (2026, 2, 1, 2)
    assert [(head.agency, head.held, head.required) for head in heads.rows] == [(committee_of_ia_grai, 2, 3)]


def test_the_backlog_counts_open_cases_and_unhandled_petitions_by_age(committee_of_ia_grai, committee_of_pleiku):
    for days in (0, 30, 31, 90, 91, 400):
        overdue_case(committee_of_ia_grai, due_on=TODAY - timedelta(days=days) + timedelta(days=30))
    considered = TODAY - timedelta(days=45)
    CaseFactory(agency=committee_of_ia_grai, kind="recommendation", opened_on=considered, accepted_on=considered)
    overdue_case(committee_of_ia_grai, due_on=TODAY, resolved_on=TODAY, status="closed")
    handler = staff_with_role(committee_of_ia_grai, Role.HANDLER)
    for day in (TODAY, date(2025, 7, 1)):
        receive_petition(
            agency=committee_of_ia_grai,
            by=handler,
            received_on=day,
            source=Source.POST,
            kind=Classification.COMPLAINT,
            content="Khiếu nại việc thu hồi đất",
            details=CitizenDetails(full_name="Nguyễn Văn Khiếu", cccd="064090007777"),
        )
    agencies = list(committee_of_ia_grai.unit.agencies.values_list("pk", flat=True))

    rows = backlog(agencies, open_cases(agencies, today=TODAY), today=TODAY)

    assert [(row.label, row.counts, row.total) for row in rows] == [
        ("Khiếu nại, tố cáo đang giải quyết", [2, 1, 1, 2], 6),
        ("Kiến nghị, phản ánh chưa trả lời", [0, 1, 0, 0], 1),
        ("Đơn chưa xử lý", [1, 0, 0, 1], 2),
    ]


def test_the_trend_counts_each_of_the_last_twelve_months(committee_of_ia_grai):
    for day in (date(2025, 3, 31), date(2025, 4, 1), date(2026, 3, 1), date(2026, 3, 20), date(2026, 3, 21)):
        VisitFactory(agency=committee_of_ia_grai, received_on=day)

    trend = monthly_trend([committee_of_ia_grai.pk], today=TODAY)

    assert (trend["months"][0], trend["months"][-1]) == ("04/2025", "03/2026")
    assert trend["visits"] == [1] + [0] * 10 + [2]
    assert trend["petitions"] == [0] * 12


def test_the_page_carries_the_charts_data_for_its_script(client, leader_of_gia_lai):
    client.force_login(leader_of_gia_lai)

    html = client.get(URL).content.decode()

    assert '<script id="trend-data" type="application/json">' in html
    assert '<canvas id="chart-visits"' in html


def dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_units(client, leader_of_gia_lai, committee_of_ia_grai):
    def activity(agency):
        VisitFactory(agency=agency, received_on=date(2026, 1, 10))
        DialogueFactory(agency=agency, date=date(2026, 2, 10))
        overdue_case(agency, due_on=date(2026, 3, 1))

    activity(committee_of_ia_grai)
    client.force_login(leader_of_gia_lai)
    few = dashboard_queries(client)

    for code in ("23575", "23584", "23590", "23602", "23611"):
        activity(AgencyFactory(unit=current_unit(code)))
    many = dashboard_queries(client)

    assert many == few
    assert few <= 50


def test_the_headlines_are_the_reports_figures_of_the_same_days(
    committee_of_ia_grai, committee_of_pleiku, committee_of_old_gia_lai
):
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2025, 12, 15), people=6)
    VisitFactory(agency=committee_of_pleiku, received_on=date(2026, 2, 1))
    VisitFactory(agency=committee_of_old_gia_lai, received_on=date(2025, 3, 20))
    handler = staff_with_role(committee_of_ia_grai, Role.HANDLER)
    for day, kind in ((date(2026, 1, 31), Classification.COMPLAINT), (TODAY, Classification.DENUNCIATION)):
        receive_petition(
            agency=committee_of_ia_grai, by=handler, received_on=day, source=Source.POST, kind=kind,
            content="Khiếu nại việc thu hồi đất", anonymous=kind == Classification.DENUNCIATION,
            details=None if kind == Classification.DENUNCIATION else CitizenDetails(full_name="Nguyễn Văn Khiếu"),
        )  # fmt: skip
    overdue_case(committee_of_pleiku, due_on=date(2026, 3, 1), kind=Classification.COMPLAINT)
    for agency, accepted, resolved in (
        (committee_of_old_gia_lai, date(2024, 11, 2), date(2025, 1, 9)),  # resolved a year earlier
        (committee_of_old_gia_lai, date(2025, 3, 10), date(2025, 12, 20)),  # to resolve in both, resolved in this one
        (committee_of_pleiku, date(2026, 1, 5), date(2026, 3, 19)),
    ):
        overdue_case(agency, due_on=accepted + timedelta(days=30), resolved_on=resolved)
    DialogueFactory(agency=committee_of_ia_grai, date=date(2026, 2, 10))
    for start, end, value in ((date(2025, 12, 15), date(2026, 1, 14), 40), (date(2024, 12, 15), date(2025, 1, 14), 9)):
        enter_opening(
            agency=committee_of_pleiku,
            start=start,
            end=end,
            code="reception.visits",
            value=value,
            by=member_of(committee_of_pleiku, Role.REPORTER),
        )
    agencies = Agency.objects.filter(
        pk__in=[committee_of_ia_grai.pk, committee_of_pleiku.pk, committee_of_old_gia_lai.pk]
    )
    ids = list(agencies.values_list("pk", flat=True))

    spans = [year_so_far(TODAY), year_so_far(TODAY).previous()]
    reports = [figures_of(agencies, span) for span in spans]
    got = [received(ids, span.start, span.end).get(None, Received()) for span in spans]
    still_open = sum(counted.total for counted in open_cases(ids, today=TODAY).values())

    assert [report["resolution_rate"] for report in reports] == [66.7, 50.0]
    assert [report["reception.visits"] for report in reports] == [42, 10]
    assert headline_figures(ids, spans, got, still_open=still_open) == [
        {key: report[key] for _, keys in HEADLINES for key in keys} for report in reports
    ]


def test_the_dashboard_counts_the_records_past_the_other_clocks_in_the_area(
    client, leader_of_gia_lai, committee_of_ia_grai, committee_of_pleiku
):
    # TODAY is 20/03/2026: a deadline on 19/03 is past, one on 20/03 is not yet.
    VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 5), answer_due_on=date(2026, 3, 19))
    VisitFactory(agency=committee_of_pleiku, received_on=date(2026, 3, 6), answer_due_on=date(2026, 3, 20))
    VisitFactory(agency=committee_of_pleiku, answer_due_on=date(2026, 3, 2), answered_on=date(2026, 3, 2))
    PetitionFactory(agency=committee_of_ia_grai, kind=Classification.DENUNCIATION, citizen=None,
                    forward_due_on=date(2026, 3, 9))  # fmt: skip
    client.force_login(leader_of_gia_lai)

    late = client.get(URL).context["board"].late_records

    assert (late.forwards, late.notices, late.answers) == (1, 0, 1)
