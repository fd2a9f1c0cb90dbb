from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from danvan.models import Agency, Role
from dialogues.models import Dialogue, Directive, DirectiveStatus, Host, Kind, Opinion, OpinionStatus
from tests.edit_forms import opened
from tests.factories import (
    AgencyFactory,
    DialogueFactory,
    DirectiveFactory,
    OpinionFactory,
    current_unit,
    staff_with_role,
)

pytestmark = pytest.mark.django_db

DIALOGUE_LIST = reverse("dialogues:dialogue-list")
DIALOGUE_CREATE = reverse("dialogues:dialogue-create")
FOLLOW_UP = reverse("dialogues:follow-up")


@pytest.fixture
def leader_in_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.LEADER, full_name="Rơ Châm Thanh")


@pytest.fixture
def reporter_in_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.REPORTER, full_name="Ksor Thị Hoa")


@pytest.fixture
def leader_of_gia_lai(committee_of_gia_lai):
    return staff_with_role(committee_of_gia_lai, Role.LEADER, full_name="Trương Văn Đạt")


@pytest.fixture
def dialogue_in_ia_grai(committee_of_ia_grai):
    return DialogueFactory(agency=committee_of_ia_grai, date=date(2026, 3, 20))


@pytest.fixture
def dialogue_in_ba_dinh(db):
    """A dialogue in Phường Ba Đình, Hà Nội: in no scope of Gia Lai."""
    return DialogueFactory(agency=AgencyFactory(unit=current_unit("00004")), date=date(2026, 3, 21))


@pytest.fixture
def department_of_ia_grai(committee_of_ia_grai):
    return AgencyFactory(unit=committee_of_ia_grai.unit, kind=Agency.Kind.DEPARTMENT, name="Phòng Kinh tế xã Ia Grai")


def dialogue_form(agency, **changes):
    data = {
        "kind": Kind.DIALOGUE,
        "date": "20/03/2026",
        "agency": agency.pk,
        "unit": "",
        "host": Host.COMMITTEE_CHAIR,
        "host_name": "Phạm Minh Đức",
        "host_title": "Chủ tịch UBND xã",
        "co_organisers": "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
        "topic": "Bồi thường, hỗ trợ tái định cư dự án đường liên xã",
        "participants": "120",
        "opinions_raised": "5",
        "opinions_answered": "3",
        "minutes": "Hội nghị bắt đầu lúc 8 giờ.",
        "reference": "",
    }
    return data | changes


def test_the_list_shows_only_the_dialogues_within_the_scope(
    client, leader_of_gia_lai, dialogue_in_ia_grai, dialogue_in_ba_dinh
):
    client.force_login(leader_of_gia_lai)

    response = client.get(DIALOGUE_LIST)

    assert list(response.context["page"]) == [dialogue_in_ia_grai]


def test_the_list_filters_by_level(client, leader_of_gia_lai, committee_of_gia_lai, dialogue_in_ia_grai):
    DialogueFactory(agency=committee_of_gia_lai, date=date(2026, 3, 25))
    client.force_login(leader_of_gia_lai)

    response = client.get(DIALOGUE_LIST, {"level": "commune"})

    assert list(response.context["page"]) == [dialogue_in_ia_grai]


def test_the_list_filters_by_kind(client, leader_in_ia_grai, committee_of_ia_grai, dialogue_in_ia_grai):
    council = AgencyFactory(unit=committee_of_ia_grai.unit, kind=Agency.Kind.COUNCIL, name="HĐND xã Ia Grai")
    meeting = DialogueFactory(agency=council, kind=Kind.VOTER_MEETING, host=Host.COUNCIL_DEPUTY)
    client.force_login(leader_in_ia_grai)

    response = client.get(DIALOGUE_LIST, {"kind": Kind.VOTER_MEETING})

    assert list(response.context["page"]) == [meeting]


