"""The audit log page: a unit admin sees what the staff of their area did and what was done to their accounts; a
superuser sees everything; nothing from another area."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.audit import audit
from danvan.models import AuditEntry, Role
from tests.factories import StaffFactory, staff_with_role

pytestmark = pytest.mark.django_db

Action = AuditEntry.Action


@pytest.fixture
def commune_admin(committee_of_ia_grai, client):
    admin = staff_with_role(committee_of_ia_grai, Role.UNIT_ADMIN)
    client.force_login(admin)
    return admin


@pytest.fixture
def clerk(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST)


@pytest.fixture
def pleiku_leader(committee_of_pleiku):
    return staff_with_role(committee_of_pleiku, Role.LEADER)


def _logged(by, action=Action.EXPORT, summary="Sổ tiếp công dân", **fields) -> AuditEntry:
    return audit(by=by, action=action, summary=summary, **fields)


def _summaries(response) -> list[str]:
    return [entry.summary for entry in response.context["page"]]


def test_an_admin_sees_what_the_staff_of_their_area_did(client, commune_admin, clerk, pleiku_leader):
    _logged(clerk, summary="Xuất sổ của xã Ia Grai")
    _logged(pleiku_leader, summary="Xuất sổ của phường Pleiku")

    assert _summaries(client.get(reverse("audit-log"))) == ["Xuất sổ của xã Ia Grai"]


def test_an_admin_sees_what_an_admin_above_did_to_their_staff(client, commune_admin, clerk, committee_of_gia_lai):
    province_admin = staff_with_role(committee_of_gia_lai, Role.UNIT_ADMIN)
    pleiku = StaffFactory()
    _logged(province_admin, Action.STAFF_DISABLED, "Khóa tài khoản của cán bộ ở Ia Grai", subject=clerk)
    _logged(province_admin, Action.STAFF_DISABLED, "Khóa tài khoản của cán bộ khác", subject=pleiku)

    assert _summaries(client.get(reverse("audit-log"))) == ["Khóa tài khoản của cán bộ ở Ia Grai"]


def test_a_superuser_sees_every_entry(client, clerk, pleiku_leader):
    client.force_login(StaffFactory(is_superuser=True))
    _logged(clerk, summary="một")
    _logged(pleiku_leader, summary="hai")

    assert _summaries(client.get(reverse("audit-log"))) == ["hai", "một"]


def test_the_log_filters_by_action(client, commune_admin, clerk):
    _logged(clerk)
    _logged(commune_admin, Action.STAFF_CHANGED, "Sửa vai trò", subject=clerk)

    response = client.get(reverse("audit-log"), {"action": Action.STAFF_CHANGED})

    assert _summaries(response) == ["Sửa vai trò"]


def test_the_log_filters_by_staff(client, commune_admin, clerk):
    _logged(clerk, summary="của cán bộ")
    _logged(commune_admin, summary="của quản trị")

    assert _summaries(client.get(reverse("audit-log"), {"by": clerk.pk})) == ["của cán bộ"]


def test_the_staff_filter_does_not_offer_staff_outside_the_area(client, commune_admin, pleiku_leader):
    response = client.get(reverse("audit-log"), {"by": pleiku_leader.pk})

    assert pleiku_leader not in response.context["filter"].form.fields["by"].queryset
    assert "by" in response.context["filter"].form.errors


def test_the_log_filters_by_date(client, commune_admin, clerk):
    old = _logged(clerk, summary="hôm trước")
    AuditEntry.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=3))
    _logged(clerk, summary="hôm nay")

    response = client.get(reverse("audit-log"), {"date_from": f"{timezone.localdate():%d/%m/%Y}"})

    assert _summaries(response) == ["hôm nay"]


def test_the_log_shows_roles_old_and_new(client, commune_admin, clerk):
    _logged(commune_admin, Action.STAFF_CHANGED, "Sửa vai trò", subject=clerk, changes={"Vai trò": ["cũ", "mới"]})

    assert "Vai trò: cũ → mới" in client.get(reverse("audit-log")).content.decode()
