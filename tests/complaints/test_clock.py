"""The deadline calculator (issue 15): one function, the command ``clock`` and the page "Tính thời hạn" give the same
answer as the records."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from complaints.clock import Skipped, due
from complaints.services.resolution import resume_case, suspend_case
from danvan.models import Classification, Role
from danvan.validity import REFORM
from tests.factories import member_of

pytestmark = pytest.mark.django_db
PAGE = reverse("complaints:clock")


def clock(*args: str) -> str:
    out = StringIO()
    call_command("clock", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def staff(client, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)
    return client


def test_a_paused_denunciation_skips_the_suspended_days_and_ends_on_a_working_day():
    answer = due("denunciation", date(2025, 2, 20), [(date(2025, 3, 3), date(2025, 3, 13))])

    assert (answer.due, answer.source) == (date(2025, 4, 1), "Luật Tố cáo 2018, Điều 30")
    assert answer.skipped == tuple(
        Skipped(date(2025, 3, day), "Tạm đình chỉ (03/03/2025-13/03/2025)") for day in range(4, 14)
    )


def test_a_working_day_clock_skips_the_weekends_and_tet():
    answer = due("complaint-acceptance", date(2025, 1, 24))

    assert answer.due == date(2025, 2, 14)
    assert [skipped.day for skipped in answer.skipped] == [
        date(2025, 1, 25), date(2025, 1, 26), date(2025, 1, 27), date(2025, 1, 28), date(2025, 1, 29),
        date(2025, 1, 30), date(2025, 1, 31), date(2025, 2, 1), date(2025, 2, 2), date(2025, 2, 8), date(2025, 2, 9),
    ]  # fmt: skip


def test_the_final_day_moved_out_of_tet_lists_the_days_of_tet_it_moved_over():
    answer = due("denunciation", date(2026, 1, 17), [(date(2026, 1, 26), date(2026, 1, 31))])

    assert answer.due == date(2026, 2, 23)
    assert [skipped.day for skipped in answer.skipped][-2:] == [date(2026, 2, 21), date(2026, 2, 22)]


def test_complaints_received_on_30_june_2026_have_ten_working_days_to_be_accepted():
    assert due("complaint-acceptance", date(2026, 6, 30)).due == date(2026, 7, 14)


def test_complaints_received_on_1_july_2026_have_seven_working_days_to_be_accepted():
    assert due("complaint-acceptance", date(2026, 7, 1)).due == date(2026, 7, 10)


def test_accepting_a_complaint_in_working_days_cites_the_circular_and_the_decree_that_say_so():
    source = due("complaint-acceptance", date(2026, 6, 30)).source

    assert "Thông tư 07/2013/TT-TTCP, Điều 5" in source
    assert "Nghị định 124/2020/NĐ-CP, Điều 16 khoản 1" in source


def test_a_rule_resting_on_an_unverified_source_says_so():
    assert due("complaint-1", date(2026, 3, 5)).source.endswith("(căn cứ chưa được kiểm chứng)")


def test_a_denunciation_checked_in_several_places_has_ten_working_days_of_initial_handling():
    assert due("denunciation-acceptance", date(2026, 3, 2), several_places=True).due == date(2026, 3, 16)


def test_a_reception_is_answered_within_ten_working_days_under_the_law_on_citizen_reception():
    answer = due("reception-answer", date(2026, 3, 2))

    assert (answer.due, answer.source) == (date(2026, 3, 16), "Luật Tiếp công dân 2013, Điều 28 khoản 1")


def test_a_complex_first_round_complaint_in_a_remote_area_has_sixty_days():
    # 60 days end on Friday 01/05/2026, a holiday: Monday 04/05/2026.
    assert due("complaint-1", date(2026, 3, 2), complex=True, remote=True).due == date(2026, 5, 4)


def test_the_rule_names_the_flags_that_lengthened_the_period():
    answer = due("complaint-1", date(2026, 3, 2), complex=True, remote=True)

    assert answer.rule == (
        "Giải quyết khiếu nại lần đầu: 60 ngày (vụ việc phức tạp, vùng sâu, vùng xa) kể từ ngày thụ lý; ngày cuối cùng "
        "là ngày nghỉ thì thời hạn kết thúc vào ngày làm việc tiếp theo."
    )


def test_a_denunciation_is_not_lengthened_by_its_complexity():
    answer = due("denunciation", date(2026, 3, 2), complex=True)

    assert (answer.due, answer.rule.split(";")[0]) == (date(2026, 4, 1), "Giải quyết tố cáo: 30 ngày kể từ ngày thụ lý")


def test_overlapping_pauses_are_refused():
    with pytest.raises(ValidationError) as refused:
        due(
            "denunciation",
            date(2026, 3, 2),
            [(date(2026, 3, 5), date(2026, 3, 10)), (date(2026, 3, 8), date(2026, 3, 12))],
        )

    assert refused.value.message_dict == {"pauses": ["Các khoảng tạm đình chỉ không được chồng lên nhau."]}


def test_the_command_prints_the_due_date_the_rule_and_its_source():
    lines = clock("complaint-1", "--from", "03/07/2026", "--pause", "10/07/2026-15/07/2026").splitlines()

    assert lines[:3] == [
        "Hạn: 07/08/2026",
        "Quy định: Giải quyết khiếu nại lần đầu: 30 ngày kể từ ngày thụ lý, cộng 5 ngày tạm đình chỉ không tính vào "
        "thời hạn; ngày cuối cùng là ngày nghỉ thì thời hạn kết thúc vào ngày làm việc tiếp theo.",
        "Căn cứ: Luật Khiếu nại, Điều 28 (căn cứ chưa được kiểm chứng)",
    ]


def test_the_command_answers_in_json():
    answer = json.loads(clock("denunciation-acceptance", "--from", "02/03/2026", "--format", "json"))

    assert answer == {
        "due": "11/03/2026",
        "rule": "Xử lý ban đầu, thụ lý tố cáo: 7 ngày làm việc kể từ ngày nhận tố cáo.",
        "source": "Luật Tố cáo 2018, Điều 24 khoản 1",
    }


def test_the_command_refuses_a_wrong_date_in_vietnamese():
    with pytest.raises(CommandError) as refused:
        clock("petition", "--from", "31/02/2026")

    assert str(refused.value) == "Ngày “31/02/2026” không đúng dạng dd/mm/yyyy, ví dụ 12/03/2026."


def test_the_command_refuses_an_unknown_clock_naming_the_known_ones():
    with pytest.raises(CommandError) as refused:
        clock("appeal", "--from", "02/03/2026")

    assert str(refused.value) == (
        "Không có loại thời hạn “appeal”. Các loại: petition, complaint-acceptance, complaint-1, complaint-2, "
        "denunciation-acceptance, denunciation-forward, denunciation, reception-answer, forward-reply, "
        "notify-forwarder, suspension-notice."
    )


def test_the_page_shows_the_due_date_the_rule_the_source_and_the_skipped_days(staff):
    response = staff.get(PAGE, {"kind": "denunciation", "start": "20/02/2025", "pauses": "03/03/2025-13/03/2025"})

    assert response.context["answer"] == due("denunciation", date(2025, 2, 20), [(date(2025, 3, 3), date(2025, 3, 13))])
    assert "<span data-due>01/04/2025</span>" in response.content.decode()


def test_the_page_shows_a_wrong_pause_beside_its_field(staff):
    response = staff.get(PAGE, {"kind": "denunciation", "start": "20/02/2025", "pauses": "03/03/2025 13/03/2025"})

    assert (response.status_code, response.context["answer"]) == (200, None)
    assert response.context["form"].errors == {
        "pauses": ["Khoảng tạm đình chỉ “03/03/2025 13/03/2025” phải có dạng dd/mm/yyyy-dd/mm/yyyy."]
    }


def test_the_page_shows_a_resumption_before_the_suspension_beside_the_pauses(staff):
    response = staff.get(PAGE, {"kind": "denunciation", "start": "20/02/2025", "pauses": "13/03/2025-03/03/2025"})

    assert response.context["form"].errors == {
        "pauses": ["Khoảng 13/03/2025-03/03/2025: ngày tiếp tục không được trước ngày tạm đình chỉ."]
    }


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(PAGE, {"kind": "petition", "start": "02/03/2026"})

    assert (response.status_code, response.context) == (302, None)


@pytest.mark.parametrize(
    ("kind", "slug", "accepted_on", "paused"),
    [
        (Classification.COMPLAINT, "complaint-1", date(2026, 7, 3), (date(2026, 7, 10), date(2026, 7, 15))),
        (Classification.DENUNCIATION, "denunciation", date(2026, 1, 17), (date(2026, 1, 26), date(2026, 1, 31))),
        (Classification.DENUNCIATION, "denunciation", date(2025, 2, 20), (date(2025, 3, 3), date(2025, 3, 13))),
    ],
)
def test_the_page_and_the_command_give_the_deadline_the_case_stores(
    staff, receive, accept, committee_of_ia_grai, committee_of_old_gia_lai, kind, slug, accepted_on, paused
):
    agency = committee_of_ia_grai if accepted_on >= REFORM else committee_of_old_gia_lai  # a unit of that time
    case = accept(receive(kind=kind, on=accepted_on, agency=agency), accepted_on)
    handler = member_of(agency, Role.HANDLER)
    suspend_case(case=case, by=handler, on=paused[0], number="01/QĐ-TĐC")
    resume_case(case=case, by=handler, on=paused[1], number="02/QĐ-TT")
    case.refresh_from_db()
    start, pause = f"{accepted_on:%d/%m/%Y}", f"{paused[0]:%d/%m/%Y}-{paused[1]:%d/%m/%Y}"

    page = staff.get(PAGE, {"kind": slug, "start": start, "pauses": pause}).context["answer"].due
    command = json.loads(clock(slug, "--from", start, "--pause", pause, "--format", "json"))["due"]

    assert (f"{page:%d/%m/%Y}", command) == (f"{case.due_on:%d/%m/%Y}",) * 2


def test_the_page_refuses_a_start_off_the_calendar_beside_its_field(staff):
    response = staff.get(PAGE, {"kind": "complaint-1", "start": "31/12/9999"})

    assert (response.status_code, response.context["form"].errors) == (
        200,
        {"start": ["Ngày bắt đầu tính phải trong khoảng 01/01/2000 – 31/12/2100."]},
    )


def test_the_page_refuses_a_pause_resumed_off_the_calendar_beside_the_pauses(staff):
    response = staff.get(PAGE, {"kind": "complaint-1", "start": "01/01/2026", "pauses": "02/01/2026-31/12/9999"})

    assert response.context["form"].errors == {
        "pauses": ["Khoảng 02/01/2026-31/12/9999: ngày tiếp tục phải trong khoảng 01/01/2000 – 31/12/2100."]
    }
