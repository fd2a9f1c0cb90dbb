"""Reads of the complaints app: scope, deadlines seen from today, and the duplicates a new petition may repeat."""

from datetime import date, timedelta

import pytest

from complaints.models import Handling, Petition
from complaints.selectors import (
    Clock,
    accepted_cases_for,
    cases_due_soon,
    clock,
    duplicate_candidates,
    extensions_left,
    forwards_without_reply,
    overdue_cases,
    overdue_petitions,
    petitions_due_soon,
    petitions_for,
)
from complaints.services.handling import handle_petition
from complaints.services.resolution import extend_case, suspend_case
from danvan.citizens import CitizenDetails
from danvan.likeness import content_overlap, same_person
from danvan.models import Case, Citizen, Classification, Role
from danvan.workdays import add_working_days
from tests.factories import staff_with_role

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 7)  # a Monday


def forward(petition, by, to, on=date(2026, 3, 3)):
    return handle_petition(
        petition=petition, by=by, on=on, processable=True, in_competence=False, handling=Handling.FORWARD,
        forwarded_to=to, letter_number="05/PC", letter_date=on,
    )  # fmt: skip


def due_on(petition, day):
    Petition.objects.filter(pk=petition.pk).update(handling_due_on=day)


# Words in common.


def test_the_same_words_in_another_order_and_without_diacritics_are_wholly_alike():
    assert content_overlap("Khiếu nại quyết định thu hồi đất", "thu hoi dat: khieu nai quyet dinh") == 1.0


def test_contents_with_no_word_in_common_are_not_alike():
    assert content_overlap("Khiếu nại thu hồi đất", "Đề nghị cấp giấy phép xây dựng") == 0.0


def test_alikeness_is_the_share_of_all_distinct_words_in_common():
    assert content_overlap("đất ruộng bị lấn", "đất ruộng bị chiếm") == 3 / 5


def test_an_empty_content_is_like_nothing():
    assert content_overlap("", "Khiếu nại thu hồi đất") == 0.0


# The same person.


def test_two_records_with_the_same_name_and_address_and_no_cccd_are_one_person():
    a = Citizen(pk=1, full_name="Nguyễn Văn Khiếu", address="Thôn 4, xã Ia Grai")
    b = Citizen(pk=2, full_name="nguyen van khieu", address="thon 4, xa ia grai")

    assert same_person(a, b) is True


def test_the_same_name_and_address_with_different_cccd_are_two_people():
    a = Citizen(pk=1, full_name="Nguyễn Văn Khiếu", address="Thôn 4", cccd="064090007777")
    b = Citizen(pk=2, full_name="Nguyễn Văn Khiếu", address="Thôn 4", cccd="064090008888")

    assert same_person(a, b) is False


def test_the_same_name_without_any_address_is_not_enough_to_be_one_person():
    assert (
        same_person(Citizen(pk=1, full_name="Nguyễn Văn Khiếu"), Citizen(pk=2, full_name="Nguyễn Văn Khiếu")) is False
    )


# Duplicate suggestions.


def test_an_earlier_petition_of_the_same_citizen_with_a_like_content_is_suggested(receive, handler_of_ia_grai):
    first = receive(on=date(2026, 3, 2))
    again = receive(on=date(2026, 3, 20), content="Khiếu nại lần nữa quyết định thu hồi đất của UBND xã")

    assert duplicate_candidates(again, handler_of_ia_grai) == [first]


def test_a_citizen_without_cccd_is_recognised_by_name_and_address(receive, handler_of_ia_grai):
    details = CitizenDetails(full_name="Lê Thị Đơn", address="Thôn 2, xã Ia Grai")
    first = receive(on=date(2026, 3, 2), details=details)
    again = receive(on=date(2026, 3, 20), details=CitizenDetails(full_name="Le Thi Don", address="thôn 2, xã Ia Grai"))

    assert (first.citizen == again.citizen, duplicate_candidates(again, handler_of_ia_grai)) == (False, [first])


def test_an_earlier_petition_about_something_else_is_not_suggested(receive, handler_of_ia_grai):
    receive(on=date(2026, 3, 2), content="Đề nghị cấp giấy phép xây dựng nhà ở")
    again = receive(on=date(2026, 3, 20))

    assert duplicate_candidates(again, handler_of_ia_grai) == []


def test_a_later_petition_is_not_suggested_for_an_earlier_one(receive, handler_of_ia_grai):
    first = receive(on=date(2026, 3, 2))
    receive(on=date(2026, 3, 20))

    assert duplicate_candidates(first, handler_of_ia_grai) == []


def test_no_duplicate_is_suggested_by_person_for_a_denunciation(receive, handler_of_ia_grai):
    receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2))
    again = receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 20))

    assert duplicate_candidates(again, handler_of_ia_grai) == []


def test_a_petition_of_another_commune_is_not_suggested(receive, handler_of_ia_grai, committee_of_pleiku):
    receive(on=date(2026, 3, 2), agency=committee_of_pleiku, by=None)
    again = receive(on=date(2026, 3, 20))

    assert duplicate_candidates(again, handler_of_ia_grai) == []


