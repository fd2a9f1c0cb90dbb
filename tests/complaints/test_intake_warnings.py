"""What the intake form warns of while the officer types, before the petition is saved: a likely duplicate."""

import pytest
from django.urls import reverse

from complaints.models import Petition

pytestmark = pytest.mark.django_db

WARNINGS = reverse("complaints:petition-warnings")


def typed(agency, **changes) -> dict:
    return {
        "agency": agency.pk, "received_on": "05/03/2026", "source": "post", "kind": "complaint",
        "full_name": "Nguyen Van Khieu", "cccd": "064090007777", "address": "Thôn 4, xã Ia Grai",
        "content": "Khiếu nại quyết định thu hồi đất của UBND xã Ia Grai",
    } | changes  # fmt: skip


def test_a_petition_like_an_earlier_one_of_the_same_petitioner_is_flagged_before_saving(
    client, receive, handler_of_ia_grai, committee_of_ia_grai
):
    earlier = receive()
    client.force_login(handler_of_ia_grai)

    warnings = client.post(WARNINGS, typed(committee_of_ia_grai)).context["warnings"]

    assert (warnings, Petition.objects.count()) == (
        [f"Có thể trùng: đơn {earlier.receipt_code} nhận ngày 02/03/2026 của cùng người đứng đơn, nội dung tương tự."],
        1,
    )


def test_a_petition_about_another_matter_is_no_duplicate(client, receive, handler_of_ia_grai, committee_of_ia_grai):
    receive()
    client.force_login(handler_of_ia_grai)

    response = client.post(WARNINGS, typed(committee_of_ia_grai, content="Đề nghị sửa chữa đường liên thôn"))

    assert response.context["warnings"] == []


def test_a_denunciation_is_never_compared(client, receive, handler_of_ia_grai, committee_of_ia_grai):
    receive(kind="denunciation")
    client.force_login(handler_of_ia_grai)

    response = client.post(WARNINGS, typed(committee_of_ia_grai, kind="denunciation"))

    assert response.context["warnings"] == []
