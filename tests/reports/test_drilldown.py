"""Every figure opens its records: the drill-down of a key lists exactly the records its figure counts (or sums)."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.urls import reverse

from complaints.models import Handling, Outcome, Source, UnprocessableReason
from complaints.services.handling import confirm_duplicate, handle_petition
from complaints.services.intake import receive_petition
from complaints.services.resolution import complete_enforcement, complete_hotspot_plan, decide_case, mark_hotspot
from danvan.citizens import CitizenDetails
from danvan.models import AdminUnit, Agency, Case, Classification, Role
from danvan.sheets.vocabulary import HIDDEN_DENOUNCER
from reception.models import Mode, Receiver
from reports.drilldown import RATE_DENOMINATORS, drill
from reports.figures import KEYS, agencies_of, figures_of
from reports.periods import window
from tests.factories import (
    AgencyFactory,
    CaseFactory,
    DialogueFactory,
    SessionFactory,
    VisitFactory,
    current_unit,
    staff_with_role,
    verified,
)
from tests.shared_data import built_once

pytestmark = pytest.mark.django_db

# Quý II 2026: 15/03/2026 → 14/06/2026.
SPAN = window("q2", year=2026)
START, END = SPAN.start, SPAN.end
BEFORE, AFTER = START - timedelta(days=1), END + timedelta(days=1)
IN = date(2026, 4, 1)
COMPLAINT, DENUNCIATION, RECOMMENDATION = Classification.values
PLAN = "Tổ chức đối thoại với các hộ dân, rà soát hồ sơ đất"


@dataclass(frozen=True)
class Scenario:
    commune: Agency
    province: AdminUnit


@pytest.fixture(scope="module")
def scenario(django_db_setup, django_db_blocker):
    """The records every test of this module reads, built once: the drill-down of each of the many keys reads them."""
    yield from built_once(django_db_blocker, _scenario)


@pytest.fixture
def records(scenario):
    """The agencies of Gia Lai, whose records hit every key's condition."""
    return agencies_of(scenario.province)


@pytest.fixture
def committee_of_ia_grai(scenario):
    return scenario.commune


def _scenario() -> Scenario:
    """Records of every kind in and around the window, hitting every key's condition, with one agency outside."""
    gia_lai = current_unit("52")
    commune = AgencyFactory(unit=current_unit("23764"))
    AgencyFactory(unit=current_unit("23575"))  # Pleiku: an agency of the province without records
    party = AgencyFactory(unit=commune.unit, kind=Agency.Kind.PARTY, name="Đảng ủy xã Ia Grai")
    council = AgencyFactory(unit=commune.unit, kind=Agency.Kind.COUNCIL, name="HĐND xã Ia Grai")
    province = AgencyFactory(unit=gia_lai)
    elsewhere = AgencyFactory(unit=current_unit("01"))
    handler = staff_with_role(commune, Role.HANDLER, full_name="Đặng Văn Tâm")
    _reception(commune, party, council, elsewhere)
    _petitions_and_cases(commune, handler)
    for agency, kind in ((commune, "dialogue"), (province, "dialogue"), (commune, "voter_meeting")):
        DialogueFactory(agency=agency, kind=kind, date=IN, participants=40, opinions_raised=5, opinions_answered=3)
    DialogueFactory(agency=commune, date=AFTER)
    DialogueFactory(agency=elsewhere, date=IN)
    return Scenario(commune=commune, province=gia_lai)


def _reception(commune, party, council, elsewhere):
    earlier = CaseFactory(agency=commune, opened_on=date(2026, 1, 5))
    VisitFactory(agency=commune, received_on=date(2026, 1, 5), case=earlier)
    VisitFactory(agency=commune, received_on=IN, case=earlier)
    VisitFactory(agency=commune, received_on=IN, case=None, people=6, kind=DENUNCIATION)
    session = SessionFactory(agency=commune, date=IN)
    head = {"mode": Mode.PERIODIC, "receiver": Receiver.HEAD, "session": session}
    twice = CaseFactory(agency=commune)
    VisitFactory(agency=commune, received_on=IN, case=twice, people=2, **head)
    VisitFactory(agency=commune, received_on=date(2026, 4, 2), case=twice, **head)
    delegated = SessionFactory(agency=party, date=IN, receiver=Receiver.DELEGATE, host_name="Lê Văn Bình")
    VisitFactory(agency=party, received_on=IN, mode=Mode.AD_HOC, receiver=Receiver.DELEGATE, session=delegated)
    VisitFactory(agency=party, received_on=IN, mode=Mode.PERIODIC, receiver=Receiver.HEAD, people=3)
    SessionFactory(agency=council, date=IN)
    VisitFactory(agency=council, received_on=IN, mode=Mode.PERIODIC, receiver=Receiver.HEAD)
    SessionFactory(agency=commune, date=AFTER)
    VisitFactory(agency=commune, received_on=AFTER)
    VisitFactory(agency=elsewhere, received_on=IN)