def test_the_list_counts_what_matches_by_kind_and_level(
    client, leader_of_gia_lai, committee_of_gia_lai, dialogue_in_ia_grai
):
    DialogueFactory(agency=committee_of_gia_lai, date=date(2026, 3, 25))
    DialogueFactory(agency=committee_of_gia_lai, date=date(2026, 3, 26), kind=Kind.VOTER_MEETING)
    client.force_login(leader_of_gia_lai)

    response = client.get(DIALOGUE_LIST)

    assert "<strong>2</strong> cuộc đối thoại (cấp tỉnh 1, cấp xã 1)" in response.content.decode()
    assert "<strong>1</strong> cuộc tiếp xúc cử tri (cấp tỉnh 1)" in response.content.decode()


def test_a_dialogue_with_valid_data_is_saved_at_the_agency_s_unit_and_its_page_opens(
    client, leader_in_ia_grai, committee_of_ia_grai
):
    client.force_login(leader_in_ia_grai)

    response = client.post(DIALOGUE_CREATE, dialogue_form(committee_of_ia_grai))

    dialogue = Dialogue.objects.get()
    assert response.url == dialogue.get_absolute_url()
    assert (dialogue.unit, dialogue.date, dialogue.participants, dialogue.opinions_raised, dialogue.created_by) == (
        committee_of_ia_grai.unit,
        date(2026, 3, 20),
        120,
        5,
        leader_in_ia_grai,
    )


def test_more_opinions_answered_than_raised_is_explained_and_nothing_saved(
    client, leader_in_ia_grai, committee_of_ia_grai
):
    client.force_login(leader_in_ia_grai)

    response = client.post(DIALOGUE_CREATE, dialogue_form(committee_of_ia_grai, opinions_answered="6"))

    assert response.context["form"].errors == {
        "opinions_answered": ["Số ý kiến trả lời tại chỗ (6) không được lớn hơn số ý kiến (5)."]
    }
    assert Dialogue.objects.count() == 0


def test_a_negative_number_of_participants_is_refused_and_nothing_saved(
    client, leader_in_ia_grai, committee_of_ia_grai
):
    client.force_login(leader_in_ia_grai)

    response = client.post(DIALOGUE_CREATE, dialogue_form(committee_of_ia_grai, participants="-3"))

    assert response.context["form"].errors == {"participants": ["Số này không được âm."]}
    assert Dialogue.objects.count() == 0


def test_a_second_dialogue_with_the_same_reference_on_the_same_day_is_explained(
    client, leader_in_ia_grai, committee_of_ia_grai
):
    DialogueFactory(agency=committee_of_ia_grai, date=date(2026, 3, 20), reference="BB-01")
    client.force_login(leader_in_ia_grai)

    response = client.post(DIALOGUE_CREATE, dialogue_form(committee_of_ia_grai, reference="BB-01"))

    assert response.context["form"].errors == {
        "reference": ["Ủy ban nhân dân xã Ia Grai đã ghi một hội nghị ngày 20/03/2026 với mã hồ sơ “BB-01”."]
    }
    assert Dialogue.objects.count() == 1


def test_a_dialogue_cannot_be_recorded_for_another_commune(client, leader_in_ia_grai, committee_of_pleiku):
    client.force_login(leader_in_ia_grai)

    response = client.post(DIALOGUE_CREATE, dialogue_form(committee_of_pleiku))

    assert list(response.context["form"].errors) == ["agency"]
    assert Dialogue.objects.count() == 0


def test_the_minutes_file_is_downloaded_from_the_dialogue_page(client, leader_in_ia_grai, committee_of_ia_grai):
    client.force_login(leader_in_ia_grai)
    scan = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban", content_type="application/pdf")
    client.post(DIALOGUE_CREATE, dialogue_form(committee_of_ia_grai, minutes_file=scan))
    dialogue = Dialogue.objects.get()

    response = client.get(dialogue.get_absolute_url(), {"bien-ban": "1"})

    assert (response.status_code, b"".join(response.streaming_content)) == (200, b"%PDF-1.4 bien ban")


