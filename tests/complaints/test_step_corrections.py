from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from complaints.deadlines import resolution_deadline
from complaints.models import Extension, Suspension
from complaints.models.resolution import Publication
from complaints.services.step_corrections import (
    COMPLAINT_DIALOGUE,
    DECISION,
    ENFORCEMENT,
    EXTENSION,
    LEADER_ONLY,
    NOT_PUBLISHED,
    NOT_REPORTED,
    RESOLVED,
    SUSPENSION,
    VERIFICATION,
)
from danvan.corrections import correct
from danvan.models import Classification, Event, Role
from tests.factories import (
    CaseFactory,
    ComplaintDialogueFactory,
    DecisionFactory,
    EnforcementFactory,
    VerificationFactory,
    staff_with_role,
)

pytestmark = pytest.mark.django_db

REASON = "Ghi nhầm khi nhập bước giải quyết"


@pytest.fixture
def handler(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.HANDLER)


@pytest.fixture
def leader(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.LEADER)


@pytest.fixture
def case(committee_of_ia_grai):
    return CaseFactory(agency=committee_of_ia_grai, accepted=True)


def shown(case) -> dict:
    event = Event.objects.get(subject_id=case.pk, kind="corrected")
    assert event.reason == REASON
    return event.changes


def label(record, name: str) -> str:
    text = str(record._meta.get_field(name).verbose_name)
    return text[:1].upper() + text[1:]


VERIFICATION_FIELDS = [
    ("verifier", "Tổ xác minh xã", ["Thanh tra huyện", "Tổ xác minh xã"]),
    ("number", "9/QĐ-XM", None),
    ("started_on", date(2026, 3, 6), ["05/03/2026", "06/03/2026"]),
    ("reported_on", date(2026, 3, 10), ["09/03/2026", "10/03/2026"]),
    ("findings", "Đã xác minh lại", ["Nội dung đã được xác minh tại chỗ.", "Đã xác minh lại"]),
    ("differs_from_claim", True, ["Không", "Có"]),
]


@pytest.mark.parametrize(("name", "value", "values"), VERIFICATION_FIELDS, ids=[n for n, *_ in VERIFICATION_FIELDS])
def test_every_field_of_a_verification_records_old_and_new_on_the_cases_timeline(name, value, values, case, handler):
    verification = VerificationFactory(case=case, reported_on=date(2026, 3, 9))
    old = getattr(verification, name)

    correct(VERIFICATION, verification, {name: value}, by=handler, reason=REASON)

    assert shown(case) == {label(verification, name): values or [old, value]}


DIALOGUE_FIELDS = [
    ("held_on", date(2026, 3, 9), ["05/03/2026", "09/03/2026"]),
    ("place", "Nhà văn hóa thôn", ["Trụ sở Ủy ban nhân dân", "Nhà văn hóa thôn"]),
    ("participants", "Người khiếu nại", ["Người khiếu nại, người bị khiếu nại, đại diện Thanh tra", "Người khiếu nại"]),
    ("minutes", "Thống nhất toàn bộ.", ["Các bên trình bày ý kiến; thống nhất một phần.", "Thống nhất toàn bộ."]),
]


@pytest.mark.parametrize(("name", "value", "values"), DIALOGUE_FIELDS, ids=[n for n, *_ in DIALOGUE_FIELDS])
def test_every_field_of_a_complaint_dialogue_records_old_and_new(name, value, values, case, handler):
    VerificationFactory(case=case)
    dialogue = ComplaintDialogueFactory(case=case)

    correct(COMPLAINT_DIALOGUE, dialogue, {name: value}, by=handler, reason=REASON)

    assert shown(case) == {label(dialogue, name): values}


