from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from complaints.deadlines import reply_deadline
from complaints.models import Handling, Petition, Source, UnprocessableReason
from complaints.services.corrections import (
    DENOUNCER_APART,
    FROM_VISIT,
    HANDLED,
    NOT_A_HANDLER,
    NOT_FORWARDED,
    NOT_HANDLED,
    OPENED_A_CASE,
    PETITION,
)
from danvan.corrections import correct
from danvan.models import Classification, Event, Role
from tests.edit_forms import opened
from tests.factories import PetitionFactory, VisitFactory, staff_with_role

pytestmark = pytest.mark.django_db

REASON = "Nhập nhầm khi tiếp nhận đơn"


@pytest.fixture
def receptionist(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)


@pytest.fixture
def handler(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.HANDLER)


@pytest.fixture
def petition(committee_of_ia_grai):
    return PetitionFactory(agency=committee_of_ia_grai)


def shown(record) -> dict:
    return Event.objects.get(subject_id=record.pk, kind="corrected").changes


INTAKE = [
    ("received_on", date(2026, 3, 3), ["02/03/2026", "03/03/2026"]),
    ("source", Source.ONLINE, ["Bưu chính", "Trực tuyến"]),
    ("kind", Classification.RECOMMENDATION, ["Khiếu nại", "Kiến nghị, phản ánh"]),
    ("field", "policy", ["Hành chính: đất đai, nhà cửa", "Hành chính: chế độ, chính sách"]),
    ("content", "Khiếu nại việc bồi thường", ["Khiếu nại quyết định thu hồi đất của UBND xã",
                                               "Khiếu nại việc bồi thường"]),
    ("signatories", 6, ["1", "6"]),
    ("reference", "15/ĐKN", ["—", "15/ĐKN"]),
    ("forwarded_by_name", "Ban Dân nguyện", ["—", "Ban Dân nguyện"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "value", "values"), INTAKE, ids=[name for name, _, _ in INTAKE])
def test_every_intake_field_of_a_petition_records_old_and_new_with_the_reason(
    name, value, values, petition, receptionist
):
    correct(PETITION, petition, {name: value}, by=receptionist, reason=REASON)

    label = str(Petition._meta.get_field(name).verbose_name)
    event = Event.objects.get(kind="corrected")
    assert (event.changes, event.reason) == ({label[:1].upper() + label[1:]: values}, REASON)


HANDLING = [
    ("handled_on", date(2026, 3, 5), ["04/03/2026", "05/03/2026"], {}),
    ("handling_note", "Đã hướng dẫn", ["—", "Đã hướng dẫn"], {}),
    ("unprocessable_reason", UnprocessableReason.UNCLEAR, ["Đơn nặc danh, mạo danh, không rõ người đứng đơn",
                                                           "Nội dung không rõ ràng"],
     {"processable": False, "unprocessable_reason": UnprocessableReason.ANONYMOUS}),
    ("forward_letter_number", "21/PC", ["20/PC", "21/PC"], {"forwarded": True}),
    ("forward_letter_date", date(2026, 3, 6), ["05/03/2026", "06/03/2026"], {"forwarded": True}),
    ("reply_number", "9/PĐ", ["8/PĐ", "9/PĐ"],
     {"forwarded": True, "replied_on": date(2026, 3, 20), "reply_number": "8/PĐ"}),
    ("forwarder_notice_number", "3/TB", ["2/TB", "3/TB"], {"forwarder_notified_on": date(2026, 4, 1),
                                                          "forwarder_notice_number": "2/TB"}),
]  # fmt: skip


def handled_petition(agency, forwarded=False, **fields) -> Petition:
    handling = {"handling": Handling.GUIDE, "processable": True, "in_competence": False, "handled_on": date(2026, 3, 4)}
    if forwarded:
        handling |= {
            "handling": Handling.FORWARD, "forwarded_to_name": "Tòa án nhân dân", "forward_letter_number": "20/PC",
            "forward_letter_date": date(2026, 3, 5),
        }  # fmt: skip
    if fields.get("processable") is False:
        handling |= {"handling": Handling.RETURN, "in_competence": None}
    return PetitionFactory(agency=agency, **(handling | fields))


@pytest.mark.parametrize(("name", "value", "values", "state"), HANDLING, ids=[name for name, *_ in HANDLING])
def test_every_handling_field_of_a_petition_records_old_and_new_with_the_reason(
    name, value, values, state, committee_of_ia_grai, handler
):
    petition = handled_petition(committee_of_ia_grai, **state)

    correct(PETITION, petition, {name: value}, by=handler, reason=REASON)

    label = str(Petition._meta.get_field(name).verbose_name)
    assert shown(petition) == {label[:1].upper() + label[1:]: values}


def test_the_handling_deadline_follows_a_corrected_received_date(petition, receptionist):
    correct(PETITION, petition, {"received_on": date(2026, 3, 9)}, by=receptionist, reason=REASON)

    petition.refresh_from_db()
    assert petition.handling_due_on == date(2026, 3, 23)  # 10 working days


def test_the_reply_deadline_follows_a_corrected_forwarding_letter(committee_of_ia_grai, handler):
    petition = handled_petition(committee_of_ia_grai, forwarded=True, reply_due_on=date(2026, 3, 26))

    correct(PETITION, petition, {"forward_letter_date": date(2026, 3, 9)}, by=handler, reason=REASON)

    petition.refresh_from_db()
    assert petition.reply_due_on == reply_deadline(forwarded_on=date(2026, 3, 9))


def test_the_received_date_and_kind_of_a_handled_petition_stay(committee_of_ia_grai, handler):
    petition = handled_petition(committee_of_ia_grai)

    with pytest.raises(ValidationError) as refused:
        correct(
            PETITION,
            petition,
            {"received_on": date(2026, 3, 1), "kind": Classification.RECOMMENDATION},
            by=handler,
            reason=REASON,
        )

    assert refused.value.message_dict == {"received_on": [HANDLED], "kind": [HANDLED]}


def test_a_petition_received_at_the_desk_keeps_the_visits_day(committee_of_ia_grai, receptionist):
    visit = VisitFactory(agency=committee_of_ia_grai, received_on=date(2026, 3, 2))
    petition = PetitionFactory(agency=committee_of_ia_grai, visit=visit, source=Source.RECEPTION)

    with pytest.raises(ValidationError) as refused:
        correct(PETITION, petition, {"received_on": date(2026, 3, 1)}, by=receptionist, reason=REASON)

    assert refused.value.message_dict == {"received_on": [FROM_VISIT]}


def test_a_complaint_cannot_become_a_denunciation(petition, receptionist):
    with pytest.raises(ValidationError) as refused:
        correct(PETITION, petition, {"kind": Classification.DENUNCIATION}, by=receptionist, reason=REASON)

    assert refused.value.message_dict == {"kind": [DENOUNCER_APART]}


def test_an_unhandled_petition_has_no_handling_to_correct(petition, handler):
    with pytest.raises(ValidationError) as refused:
        correct(PETITION, petition, {"handling_note": "Ghi chú"}, by=handler, reason=REASON)

    assert refused.value.message_dict == {"handling_note": [NOT_HANDLED]}


def test_a_receptionist_cannot_correct_a_handling(committee_of_ia_grai, receptionist):
    petition = handled_petition(committee_of_ia_grai)

    with pytest.raises(ValidationError) as refused:
        correct(PETITION, petition, {"handling_note": "Ghi chú"}, by=receptionist, reason=REASON)

    assert refused.value.message_dict == {"handling_note": [NOT_A_HANDLER]}


def test_the_handling_day_of_a_petition_that_opened_a_case_stays(committee_of_ia_grai, handler):
    petition = PetitionFactory(agency=committee_of_ia_grai, accepted=True)

    with pytest.raises(ValidationError) as refused:
        correct(PETITION, petition, {"handled_on": date(2026, 3, 5)}, by=handler, reason=REASON)

    assert refused.value.message_dict == {"handled_on": [OPENED_A_CASE]}


def test_a_petition_not_forwarded_has_no_forwarding_letter(committee_of_ia_grai, handler):
    petition = handled_petition(committee_of_ia_grai)

    with pytest.raises(ValidationError) as refused:
        correct(PETITION, petition, {"forward_letter_number": "1/PC"}, by=handler, reason=REASON)

    assert refused.value.message_dict == {"forward_letter_number": [NOT_FORWARDED]}


def test_a_handling_day_before_the_receipt_is_refused(committee_of_ia_grai, handler):
    petition = handled_petition(committee_of_ia_grai)

    with pytest.raises(ValidationError) as refused:
        correct(PETITION, petition, {"handled_on": date(2026, 3, 1)}, by=handler, reason=REASON)

    assert refused.value.message_dict == {"handled_on": ["Ngày xử lý phải từ ngày nhận đơn đến hôm nay."]}


def test_staff_of_another_agency_cannot_correct_a_petition(petition, committee_of_pleiku):
    with pytest.raises(PermissionDenied):
        correct(
            PETITION, petition, {"content": "X"}, by=staff_with_role(committee_of_pleiku, Role.HANDLER), reason=REASON
        )


def test_a_petition_is_corrected_on_its_page_and_its_timeline_shows_it(client, petition, receptionist):
    client.force_login(receptionist)
    data = {
        "received_on": "02/03/2026", "source": Source.POST, "kind": Classification.COMPLAINT, "field": "land",
        "content": "Khiếu nại việc bồi thường", "signatories": "1", "reference": "", "forwarded_by_name": "",
        "reason": REASON,
    }  # fmt: skip

    url = reverse("complaints:petition-correct", args=[petition.pk])

    response = client.post(url, data | opened(client, url))
    page = client.get(petition.get_absolute_url()).content.decode()

    assert response.url == petition.get_absolute_url()
    assert "Sửa thông tin đơn: nội dung" in page
    assert "<ins>Khiếu nại việc bồi thường</ins>" in page
