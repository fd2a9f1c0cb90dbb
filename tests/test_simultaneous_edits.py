"""Two people save the same edit form, each from the page they opened, at the same moment: one is saved, the other is
refused as stale (danvan.versions) with what they typed still on the form, and the record holds one person's edit
whole, never a mix nor the second one put over the first unseen. PostgreSQL only (tests.races)."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from danvan.models import Membership, Role
from danvan.versions import STALE
from reports.models import ManagementFigure
from reports.periods import window
from reports.selectors import saved_sections
from tests.edit_forms import editing, management_form, report_sections
from tests.factories import (
    CaseFactory,
    DialogueFactory,
    PetitionFactory,
    SessionFactory,
    VerificationFactory,
    VisitFactory,
    staff_with_role,
)
from tests.races import ON_POSTGRESQL, at_once, committee_of_own_province, refused, statuses

pytestmark = ON_POSTGRESQL

SESSION_CONCLUDED = "Kỳ tiếp đã có thông báo kết luận: hãy dùng “Sửa” và ghi lý do sửa."


@pytest.fixture
def committee(db):
    return committee_of_own_province()


def two(committee, role: Role) -> list:
    return [staff_with_role(committee, role) for _ in range(2)]


def test_two_edits_of_a_dialogue_keep_one_whole(committee):
    dialogue = DialogueFactory(agency=committee)
    first, second = two(committee, Role.LEADER)
    url = reverse("dialogues:dialogue-update", args=[dialogue.pk])

    responses = at_once(
        editing(first, url, participants=150, reason="Đếm lại danh sách"),
        editing(second, url, topic="Giải phóng mặt bằng", reason="Ghi lại chủ đề"),
    )

    dialogue.refresh_from_db()
    assert statuses(responses) == ["302", "400"]
    assert refused(responses) == [STALE]
    assert (dialogue.participants, dialogue.topic) in [
        (150, DialogueFactory.topic),
        (DialogueFactory.participants, "Giải phóng mặt bằng"),
    ]


def test_two_concluding_notices_of_a_session_store_one(committee):
    session = SessionFactory(agency=committee)
    first, second = two(committee, Role.RECEPTIONIST)
    url, page = reverse("reception:session-conclude", args=[session.pk]), session.get_absolute_url()

    responses = at_once(
        editing(first, url, page=page, form="conclusion_form", conclusion="Giao địa chính xã kiểm tra."),
        editing(second, url, page=page, form="conclusion_form", conclusion="Trả lời trực tiếp tại buổi tiếp."),
    )

    session.refresh_from_db()
    assert statuses(responses) == ["302", "400"]
    assert refused(responses, "conclusion_form") == [SESSION_CONCLUDED]
    assert session.conclusion in ["Giao địa chính xã kiểm tra.", "Trả lời trực tiếp tại buổi tiếp."]


def test_two_corrections_of_a_sessions_conclusion_keep_one(committee):
    session = SessionFactory(agency=committee, conclusion="Giao địa chính xã kiểm tra.", conclusion_number="15/TB")
    first, second = two(committee, Role.RECEPTIONIST)
    url = reverse("reception:session-correct", args=[session.pk])

    responses = at_once(
        editing(first, url, conclusion_number="16/TB", reason="Nhập nhầm số"),
        editing(second, url, conclusion="Giao địa chính xã kiểm tra, trả lời trong tháng.", reason="Bổ sung"),
    )

    session.refresh_from_db()
    assert statuses(responses) == ["302", "400"]
    assert refused(responses) == [STALE]
    assert (session.conclusion_number, session.conclusion) in [
        ("16/TB", "Giao địa chính xã kiểm tra."),
        ("15/TB", "Giao địa chính xã kiểm tra, trả lời trong tháng."),
    ]


def test_two_corrections_of_a_visit_keep_one(committee):
    visit = VisitFactory(agency=committee)
    first, second = two(committee, Role.RECEPTIONIST)
    url = reverse("reception:visit-correct", args=[visit.pk])

    responses = at_once(
        editing(first, url, people=3, reason="Đếm lại"),
        editing(second, url, content="Đề nghị cấp lại giấy chứng nhận", reason="Ghi lại nội dung"),
    )

    visit.refresh_from_db()
    assert statuses(responses) == ["302", "400"]
    assert refused(responses) == [STALE]
    assert (visit.people, visit.content) in [(3, VisitFactory.content), (1, "Đề nghị cấp lại giấy chứng nhận")]


def test_two_corrections_of_a_petition_keep_one(committee):
    petition = PetitionFactory(agency=committee)
    first, second = two(committee, Role.HANDLER)
    url = reverse("complaints:petition-correct", args=[petition.pk])

    responses = at_once(
        editing(first, url, content="Khiếu nại việc bồi thường", reason="Ghi lại nội dung"),
        editing(second, url, content="Khiếu nại việc cấp đất tái định cư", reason="Ghi lại nội dung"),
    )

    petition.refresh_from_db()
    assert statuses(responses) == ["302", "400"]
    assert refused(responses) == [STALE]
    assert petition.content in ["Khiếu nại việc bồi thường", "Khiếu nại việc cấp đất tái định cư"]


def test_two_corrections_of_a_cases_verification_keep_one(committee):
    verification = VerificationFactory(case=CaseFactory(agency=committee, accepted=True))
    first, second = two(committee, Role.HANDLER)
    url = reverse("complaints:step-correct", args=[verification.case_id, "xac-minh", verification.pk])

    before = (verification.verifier, verification.number)

    responses = at_once(
        editing(first, url, verifier="Thanh tra tỉnh", reason="Đổi tổ xác minh"),
        editing(second, url, number="99/QĐ-XM", reason="Nhập nhầm số"),
    )

    verification.refresh_from_db()
    assert statuses(responses) == ["302", "400"]
    assert refused(responses) == [STALE]
    assert (verification.verifier, verification.number) in [("Thanh tra tỉnh", before[1]), (before[0], "99/QĐ-XM")]


def test_two_edits_of_a_staff_members_details_keep_one(committee):
    clerk = staff_with_role(committee, Role.RECEPTIONIST, title="Công chức")
    first, second = two(committee, Role.UNIT_ADMIN)
    url, page = reverse("staff-details", args=[clerk.pk]), reverse("staff-detail", args=[clerk.pk])

    responses = at_once(
        editing(first, url, page=page, form="details", title="Công chức tư pháp"),
        editing(second, url, page=page, form="details", email="bo@iagrai.vn"),
    )

    clerk.refresh_from_db()
    assert statuses(responses) == ["302", "400"]
    assert refused(responses, "details") == [STALE]
    assert (clerk.title, clerk.email) in [("Công chức tư pháp", ""), ("Công chức", "bo@iagrai.vn")]


def test_two_changes_of_a_staff_members_roles_keep_one(committee):
    clerk = staff_with_role(committee, Role.RECEPTIONIST)
    first, second = two(committee, Role.UNIT_ADMIN)
    url, page = reverse("staff-roles", args=[clerk.pk]), reverse("staff-detail", args=[clerk.pk])

    responses = at_once(
        editing(first, url, page=page, form="add_roles", agency=committee.pk, roles=[Role.HANDLER]),
        editing(second, url, page=page, form="add_roles", agency=committee.pk, roles=[Role.LEADER]),
    )

    assert statuses(responses) == ["302", "400"]
    assert refused(responses, "add_roles") == [STALE]
    assert list(Membership.objects.filter(staff=clerk).values_list("role", flat=True)) in [
        [Role.HANDLER],
        [Role.LEADER],
    ]


def test_two_keyings_of_the_management_figures_keep_one(committee):
    first, second = two(committee, Role.REPORTER)
    url = f"{reverse('reports:management')}?{urlencode({'unit': committee.unit_id, 'period': 'year', 'year': 2026})}"
    beside = {"agency": committee.pk}

    responses = at_once(
        editing(first, url, form=management_form, beside=beside, c6="4", c8="3"),
        editing(second, url, form=management_form, beside=beside, c6="9", c8="1"),
    )

    assert statuses(responses) == ["302", "400"]
    assert refused(responses, management_form) == [STALE]
    assert dict(ManagementFigure.objects.values_list("column", "value")) in [{6: 4, 8: 3}, {6: 9, 8: 1}]


def _writing(staff, unit, texts: dict[str, str]):
    """``staff`` opens the report page of ``unit`` and types ``texts`` in its sections; the submit saves them."""

    def load():
        client = Client()
        client.force_login(staff)
        data = report_sections(client, unit, texts)
        return lambda: client.post(reverse("reports:sections-save"), data)

    return load


def test_two_saves_of_a_reports_written_sections_keep_one(committee):
    first, second = two(committee, Role.REPORTER)

    responses = at_once(
        _writing(first, committee.unit, {"III.1": "Ưu điểm.", "IV": "Dự báo."}),
        _writing(second, committee.unit, {"III.1": "Kết quả nổi bật."}),
    )

    assert statuses(responses) == ["302", "400"]
    assert refused(responses) == [STALE]
    assert saved_sections(committee.unit, window("year", year=2026)) in [
        {"III.1": "Ưu điểm.", "IV": "Dự báo."},
        {"III.1": "Kết quả nổi bật."},
    ]