DECISION_FIELDS = [
    ("number", "12/QĐ-UBND", None),
    ("issued_on", date(2026, 3, 28), ["30/03/2026", "28/03/2026"]),
    ("summary", "Giữ nguyên quyết định", ["—", "Giữ nguyên quyết định"]),
    ("money_due", Decimal("1250.5"), ["0", "1.250,5"]),
    ("land_due", Decimal("300"), ["0", "300"]),
    ("returned_money", Decimal("12"), ["0", "12"]),
    ("returned_land", Decimal("40"), ["0", "40"]),
    ("returned_organisations", 2, ["0", "2"]),
    ("returned_individuals", 3, ["0", "3"]),
    ("sanctioned_organisations", 1, ["0", "1"]),
    ("sanctioned_people", 4, ["0", "4"]),
    ("sanctioned_officials", 0, None),
    ("referred_cases", 1, ["0", "1"]),
    ("referred_people", 2, ["0", "2"]),
    ("referred_officials", 0, None),
    ("published_on", date(2026, 4, 3), ["02/04/2026", "03/04/2026"]),
    ("published_by", Publication.WEBSITE, ["Niêm yết tại trụ sở làm việc, nơi tiếp công dân",
                                           "Đăng trên cổng thông tin điện tử"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "value", "values"), [f for f in DECISION_FIELDS if f[2]], ids=lambda v: str(v)[:20])
def test_every_field_of_a_decision_records_old_and_new_by_a_leader(name, value, values, case, leader):
    decision = DecisionFactory(
        case=case, published_on=date(2026, 4, 2), published_by=Publication.POSTING, enforcement=False
    )

    correct(DECISION, decision, {name: value}, by=leader, reason=REASON)

    assert shown(case) == {label(decision, name): values}


def test_the_number_of_a_decision_records_old_and_new(case, leader):
    decision = DecisionFactory(case=case, number="11/QĐ-UBND")

    correct(DECISION, decision, {"number": "12/QĐ-UBND"}, by=leader, reason=REASON)

    assert shown(case) == {"Số văn bản": ["11/QĐ-UBND", "12/QĐ-UBND"]}


def test_a_handler_cannot_correct_the_number_or_date_of_a_decision(case, handler):
    decision = DecisionFactory(case=case)

    with pytest.raises(ValidationError) as refused:
        correct(DECISION, decision, {"number": "12/QĐ-UBND", "issued_on": date(2026, 3, 28)}, by=handler, reason=REASON)

    assert refused.value.message_dict == {"number": [LEADER_ONLY], "issued_on": [LEADER_ONLY]}


def test_a_handler_corrects_what_a_decision_orders(case, handler):
    decision = DecisionFactory(case=case)

    correct(DECISION, decision, {"returned_money": Decimal("50")}, by=handler, reason=REASON)

    assert shown(case) == {"Trả lại: tiền (triệu đồng)": ["0", "50"]}


def test_the_case_is_resolved_on_the_corrected_date_of_its_decision(case, leader):
    decision = DecisionFactory(case=case)

    correct(DECISION, decision, {"issued_on": date(2026, 3, 20)}, by=leader, reason=REASON)

    case.refresh_from_db()
    assert case.resolved_on == date(2026, 3, 20)


def test_a_decision_cannot_be_dated_before_the_verification_report(case, leader):
    VerificationFactory(case=case, reported_on=date(2026, 3, 15))
    decision = DecisionFactory(case=case)

    with pytest.raises(ValidationError) as refused:
        correct(DECISION, decision, {"issued_on": date(2026, 3, 10)}, by=leader, reason=REASON)

    assert refused.value.message_dict == {
        "issued_on": ["Ngày này không được trước ngày thụ lý, báo cáo xác minh, đối thoại (15/03/2026)."]
    }


def test_a_publication_not_recorded_is_not_corrected(case, leader):
    decision = DecisionFactory(case=case)

    with pytest.raises(ValidationError) as refused:
        correct(DECISION, decision, {"published_on": date(2026, 4, 1)}, by=leader, reason=REASON)

    assert refused.value.message_dict == {"published_on": [NOT_PUBLISHED]}


def test_more_officials_than_people_sanctioned_is_refused(case, leader):
    decision = DecisionFactory(case=case)

    with pytest.raises(ValidationError) as refused:
        correct(DECISION, decision, {"sanctioned_officials": 2}, by=leader, reason=REASON)

    assert refused.value.message_dict == {
        "sanctioned_officials": ["Số cán bộ, công chức, viên chức không được lớn hơn tổng số người."]
    }


ENFORCEMENT_FIELDS = [
    ("completed_on", date(2026, 4, 16), ["15/04/2026", "16/04/2026"]),
    ("money_recovered", Decimal("25"), ["20", "25"]),
    ("land_recovered", Decimal("120"), ["100", "120"]),
    ("returned_money", Decimal("55"), ["50", "55"]),
    ("returned_land", Decimal("210"), ["200", "210"]),
    ("sanctioned_organisations", 2, ["1", "2"]),
    ("sanctioned_people", 4, ["3", "4"]),
    ("sanctioned_officials", 1, ["2", "1"]),
    ("prosecuted_cases", 2, ["1", "2"]),
    ("prosecuted_people", 3, ["2", "3"]),
    ("prosecuted_officials", 0, ["1", "0"]),
    ("notes", "Đã thu đủ", ["—", "Đã thu đủ"]),
]


@pytest.mark.parametrize(("name", "value", "values"), ENFORCEMENT_FIELDS, ids=[n for n, *_ in ENFORCEMENT_FIELDS])
def test_every_field_of_an_enforcement_records_old_and_new(name, value, values, case, handler):
    enforcement = EnforcementFactory(decision__case=case, results=True)

    correct(ENFORCEMENT, enforcement, {name: value}, by=handler, reason=REASON)

    assert shown(case) == {label(enforcement, name): values}


def suspended(case, **fields) -> Suspension:
    values = {"suspended_on": date(2026, 3, 10), "number": "3/QĐ-TĐC", "resumed_on": date(2026, 3, 20),
              "resume_number": "4/QĐ-TT", "send_due_on": date(2026, 3, 13), "sent_on": date(2026, 3, 12)}  # fmt: skip
    return Suspension.objects.create(case=case, **(values | fields))


SUSPENSION_FIELDS = [
    ("suspended_on", date(2026, 3, 11), ["10/03/2026", "11/03/2026"]),
    ("number", "5/QĐ-TĐC", ["3/QĐ-TĐC", "5/QĐ-TĐC"]),
    ("reason", "Chờ kết quả giám định", ["—", "Chờ kết quả giám định"]),
    ("resumed_on", date(2026, 3, 25), ["20/03/2026", "25/03/2026"]),
    ("resume_number", "6/QĐ-TT", ["4/QĐ-TT", "6/QĐ-TT"]),
    ("sent_on", date(2026, 3, 13), ["12/03/2026", "13/03/2026"]),
]


@pytest.mark.parametrize(("name", "value", "values"), SUSPENSION_FIELDS, ids=[n for n, *_ in SUSPENSION_FIELDS])
def test_every_field_of_a_suspension_records_old_and_new(name, value, values, case, handler):
    suspension = suspended(case)

    correct(SUSPENSION, suspension, {name: value}, by=handler, reason=REASON)

    assert shown(case) == {label(suspension, name): values}


def test_the_deadline_follows_a_corrected_resumption(case, handler):
    suspension = suspended(case)

    correct(SUSPENSION, suspension, {"resumed_on": date(2026, 3, 27)}, by=handler, reason=REASON)

    case.refresh_from_db()
    assert case.due_on == resolution_deadline(case, suspended=[(date(2026, 3, 10), date(2026, 3, 27))])


EXTENSION_FIELDS = [
    ("decided_on", date(2026, 3, 12), ["10/03/2026", "12/03/2026"]),
    ("number", "8/QĐ-GH", ["7/QĐ-GH", "8/QĐ-GH"]),
]


@pytest.mark.parametrize(("name", "value", "values"), EXTENSION_FIELDS, ids=[n for n, *_ in EXTENSION_FIELDS])
def test_every_field_of_an_extension_records_old_and_new(name, value, values, committee_of_ia_grai, handler):
    case = CaseFactory(agency=committee_of_ia_grai, accepted=True, kind=Classification.DENUNCIATION)
    extension = Extension.objects.create(
        case=case, decided_on=date(2026, 3, 10), number="7/QĐ-GH", days=30, new_due_on=date(2026, 6, 1)
    )

    correct(EXTENSION, extension, {name: value}, by=handler, reason=REASON)

    assert shown(case) == {label(extension, name): values}


def test_the_steps_before_a_decision_stay_once_the_case_is_resolved(case, handler):
    verification = VerificationFactory(case=case)
    DecisionFactory(case=case)

    with pytest.raises(ValidationError) as refused:
        correct(VERIFICATION, verification, {"verifier": "Tổ khác"}, by=handler, reason=REASON)

    assert refused.value.message_dict == {"verifier": [RESOLVED]}


def test_a_report_not_recorded_is_not_corrected(case, handler):
    verification = VerificationFactory(case=case, reported_on=None)

    with pytest.raises(ValidationError) as refused:
        correct(VERIFICATION, verification, {"findings": "Kết quả"}, by=handler, reason=REASON)

    assert refused.value.message_dict == {"findings": [NOT_REPORTED]}


def test_a_receptionist_cannot_correct_a_case_step(case, committee_of_ia_grai):
    verification = VerificationFactory(case=case)

    with pytest.raises(PermissionDenied):
        correct(
            VERIFICATION,
            verification,
            {"verifier": "Tổ khác"},
            by=staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST),
            reason=REASON,
        )


