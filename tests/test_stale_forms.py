"""A form opened before someone else saved the same record is refused as stale (danvan.versions) instead of putting
back, unseen, what the other person changed: the page says so above the form, which keeps what was typed, and the
record keeps the other person's edit. One edit form of each kind; the two saves one after the other."""

from datetime import date
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from danvan.models import Membership, Role
from danvan.versions import STALE
from reports.models import ManagementFigure
from reports.periods import window
from reports.selectors import saved_sections
from tests.edit_forms import as_posted, editing, management_form, report_sections
from tests.factories import (
    CaseFactory,
    DialogueFactory,
    PetitionFactory,
    SessionFactory,
    VerificationFactory,
    VisitFactory,
    staff_with_role,
)

pytestmark = pytest.mark.django_db


def saved_over(first, second, url: str, mine: dict, theirs: dict, **page) -> object:
    """``second`` opens the edit page, then ``first`` opens it and saves ``theirs``; ``second`` then saves ``mine``
    from the page they opened first. Their response."""
    stale = editing(second, url, **page, **mine)()
    assert editing(first, url, **page, **theirs)()().status_code == 302
    return stale()


def shown(response, form="form") -> tuple[int, list[str]]:
    """The response's status and the messages above its form (``form`` as for ``tests.edit_forms.editing``)."""
    refused = form(response.context) if callable(form) else response.context[form]
    return response.status_code, refused.non_field_errors()


def test_a_stale_visit_correction_is_refused_and_keeps_what_was_typed(committee_of_ia_grai):
    visit = VisitFactory(agency=committee_of_ia_grai)
    first, second = (staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST) for _ in range(2))

    response = saved_over(
        first, second, reverse("reception:visit-correct", args=[visit.pk]),
        mine={"people": 5, "reason": "Đếm lại"}, theirs={"content": "Đề nghị cấp lại sổ đỏ", "reason": "Ghi lại"},
    )  # fmt: skip

    visit.refresh_from_db()
    assert shown(response) == (400, [STALE])
    assert response.context["form"]["people"].value() == "5"
    assert (visit.people, visit.content) == (1, "Đề nghị cấp lại sổ đỏ")


def test_a_stale_session_correction_is_refused(committee_of_ia_grai):
    session = SessionFactory(agency=committee_of_ia_grai, conclusion="Giao địa chính xã kiểm tra.")
    first, second = (staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST) for _ in range(2))

    response = saved_over(
        first, second, reverse("reception:session-correct", args=[session.pk]),
        mine={"conclusion": "Trả lời tại buổi tiếp.", "reason": "Sửa"},
        theirs={"conclusion": "Giao địa chính xã kiểm tra, trả lời trong tháng.", "reason": "Bổ sung"},
    )  # fmt: skip

    session.refresh_from_db()
    assert shown(response) == (400, [STALE])
    assert response.context["form"]["conclusion"].value() == "Trả lời tại buổi tiếp."
    assert session.conclusion == "Giao địa chính xã kiểm tra, trả lời trong tháng."


def test_a_stale_petition_correction_is_refused(committee_of_ia_grai):
    petition = PetitionFactory(agency=committee_of_ia_grai)
    first, second = (staff_with_role(committee_of_ia_grai, Role.HANDLER) for _ in range(2))

    response = saved_over(
        first, second, reverse("complaints:petition-correct", args=[petition.pk]),
        mine={"signatories": 6, "reason": "Đếm lại"}, theirs={"content": "Khiếu nại việc bồi thường", "reason": "Sửa"},
    )  # fmt: skip

    petition.refresh_from_db()
    assert shown(response) == (400, [STALE])
    assert (petition.signatories, petition.content) == (1, "Khiếu nại việc bồi thường")


def test_a_stale_correction_of_a_cases_step_is_refused(committee_of_ia_grai):
    verification = VerificationFactory(case=CaseFactory(agency=committee_of_ia_grai, accepted=True))
    first, second = (staff_with_role(committee_of_ia_grai, Role.HANDLER) for _ in range(2))

    response = saved_over(
        first, second, reverse("complaints:step-correct", args=[verification.case_id, "xac-minh", verification.pk]),
        mine={"number": "99/QĐ-XM", "reason": "Nhập nhầm số"}, theirs={"verifier": "Thanh tra tỉnh", "reason": "Đổi"},
    )  # fmt: skip

    verification.refresh_from_db()
    assert shown(response) == (400, [STALE])
    assert verification.verifier == "Thanh tra tỉnh"
    assert verification.number != "99/QĐ-XM"


