"""The header search (issue 18, point 6): a code with or without its prefix, a name without diacritics or a CCCD finds
the visits, petitions, cases and dialogues in the user's scope, grouped by kind; never a denouncer, never beyond the
scope, never a 500."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from complaints.models import DenouncerIdentity
from danvan.models import Classification, Role
from tests.factories import (
    CaseFactory,
    CitizenFactory,
    DialogueFactory,
    PetitionFactory,
    VisitFactory,
    staff_with_role,
)

pytestmark = pytest.mark.django_db

SEARCH = reverse("search")
CCCD = "064190001234"
NOTHING = {"visits": [], "petitions": [], "cases": [], "dialogues": []}


@pytest.fixture
def binh(db):
    return CitizenFactory(full_name="Trần Thị Bình", cccd=CCCD)


@pytest.fixture
def records(committee_of_ia_grai, binh):
    """Bình's visit, petition and accepted case at Ia Grai (case VV4321: its number alone is a query of 2 characters
    or more), and a dialogue of Ia Grai."""
    visit = VisitFactory(agency=committee_of_ia_grai, citizen=binh, case=None)
    case = CaseFactory(id=4321, agency=committee_of_ia_grai, citizen=binh, accepted=True)
    petition = PetitionFactory(agency=committee_of_ia_grai, citizen=binh, case=case)
    dialogue = DialogueFactory(agency=committee_of_ia_grai)
    return {"visits": visit, "petitions": petition, "cases": case, "dialogues": dialogue}


@pytest.fixture
def officer(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.HANDLER))
    return client


def found_on(response) -> dict[str, list]:
    """Each kind's records on the results page (visits without their identity flag); none when nothing was searched."""
    context = response.context
    return {
        "visits": [visit for visit, _ in context.get("visits", [])],
        "petitions": context.get("petitions", []),
        "cases": context.get("cases", []),
        "dialogues": context.get("dialogues", []),
    }


def found(client, q: str) -> dict[str, list]:
    return found_on(client.get(SEARCH, {"q": q}))


def letters(code: str) -> str:
    return code.split("-")[1]


# By code, with and without its prefix.


@pytest.mark.parametrize(
    "typed", [lambda code: code, lambda code: letters(code).lower(), lambda code: code.replace("-", " ")]
)
def test_a_visit_is_found_by_its_receipt_code_with_or_without_its_prefix(officer, records, typed):
    visit = records["visits"]

    assert found(officer, typed(visit.receipt_code))["visits"] == [visit]


@pytest.mark.parametrize("typed", [lambda code: code, lambda code: letters(code), lambda code: code.lower()])
def test_a_petition_is_found_by_its_receipt_code_with_or_without_its_prefix(officer, records, typed):
    petition = records["petitions"]

    assert found(officer, typed(petition.receipt_code))["petitions"] == [petition]


@pytest.mark.parametrize("typed", ["VV{}", "vv {}", "{}"])
def test_a_case_is_found_by_its_code_with_or_without_its_prefix(officer, records, typed):
    case = records["cases"]

    assert found(officer, typed.format(case.pk))["cases"] == [case]


@pytest.mark.parametrize("typed", [lambda code: code, lambda code: letters(code).lower()])
def test_a_dialogue_is_found_by_its_code_with_or_without_its_prefix(officer, records, typed):
    dialogue = records["dialogues"]

    assert found(officer, typed(dialogue.code))["dialogues"] == [dialogue]


def test_a_code_with_its_prefix_finds_only_its_own_kind(officer, records):
    petition = records["petitions"]

    assert found(officer, petition.receipt_code) == NOTHING | {"petitions": [petition]}


# By name or CCCD.


@pytest.mark.parametrize("q", ["tran thi binh", "Trần Thị Bình", "thi binh", "TRAN B", "binh tran"])
def test_a_name_without_diacritics_finds_the_citizens_visits_petitions_and_cases(officer, records, q):
    assert found(officer, q) == {
        "visits": [records["visits"]],
        "petitions": [records["petitions"]],
        "cases": [records["cases"]],
        "dialogues": [],
    }


def test_a_name_matches_the_beginnings_of_words_only(officer, records):
    assert found(officer, "inh") == NOTHING


def test_a_cccd_finds_the_citizens_visits_petitions_and_cases(officer, records):
    assert found(officer, CCCD) == {
        "visits": [records["visits"]],
        "petitions": [records["petitions"]],
        "cases": [records["cases"]],
        "dialogues": [],
    }


def test_a_dialogue_is_found_by_its_hosts_name_or_a_word_of_its_topic(officer, records):
    dialogue = records["dialogues"]

    assert (found(officer, "pham minh duc")["dialogues"], found(officer, "tai dinh cu")["dialogues"]) == (
        [dialogue],
        [dialogue],
    )


def test_a_dialogue_imported_without_save_is_found_by_its_topic(officer, committee_of_ia_grai):
    dialogue = DialogueFactory.build(agency=committee_of_ia_grai, unit=committee_of_ia_grai.unit)
    dialogue.fold_search_text()
    type(dialogue).objects.bulk_create([dialogue])

    assert [d.code for d in found(officer, "duong lien xa")["dialogues"]] == [dialogue.code]


# Order and size.


def test_the_code_comes_first_then_the_latest_records_of_the_name_at_most_ten(officer, committee_of_ia_grai):
    # "Abcdefgh" is also the letters of a code: the visit of that code comes first, then the citizen's latest.
    namesake = CitizenFactory(full_name="Abcdefgh Văn")
    coded = VisitFactory(
        agency=committee_of_ia_grai, case=None, receipt_code="TD-ABCDEFGH", received_on=date(2025, 1, 2)
    )
    day = date(2026, 3, 1)
    theirs = [
        VisitFactory(agency=committee_of_ia_grai, citizen=namesake, case=None, received_on=day + timedelta(days=n))
        for n in range(12)
    ]

    assert found(officer, "abcdefgh")["visits"] == [coded, *reversed(theirs[-9:])]