def _petitions_and_cases(commune, handler):
    def receive(kind=COMPLAINT, on=IN):
        details = CitizenDetails(full_name="Nguyễn Văn Khiếu", cccd="064090007777", address="Thôn 4, xã Ia Grai")
        return receive_petition(
            agency=commune, by=handler, received_on=on, source=Source.POST, kind=kind,
            content="Khiếu nại quyết định thu hồi đất", details=details,
        )  # fmt: skip

    def handle(petition, handling, on=IN, **fields):
        handle_petition(petition=petition, by=handler, on=on, handling=handling, **fields)
        petition.refresh_from_db()
        return petition

    def case_of(kind=COMPLAINT, accepted=date(2026, 3, 20), **statutory) -> Case:
        petition = receive(kind, on=accepted)
        return handle(petition, Handling.ACCEPT, accepted, processable=True, in_competence=True, **statutory).case

    def decide(case, on=IN, outcome=Outcome.FOUNDED, **amounts):
        return decide_case(case=verified(case), by=handler, issued_on=on, number="15/QĐ", outcome=outcome, **amounts)

    def carry_out(decision, on, money=Decimal(0), land=Decimal(0)):
        complete_enforcement(
            enforcement=decision.enforcement, by=handler, on=on, money_recovered=money, land_recovered=land
        )

    # Petitions: carried over, handled in every way, left unhandled, of every kind, a duplicate.
    receive(on=date(2026, 3, 1))
    handle(receive(on=date(2026, 3, 1)), Handling.GUIDE, BEFORE, processable=True, in_competence=False)
    handle(receive(RECOMMENDATION), Handling.GUIDE, processable=True, in_competence=False)
    handle(receive(RECOMMENDATION), Handling.ANSWER, processable=True, in_competence=True)
    handle(receive(), Handling.URGE, processable=True, in_competence=False)
    handle(receive(DENUNCIATION), Handling.FORWARD, processable=True, in_competence=False,
           forwarded_to_name="Tòa án nhân dân khu vực 5", letter_number="12/PC", letter_date=IN)  # fmt: skip
    handle(receive(), Handling.FILE, processable=False, in_competence=None, reason=UnprocessableReason.DUPLICATE)
    handle(receive(RECOMMENDATION), Handling.GUIDE, AFTER, processable=True, in_competence=False)
    receive(on=AFTER)
    first = receive(on=date(2026, 3, 20))
    handle(first, Handling.ACCEPT, date(2026, 3, 20), processable=True, in_competence=True)
    confirm_duplicate(petition=receive(on=date(2026, 3, 25)), of=first, by=handler)

    # Cases: every outcome, both rounds, on time and late, amounts, enforcement, hotspots.
    for outcome in (Outcome.FOUNDED, Outcome.UNFOUNDED, Outcome.PARTLY_FOUNDED, Outcome.WITHDRAWN, Outcome.TERMINATED):
        decide(case_of(), outcome=outcome)
    for outcome in (Outcome.UPHELD_FIRST, Outcome.OVERTURNED_FIRST):
        decide(case_of(round=Case.Round.SECOND), outcome=outcome)
    for outcome in (Outcome.FOUNDED, Outcome.UNFOUNDED, Outcome.PARTLY_FOUNDED, Outcome.WITHDRAWN, Outcome.TERMINATED):
        decide(case_of(DENUNCIATION), outcome=outcome)
    for kind in (COMPLAINT, DENUNCIATION):
        late = case_of(kind)
        decide(late, late.due_on + timedelta(days=1))
    case_of()
    case_of(DENUNCIATION)
    decision = decide(
        case_of(), money_due=Decimal("120.5"), land_due=Decimal("350.5"), returned_money=Decimal("30.25"),
        returned_land=Decimal("80"), returned_organisations=1, returned_individuals=3, sanctioned_people=2,
        sanctioned_officials=1, referred_cases=1, referred_people=2,
    )  # fmt: skip
    carry_out(decision, date(2026, 5, 4), money=Decimal("100.125"), land=Decimal("350.5"))
    carry_out(decide(case_of(DENUNCIATION), money_due=Decimal("9.5")), AFTER, money=Decimal("9.5"))
    carry_out(decide(case_of(accepted=date(2026, 3, 2)), date(2026, 3, 10)), BEFORE)
    decide(case_of(accepted=date(2026, 3, 2)), BEFORE, money_due=Decimal("1000"), sanctioned_people=9)
    for done_on in (None, BEFORE, START, AFTER):
        case = mark_hotspot(case=case_of(accepted=date(2026, 3, 2)), by=handler, plan=PLAN)
        if done_on:
            complete_hotspot_plan(case=case, by=handler, on=done_on)


