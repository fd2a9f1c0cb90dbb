from datetime import date

import factory
from django.contrib.auth.hashers import make_password

from danvan.models import AdminUnit, Agency, Membership, Role, Staff

PASSWORD = "mat-khau-thu-nghiem-2026"
_PASSWORD_HASH = make_password(PASSWORD)  # Argon2 is slow on purpose: hash once for every test account
REFORM = date(2025, 7, 1)


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    kind = Agency.Kind.COMMITTEE
    name = factory.LazyAttribute(lambda agency: f"Ủy ban nhân dân {agency.unit.name_in_sentence}")


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Staff

    username = factory.Sequence(lambda n: f"canbo{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Cán Bộ {n}")
    password = _PASSWORD_HASH


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    staff = factory.SubFactory(StaffFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = Role.LEADER


def staff_with_role(agency: Agency, role: Role, **fields) -> Staff:
    return MembershipFactory(agency=agency, role=role, staff=StaffFactory(**fields)).staff


def current_unit(code: str) -> AdminUnit:
    """A unit of the two-tier structure in force since 01/07/2025."""
    return AdminUnit.objects.get(code=code, valid_from=REFORM)


def legacy_unit(code: str) -> AdminUnit:
    """A unit of the three-tier structure valid until 30/06/2025."""
    return AdminUnit.objects.get(code=code, valid_from__isnull=True)
