from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from complaints.models import DenouncerIdentity, Handling, Outcome, Petition
from complaints.services.handling import confirm_duplicate, handle_petition
from complaints.services.resolution import complete_hotspot_plan, decide_case, is_on_time, mark_hotspot
from danvan.models import Case, Citizen, Classification, Event, Role
from tests.factories import staff_with_role, verified

pytestmark = pytest.mark.django_db


def test_a_received_petition_gets_a_receipt_code_its_handling_deadline_and_a_first_step(receive):
    petition = receive(on=date(2026, 3, 2))

    assert petition.receipt_code.startswith("DT-")
    assert (petition.handling_due_on, petition.citizen.full_name) == (date(2026, 3, 16), "Nguyễn Văn Khiếu")
    assert list(Event.objects.values_list("kind", "label")) == [("received", "Tiếp nhận đơn")]


def test_a_denouncer_goes_into_the_vault_and_never_onto_the_petition(receive):
    petition = receive(kind=Classification.DENUNCIATION)

    assert petition.citizen is None
    assert DenouncerIdentity.objects.get(petition=petition).full_name == "Nguyễn Văn Khiếu"
    assert not Citizen.objects.filter(full_name="Nguyễn Văn Khiếu").exists()


def test_a_petition_received_in_the_future_is_refused_and_nothing_saved(receive):
    with pytest.raises(ValidationError) as refused:
        receive(on=date(2099, 1, 1))

    assert refused.value.message_dict == {"received_on": ["Ngày nhận đơn không được sau hôm nay."]}
    assert Petition.objects.count() == 0


def test_handling_before_receipt_is_refused_and_nothing_saved(receive, handler_of_ia_grai):
    petition = receive(on=date(2026, 3, 2))

    with pytest.raises(ValidationError) as refused:
        handle_petition(
            petition=petition, by=handler_of_ia_grai, on=date(2026, 3, 1), processable=True, in_competence=True,
            handling=Handling.ACCEPT,
        )  # fmt: skip

    petition.refresh_from_db()
    assert refused.value.message_dict == {"on": ["Ngày xử lý không được trước ngày nhận đơn."]}
    assert (petition.handling, Case.objects.count()) == ("", 0)


def test_a_handling_that_does_not_fit_the_classification_is_refused(receive, handler_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        handle_petition(
            petition=receive(), by=handler_of_ia_grai, on=date(2026, 3, 3), processable=True, in_competence=False,
            handling=Handling.ACCEPT,
        )  # fmt: skip

    assert refused.value.message_dict == {"handling": ["Hướng xử lý không phù hợp với kết quả phân loại đơn."]}


def test_a_forward_names_its_recipient_and_letter_and_awaits_a_reply(receive, handler_of_ia_grai, committee_of_pleiku):
    petition = handle_petition(
        petition=receive(on=date(2026, 3, 2)), by=handler_of_ia_grai, on=date(2026, 3, 3), processable=True,
        in_competence=False, handling=Handling.FORWARD, forwarded_to=committee_of_pleiku, letter_number="05/PC",
        letter_date=date(2026, 3, 3),
    )  # fmt: skip

    assert (petition.forwarded_to, petition.reply_due_on) == (committee_of_pleiku, date(2026, 3, 17))


def test_a_resolution_dated_before_acceptance_is_refused(receive, accept, handler_of_ia_grai):
    case = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5))

    with pytest.raises(ValidationError) as refused:
        decide_case(
            case=verified(case),
            by=handler_of_ia_grai,
            issued_on=date(2026, 3, 4),
            number="1/QĐ",
            outcome=Outcome.FOUNDED,
        )

    assert refused.value.message_dict == {"issued_on": ["Ngày giải quyết không được trước ngày thụ lý."]}


def test_a_second_round_cannot_be_decided_founded(receive, accept, handler_of_ia_grai):
    case = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5), round=Case.Round.SECOND)

    with pytest.raises(ValidationError) as refused:
        decide_case(
            case=verified(case),
            by=handler_of_ia_grai,
            issued_on=date(2026, 4, 1),
            number="1/QĐ",
            outcome=Outcome.FOUNDED,
        )

    assert refused.value.message_dict == {"outcome": ["Kết quả không phù hợp với loại vụ việc và lần giải quyết."]}


def test_a_decision_closes_the_case_and_on_time_is_derived(receive, accept, handler_of_ia_grai):
    case = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 2))

    decision = decide_case(
        case=verified(case),
        by=handler_of_ia_grai,
        issued_on=date(2026, 4, 2),
        number="7/QĐ-UBND",
        outcome=Outcome.PARTLY_FOUNDED,
    )

    case.refresh_from_db()
    assert (case.status, case.resolved_on, is_on_time(case)) == (Case.Status.CLOSED, date(2026, 4, 2), False)
    assert decision.enforcement.completed_on is None


def test_a_confirmed_duplicate_joins_the_case_of_the_earlier_petition(receive, accept, handler_of_ia_grai):
    first = receive(on=date(2026, 3, 2))
    case = accept(first, date(2026, 3, 3))
    again = receive(on=date(2026, 3, 10))

    confirm_duplicate(petition=again, of=first, by=handler_of_ia_grai)

    assert (again.duplicate_of, again.case) == (first, case)


def test_a_visit_whose_result_is_petition_received_becomes_a_petition(client, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))
    today = timezone.localdate().strftime("%d/%m/%Y")

    client.post(
        reverse("reception:desk"),
        {
            "agency": committee_of_ia_grai.pk, "full_name": "Trần Thị Đơn", "received_on": today, "mode": "regular",
            "receiver": "officer", "channel": "in_person", "people": "1", "content": "Khiếu nại việc cấp sổ đỏ",
            "kind": "complaint", "result": "petition_received",
        },
    )  # fmt: skip

    petition = Petition.objects.get()
    assert (petition.source, petition.citizen.full_name, petition.case) == (
        "reception",
        "Trần Thị Đơn",
        Case.objects.get(),
    )


def test_a_hotspot_needs_a_handling_plan(receive, accept, handler_of_ia_grai):
    case = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 3))

    with pytest.raises(ValidationError) as refused:
        mark_hotspot(case=case, by=handler_of_ia_grai, plan=" ")

    assert refused.value.message_dict == {"plan": ["Vụ việc đông người, phức tạp, kéo dài phải có phương án xử lý."]}


def test_a_hotspot_plan_is_completed_on_a_date(receive, accept, handler_of_ia_grai):
    case = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 3))
    mark_hotspot(case=case, by=handler_of_ia_grai, plan="Tổ chức đối thoại với các hộ dân, rà soát hồ sơ đất")

    complete_hotspot_plan(case=case, by=handler_of_ia_grai, on=date(2026, 4, 10))

    case.refresh_from_db()
    assert (case.hotspot, case.hotspot_plan_done_on) == (True, date(2026, 4, 10))


def test_an_accepted_petition_cannot_be_marked_a_duplicate_of_another_case(receive, accept, handler_of_ia_grai):
    first = receive(on=date(2026, 3, 2))
    accepted = receive(on=date(2026, 3, 10))
    accept(accepted, date(2026, 3, 11))

    with pytest.raises(ValidationError) as refused:
        confirm_duplicate(petition=accepted, of=first, by=handler_of_ia_grai)

    assert refused.value.message_dict == {
        "duplicate_of": ["Đơn đã được thụ lý thành vụ việc riêng; không đánh dấu trùng."]
    }
