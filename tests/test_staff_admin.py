"""A unit admin administers the staff of the agencies of their area, never beyond it, every change logged."""

import pytest
from django.core import mail
from django.urls import reverse

from danvan.models import AuditEntry, Membership, Role, Staff
from danvan.services import create_standard_agencies
from portal.demo import create_demo_accounts
from tests.edit_forms import opened
from tests.factories import PASSWORD, AgencyFactory, MembershipFactory, StaffFactory, current_unit, staff_with_role

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "mot-mat-khau-ban-dau-2026"


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def commune_admin(committee_of_ia_grai, client):
    admin = staff_with_role(committee_of_ia_grai, Role.UNIT_ADMIN, username="xa.quantri")
    client.force_login(admin)
    return admin


@pytest.fixture
def clerk(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST, full_name="Rơ Mah Thị Bơ", email="bo@iagrai.vn")


@pytest.fixture
def pleiku_handler(committee_of_pleiku):
    return staff_with_role(committee_of_pleiku, Role.HANDLER, full_name="Nguyễn Văn Phố")


@pytest.fixture
def committee_of_ha_noi(db):
    return AgencyFactory(unit=current_unit("01"))


def _roles(staff: Staff) -> set[tuple[str, str]]:
    return {(membership.agency.name, membership.role) for membership in staff.memberships.select_related("agency")}


# The list


def test_the_staff_list_shows_the_staff_of_the_admins_area_only(client, commune_admin, clerk, pleiku_handler):
    response = client.get(reverse("staff-list"))

    assert [staff.username for staff in response.context["page"]] == [commune_admin.username, clerk.username]


def test_a_province_admin_lists_the_staff_of_its_communes(client, committee_of_gia_lai, clerk, pleiku_handler):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.UNIT_ADMIN, full_name="Võ Quốc Bảo"))

    response = client.get(reverse("staff-list"))

    assert [staff.full_name for staff in response.context["page"]] == ["Nguyễn Văn Phố", "Rơ Mah Thị Bơ", "Võ Quốc Bảo"]


def test_the_staff_list_finds_a_name_typed_without_diacritics(client, commune_admin, clerk):
    response = client.get(reverse("staff-list"), {"q": "ro mah thi bo"})

    assert list(response.context["page"]) == [clerk]


def test_the_staff_list_does_not_show_roles_held_outside_the_area(client, commune_admin, clerk, committee_of_ha_noi):
    MembershipFactory(staff=clerk, agency=committee_of_ha_noi, role=Role.LEADER)

    page = client.get(reverse("staff-list")).content.decode()

    assert (committee_of_ha_noi.name in page, "Cán bộ tiếp công dân — Ủy ban nhân dân xã Ia Grai" in page) == (
        False,
        True,
    )


def test_the_role_filter_reads_only_roles_held_in_the_area(client, commune_admin, clerk, committee_of_ha_noi):
    MembershipFactory(staff=clerk, agency=committee_of_ha_noi, role=Role.LEADER)

    response = client.get(reverse("staff-list"), {"role": Role.LEADER})

    assert list(response.context["page"]) == []


def test_a_staff_member_without_the_admin_role_may_not_open_the_staff_pages(client, clerk):
    client.force_login(clerk)

    assert [client.get(reverse(name)).status_code for name in ("staff-list", "staff-new", "audit-log")] == [403] * 3


# Adding staff


def _new(client, agency, **fields):
    data = {
        "username": "tam.dv",
        "full_name": "Đặng Văn Tâm",
        "title": "Công chức văn phòng",
        "email": "tam@iagrai.vn",
        "password": NEW_PASSWORD,
        "agency": agency.pk,
        "roles": [Role.HANDLER, Role.REPORTER],
    }
    return client.post(reverse("staff-new"), data | fields)


