"""A citizen's stored details change only by a correction with its reason (Sửa công dân), by staff recording for an
agency that has a record of them; old → new on the citizen's page and in the audit log."""

import pytest
from django.urls import reverse

from danvan.corrections import REASON_MISSING
from danvan.models import AuditEntry, Role
from tests.edit_forms import opened
from tests.factories import VisitFactory, staff_with_role
from tests.identity import STORED, shows_any_stored_detail, stored_row

pytestmark = pytest.mark.django_db

REASON = "Công dân xuất trình CCCD: tên viết đúng là Rah Lan Blơng"


@pytest.fixture
def citizen_of_ia_grai(committee_of_ia_grai):
    return VisitFactory(
        agency=committee_of_ia_grai, citizen__full_name="Rah Lan Blong", citizen__address="thon Hoa Binh"
    ).citizen


@pytest.fixture
def receptionist_of_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST, full_name="Rơ Mah Thị Bơ")


def posted(citizen, **changes) -> dict:
    stored = {"full_name": citizen.full_name, "cccd": citizen.cccd, "birth_date": "17/05/1990", "gender": "male"}
    return stored | {"address": citizen.address, "phone": citizen.phone, "reason": REASON} | changes


def correction_url(citizen) -> str:
    return reverse("reception:citizen-correct", args=[citizen.pk])


def posted_from_page(client, citizen, **changes) -> dict:
    """What the correction page, opened now, posts back with ``changes`` typed (its version included)."""
    return posted(citizen, **changes) | opened(client, correction_url(citizen))


def test_a_receptionist_of_an_agency_with_a_record_corrects_the_name_with_old_and_new_in_the_audit_log(
    client, citizen_of_ia_grai, receptionist_of_ia_grai
):
    client.force_login(receptionist_of_ia_grai)

    client.post(
        correction_url(citizen_of_ia_grai), posted_from_page(client, citizen_of_ia_grai, full_name="Rah Lan Blơng")
    )

    citizen_of_ia_grai.refresh_from_db()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.CORRECTION)
    assert (citizen_of_ia_grai.full_name, citizen_of_ia_grai.search_name) == ("Rah Lan Blơng", "rah lan blong")
    assert (entry.by, entry.summary, entry.changes, entry.reason) == (
        receptionist_of_ia_grai,
        f"Sửa thông tin công dân: họ và tên (công dân số {citizen_of_ia_grai.pk})",
        {"Họ và tên": ["Rah Lan Blong", "Rah Lan Blơng"]},
        REASON,
    )


def test_the_citizens_page_shows_the_correction_old_and_new_with_its_reason(
    client, citizen_of_ia_grai, receptionist_of_ia_grai
):
    client.force_login(receptionist_of_ia_grai)
    client.post(
        correction_url(citizen_of_ia_grai), posted_from_page(client, citizen_of_ia_grai, address="thôn Hòa Bình")
    )

    response = client.get(reverse("reception:citizen-detail", args=[citizen_of_ia_grai.pk]))

    assert [(event.changes, event.reason) for event in response.context["timeline"]] == [
        ({"Địa chỉ": ["thon Hoa Binh", "thôn Hòa Bình"]}, REASON)
    ]


def test_a_correction_without_a_reason_changes_nothing(client, citizen_of_ia_grai, receptionist_of_ia_grai):
    client.force_login(receptionist_of_ia_grai)

    response = client.post(
        correction_url(citizen_of_ia_grai), posted_from_page(client, citizen_of_ia_grai, full_name="X", reason="")
    )

    citizen_of_ia_grai.refresh_from_db()
    assert (response.status_code, response.context["form"].errors["reason"], citizen_of_ia_grai.full_name) == (
        400,
        [REASON_MISSING],
        "Rah Lan Blong",
    )


def test_a_cccd_held_by_another_citizen_is_refused_on_the_field(
    client, committee_of_ia_grai, citizen_of_ia_grai, receptionist_of_ia_grai
):
    other = VisitFactory(agency=committee_of_ia_grai).citizen
    client.force_login(receptionist_of_ia_grai)

    response = client.post(
        correction_url(citizen_of_ia_grai), posted_from_page(client, citizen_of_ia_grai, cccd=other.cccd)
    )

    assert (response.status_code, "cccd" in response.context["form"].errors) == (400, True)


def test_staff_of_another_commune_find_neither_the_citizens_page_nor_its_correction(
    client, committee_of_pleiku, receptionist_of_ia_grai
):
    citizen = VisitFactory(agency=committee_of_pleiku, citizen__full_name=STORED["full_name"]).citizen
    before = stored_row(citizen)
    client.force_login(receptionist_of_ia_grai)

    page = client.get(reverse("reception:citizen-detail", args=[citizen.pk]))
    correction = client.post(correction_url(citizen), posted(citizen, full_name="Nguyễn Văn Đổi"))

    assert (page.status_code, correction.status_code, stored_row(citizen)) == (404, 404, before)
    assert not shows_any_stored_detail(page)


def test_a_reporter_who_sees_the_citizen_may_not_correct_them(client, committee_of_ia_grai, citizen_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.REPORTER))

    response = client.post(correction_url(citizen_of_ia_grai), posted(citizen_of_ia_grai, full_name="Nguyễn Văn Đổi"))

    citizen_of_ia_grai.refresh_from_db()
    assert (response.status_code, citizen_of_ia_grai.full_name) == (403, "Rah Lan Blong")
