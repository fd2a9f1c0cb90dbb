from datetime import date, time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from danvan.corrections import NOTHING_CHANGED, REASON_MISSING, SECRET, correct
from danvan.models import AuditEntry, Classification, Event, Role
from reception.corrections import HANDED_ON, IN_SESSION, NOT_HANDED_ON, VISIT
from reception.models import Channel, Mode, Receiver, Result
from tests.edit_forms import opened
from tests.factories import SessionFactory, VisitFactory, staff_with_role

pytestmark = pytest.mark.django_db

REASON = "Ghi nhầm khi tiếp công dân"


@pytest.fixture
def receptionist(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST, full_name="Rơ Mah Thị Bơ")


@pytest.fixture
def visit(committee_of_ia_grai):
    return VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 7, 6), result=Result.GUIDED)


def corrections_of(record) -> list[tuple[str, dict, str]]:
    events = Event.objects.filter(subject_id=record.pk, kind="corrected").order_by("pk")
    return [(event.label, event.changes, event.reason) for event in events]


# Each correctable field of a visit, a new value, and how the timeline shows old → new.
FIELDS = [
    ("received_on", date(2026, 7, 3), ["06/07/2026", "03/07/2026"]),
    ("received_time", time(9, 15), ["—", "09:15"]),
    ("receiver_name", "Rơ Mah Thị Bơ", ["—", "Rơ Mah Thị Bơ"]),
    ("receiver_title", "Công chức", ["—", "Công chức"]),
    ("channel", Channel.ONLINE, ["Trực tiếp", "Trực tuyến"]),
    ("people", 1200, ["1", "1.200"]),
    ("other_representatives", "Trần Thị Hoa", ["—", "Trần Thị Hoa"]),
    ("content", "Đề nghị trả lời việc bồi thường", ["Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất",
                                                     "Đề nghị trả lời việc bồi thường"]),
    ("kind", Classification.COMPLAINT, ["Kiến nghị, phản ánh", "Khiếu nại"]),
    ("field", "policy", ["Hành chính: đất đai, nhà cửa", "Hành chính: chế độ, chính sách"]),
    ("result", Result.ANSWERED, ["Hướng dẫn, giải thích", "Trả lời trực tiếp"]),
    ("documents_received", True, ["Không", "Có"]),
    ("notes", "Công dân hẹn quay lại", ["—", "Công dân hẹn quay lại"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "value", "shown"), FIELDS, ids=[name for name, _, _ in FIELDS])
def test_every_correctable_field_of_a_visit_records_old_and_new_with_the_reason(
    name, value, shown, visit, receptionist
):
    correct(VISIT, visit, {name: value}, by=receptionist, reason=REASON)

    label = str(visit._meta.get_field(name).verbose_name)
    assert corrections_of(visit) == [
        (f"Sửa thông tin lượt tiếp: {label}", {label[:1].upper() + label[1:]: shown}, REASON)
    ]
    visit.refresh_from_db()
    assert getattr(visit, name) == value


def test_the_form_of_a_visit_offers_every_correctable_field():
    assert VISIT.fields == tuple(name for name, _, _ in FIELDS)


def test_a_correction_is_written_in_the_audit_log_with_who_and_why(visit, receptionist):
    correct(VISIT, visit, {"content": "Đề nghị trả lời việc bồi thường"}, by=receptionist, reason=REASON)

    entry = AuditEntry.objects.get()
    assert (entry.by, entry.action, entry.subject, entry.reason, entry.summary) == (
        receptionist,
        AuditEntry.Action.CORRECTION,
        visit,
        REASON,
        f"Sửa thông tin lượt tiếp: nội dung ({visit.receipt_code})",
    )
    assert entry.changes == {
        "Nội dung": ["Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất", "Đề nghị trả lời việc bồi thường"]
    }


def test_the_timeline_says_who_corrected_and_when(visit, receptionist):
    correct(VISIT, visit, {"notes": "Hẹn quay lại"}, by=receptionist, reason=REASON)

    event = Event.objects.get(kind="corrected")
    assert (event.by, event.on) == (receptionist, timezone.localdate())


def test_a_correction_without_a_reason_is_refused_and_nothing_saved(visit, receptionist):
    with pytest.raises(ValidationError) as refused:
        correct(VISIT, visit, {"content": "Nội dung khác"}, by=receptionist, reason="  ")

    visit.refresh_from_db()
    assert refused.value.message_dict == {"reason": [REASON_MISSING]}
    assert (visit.content, Event.objects.count(), AuditEntry.objects.count()) == (
        "Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất",
        0,
        0,
    )


def test_a_correction_that_changes_nothing_is_refused(visit, receptionist):
    with pytest.raises(ValidationError) as refused:
        correct(VISIT, visit, {"content": visit.content, "people": 1}, by=receptionist, reason=REASON)

    assert refused.value.messages == [NOTHING_CHANGED]


def test_staff_of_another_agency_cannot_correct_a_visit(visit, committee_of_pleiku):
    stranger = staff_with_role(committee_of_pleiku, Role.RECEPTIONIST)

    with pytest.raises(PermissionDenied):
        correct(VISIT, visit, {"content": "Nội dung khác"}, by=stranger, reason=REASON)


def test_a_visit_cannot_be_moved_after_today(visit, receptionist):
    with pytest.raises(ValidationError) as refused:
        correct(VISIT, visit, {"received_on": date(2099, 1, 1)}, by=receptionist, reason=REASON)

    assert refused.value.message_dict == {"received_on": ["Ngày tiếp không được sau hôm nay."]}


def test_the_day_kind_and_result_of_a_visit_that_handed_a_petition_on_stay(committee_of_ia_grai, receptionist):
    visit = VisitFactory(agency=committee_of_ia_grai, result=Result.PETITION_RECEIVED)

    with pytest.raises(ValidationError) as refused:
        correct(
            VISIT,
            visit,
            {"received_on": date(2026, 3, 11), "kind": Classification.COMPLAINT, "result": Result.GUIDED},
            by=receptionist,
            reason=REASON,
        )

    assert refused.value.message_dict == {"received_on": [HANDED_ON], "kind": [HANDED_ON], "result": [HANDED_ON]}
    assert VISIT.fields_for(visit, receptionist) == (
        "received_time", "receiver_name", "receiver_title", "channel", "people", "other_representatives", "content",
        "field", "documents_received", "notes",
    )  # fmt: skip


def test_a_visit_cannot_be_corrected_into_a_petition_received(visit, receptionist):
    with pytest.raises(ValidationError) as refused:
        correct(VISIT, visit, {"result": Result.PETITION_RECEIVED}, by=receptionist, reason=REASON)

    assert refused.value.message_dict == {"result": [NOT_HANDED_ON]}


def test_a_visit_of_a_heads_session_keeps_the_sessions_day(committee_of_ia_grai, receptionist):
    session = SessionFactory(agency=committee_of_ia_grai, date=date(2026, 3, 12))
    visit = VisitFactory(
        agency=committee_of_ia_grai, session=session, mode=Mode.PERIODIC, receiver=Receiver.HEAD,
        receiver_name="Phạm Minh Đức",
    )  # fmt: skip

    with pytest.raises(ValidationError) as refused:
        correct(VISIT, visit, {"received_on": date(2026, 3, 11)}, by=receptionist, reason=REASON)

    assert refused.value.message_dict == {"received_on": [IN_SESSION]}


def test_the_case_a_visit_opened_follows_its_correction(visit, receptionist):
    correct(
        VISIT,
        visit,
        {
            "received_on": date(2026, 7, 2),
            "kind": Classification.COMPLAINT,
            "content": "Khiếu nại quyết định thu hồi đất",
        },
        by=receptionist,
        reason=REASON,
    )

    case = visit.case
    case.refresh_from_db()
    assert (case.opened_on, case.kind, case.summary) == (
        date(2026, 7, 2),
        Classification.COMPLAINT,
        "Khiếu nại quyết định thu hồi đất",
    )


def test_a_visit_corrected_into_a_denunciation_takes_the_denouncer_off_its_case(visit, receptionist):
    correct(VISIT, visit, {"kind": Classification.DENUNCIATION}, by=receptionist, reason=REASON)

    visit.case.refresh_from_db()
    assert visit.case.citizen is None


def test_a_case_with_other_visits_does_not_follow_one_visits_correction(visit, receptionist, committee_of_ia_grai):
    VisitFactory(agency=committee_of_ia_grai, case=visit.case, citizen=visit.citizen)

    correct(VISIT, visit, {"content": "Đề nghị sửa đường"}, by=receptionist, reason=REASON)

    visit.case.refresh_from_db()
    assert visit.case.summary == "Tranh chấp đất đai với hộ liền kề"


def test_the_companions_of_a_denouncer_stay_off_the_timeline(committee_of_ia_grai, receptionist):
    visit = VisitFactory(agency=committee_of_ia_grai, kind=Classification.DENUNCIATION, case__citizen=None)

    correct(VISIT, visit, {"other_representatives": "Lê Văn Tố"}, by=receptionist, reason=REASON)

    assert Event.objects.get().changes == {"Người đại diện khác": [SECRET, SECRET]}
    assert AuditEntry.objects.get().changes == {"Người đại diện khác": [SECRET, SECRET]}


def test_the_search_text_follows_the_corrected_content(visit, receptionist):
    correct(VISIT, visit, {"content": "Đề nghị sửa đường"}, by=receptionist, reason=REASON)

    visit.refresh_from_db()
    assert visit.search_text == "de nghi sua duong"


# The page.


def correction_data(visit, **changes) -> dict:
    data = {
        "received_on": visit.received_on.strftime("%d/%m/%Y"),
        "received_time": "",
        "receiver_name": "",
        "receiver_title": "",
        "channel": visit.channel,
        "people": str(visit.people),
        "other_representatives": "",
        "content": visit.content,
        "kind": visit.kind,
        "field": visit.field,
        "result": visit.result,
        "notes": "",
        "reason": REASON,
    }
    return data | changes


def test_a_receptionist_corrects_a_visit_on_its_page_and_sees_the_history(client, visit, receptionist):
    client.force_login(receptionist)

    url = reverse("reception:visit-correct", args=[visit.pk])

    response = client.post(url, correction_data(visit, content="Đề nghị sửa đường") | opened(client, url))
    page = client.get(visit.get_absolute_url()).content.decode()

    assert response.url == visit.get_absolute_url()
    assert "Sửa thông tin lượt tiếp: nội dung" in page
    assert "Lý do: Ghi nhầm khi tiếp công dân" in page
    assert "<ins>Đề nghị sửa đường</ins>" in page


def test_the_page_refuses_a_correction_without_a_reason(client, visit, receptionist):
    client.force_login(receptionist)

    response = client.post(
        reverse("reception:visit-correct", args=[visit.pk]), correction_data(visit, content="Khác", reason="")
    )

    assert response.status_code == 400
    assert response.context["form"].errors == {"reason": [REASON_MISSING]}


def test_the_correction_page_is_refused_to_staff_who_only_see_the_visit(client, visit, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.REPORTER))

    response = client.get(reverse("reception:visit-correct", args=[visit.pk]))

    assert response.status_code == 403