def test_an_admin_adds_staff_with_roles_in_an_agency_of_their_area(client, commune_admin, committee_of_ia_grai):
    _new(client, committee_of_ia_grai)

    staff = Staff.objects.get(username="tam.dv")
    assert (staff.full_name, staff.check_password(NEW_PASSWORD), _roles(staff)) == (
        "Đặng Văn Tâm",
        True,
        {("Ủy ban nhân dân xã Ia Grai", Role.HANDLER), ("Ủy ban nhân dân xã Ia Grai", Role.REPORTER)},
    )


def test_adding_staff_is_logged_with_their_roles(client, commune_admin, committee_of_ia_grai):
    _new(client, committee_of_ia_grai)

    entry = AuditEntry.objects.get()
    assert (entry.by, entry.action, entry.summary, entry.changes) == (
        commune_admin,
        AuditEntry.Action.STAFF_CREATED,
        "Thêm cán bộ Đặng Văn Tâm (tam.dv)",
        {
            "Vai trò": [
                "",
                "Cán bộ xử lý đơn — Ủy ban nhân dân xã Ia Grai; Cán bộ tổng hợp, báo cáo — Ủy ban nhân dân xã Ia Grai",
            ]
        },
    )


def test_staff_added_without_a_password_get_a_link_to_set_it(client, commune_admin, committee_of_ia_grai):
    _new(client, committee_of_ia_grai, password="")

    staff = Staff.objects.get(username="tam.dv")
    [message] = mail.outbox
    assert (staff.has_usable_password(), message.to, message.subject) == (
        False,
        ["tam@iagrai.vn"],
        "Tài khoản Danvan của bạn: đặt mật khẩu",
    )


def test_staff_without_password_nor_email_are_refused(client, commune_admin, committee_of_ia_grai):
    response = _new(client, committee_of_ia_grai, password="", email="")

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Hãy nhập mật khẩu ban đầu, hoặc e-mail để gửi liên kết đặt mật khẩu."
    ]
    assert not Staff.objects.filter(username="tam.dv").exists()


def test_a_username_already_taken_is_refused(client, commune_admin, committee_of_ia_grai, clerk):
    response = _new(client, committee_of_ia_grai, username=clerk.username.upper())

    assert response.context["form"].errors["username"] == [
        f"Tên đăng nhập “{clerk.username.upper()}” đã có người dùng; hãy chọn tên khác."
    ]


def test_an_agency_outside_the_area_is_not_offered(client, commune_admin, committee_of_pleiku):
    form = client.get(reverse("staff-new")).context["form"]

    assert committee_of_pleiku not in form.fields["agency"].queryset


def test_an_agency_outside_the_area_posted_anyway_is_refused(client, commune_admin, committee_of_pleiku):
    response = _new(client, committee_of_pleiku)

    assert response.status_code == 400
    assert response.context["form"].errors["agency"] == ["Cơ quan này không thuộc phạm vi quản trị của bạn."]
    assert not Staff.objects.filter(username="tam.dv").exists()


# Roles


def _set_roles(client, staff, agency, roles):
    version = opened(client, reverse("staff-detail", args=[staff.pk]), form="add_roles")
    return client.post(reverse("staff-roles", args=[staff.pk]), {"agency": agency.pk, "roles": roles} | version)


def test_an_admin_changes_roles_and_the_log_keeps_old_and_new(client, commune_admin, clerk, committee_of_ia_grai):
    _set_roles(client, clerk, committee_of_ia_grai, [Role.HANDLER])

    entry = AuditEntry.objects.get()
    assert (_roles(clerk), entry.action, entry.changes) == (
        {("Ủy ban nhân dân xã Ia Grai", Role.HANDLER)},
        AuditEntry.Action.STAFF_CHANGED,
        {
            "Vai trò": [
                "Cán bộ tiếp công dân — Ủy ban nhân dân xã Ia Grai",
                "Cán bộ xử lý đơn — Ủy ban nhân dân xã Ia Grai",
            ]
        },
    )


