"""A change to the working-day calendar moves the stored deadlines of the open petitions and cases it crosses."""

from datetime import date

import pytest
import tablib
from django.urls import reverse

from complaints.models import Handling
from complaints.services.handling import handle_petition
from complaints.services.resolution import suspend_case
from danvan.day_overrides import add_day_override, remove_day_override
from danvan.models import CalendarRecompute, Classification, DayOverride
from danvan.resources import DayOverrideResource
from danvan.selectors import timeline_of
from tests.factories import StaffFactory, VisitFactory

DAY_OFF, WORKING_DAY = DayOverride.Kind.DAY_OFF, DayOverride.Kind.WORKING_DAY
# A first-round complaint accepted on 05/03/2026 is due 30 days later, Saturday 04/04, hence Monday 06/04/2026.
ACCEPTED_ON = date(2026, 3, 5)
BECAUSE = "do điều chỉnh lịch làm việc"


@pytest.fixture
def superuser(db):
    return StaffFactory(username="quantri", is_superuser=True, is_staff=True)


def moved_events(record):
    return [(e.kind, e.label, e.by) for e in timeline_of(record).filter(kind="deadline_moved")]


def test_a_day_off_announced_on_its_due_date_moves_an_open_case_to_the_next_working_day(receive, accept, superuser):
    case = accept(receive(on=date(2026, 3, 2)), ACCEPTED_ON)

    add_day_override(day=date(2026, 4, 6), kind=DAY_OFF, note="Nghỉ bù (thử)", by=superuser)

    case.refresh_from_db()
    assert case.due_on == date(2026, 4, 7)


def test_a_moved_case_says_so_on_its_timeline(receive, accept, superuser):
    case = accept(receive(on=date(2026, 3, 2)), ACCEPTED_ON)

    add_day_override(day=date(2026, 4, 6), kind=DAY_OFF, note="Nghỉ bù (thử)", by=superuser)

    assert moved_events(case) == [
        ("deadline_moved", "Hạn giải quyết chuyển từ 06/04/2026 sang 07/04/2026 do điều chỉnh lịch làm việc", None)
    ]


def test_the_change_reports_how_many_deadlines_moved(receive, accept, superuser):
    accept(receive(on=date(2026, 3, 2)), ACCEPTED_ON)

    change = add_day_override(day=date(2026, 4, 6), kind=DAY_OFF, note="Nghỉ bù (thử)", by=superuser)

    assert change.moved() == 1


def test_a_make_up_saturday_brings_an_unhandled_petitions_handling_deadline_forward(receive, superuser):
    # Received Mon 02/03/2026: 10 working days end Mon 16/03; working Sat 07/03 ends them Fri 13/03.
    petition = receive(kind=Classification.RECOMMENDATION, on=date(2026, 3, 2))

    add_day_override(day=date(2026, 3, 7), kind=WORKING_DAY, note="Làm bù (thử)", by=superuser)

    petition.refresh_from_db()
    assert (petition.handling_due_on, moved_events(petition)) == (
        date(2026, 3, 13),
        [("deadline_moved", "Hạn xử lý đơn chuyển từ 16/03/2026 sang 13/03/2026 do điều chỉnh lịch làm việc", None)],
    )


def test_a_case_whose_clock_does_not_cross_the_changed_day_does_not_move(receive, accept, superuser):
    case = accept(receive(on=date(2026, 3, 2)), ACCEPTED_ON)

    change = add_day_override(day=date(2026, 4, 8), kind=DAY_OFF, note="Nghỉ bù (thử)", by=superuser)

    case.refresh_from_db()
    assert (case.due_on, moved_events(case), change.moved()) == (date(2026, 4, 6), [], 0)


def test_removing_the_day_off_moves_the_case_back(receive, accept, superuser):
    case = accept(receive(on=date(2026, 3, 2)), ACCEPTED_ON)
    add_day_override(day=date(2026, 4, 6), kind=DAY_OFF, note="Nghỉ bù (thử)", by=superuser)

    remove_day_override(override=DayOverride.objects.get(date=date(2026, 4, 6)), by=superuser)

    case.refresh_from_db()
    assert case.due_on == date(2026, 4, 6)


def test_a_day_off_added_in_the_admin_moves_an_open_case(receive, accept, admin_client):
    case = accept(receive(on=date(2026, 3, 2)), ACCEPTED_ON)

    admin_client.post(reverse("admin:danvan_dayoverride_add"), {"date": "06/04/2026", "kind": DAY_OFF, "note": "Thử"})

    case.refresh_from_db()
    assert case.due_on == date(2026, 4, 7)


