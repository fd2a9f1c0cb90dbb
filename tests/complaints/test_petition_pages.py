"""The petition pages: the filtered list, intake, the petition page, handling, the forward reply and duplicates."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from complaints.models import Attachment, DenouncerIdentity, Handling, IdentityDocument, Petition, Source
from complaints.models.petitions import ATTACHMENT_MAX_BYTES
from complaints.services.handling import handle_petition
from danvan.citizens import CitizenDetails
from danvan.models import Case, Classification, Role
from danvan.workdays import add_working_days, days_left
from tests.factories import staff_with_role

pytestmark = pytest.mark.django_db

LIST = reverse("complaints:petition-list")
CREATE = reverse("complaints:petition-create")
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"


@pytest.fixture
def handler_of_pleiku(committee_of_pleiku):
    return staff_with_role(committee_of_pleiku, Role.HANDLER)


@pytest.fixture
def leader_of_gia_lai(committee_of_gia_lai):
    return staff_with_role(committee_of_gia_lai, Role.LEADER)


def listed(client, staff, **params):
    client.force_login(staff)
    return list(client.get(LIST, params).context["page"].object_list)


def forward(petition, by, to, on=date(2026, 3, 3)):
    return handle_petition(
        petition=petition, by=by, on=on, processable=True, in_competence=False, handling=Handling.FORWARD,
        forwarded_to=to, letter_number="05/PC", letter_date=on,
    )  # fmt: skip


def url(name, petition):
    return reverse(f"complaints:{name}", args=[petition.pk])


def text_of(response) -> str:
    return response.content.decode()


# The list.


def test_the_list_filters_by_a_date_range(client, receive, handler_of_ia_grai):
    receive(on=date(2026, 3, 2))
    in_range = receive(on=date(2026, 3, 10))
    receive(on=date(2026, 3, 20))

    assert listed(client, handler_of_ia_grai, date_from="05/03/2026", date_to="15/03/2026") == [in_range]


def test_the_list_filters_by_agency(client, receive, leader_of_gia_lai, committee_of_pleiku):
    at_ia_grai = receive()
    receive(agency=committee_of_pleiku, by=None)

    assert listed(client, leader_of_gia_lai, agency=at_ia_grai.agency.pk) == [at_ia_grai]


def test_the_list_filters_by_kind(client, receive, handler_of_ia_grai):
    receive()
    denunciation = receive(kind=Classification.DENUNCIATION)

    assert listed(client, handler_of_ia_grai, kind="denunciation") == [denunciation]


def test_the_list_filters_by_source(client, receive, handler_of_ia_grai):
    receive()
    online = receive(source=Source.ONLINE)

    assert listed(client, handler_of_ia_grai, source="online") == [online]


@pytest.mark.parametrize(
    ("state", "expected"),
    [("unhandled", ["waiting"]), ("handled", ["forwarded", "accepted"]), ("forward", ["forwarded"])],
)
def test_the_list_filters_by_handling_state(
    client, receive, accept, handler_of_ia_grai, committee_of_pleiku, state, expected
):
    receive(on=date(2026, 3, 2), content="waiting")
    accept(receive(on=date(2026, 3, 2), content="accepted"), date(2026, 3, 3))
    forward(receive(on=date(2026, 3, 2), content="forwarded"), handler_of_ia_grai, committee_of_pleiku)

    assert [p.content for p in listed(client, handler_of_ia_grai, state=state)] == expected


@pytest.mark.parametrize(("deadline", "expected"), [("overdue", ["overdue"]), ("due_soon", ["soon"])])
def test_the_list_filters_by_handling_deadline(client, receive, accept, handler_of_ia_grai, deadline, expected):
    receive(on=date(2026, 3, 2), content="overdue")
    accept(receive(on=date(2026, 3, 2), content="handled late"), date(2026, 3, 30))
    today = timezone.localdate()
    for content, working_days in (("soon", 5), ("later", 6)):
        petition = receive(on=today, content=content)
        Petition.objects.filter(pk=petition.pk).update(handling_due_on=add_working_days(today, working_days))

    assert [p.content for p in listed(client, handler_of_ia_grai, deadline=deadline)] == expected


def test_the_list_shows_petitions_forwarded_to_us(
    client, receive, handler_of_ia_grai, handler_of_pleiku, committee_of_pleiku
):
    forwarded = forward(receive(), handler_of_ia_grai, committee_of_pleiku)
    receive(agency=committee_of_pleiku, by=None)

    assert listed(client, handler_of_pleiku, forwarding="to_us") == [forwarded]


@pytest.mark.parametrize(
    ("forwarding", "expected"), [("awaiting_reply", ["awaited", "late"]), ("reply_overdue", ["late"])]
)
def test_the_list_filters_forwards_awaiting_a_reply(
    client, receive, handler_of_ia_grai, committee_of_pleiku, forwarding, expected
):
    forward(receive(on=date(2026, 3, 2), content="late"), handler_of_ia_grai, committee_of_pleiku)
    awaited = forward(receive(on=date(2026, 3, 2), content="awaited"), handler_of_ia_grai, committee_of_pleiku)
    Petition.objects.filter(pk=awaited.pk).update(reply_due_on=date(2099, 1, 1))
    replied = forward(receive(on=date(2026, 3, 2), content="replied"), handler_of_ia_grai, committee_of_pleiku)
    Petition.objects.filter(pk=replied.pk).update(replied_on=date(2026, 3, 10), reply_number="9/UBND")

    assert [p.content for p in listed(client, handler_of_ia_grai, forwarding=forwarding)] == expected


def test_the_text_search_ignores_diacritics_in_the_content(client, receive, handler_of_ia_grai):
    land = receive(content="Khiếu nại quyết định thu hồi đất")
    receive(content="Đề nghị sửa đường liên thôn")

    assert listed(client, handler_of_ia_grai, q="THU HOI DAT") == [land]


def test_the_text_search_finds_a_petitioner_by_name(client, receive, handler_of_ia_grai):
    khieu = receive()
    receive(details=CitizenDetails(full_name="Trần Thị Bình"))

    assert listed(client, handler_of_ia_grai, q="nguyen van khieu") == [khieu]


def test_the_text_search_never_finds_a_denunciation_by_its_denouncers_name(client, receive, handler_of_ia_grai):
    receive(kind=Classification.DENUNCIATION, content="Tố cáo cán bộ địa chính nhận tiền")

    assert listed(client, handler_of_ia_grai, q="Nguyễn Văn Khiếu") == []


def test_the_text_search_finds_a_receipt_code(client, receive, handler_of_ia_grai):
    wanted = receive()
    receive()

    assert listed(client, handler_of_ia_grai, q=wanted.receipt_code.lower()) == [wanted]


def test_the_list_sorts_the_oldest_first_on_request(client, receive, handler_of_ia_grai):
    newer, older = receive(on=date(2026, 3, 10)), receive(on=date(2026, 3, 2))

    assert listed(client, handler_of_ia_grai, sort="oldest") == [older, newer]


def test_the_list_names_a_denouncer_only_as_confidential(client, receive, handler_of_ia_grai):
    receive(kind=Classification.DENUNCIATION)
    client.force_login(handler_of_ia_grai)

    page = text_of(client.get(LIST))

    assert ("Người tố cáo (bảo mật)" in page, "Nguyễn Văn Khiếu" in page) == (True, False)


# The petition page.


def test_the_page_counts_the_working_days_left_to_handle_the_petition(client, receive, handler_of_ia_grai):
    petition = receive(on=timezone.localdate())
    left = days_left(petition.handling_due_on, today=timezone.localdate(), working_days=True)
    client.force_login(handler_of_ia_grai)

    assert f"Còn {left} ngày làm việc" in text_of(client.get(petition.get_absolute_url()))


def test_an_overdue_petition_shows_how_far_past_its_deadline_it_is_in_red(client, receive, handler_of_ia_grai):
    petition = receive(on=date(2026, 3, 2))
    late = -days_left(petition.handling_due_on, today=timezone.localdate(), working_days=True)
    client.force_login(handler_of_ia_grai)

    page = text_of(client.get(petition.get_absolute_url()))

    assert ('class="deadline deadline-overdue"' in page, f"Quá hạn {late} ngày làm việc" in page) == (True, True)


def test_another_communes_petition_does_not_exist_for_a_handler(client, receive, handler_of_pleiku):
    petition = receive()
    client.force_login(handler_of_pleiku)

    assert client.get(petition.get_absolute_url()).status_code == 404


def test_a_denunciation_page_hides_the_denouncer_from_a_user_without_the_permission(
    client, receive, handler_of_ia_grai
):
    petition = receive(kind=Classification.DENUNCIATION)
    client.force_login(handler_of_ia_grai)

    page = text_of(client.get(petition.get_absolute_url()))

    assert (
        "Người tố cáo (bảo mật)" in page,
        "Nguyễn Văn Khiếu" in page,
        url("denouncer-reveal", petition) in page,
    ) == (
        True,
        False,
        False,
    )


def test_a_permitted_user_gets_the_link_to_reveal_the_denouncer_not_the_name(client, receive, handler_of_ia_grai):
    petition = receive(kind=Classification.DENUNCIATION)
    handler_of_ia_grai.user_permissions.add(Permission.objects.get(codename="reveal_denouncer"))
    client.force_login(handler_of_ia_grai)

    page = text_of(client.get(petition.get_absolute_url()))

    assert (url("denouncer-reveal", petition) in page, "Nguyễn Văn Khiếu" in page) == (True, False)


# Handling.

ACCEPTANCE = {"processable": "1", "in_competence": "1", "handling": "accept", "round": "first", "complexity": "normal"}


def test_accepting_a_petition_opens_its_case(client, receive, handler_of_ia_grai):
    petition = receive(on=date(2026, 3, 2))
    client.force_login(handler_of_ia_grai)

    response = client.post(url("petition-handle", petition), ACCEPTANCE | {"on": "05/03/2026"}, follow=True)

    petition.refresh_from_db()
    assert (petition.handling, petition.case.accepted_on) == ("accept", date(2026, 3, 5))
    assert [str(m) for m in response.context["messages"]] == ["Đã ghi kết quả xử lý đơn: thụ lý."]


def test_handling_before_receipt_is_explained_on_the_date_and_nothing_is_saved(client, receive, handler_of_ia_grai):
    petition = receive(on=date(2026, 3, 2))
    client.force_login(handler_of_ia_grai)

    response = client.post(url("petition-handle", petition), ACCEPTANCE | {"on": "01/03/2026"})

    petition.refresh_from_db()
    assert response.context["handling_form"].errors == {"on": ["Ngày xử lý không được trước ngày nhận đơn."]}
    assert (petition.handling, Case.objects.count()) == ("", 0)


def test_a_user_who_only_sees_the_petition_cannot_handle_it(client, receive, committee_of_ia_grai):
    petition = receive(on=date(2026, 3, 2))
    client.force_login(staff_with_role(committee_of_ia_grai, Role.REPORTER))

    response = client.post(url("petition-handle", petition), ACCEPTANCE | {"on": "05/03/2026"})

    petition.refresh_from_db()
    assert (response.status_code, petition.handling) == (403, "")


def test_a_forward_names_the_receiving_commune(client, receive, handler_of_ia_grai, committee_of_pleiku):
    petition = receive(on=date(2026, 3, 2))
    client.force_login(handler_of_ia_grai)

    client.post(
        url("petition-handle", petition),
        {"on": "03/03/2026", "processable": "1", "in_competence": "0", "handling": "forward",
         "forwarded_to": committee_of_pleiku.pk, "letter_number": "05/PC", "letter_date": "03/03/2026"},
    )  # fmt: skip

    petition.refresh_from_db()
    assert (petition.forwarded_to, petition.reply_due_on) == (committee_of_pleiku, date(2026, 3, 17))


def test_a_forwarded_petition_reaches_the_receiving_commune_which_records_its_reply(
    client, receive, handler_of_ia_grai, handler_of_pleiku, committee_of_pleiku
):
    petition = forward(receive(on=date(2026, 3, 2)), handler_of_ia_grai, committee_of_pleiku)
    client.force_login(handler_of_pleiku)
    assert client.get(petition.get_absolute_url()).context["reply_form"] is not None

    client.post(url("petition-reply", petition), {"on": "12/03/2026", "number": "31/UBND"})

    petition.refresh_from_db()
    assert (petition.replied_on, petition.reply_number) == (date(2026, 3, 12), "31/UBND")


# Duplicates.


def test_an_earlier_petition_of_the_same_citizen_is_suggested_as_a_duplicate(client, receive, handler_of_ia_grai):
    first = receive(on=date(2026, 3, 2))
    again = receive(on=date(2026, 3, 20))
    client.force_login(handler_of_ia_grai)

    assert client.get(again.get_absolute_url()).context["candidates"] == [first]


def test_a_confirmed_duplicate_joins_the_case_of_the_earlier_petition(client, receive, accept, handler_of_ia_grai):
    first = receive(on=date(2026, 3, 2))
    case = accept(first, date(2026, 3, 3))
    again = receive(on=date(2026, 3, 20))
    client.force_login(handler_of_ia_grai)

    client.post(url("petition-duplicate", again), {"duplicate_of": first.receipt_code})

    again.refresh_from_db()
    assert (again.duplicate_of, again.case) == (first, case)


def test_a_petition_accepted_as_a_case_of_its_own_is_not_offered_as_a_duplicate(
    client, receive, accept, handler_of_ia_grai
):
    receive(on=date(2026, 3, 2))
    again = receive(on=date(2026, 3, 20))
    accept(again, date(2026, 3, 23))
    client.force_login(handler_of_ia_grai)

    context = client.get(again.get_absolute_url()).context

    assert (context["duplicate_form"], context["candidates"]) == (None, [])


def test_a_duplicate_of_another_communes_petition_is_refused(client, receive, handler_of_ia_grai, committee_of_pleiku):
    elsewhere = receive(agency=committee_of_pleiku, by=None)
    again = receive()
    client.force_login(handler_of_ia_grai)

    response = client.post(url("petition-duplicate", again), {"duplicate_of": elsewhere.receipt_code})

    assert response.context["duplicate_form"].errors == {
        "duplicate_of": ["Không có đơn nào khác mang mã tra cứu này trong phạm vi của bạn."]
    }


# Intake.


def intake(client, staff, **changes):
    client.force_login(staff)
    data = {
        "agency": staff.memberships.get().agency_id, "received_on": "10/03/2026", "source": "post",
        "full_name": "Trần Thị Đơn", "cccd": "064190001234", "address": "Thôn 1, xã Ia Grai", "signatories": "1",
        "kind": "complaint", "field": "land", "content": "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất",
    }  # fmt: skip
    return client.post(CREATE, data | changes)


def test_intake_receives_the_petition_with_its_petitioner(client, handler_of_ia_grai):
    response = intake(client, handler_of_ia_grai)

    petition = Petition.objects.get()
    assert (petition.citizen.full_name, petition.handling_due_on) == ("Trần Thị Đơn", date(2026, 3, 24))
    assert response.url == petition.get_absolute_url()


def test_intake_of_a_denunciation_keeps_the_denouncer_and_the_scan_in_the_vault(client, handler_of_ia_grai):
    intake(client, handler_of_ia_grai, kind="denunciation", attachments=[SimpleUploadedFile("don.pdf", PDF)])

    petition = Petition.objects.get()
    identity = DenouncerIdentity.objects.get(petition=petition)
    assert (petition.citizen, identity.full_name, identity.documents.count(), Attachment.objects.count()) == (
        None,
        "Trần Thị Đơn",
        1,
        0,
    )


def test_an_attachment_is_stored_and_downloaded_from_the_petition_page(client, handler_of_ia_grai):
    intake(client, handler_of_ia_grai, attachments=[SimpleUploadedFile("don.pdf", PDF)], confidential="on")
    attachment = Attachment.objects.get()

    response = client.get(attachment.petition.get_absolute_url(), {"tep": attachment.pk})

    assert (attachment.name, attachment.confidential, b"".join(response.streaming_content)) == ("don.pdf", True, PDF)


def test_a_confidential_attachment_is_marked_on_the_petition_page(client, handler_of_ia_grai):
    intake(client, handler_of_ia_grai, attachments=[SimpleUploadedFile("don.pdf", PDF)], confidential="on")

    page = text_of(client.get(Petition.objects.get().get_absolute_url()))

    assert '<span class="secret">Mật</span>' in page


def test_an_attachment_over_the_size_limit_is_refused_and_nothing_saved(client, handler_of_ia_grai):
    scan = SimpleUploadedFile("scan.pdf", b"%PDF-" + b"0" * (ATTACHMENT_MAX_BYTES + 2 * 1024 * 1024))

    response = intake(client, handler_of_ia_grai, attachments=[scan])

    assert response.context["form"].errors == {
        "attachments": [
            "Tệp “scan.pdf” có dung lượng 12,0\xa0MB, vượt quá giới hạn 10 MB cho mỗi tệp: hãy quét ở độ phân giải "
            "thấp hơn hoặc tách thành nhiều tệp."
        ]
    }
    assert (Petition.objects.count(), IdentityDocument.objects.count()) == (0, 0)


def test_an_attachment_that_is_not_a_pdf_or_an_image_is_refused(client, handler_of_ia_grai):
    response = intake(client, handler_of_ia_grai, attachments=[SimpleUploadedFile("don.docx", b"PK\x03\x04 docx")])

    assert response.context["form"].errors == {
        "attachments": [
            "Tệp “don.docx” không phải tệp PDF hoặc ảnh (JPG, PNG, TIFF): chỉ đính kèm được các loại tệp này."
        ]
    }


def test_an_attachment_whose_content_is_not_what_its_name_says_is_refused(client, handler_of_ia_grai):
    page = SimpleUploadedFile("don.pdf", b"<html><body>Don</body></html>")

    response = intake(client, handler_of_ia_grai, attachments=[page])

    assert response.context["form"].errors == {
        "attachments": [
            "Tệp “don.pdf” mang đuôi .pdf nhưng nội dung không phải PDF: tệp đã bị đổi tên hoặc bị hỏng. "
            "Hãy chọn đúng tệp."
        ]
    }
    assert (Petition.objects.count(), Attachment.objects.count()) == (0, 0)


def test_a_denunciation_s_scan_whose_content_is_not_what_its_name_says_stays_out_of_the_vault(
    client, handler_of_ia_grai
):
    page = SimpleUploadedFile("to-cao.jpg", b"<html><body>To cao</body></html>")

    response = intake(client, handler_of_ia_grai, kind="denunciation", attachments=[page])

    assert list(response.context["form"].errors) == ["attachments"]
    assert (Petition.objects.count(), IdentityDocument.objects.count()) == (0, 0)


def test_a_petition_received_for_an_agency_one_does_not_act_for_is_refused(
    client, handler_of_ia_grai, committee_of_pleiku
):
    response = intake(client, handler_of_ia_grai, agency=committee_of_pleiku.pk)

    assert (list(response.context["form"].errors), Petition.objects.count()) == (["agency"], 0)


def test_a_forwarded_petition_needs_the_forwarding_body(client, handler_of_ia_grai):
    response = intake(client, handler_of_ia_grai, source="forwarded")

    assert response.context["form"].errors == {"forwarded_by": ["Hãy chọn hoặc ghi tên cơ quan chuyển đơn đến."]}


def test_the_handling_deadline_names_its_source_and_says_when_it_is_unverified(client, receive, handler_of_ia_grai):
    recommendation = receive(kind=Classification.RECOMMENDATION, on=date(2026, 3, 2))
    client.force_login(handler_of_ia_grai)

    content = client.get(url("petition-detail", recommendation)).content.decode()

    assert "Căn cứ Thông tư 05/2021/TT-TTCP (căn cứ chưa được kiểm chứng)" in content


def test_the_handling_of_a_recommendation_asks_no_reason_for_declining(client, receive, handler_of_ia_grai):
    petition = receive(kind="recommendation")
    client.force_login(handler_of_ia_grai)

    form = client.get(petition.get_absolute_url()).context["handling_form"]

    assert "Không thụ lý" not in form.fields["note"].help_text