# Scope.


def test_a_petition_forwarded_to_a_commune_is_within_its_scope(receive, handler_of_ia_grai, committee_of_pleiku):
    petition = forward(receive(), handler_of_ia_grai, committee_of_pleiku)
    receive(agency=committee_of_pleiku, by=None, content="Đơn riêng của Pleiku")
    handler_of_pleiku = staff_with_role(committee_of_pleiku, Role.HANDLER)

    visible = petitions_for(handler_of_pleiku)

    assert sorted(p.content for p in visible) == sorted([petition.content, "Đơn riêng của Pleiku"])


def test_a_petition_forwarded_elsewhere_stays_out_of_scope(
    receive, handler_of_ia_grai, committee_of_pleiku, committee_of_gia_lai
):
    forward(receive(), handler_of_ia_grai, committee_of_gia_lai)

    assert list(petitions_for(staff_with_role(committee_of_pleiku, Role.HANDLER))) == []


def test_only_accepted_cases_are_listed(receive, accept, handler_of_ia_grai):
    accepted = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 3))
    Case.objects.create(agency=accepted.agency, summary="Chưa thụ lý", kind="complaint", opened_on=date(2026, 3, 1))

    assert list(accepted_cases_for(handler_of_ia_grai)) == [accepted]


# Deadlines.


def test_an_unhandled_petition_past_its_deadline_is_overdue_and_a_handled_one_is_not(
    receive, accept, handler_of_ia_grai
):
    late = receive(on=date(2026, 3, 2))
    accept(receive(on=date(2026, 3, 2)), date(2026, 3, 3))

    assert list(overdue_petitions(Petition.objects.all(), today=TODAY)) == [late]


def test_a_petition_due_within_five_working_days_is_due_soon(receive):
    soon, later = receive(), receive()
    due_on(soon, add_working_days(TODAY, 5))
    due_on(later, add_working_days(TODAY, 6))

    assert list(petitions_due_soon(Petition.objects.all(), today=TODAY)) == [soon]


def test_a_suspended_case_past_its_deadline_is_not_overdue(receive, accept, handler_of_ia_grai):
    running = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 2))
    # A denunciation: a complaint can be suspended from 01/07/2026 only.
    suspended = accept(receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2)), date(2026, 3, 2))
    suspend_case(case=suspended, by=handler_of_ia_grai, on=date(2026, 3, 10), number="01/QĐ")

    assert list(overdue_cases(Case.objects.all(), today=TODAY)) == [running]


def test_a_case_due_within_five_working_days_is_due_soon(receive, accept):
    soon = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 2))
    later = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 2))
    Case.objects.filter(pk=soon.pk).update(due_on=TODAY)
    Case.objects.filter(pk=later.pk).update(due_on=add_working_days(TODAY, 6))

    assert list(cases_due_soon(Case.objects.all(), today=TODAY)) == [soon]


def test_a_forward_whose_reply_is_overdue_is_flagged_until_the_reply_comes(
    receive, handler_of_ia_grai, committee_of_pleiku
):
    awaited = forward(receive(), handler_of_ia_grai, committee_of_pleiku)
    replied = forward(receive(), handler_of_ia_grai, committee_of_pleiku)
    Petition.objects.filter(pk=replied.pk).update(replied_on=date(2026, 3, 10), reply_number="12/UBND")

    assert list(forwards_without_reply(handler_of_ia_grai)) == [awaited]


def test_a_clock_counts_working_days_left():
    # Monday 07/12 to Friday 11/12/2026: four working days.
    assert clock(date(2026, 12, 11), working_days=True, today=TODAY) == Clock(date(2026, 12, 11), 4, True, "soon")


def test_a_clock_on_its_last_day_says_so():
    assert clock(TODAY, working_days=False, today=TODAY).label == "Hôm nay là hạn cuối"


def test_an_overdue_clock_counts_the_days_past_its_deadline():
    overdue = clock(TODAY - timedelta(days=3), working_days=False, today=TODAY)

    assert (overdue.state, overdue.label) == ("overdue", "Quá hạn 3 ngày")


def test_a_clock_far_from_its_deadline_is_running():
    running = clock(date(2026, 12, 31), working_days=True, today=TODAY)

    assert (running.state, running.label) == ("running", "Còn 18 ngày làm việc")


def test_an_especially_complex_denunciation_has_one_extension_left_after_the_first(receive, accept, handler_of_ia_grai):
    case = accept(
        receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2)), date(2026, 3, 5),
        complexity=Case.Complexity.ESPECIALLY_COMPLEX,
    )  # fmt: skip
    extend_case(case=case, by=handler_of_ia_grai, decided_on=date(2026, 3, 30), number="01/QĐ-GH", days=30)

    assert extensions_left(case) == 1


def test_a_complaint_has_no_extension(receive, accept):
    assert extensions_left(accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5))) == 0