def test_a_common_name_finds_the_same_records_latest_first(officer, committee_of_ia_grai, binh, monkeypatch):
    """Beyond NAMED_CITIZENS_LISTED citizens the database reads the records latest first by itself."""
    namesake = CitizenFactory(full_name="Trần Thị Bình Minh")
    older = VisitFactory(agency=committee_of_ia_grai, citizen=binh, case=None, received_on=date(2026, 3, 1))
    newer = VisitFactory(agency=committee_of_ia_grai, citizen=namesake, case=None, received_on=date(2026, 3, 2))
    VisitFactory(agency=committee_of_ia_grai, citizen=namesake, case=None, kind=Classification.DENUNCIATION)
    monkeypatch.setattr("danvan.search.NAMED_CITIZENS_LISTED", 1)

    assert found(officer, "tran thi binh")["visits"] == [newer, older]


# Scope.


def test_nothing_outside_the_users_scope_is_found(officer, committee_of_pleiku, binh, records):
    """Pleiku's records of the same citizen, and the codes of Pleiku's records, stay hidden from Ia Grai."""
    visit = VisitFactory(agency=committee_of_pleiku, citizen=binh, case=None)
    case = CaseFactory(agency=committee_of_pleiku, citizen=binh, accepted=True)
    petition = PetitionFactory(agency=committee_of_pleiku, citizen=binh, case=case)
    dialogue = DialogueFactory(agency=committee_of_pleiku)

    assert [found(officer, q) for q in (visit.receipt_code, petition.receipt_code, f"VV{case.pk}", dialogue.code)] == [
        NOTHING
    ] * 4
    assert found(officer, "tran thi binh") == {
        "visits": [records["visits"]],
        "petitions": [records["petitions"]],
        "cases": [records["cases"]],
        "dialogues": [],
    }


def test_a_province_leader_finds_the_records_of_the_communes_below(client, committee_of_gia_lai, records):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))

    assert found(client, CCCD)["petitions"] == [records["petitions"]]


# Denouncers.


def test_a_denouncers_name_or_cccd_finds_none_of_their_denunciations(officer, committee_of_ia_grai, binh):
    VisitFactory(agency=committee_of_ia_grai, citizen=binh, case=None, kind=Classification.DENUNCIATION)
    CaseFactory(agency=committee_of_ia_grai, citizen=binh, kind=Classification.DENUNCIATION, accepted=True)
    petition = PetitionFactory(agency=committee_of_ia_grai, citizen=None, kind=Classification.DENUNCIATION)
    DenouncerIdentity.objects.create(petition=petition, full_name="Lê Văn Tố", cccd="064190005555")

    assert [found(officer, q) for q in ("tran thi binh", CCCD, "le van to", "064190005555")] == [NOTHING] * 4


def test_a_denunciation_found_by_its_code_hides_its_denouncer(officer, committee_of_ia_grai, binh):
    visit = VisitFactory(agency=committee_of_ia_grai, citizen=binh, case=None, kind=Classification.DENUNCIATION)

    response = officer.get(SEARCH, {"q": visit.receipt_code})

    page = response.content.decode()
    assert ([v for v, _ in response.context["visits"]], "Người tố cáo (bảo mật)" in page, "Trần Thị Bình" in page) == (
        [visit],
        True,
        False,
    )


# Bad input: a hint or nothing found, never a 500.


@pytest.mark.parametrize("q", ["", " ", "a", "Đ"])
def test_an_empty_or_one_character_query_shows_the_hint(officer, records, q):
    response = officer.get(SEARCH, {"q": q})

    assert (response.status_code, response.context["searched"], "ít nhất 2 ký tự" in response.content.decode()) == (
        200,
        False,
        True,
    )


def test_the_page_without_a_query_shows_the_hint(officer):
    response = officer.get(SEARCH)

    assert (response.status_code, response.context["searched"], "ít nhất 2 ký tự" in response.content.decode()) == (
        200,
        False,
        True,
    )


def test_a_query_over_100_characters_is_refused_with_a_message(officer):
    response = officer.get(SEARCH, {"q": "nguyen " * 20})

    assert (response.status_code, response.context["searched"], "dài quá 100 ký tự" in response.content.decode()) == (
        200,
        False,
        True,
    )


@pytest.mark.parametrize(
    "q",
    [
        "%_%",
        "' OR 1=1 --",
        "\\\\",
        "<script>",
        "١٢٣٤٥٦٧٨٩٠١٢",
        "１２３４５６７８９０１２",
        "VV١٢",
        "²³",
        "🙂🙂",
        "a\x00b",
    ],
)
def test_symbols_unicode_digits_or_control_characters_never_fail(officer, records, q):
    response = officer.get(SEARCH, {"q": q})

    assert (response.status_code, found_on(response)) == (200, NOTHING)


def test_the_search_page_needs_a_login(client):
    response = client.get(SEARCH, {"q": "tran"})

    assert (response.status_code, response.url.split("?")[0]) == (302, reverse("login"))


# The header.


def test_every_staff_page_has_the_search_box_in_its_header(officer):
    page = officer.get(reverse("home")).content.decode()

    assert '<form class="header-search" method="get" action="/tim-kiem/" role="search">' in page


def test_the_header_box_keeps_the_query_on_the_results_page(officer, records):
    page = officer.get(SEARCH, {"q": "tran thi"}).content.decode()

    assert 'name="q" maxlength="100" placeholder="Tìm mã, họ tên, CCCD" autocomplete="off" value="tran thi"' in page