def test_the_last_role_cannot_be_taken_away(client, commune_admin, clerk, committee_of_ia_grai):
    response = _set_roles(client, clerk, committee_of_ia_grai, [])

    assert response.status_code == 400
    assert _roles(clerk) == {("Ủy ban nhân dân xã Ia Grai", Role.RECEPTIONIST)}
    assert AuditEntry.objects.count() == 0


def test_a_role_in_an_agency_outside_the_area_is_refused(client, commune_admin, clerk, committee_of_pleiku):
    response = _set_roles(client, clerk, committee_of_pleiku, [Role.LEADER])

    assert response.status_code == 400
    assert _roles(clerk) == {("Ủy ban nhân dân xã Ia Grai", Role.RECEPTIONIST)}


# Out of reach


def test_staff_outside_the_area_do_not_exist_for_the_admin(client, commune_admin, pleiku_handler):
    urls = [reverse("staff-detail", args=[pleiku_handler.pk])] + [
        reverse(name, args=[pleiku_handler.pk]) for name in ("staff-active", "staff-reset", "staff-details")
    ]

    statuses = [client.get(urls[0]).status_code] + [client.post(url, {"active": "0"}).status_code for url in urls[1:]]

    assert statuses == [404, 404, 404, 404]
    pleiku_handler.refresh_from_db()
    assert pleiku_handler.is_active is True


def test_staff_with_a_role_outside_the_area_cannot_be_disabled(client, commune_admin, clerk, committee_of_pleiku):
    MembershipFactory(staff=clerk, agency=committee_of_pleiku, role=Role.HANDLER)

    response = client.post(reverse("staff-active", args=[clerk.pk]), {"active": "0"})

    clerk.refresh_from_db()
    assert (response.status_code, clerk.is_active, AuditEntry.objects.count()) == (403, True, 0)
    assert "Cán bộ này còn vai trò ở cơ quan ngoài phạm vi của bạn" in response.content.decode()


def test_staff_with_a_role_outside_the_area_keep_their_roles(
    client, commune_admin, clerk, committee_of_pleiku, committee_of_ia_grai
):
    MembershipFactory(staff=clerk, agency=committee_of_pleiku, role=Role.HANDLER)

    response = _set_roles(client, clerk, committee_of_ia_grai, [Role.LEADER])

    assert (response.status_code, Membership.objects.filter(staff=clerk, role=Role.LEADER).exists()) == (403, False)


def test_a_superuser_cannot_be_changed_by_a_unit_admin(client, commune_admin, committee_of_ia_grai):
    superuser = StaffFactory(is_superuser=True, is_staff=True)
    MembershipFactory(staff=superuser, agency=committee_of_ia_grai, role=Role.LEADER)

    response = client.post(reverse("staff-active", args=[superuser.pk]), {"active": "0"})

    superuser.refresh_from_db()
    assert (response.status_code, superuser.is_active) == (403, True)


def test_an_admin_does_not_disable_themselves(client, commune_admin):
    response = client.post(reverse("staff-active", args=[commune_admin.pk]), {"active": "0"})

    commune_admin.refresh_from_db()
    assert (response.status_code, commune_admin.is_active) == (403, True)


def test_a_commune_admin_cannot_touch_the_province_admin(client, commune_admin, committee_of_gia_lai):
    province_admin = staff_with_role(committee_of_gia_lai, Role.UNIT_ADMIN)

    response = client.post(reverse("staff-active", args=[province_admin.pk]), {"active": "0"})

    assert response.status_code == 404


# Disabling, enabling, password


def test_a_disabled_account_can_no_longer_log_in(client, commune_admin, clerk):
    client.post(reverse("staff-active", args=[clerk.pk]), {"active": "0", "reason": "Nghỉ hưu"})
    client.logout()

    response = client.post(reverse("login"), {"username": clerk.username, "password": PASSWORD})

    assert response.status_code == 200
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.subject, entry.reason) == (AuditEntry.Action.STAFF_DISABLED, clerk, "Nghỉ hưu")


