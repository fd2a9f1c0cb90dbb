"""A denunciation's initial handling checked in several places and its forwarding outside competence (Luật Tố cáo 2018,
Điều 24): the stored deadlines, the calculator's, and the overdue filter at Tết 2026 and the January 2026 swap."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from complaints.clock import due
from complaints.models import Handling
from complaints.selectors import forward_clock, overdue_forwards
from complaints.services.handling import handle_petition
from danvan.models import Classification

pytestmark = pytest.mark.django_db


@pytest.fixture
def denunciation(receive):
    return lambda on: receive(kind=Classification.DENUNCIATION, on=on)


def _handle(petition, by, *, on, in_competence=True, handling=Handling.CONSIDER, **more):
    return handle_petition(
        petition=petition, by=by, on=on, processable=True, in_competence=in_competence, handling=handling, **more
    )


def _forward(petition, by, *, on, letter_date):
    return _handle(
        petition, by, on=on, in_competence=False, handling=Handling.FORWARD,
        forwarded_to_name="Thanh tra tỉnh Gia Lai", letter_number="07/PC", letter_date=letter_date,
    )  # fmt: skip


def test_checking_in_several_places_moves_the_initial_handling_deadline_to_ten_working_days(
    denunciation, handler_of_ia_grai
):
    # Friday 09/01/2026; Saturday 10/01/2026 is worked in exchange for Friday 02/01/2026.
    petition = denunciation(date(2026, 1, 9))
    assert petition.handling_due_on == date(2026, 1, 19)

    _handle(petition, handler_of_ia_grai, on=date(2026, 1, 21), several_places=True)

    petition.refresh_from_db()
    assert (petition.several_places, petition.handling_due_on) == (True, date(2026, 1, 22))


def test_a_complaint_keeps_its_handling_deadline_whatever_the_checks_in_several_places(receive, handler_of_ia_grai):
    petition = receive(kind=Classification.COMPLAINT, on=date(2026, 7, 1))  # 7 working days from 01/07/2026

    _handle(petition, handler_of_ia_grai, on=date(2026, 7, 2), several_places=True)

    petition.refresh_from_db()
    assert (petition.several_places, petition.handling_due_on) == (False, date(2026, 7, 10))


def test_a_denunciation_outside_competence_is_to_be_forwarded_five_working_days_after_receipt_across_tet(
    denunciation, handler_of_ia_grai
):
    # Thursday 12/02/2026: Friday 13/02 counts, Tết (14/02–22/02) does not; Monday 23/02 to Thursday 26/02 do.
    petition = _forward(denunciation(date(2026, 2, 12)), handler_of_ia_grai, on=date(2026, 2, 13),
                        letter_date=date(2026, 2, 13))  # fmt: skip

    assert petition.forward_due_on == date(2026, 2, 26)


def test_a_denunciation_within_competence_has_no_forwarding_deadline(denunciation, handler_of_ia_grai):
    petition = _handle(denunciation(date(2026, 2, 12)), handler_of_ia_grai, on=date(2026, 2, 13))

    assert petition.forward_due_on is None


def test_a_forwarded_denunciation_has_no_running_forwarding_clock(denunciation, handler_of_ia_grai):
    petition = _forward(denunciation(date(2026, 2, 12)), handler_of_ia_grai, on=date(2026, 2, 13),
                        letter_date=date(2026, 2, 13))  # fmt: skip

    assert forward_clock(petition) is None


def test_a_denunciation_outside_competence_only_guided_is_overdue_the_day_after_its_forwarding_deadline(
    denunciation, handler_of_ia_grai
):
    # Wednesday 31/12/2025: 01/01 and the swapped Friday 02/01/2026 are off; due Friday 09/01/2026.
    petition = _handle(
        denunciation(date(2025, 12, 31)), handler_of_ia_grai, on=date(2026, 1, 5), in_competence=False,
        handling=Handling.GUIDE,
    )  # fmt: skip
    petitions = type(petition).objects.filter(pk=petition.pk)

    on_the_day = list(overdue_forwards(petitions, today=date(2026, 1, 9)))
    the_day_after = list(overdue_forwards(petitions, today=date(2026, 1, 10)))

    assert (petition.forward_due_on, on_the_day, the_day_after) == (date(2026, 1, 9), [], [petition])


@pytest.mark.parametrize(
    ("received_on", "several_places"),
    [(date(2026, 1, 9), True), (date(2026, 2, 12), True), (date(2026, 2, 12), False), (date(2025, 12, 31), False)],
)
def test_the_calculator_gives_the_initial_handling_deadline_the_denunciation_stores(
    client, denunciation, handler_of_ia_grai, received_on, several_places
):
    petition = _handle(denunciation(received_on), handler_of_ia_grai, on=received_on, several_places=several_places)
    client.force_login(handler_of_ia_grai)
    start = f"{received_on:%d/%m/%Y}"
    flags = {"several_places": "on"} if several_places else {}

    page = client.get(reverse("complaints:clock"), {"kind": "denunciation-acceptance", "start": start} | flags)
    out = StringIO()
    call_command("clock", "denunciation-acceptance", "--from", start, "--format", "json",
                 *(["--several-places"] if several_places else []), stdout=out)  # fmt: skip

    assert (page.context["answer"].due, json.loads(out.getvalue())["due"]) == (
        petition.handling_due_on,
        f"{petition.handling_due_on:%d/%m/%Y}",
    )


@pytest.mark.parametrize("received_on", [date(2026, 2, 12), date(2025, 12, 31), date(2026, 1, 5)])
def test_the_calculator_gives_the_forwarding_deadline_the_denunciation_stores(
    denunciation, handler_of_ia_grai, received_on
):
    petition = _forward(denunciation(received_on), handler_of_ia_grai, on=received_on, letter_date=received_on)

    assert due("denunciation-forward", received_on).due == petition.forward_due_on


def test_the_forwarding_rule_cites_the_law_on_denunciations():
    answer = due("denunciation-forward", date(2026, 1, 5))

    # Monday 05/01/2026: the fifth working day is the Saturday 10/01/2026 worked in exchange for 02/01.
    assert (answer.due, answer.source) == (date(2026, 1, 10), "Luật Tố cáo 2018, Điều 24 khoản 2")


def test_the_handling_form_asks_about_checks_in_several_places_for_a_denunciation_only(
    client, receive, handler_of_ia_grai
):
    client.force_login(handler_of_ia_grai)
    forms = {
        kind: client.get(receive(kind=kind).get_absolute_url()).context["handling_form"]
        for kind in (Classification.DENUNCIATION, Classification.COMPLAINT)
    }

    assert {kind: "several_places" in form.fields for kind, form in forms.items()} == {
        Classification.DENUNCIATION: True,
        Classification.COMPLAINT: False,
    }


def test_the_petition_page_shows_the_forwarding_clock_of_a_denunciation_only_guided(
    client, denunciation, handler_of_ia_grai
):
    petition = _handle(denunciation(date(2026, 2, 12)), handler_of_ia_grai, on=date(2026, 2, 13), in_competence=False,
                       handling=Handling.GUIDE)  # fmt: skip
    client.force_login(handler_of_ia_grai)

    shown = client.get(petition.get_absolute_url()).context["forward_clock"]

    assert (shown.due_on, shown.state) == (date(2026, 2, 26), "overdue")