def test_a_minutes_file_of_another_type_is_refused_in_vietnamese(client, leader_in_ia_grai, committee_of_ia_grai):
    client.force_login(leader_in_ia_grai)
    script = SimpleUploadedFile("bien-ban.exe", b"MZ", content_type="application/octet-stream")

    response = client.post(DIALOGUE_CREATE, dialogue_form(committee_of_ia_grai, minutes_file=script))

    assert response.context["form"].errors == {
        "minutes_file": ["Tệp biên bản phải là PDF, Word (.doc, .docx) hoặc ảnh chụp (.jpg, .png)."]
    }
    assert Dialogue.objects.count() == 0


def test_an_html_page_named_as_the_pdf_of_the_minutes_is_refused(client, leader_in_ia_grai, committee_of_ia_grai):
    client.force_login(leader_in_ia_grai)
    page = SimpleUploadedFile("bien-ban.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf")

    response = client.post(DIALOGUE_CREATE, dialogue_form(committee_of_ia_grai, minutes_file=page))

    assert response.context["form"].errors == {
        "minutes_file": [
            "Tệp “bien-ban.pdf” mang đuôi .pdf nhưng nội dung không phải PDF: tệp đã bị đổi tên hoặc bị hỏng. "
            "Hãy chọn đúng tệp."
        ]
    }
    assert Dialogue.objects.count() == 0


def test_the_dialogue_is_edited(client, leader_in_ia_grai, committee_of_ia_grai, dialogue_in_ia_grai):
    client.force_login(leader_in_ia_grai)
    url = reverse("dialogues:dialogue-update", args=[dialogue_in_ia_grai.pk])

    typed = dialogue_form(committee_of_ia_grai, participants="150", reason="Đếm lại danh sách")

    response = client.post(url, typed | opened(client, url))

    dialogue_in_ia_grai.refresh_from_db()
    assert (response.url, dialogue_in_ia_grai.participants) == (dialogue_in_ia_grai.get_absolute_url(), 150)


def test_an_edit_without_a_reason_is_refused(client, leader_in_ia_grai, committee_of_ia_grai, dialogue_in_ia_grai):
    client.force_login(leader_in_ia_grai)
    url = reverse("dialogues:dialogue-update", args=[dialogue_in_ia_grai.pk])

    response = client.post(url, dialogue_form(committee_of_ia_grai, participants="150"))

    dialogue_in_ia_grai.refresh_from_db()
    assert response.context["form"].errors == {"reason": ["Hãy ghi lý do sửa."]}
    assert dialogue_in_ia_grai.participants != 150


def test_the_dialogue_page_shows_an_edit_old_and_new_with_its_reason(
    client, leader_in_ia_grai, committee_of_ia_grai, dialogue_in_ia_grai
):
    client.force_login(leader_in_ia_grai)
    url = reverse("dialogues:dialogue-update", args=[dialogue_in_ia_grai.pk])
    old = dialogue_in_ia_grai.participants

    typed = dialogue_form(committee_of_ia_grai, participants="150", reason="Đếm lại danh sách")

    client.post(url, typed | opened(client, url))
    page = client.get(dialogue_in_ia_grai.get_absolute_url()).content.decode()

    assert "Sửa thông tin hội nghị: chức vụ người chủ trì, cơ quan phối hợp, số người tham dự" in page
    assert f"Số người tham dự:</span> <del>{old}</del> → <ins>150</ins>" in page
    assert "Lý do: Đếm lại danh sách" in page


def test_an_opinion_assigned_to_an_agency_is_added(
    client, leader_in_ia_grai, dialogue_in_ia_grai, department_of_ia_grai
):
    client.force_login(leader_in_ia_grai)
    url = reverse("dialogues:opinion-add", args=[dialogue_in_ia_grai.pk])

    response = client.post(
        url,
        {
            "opinion-content": "Đường vào thôn 3 xuống cấp",
            "opinion-status": OpinionStatus.ASSIGNED,
            "opinion-assignee": department_of_ia_grai.pk,
            "opinion-due_on": "20/04/2026",
        },
    )

    opinion = Opinion.objects.get()
    assert response.url == f"{dialogue_in_ia_grai.get_absolute_url()}#y-kien"
    assert (opinion.status, opinion.assignee, opinion.due_on) == (
        OpinionStatus.ASSIGNED,
        department_of_ia_grai,
        date(2026, 4, 20),
    )