def test_a_stale_dialogue_edit_is_refused_and_keeps_what_was_typed(committee_of_ia_grai):
    dialogue = DialogueFactory(agency=committee_of_ia_grai)
    first, second = (staff_with_role(committee_of_ia_grai, Role.LEADER) for _ in range(2))

    response = saved_over(
        first, second, reverse("dialogues:dialogue-update", args=[dialogue.pk]),
        mine={"topic": "Giải phóng mặt bằng", "reason": "Ghi lại"}, theirs={"participants": 150, "reason": "Đếm lại"},
    )  # fmt: skip

    dialogue.refresh_from_db()
    assert shown(response) == (400, [STALE])
    assert response.context["form"]["topic"].value() == "Giải phóng mặt bằng"
    assert (dialogue.participants, dialogue.topic) == (150, DialogueFactory.topic)


def test_a_stale_edit_of_a_staff_members_details_is_refused(committee_of_ia_grai):
    clerk = staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST, title="Công chức")
    first, second = (staff_with_role(committee_of_ia_grai, Role.UNIT_ADMIN) for _ in range(2))
    page = {"page": reverse("staff-detail", args=[clerk.pk]), "form": "details"}

    response = saved_over(
        first, second, reverse("staff-details", args=[clerk.pk]),
        mine={"email": "bo@iagrai.vn"}, theirs={"title": "Công chức tư pháp"}, **page,
    )  # fmt: skip

    clerk.refresh_from_db()
    assert shown(response, "details") == (400, [STALE])
    assert (clerk.title, clerk.email) == ("Công chức tư pháp", "")


def test_a_stale_change_of_a_staff_members_roles_is_refused(committee_of_ia_grai):
    clerk = staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)
    first, second = (staff_with_role(committee_of_ia_grai, Role.UNIT_ADMIN) for _ in range(2))
    page = {"page": reverse("staff-detail", args=[clerk.pk]), "form": "add_roles"}
    here = committee_of_ia_grai.pk

    response = saved_over(
        first, second, reverse("staff-roles", args=[clerk.pk]),
        mine={"agency": here, "roles": [Role.RECEPTIONIST]}, theirs={"agency": here, "roles": [Role.HANDLER]}, **page,
    )  # fmt: skip

    assert shown(response, "add_roles") == (400, [STALE])
    assert list(Membership.objects.filter(staff=clerk).values_list("role", flat=True)) == [Role.HANDLER]


def test_stale_management_figures_are_refused_and_keep_what_was_typed(committee_of_ia_grai):
    first, second = (staff_with_role(committee_of_ia_grai, Role.REPORTER) for _ in range(2))
    query = urlencode({"unit": committee_of_ia_grai.unit_id, "period": "year", "year": 2026})
    page = {"form": management_form, "beside": {"agency": committee_of_ia_grai.pk}}

    response = saved_over(
        first, second, f"{reverse('reports:management')}?{query}", mine={"c6": "9"}, theirs={"c6": "4"}, **page
    )

    assert shown(response, management_form) == (400, [STALE])
    assert management_form(response.context)["c6"].value() == "9"
    assert dict(ManagementFigure.objects.values_list("column", "value")) == {6: 4}


def test_stale_report_sections_are_refused_and_keep_what_was_typed(client, gia_lai, committee_of_gia_lai):
    first, second = (staff_with_role(committee_of_gia_lai, Role.REPORTER) for _ in range(2))
    client.force_login(second)
    mine = report_sections(client, gia_lai, {"IV": "Dự báo tình hình."})
    other = Client()
    other.force_login(first)
    other.post(reverse("reports:sections-save"), report_sections(other, gia_lai, {"III.1": "Ưu điểm."}))

    response = client.post(reverse("reports:sections-save"), mine)

    typed = {row.heading.number: row.text for row in response.context["outline"]}
    assert shown(response) == (400, [STALE])
    assert (typed["IV"], saved_sections(gia_lai, window("year", year=2026))) == (
        "Dự báo tình hình.",
        {"III.1": "Ưu điểm."},
    )


def test_a_form_posted_without_its_version_is_refused(client, committee_of_ia_grai):
    visit = VisitFactory(agency=committee_of_ia_grai)
    client.force_login(staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST))
    url = reverse("reception:visit-correct", args=[visit.pk])
    typed = {name: value for name, value in as_posted(client.get(url).context["form"]).items() if name != "version"}

    response = client.post(url, typed | {"people": "5", "reason": "Đếm lại"})

    visit.refresh_from_db()
    assert (shown(response), visit.people) == ((400, [STALE]), 1)


def test_a_change_outside_the_forms_fields_leaves_it_current(committee_of_ia_grai):
    visit = VisitFactory(agency=committee_of_ia_grai, answer_due_on=date(2026, 3, 26))
    receptionist = staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)
    save = editing(receptionist, reverse("reception:visit-correct", args=[visit.pk]), people=5, reason="Đếm lại")()
    visit.answered_on = date(2026, 3, 20)
    visit.save(update_fields=["answered_on"])

    response = save()

    visit.refresh_from_db()
    assert (response.status_code, visit.people, visit.answered_on) == (302, 5, date(2026, 3, 20))
