import pytest
from django.core.management import CommandError, call_command

from danvan.models import Membership, Role, Staff
from danvan.services import create_standard_agencies
from tests.factories import current_unit, legacy_unit

pytestmark = pytest.mark.django_db

PASSWORD = "mot-mat-khau-du-dai-2026"


def test_add_staff_gives_the_account_its_role_at_the_unit_agency_of_today():
    create_standard_agencies(province=current_unit("52"))

    call_command(
        "add_staff",
        "lan.nt",
        "--unit",
        "23764",
        "--agency",
        "committee",
        "--role",
        "receptionist",
        "--password",
        PASSWORD,
    )

    membership = Membership.objects.get(staff__username="lan.nt")
    assert (membership.agency.name, membership.role) == ("Ủy ban nhân dân xã Ia Grai", Role.RECEPTIONIST)


def test_add_staff_resolves_the_unit_code_at_the_date_given():
    create_standard_agencies(province=legacy_unit("52"))

    call_command(
        "add_staff", "an.tv", "--unit", "52", "--agency", "committee", "--role", "leader", "--password", PASSWORD,
        "--on", "01/01/2024",
    )  # fmt: skip

    assert Membership.objects.get(staff__username="an.tv").agency.name == "Ủy ban nhân dân tỉnh Bình Định"


def test_add_staff_stores_the_password_hashed_with_argon2():
    create_standard_agencies(province=current_unit("52"))

    call_command(
        "add_staff", "hoa.lt", "--unit", "52", "--agency", "committee", "--role", "reporter", "--password", PASSWORD
    )

    staff = Staff.objects.get(username="hoa.lt")
    assert staff.password.startswith("argon2$")
    assert staff.check_password(PASSWORD)


def test_add_staff_explains_a_unit_without_agencies():
    with pytest.raises(CommandError, match="Xã Ia Grai chưa có cơ quan loại “Ủy ban nhân dân”"):
        call_command(
            "add_staff", "x", "--unit", "23764", "--agency", "committee", "--role", "leader", "--password", PASSWORD
        )


def test_add_staff_refuses_a_weak_password_and_creates_nothing():
    create_standard_agencies(province=current_unit("52"))

    with pytest.raises(CommandError):
        call_command(
            "add_staff", "yeu", "--unit", "52", "--agency", "committee", "--role", "leader", "--password", "123"
        )

    assert not Staff.objects.filter(username="yeu").exists()


def test_add_staff_refuses_a_date_not_written_day_first():
    with pytest.raises(CommandError, match="không đúng dạng dd/mm/yyyy"):
        call_command(
            "add_staff", "x", "--unit", "52", "--agency", "committee", "--role", "leader", "--password", PASSWORD,
            "--on", "2024-01-01",
        )  # fmt: skip