def test_a_resolution_dated_before_the_dialogue_is_explained_and_nothing_saved(
    client, leader_in_ia_grai, dialogue_in_ia_grai, department_of_ia_grai
):
    opinion = OpinionFactory(
        dialogue=dialogue_in_ia_grai, status=OpinionStatus.ASSIGNED, assignee=department_of_ia_grai,
        due_on=date(2026, 4, 20),
    )  # fmt: skip
    client.force_login(leader_in_ia_grai)

    response = client.post(
        reverse("dialogues:opinion-resolve", args=[opinion.pk]),
        {"resolved_on": "19/03/2026", "answer": "Đã sửa đường."},
    )

    assert response.context["form"].errors == {
        "resolved_on": ["Ngày giải quyết không được trước ngày tổ chức hội nghị (20/03/2026)."]
    }
    opinion.refresh_from_db()
    assert (opinion.status, opinion.resolved_on) == (OpinionStatus.ASSIGNED, None)


def test_a_reporter_sees_the_dialogue_without_the_forms(client, reporter_in_ia_grai, dialogue_in_ia_grai):
    client.force_login(reporter_in_ia_grai)

    response = client.get(dialogue_in_ia_grai.get_absolute_url())

    assert (response.status_code, response.context["opinion_form"], response.context["directive_form"]) == (
        200,
        None,
        None,
    )


def test_a_reporter_cannot_add_an_opinion(client, reporter_in_ia_grai, dialogue_in_ia_grai):
    client.force_login(reporter_in_ia_grai)
    url = reverse("dialogues:opinion-add", args=[dialogue_in_ia_grai.pk])

    response = client.post(url, {"opinion-content": "Ý kiến", "opinion-status": OpinionStatus.ANSWERED_ON_SPOT})

    assert (response.status_code, Opinion.objects.count()) == (403, 0)


def test_a_reporter_cannot_complete_a_directive(client, reporter_in_ia_grai, dialogue_in_ia_grai):
    directive = DirectiveFactory(dialogue=dialogue_in_ia_grai)
    client.force_login(reporter_in_ia_grai)
    url = reverse("dialogues:directive-complete", args=[directive.pk])

    response = client.post(url, {"done_on": "25/03/2026", "result": "Đã rà soát."})

    directive.refresh_from_db()
    assert (response.status_code, directive.status) == (403, DirectiveStatus.OPEN)


def test_the_agency_given_an_opinion_resolves_it_without_seeing_the_dialogue(
    client, dialogue_in_ia_grai, department_of_ia_grai
):
    opinion = OpinionFactory(
        dialogue=dialogue_in_ia_grai, status=OpinionStatus.ASSIGNED, assignee=department_of_ia_grai,
        due_on=date(2026, 4, 20),
    )  # fmt: skip
    client.force_login(staff_with_role(department_of_ia_grai, Role.RECEPTIONIST))

    response = client.post(
        reverse("dialogues:opinion-resolve", args=[opinion.pk]),
        {"resolved_on": "10/04/2026", "answer": "Đã sửa đường."},
    )

    opinion.refresh_from_db()
    assert (response.url, opinion.status, opinion.resolved_on) == (
        FOLLOW_UP,
        OpinionStatus.RESOLVED,
        date(2026, 4, 10),
    )


def test_the_follow_up_page_lists_the_overdue_first_and_marks_them(client, leader_in_ia_grai, dialogue_in_ia_grai):
    today = timezone.localdate()
    assignee = dialogue_in_ia_grai.agency
    later = OpinionFactory(
        dialogue=dialogue_in_ia_grai, status=OpinionStatus.ASSIGNED, assignee=assignee, due_on=today + timedelta(30)
    )
    overdue = OpinionFactory(
        dialogue=dialogue_in_ia_grai, status=OpinionStatus.ASSIGNED, assignee=assignee, due_on=today - timedelta(3)
    )
    OpinionFactory(dialogue=dialogue_in_ia_grai)  # answered on the spot: nothing to follow
    client.force_login(leader_in_ia_grai)

    response = client.get(FOLLOW_UP)

    assert list(response.context["opinions"]) == [overdue, later]
    assert response.content.decode().count('<span class="due due-overdue">Quá hạn</span>') == 1