def test_a_disabled_staff_members_open_session_ends(client, commune_admin, clerk):
    client.post(reverse("staff-active", args=[clerk.pk]), {"active": "0"})
    client.force_login(clerk)
    clerk.is_active = False
    clerk.save()

    assert client.get(reverse("home")).status_code == 302


def test_an_admin_enables_a_disabled_account_again(client, commune_admin, clerk):
    clerk.is_active = False
    clerk.save()

    client.post(reverse("staff-active", args=[clerk.pk]), {"active": "1"})

    clerk.refresh_from_db()
    assert (clerk.is_active, AuditEntry.objects.get().action) == (True, AuditEntry.Action.STAFF_ENABLED)


def test_an_admin_sends_a_reset_link_and_it_is_logged(client, commune_admin, clerk):
    client.post(reverse("staff-reset", args=[clerk.pk]))

    [message] = mail.outbox
    entry = AuditEntry.objects.get()
    assert (message.to, message.subject, entry.action, entry.by) == (
        ["bo@iagrai.vn"],
        "Đặt lại mật khẩu Danvan",
        AuditEntry.Action.PASSWORD_RESET,
        commune_admin,
    )


def test_a_reset_for_staff_without_email_is_refused(client, commune_admin, committee_of_ia_grai):
    staff = staff_with_role(committee_of_ia_grai, Role.HANDLER)

    response = client.post(reverse("staff-reset", args=[staff.pk]), follow=True)

    assert mail.outbox == []
    assert [str(message) for message in response.context["messages"]] == [
        "Cán bộ chưa có địa chỉ e-mail hợp lệ: hãy nhập e-mail trước khi gửi liên kết."
    ]


def test_an_admin_changes_details_and_the_log_keeps_old_and_new(client, commune_admin, clerk):
    version = opened(client, reverse("staff-detail", args=[clerk.pk]), form="details")

    client.post(
        reverse("staff-details", args=[clerk.pk]),
        {"full_name": "Rơ Mah Thị Bơ", "title": "Công chức tư pháp", "email": "bo@iagrai.vn"} | version,
    )

    assert AuditEntry.objects.get().changes == {"Chức vụ": ["", "Công chức tư pháp"]}


# The pages


def test_a_staff_members_page_offers_the_admins_changes(client, commune_admin, clerk):
    page = client.get(reverse("staff-detail", args=[clerk.pk])).content.decode()

    assert [label in page for label in ("Lưu thông tin", "Lưu vai trò", "Khóa tài khoản", "Gửi liên kết")] == [True] * 4


def test_a_staff_members_page_says_why_the_admin_may_not_change_them(client, commune_admin, clerk, committee_of_pleiku):
    MembershipFactory(staff=clerk, agency=committee_of_pleiku, role=Role.HANDLER)

    page = client.get(reverse("staff-detail", args=[clerk.pk])).content.decode()

    assert "Cán bộ này còn vai trò ở cơ quan ngoài phạm vi của bạn" in page
    assert ("Khóa tài khoản" in page, committee_of_pleiku.name in page) == (False, False)


def test_the_demo_admins_see_their_staff(client, gia_lai):
    create_standard_agencies(province=gia_lai)
    create_demo_accounts()
    seen = {}
    for username in ("tinh.quantri", "xa.quantri"):
        client.force_login(Staff.objects.get(username=username))
        seen[username] = {staff.username for staff in client.get(reverse("staff-list")).context["page"]}

    commune = {"xa.tiepdan", "xa.xuly", "xa.lanhdao", "xa.baocao", "xa.quantri"}
    province = {"tinh.tiepdan", "tinh.xuly", "tinh.lanhdao", "tinh.baocao", "tinh.quantri"}
    assert seen == {"tinh.quantri": commune | province, "xa.quantri": commune}