@pytest.mark.parametrize("key", KEYS)
def test_a_figures_drill_down_lists_exactly_the_records_it_counts(records, key):
    figure = figures_of(records, SPAN)[key]
    listed = drill(key, records, SPAN)

    if listed.amount:
        assert float(listed.records.aggregate(total=Sum("amount"))["total"] or 0) == pytest.approx(figure)
    elif key in RATE_DENOMINATORS:
        assert listed.records.count() == sum(figures_of(records, SPAN)[part] for part in RATE_DENOMINATORS[key])
    else:
        assert listed.records.count() == figure
    # No district has existed since 01/07/2025: a 2026 window has no district dialogue to list.
    assert figure or key == "dialogues.district", f"the records do not reach {key}'s condition"


def test_the_drill_down_of_a_whole_number_lists_no_record_twice(records):
    for key in KEYS:
        rows = drill(key, records, SPAN).records
        assert rows.count() == rows.values("pk").distinct().count(), key


@pytest.fixture
def leader_of_ia_grai(client, committee_of_ia_grai):
    leader = staff_with_role(committee_of_ia_grai, Role.LEADER)
    client.force_login(leader)
    return leader


def page(client, key, unit, **query):
    return client.get(reverse("reports:drilldown"), {"key": key, "unit": unit, "period": "q2", "year": 2026} | query)


def test_the_page_lists_the_records_in_scope_and_hides_a_denouncers_name(client, leader_of_ia_grai, records):
    response = page(client, "reception.visits", "23764")

    lines = response.context["lines"]
    assert response.status_code == 200
    assert len(lines) == figures_of(agencies_of(response.context["place"]), SPAN)["reception.visits"]
    assert {line.agency for line in lines} >= {"Đảng ủy xã Ia Grai", "HĐND xã Ia Grai"}
    assert [line.person for line in lines].count(HIDDEN_DENOUNCER) == 1
    assert f"Lượt tiếp công dân: {len(lines)}</h1>" in response.content.decode()


def test_a_denouncers_name_is_hidden_on_petitions_and_cases(client, leader_of_ia_grai, records):
    petitions = page(client, "petitions.denunciations", "23764").context["lines"]
    cases = page(client, "denunciations.cases", "23764").context["lines"]

    assert petitions and {line.person for line in petitions} == {HIDDEN_DENOUNCER}
    assert cases and {line.person for line in cases} == {HIDDEN_DENOUNCER}
    assert "Nguyễn Văn Khiếu" not in page(client, "denunciations.cases", "23764").content.decode()


def test_a_unit_outside_the_scope_is_not_found(client, leader_of_ia_grai, records):
    assert page(client, "reception.visits", "23575").status_code == 404
    assert page(client, "reception.visits", "01").status_code == 404


def test_an_unknown_key_is_not_found(client, leader_of_ia_grai):
    assert page(client, "reception.nothing", "23764").status_code == 404


def test_the_report_page_links_each_figure_to_its_records(client, leader_of_ia_grai, committee_of_ia_grai):
    response = client.get(
        reverse("reports:report"), {"unit": committee_of_ia_grai.unit.pk, "period": "q2", "year": 2026}
    )

    html = response.content.decode()
    assert html.count(f"{reverse('reports:drilldown')}?") == len(KEYS)


def test_the_dashboards_tiles_of_one_figure_open_its_records(client, leader_of_ia_grai):
    response = client.get(reverse("reports:dashboard"))

    links = [link for _, link in response.context["tiles"] if link]
    assert len(links) == 6
    opened = client.get(links[0])
    assert (opened.status_code, opened.context["drill"].key) == (200, "reception.visits")