def test_the_follow_up_page_filters_the_overdue_directives(client, leader_in_ia_grai, dialogue_in_ia_grai):
    today = timezone.localdate()
    DirectiveFactory(dialogue=dialogue_in_ia_grai, due_on=today + timedelta(30))
    overdue = DirectiveFactory(dialogue=dialogue_in_ia_grai, due_on=today - timedelta(3))
    client.force_login(leader_in_ia_grai)

    response = client.get(FOLLOW_UP, {"status": "overdue"})

    assert list(response.context["directives"]) == [overdue]


def test_the_home_page_shows_the_overdue_follow_up_of_the_scope(
    client, leader_of_gia_lai, dialogue_in_ia_grai, dialogue_in_ba_dinh
):
    due_on = timezone.localdate() - timedelta(5)
    overdue = DirectiveFactory(dialogue=dialogue_in_ia_grai, due_on=due_on)
    DirectiveFactory(dialogue=dialogue_in_ba_dinh, due_on=due_on)
    client.force_login(leader_of_gia_lai)

    response = client.get(reverse("home"))

    assert ([row["task"] for row in response.context["overdue"]], response.context["overdue_count"]) == ([overdue], 1)
    assert "Ý kiến, kết luận quá hạn" in response.content.decode()


def test_the_home_page_has_no_overdue_card_when_nothing_is_overdue(client, leader_in_ia_grai, dialogue_in_ia_grai):
    DirectiveFactory(dialogue=dialogue_in_ia_grai, due_on=timezone.localdate() + timedelta(5))
    client.force_login(leader_in_ia_grai)

    response = client.get(reverse("home"))

    assert "Ý kiến, kết luận quá hạn" not in response.content.decode()


def test_a_completed_directive_leaves_the_follow_up(client, leader_in_ia_grai, dialogue_in_ia_grai):
    directive = DirectiveFactory(dialogue=dialogue_in_ia_grai)
    client.force_login(leader_in_ia_grai)

    client.post(
        reverse("dialogues:directive-complete", args=[directive.pk]), {"done_on": "25/03/2026", "result": "Đã rà soát."}
    )

    assert (list(client.get(FOLLOW_UP).context["directives"]), Directive.objects.get().status) == (
        [],
        DirectiveStatus.DONE,
    )


def test_the_edit_form_shows_the_stored_counts(client, leader_in_ia_grai, committee_of_ia_grai):
    dialogue = DialogueFactory(agency=committee_of_ia_grai, participants=87, opinions_raised=6, opinions_answered=2)
    client.force_login(leader_in_ia_grai)

    response = client.get(reverse("dialogues:dialogue-update", args=[dialogue.pk]))

    form = response.context["form"]
    assert (form["participants"].value(), form["opinions_raised"].value(), form["opinions_answered"].value()) == (
        87,
        6,
        2,
    )


def test_a_reporter_cannot_open_the_edit_form(client, reporter_in_ia_grai, dialogue_in_ia_grai):
    client.force_login(reporter_in_ia_grai)

    response = client.get(reverse("dialogues:dialogue-update", args=[dialogue_in_ia_grai.pk]))

    assert response.status_code == 403


def test_the_list_takes_as_many_queries_for_many_dialogues_as_for_one(
    client, leader_of_gia_lai, committee_of_gia_lai, dialogue_in_ia_grai
):
    client.force_login(leader_of_gia_lai)
    client.get(DIALOGUE_LIST)  # the scope's agencies are read once, then kept with the structure
    with CaptureQueriesContext(connection) as one:
        client.get(DIALOGUE_LIST)
    DialogueFactory.create_batch(5, agency=committee_of_gia_lai)

    with CaptureQueriesContext(connection) as six:
        response = client.get(DIALOGUE_LIST)

    assert (len(response.context["page"]), len(six)) == (6, len(one))
