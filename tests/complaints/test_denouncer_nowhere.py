"""A denouncer's identity appears on no page, list, search result, export or document that a user without the
permission can reach (Luật Tố cáo 2018, Điều 8, 47); a permitted user's reveal is logged."""

import zipfile
from io import BytesIO

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from complaints.documents import CASE_DOCUMENTS, PETITION_DOCUMENTS
from complaints.models import IdentityReveal, Petition
from danvan.models import Case, Role, Staff
from reception.models import Visit
from tests.factories import staff_with_role

pytestmark = pytest.mark.django_db

UNIQUE_NAME = "Hoàng Thị Bímậtxyz"
CCCD = "064190009876"
PHONE = "0912345670"
ADDRESS = "Thôn Bí Mật, xã Ia Grai"


def body_of(response) -> str:
    """A page's text, or every XML part of an .xlsx or .docx download."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":
        with zipfile.ZipFile(BytesIO(content)) as archive:
            return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return content.decode("utf-8", "replace")


@pytest.fixture
def denunciations(client, committee_of_ia_grai, accept):
    """The same denouncer twice: told at the desk (petition handed over) and by post, then accepted as a case."""
    receptionist = staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)
    client.force_login(receptionist)
    today = timezone.localdate()
    client.post(
        reverse("reception:desk"),
        {
            "agency": committee_of_ia_grai.pk, "cccd": CCCD, "full_name": UNIQUE_NAME, "phone": PHONE,
            "address": ADDRESS, "received_on": today.strftime("%d/%m/%Y"), "mode": "regular",
            "receiver": "officer", "channel": "in_person", "people": "1",
            "content": "Tố cáo cán bộ địa chính nhận tiền", "kind": "denunciation",
            "result": "petition_received", "documents": "Đơn tố cáo",
        },
    )  # fmt: skip
    client.logout()
    petition = Petition.objects.get()
    case = accept(petition, today)
    return petition, case, Visit.objects.get()


def test_no_page_export_or_document_shows_the_denouncer_to_a_user_without_the_permission(
    client, denunciations, committee_of_ia_grai
):
    petition, case, visit = denunciations
    leader = staff_with_role(committee_of_ia_grai, Role.LEADER)
    client.force_login(leader)
    search = {"q": "hoang thi bimatxyz"}  # echoed back in the search box: the checks below look for the real name

    responses = [
        client.get(reverse("reception:desk")),
        client.post(reverse("reception:citizen-lookup"), {"full_name": "hoang thi bimatxyz"}),
        client.post(reverse("reception:citizen-lookup"), {"cccd": CCCD}),
        client.get(reverse("reception:visit-list")),
        client.get(reverse("reception:visit-list"), search),
        client.get(visit.get_absolute_url()),
        client.get(reverse("reception:visit-receipt", args=[visit.pk])),
        client.get(reverse("reception:visit-export")),
        client.get(reverse("reception:session-list")),
        client.get(reverse("complaints:petition-list")),
        client.get(reverse("complaints:petition-list"), search),
        client.get(petition.get_absolute_url()),
        client.get(reverse("complaints:petition-export")),
        client.get(reverse("complaints:case-list")),
        client.get(reverse("complaints:case-list"), search),
        client.get(reverse("complaints:case-detail", args=[case.pk])),
        client.get(reverse("search"), search),
        client.get(reverse("search"), {"q": petition.receipt_code}),
        client.get(reverse("search"), {"q": f"VV{case.pk}"}),
        client.get(reverse("search"), {"q": visit.receipt_code}),
        client.get(reverse("complaints:denouncer-reveal", args=[petition.pk])),
        *(client.get(reverse("complaints:petition-document", args=[petition.pk, t.slug])) for t in PETITION_DOCUMENTS),
        *(client.get(reverse("complaints:case-document", args=[case.pk, t.slug])) for t in CASE_DOCUMENTS),
        client.post(reverse("public-lookup"), {"code": petition.receipt_code, "digits": PHONE[-4:]}),
    ]

    reached = [response for response in responses if response.status_code == 200]
    leaks = [
        response.wsgi_request.get_full_path()
        for response in reached
        if any(secret in body_of(response) for secret in (UNIQUE_NAME, CCCD, PHONE, ADDRESS))
    ]
    assert leaks == []
    assert len(reached) >= 15


def test_a_permitted_users_reveal_shows_the_denouncer_and_writes_a_log_row(client, denunciations, committee_of_ia_grai):
    petition, _, _ = denunciations
    inspector = staff_with_role(committee_of_ia_grai, Role.LEADER)
    inspector.user_permissions.add(Permission.objects.get(codename="reveal_denouncer"))
    client.force_login(Staff.objects.get(pk=inspector.pk))

    response = client.post(
        reverse("complaints:denouncer-reveal", args=[petition.pk]),
        {"reason": "Xác minh theo chỉ đạo của Chủ tịch UBND"},
    )

    assert UNIQUE_NAME in response.content.decode()
    assert list(IdentityReveal.objects.values_list("staff", "reason")) == [
        (inspector.pk, "Xác minh theo chỉ đạo của Chủ tịch UBND")
    ]


def test_the_case_opened_at_the_desk_does_not_carry_the_denouncer(denunciations):
    _, case, _ = denunciations

    assert (Case.objects.get(pk=case.pk).citizen, case.petitions.get().citizen) == (None, None)