def test_a_leader_corrects_a_decision_number_on_the_case_page_and_sees_it(client, case, leader):
    decision = DecisionFactory(case=case, number="11/QĐ-UBND", enforcement=False)
    url = reverse("complaints:step-correct", args=[case.pk, "quyet-dinh", decision.pk])
    client.force_login(leader)
    form = client.get(url).context["form"]
    data = {name: form[name].value() if form[name].value() is not None else "" for name in form.fields}
    data |= {"number": "12/QĐ-UBND", "issued_on": "30/03/2026", "reason": REASON}

    response = client.post(url, data)
    page = client.get(reverse("complaints:case-detail", args=[case.pk])).content.decode()

    assert response.status_code == 302
    assert "<del>11/QĐ-UBND</del> → <ins>12/QĐ-UBND</ins>" in page


def test_a_step_of_another_case_is_not_found(client, case, leader, committee_of_ia_grai):
    other = DecisionFactory(case=CaseFactory(agency=committee_of_ia_grai, accepted=True))
    client.force_login(leader)

    response = client.get(reverse("complaints:step-correct", args=[case.pk, "quyet-dinh", other.pk]))

    assert response.status_code == 404


def test_a_resolved_case_page_offers_to_correct_its_decision_not_the_steps_before(client, case, handler):
    verification = VerificationFactory(case=case)
    decision = DecisionFactory(case=case)
    client.force_login(handler)

    page = client.get(reverse("complaints:case-detail", args=[case.pk])).content.decode()

    offered = [
        reverse("complaints:step-correct", args=[case.pk, step, item.pk]) in page
        for step, item in (("xac-minh", verification), ("quyet-dinh", decision))
    ]
    assert offered == [False, True]