def test_a_day_off_imported_from_a_sheet_moves_an_open_case(receive, accept):
    case = accept(receive(on=date(2026, 3, 2)), ACCEPTED_ON)
    sheet = tablib.Dataset(["06/04/2026", DAY_OFF, "Thử"], headers=["Ngày", "Loại", "Căn cứ, ghi chú"])

    DayOverrideResource().import_data(sheet, dry_run=False)

    case.refresh_from_db()
    assert case.due_on == date(2026, 4, 7)


def test_a_sheet_only_checked_moves_nothing(receive, accept):
    case = accept(receive(on=date(2026, 3, 2)), ACCEPTED_ON)
    sheet = tablib.Dataset(["06/04/2026", DAY_OFF, "Thử"], headers=["Ngày", "Loại", "Căn cứ, ghi chú"])

    DayOverrideResource().import_data(sheet, dry_run=True)

    case.refresh_from_db()
    assert (case.due_on, moved_events(case)) == (date(2026, 4, 6), [])


def test_a_day_off_moves_the_reply_deadline_of_a_forwarded_petition(
    receive, handler_of_ia_grai, committee_of_pleiku, superuser
):
    # Forwarded on 03/03/2026: the reply is due 10 working days later, 17/03; a day off on 10/03 moves it to 18/03.
    petition = handle_petition(
        petition=receive(on=date(2026, 3, 2)), by=handler_of_ia_grai, on=date(2026, 3, 3), processable=True,
        in_competence=False, handling=Handling.FORWARD, forwarded_to=committee_of_pleiku, letter_number="05/PC",
        letter_date=date(2026, 3, 3),
    )  # fmt: skip

    add_day_override(day=date(2026, 3, 10), kind=DAY_OFF, note="Nghỉ bù (thử)", by=superuser)

    petition.refresh_from_db()
    assert (petition.reply_due_on, moved_events(petition)) == (
        date(2026, 3, 18),
        [
            (
                "deadline_moved",
                "Hạn văn bản phúc đáp chuyển từ 17/03/2026 sang 18/03/2026 do điều chỉnh lịch làm việc",
                None,
            )
        ],
    )


def test_the_job_writes_its_count_on_the_recompute_the_page_shows(receive, accept, superuser):
    accept(receive(on=date(2026, 3, 2)), ACCEPTED_ON)

    add_day_override(day=date(2026, 4, 6), kind=DAY_OFF, note="Nghỉ bù (thử)", by=superuser)

    run = CalendarRecompute.objects.get()
    assert (run.day, run.requested_by, run.moved, run.finished_at is not None) == (date(2026, 4, 6), superuser, 1, True)


def test_a_make_up_saturday_brings_the_answer_to_a_citizen_received_forward(committee_of_ia_grai, superuser):
    # Visit Mon 02/03/2026: 10 working days end Mon 16/03; working Sat 07/03 ends them Fri 13/03.
    visit = VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 2), answer_due_on=date(2026, 3, 16))

    add_day_override(day=date(2026, 3, 7), kind=WORKING_DAY, note="Làm bù (thử)", by=superuser)

    visit.refresh_from_db()
    assert (visit.answer_due_on, moved_events(visit)) == (
        date(2026, 3, 13),
        [("deadline_moved", f"Hạn trả lời công dân chuyển từ 16/03/2026 sang 13/03/2026 {BECAUSE}", None)],
    )


def test_a_make_up_saturday_brings_the_forwarding_of_a_denunciation_outside_competence_forward(
    receive, handler_of_ia_grai, superuser
):
    # Received Mon 02/03/2026: 5 working days end Mon 09/03; working Sat 07/03 ends them that Saturday.
    petition = handle_petition(
        petition=receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2)), by=handler_of_ia_grai,
        on=date(2026, 3, 3), processable=True, in_competence=False, handling=Handling.GUIDE,
    )  # fmt: skip

    add_day_override(day=date(2026, 3, 7), kind=WORKING_DAY, note="Làm bù (thử)", by=superuser)

    petition.refresh_from_db()
    assert petition.forward_due_on == date(2026, 3, 7)


def test_a_day_off_moves_the_sending_deadline_of_a_suspension_decision(receive, accept, handler_of_ia_grai, superuser):
    case = accept(receive(on=date(2026, 7, 3)), date(2026, 7, 3))
    suspension = suspend_case(case=case, by=handler_of_ia_grai, on=date(2026, 7, 3), number="1/QĐ-TĐC")

    add_day_override(day=date(2026, 7, 7), kind=DAY_OFF, note="Nghỉ (thử)", by=superuser)

    suspension.refresh_from_db()
    assert suspension.send_due_on == date(2026, 7, 9)  # 06, 08, 09: Tuesday 07/07 is off
