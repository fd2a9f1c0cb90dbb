from datetime import date

import factory
from django.contrib.auth.hashers import make_password

from danvan.models import AdminUnit, Agency, Case, Citizen, Classification, Membership, Role, Staff, SubjectField
from dialogues.models import Dialogue, Directive, Host, Kind, Opinion, OpinionStatus
from reception.models import Mode, Receiver, ReceptionSession, Visit

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


def member_of(agency: Agency, role: Role) -> Staff:
    """Staff holding ``role`` in ``agency``: the first one it has, else a new one (who may act for it)."""
    membership = Membership.objects.filter(agency=agency, role=role).order_by("pk").select_related("staff").first()
    return membership.staff if membership else staff_with_role(agency, role)


def current_unit(code: str) -> AdminUnit:
    """A unit of the two-tier structure in force since 01/07/2025."""
    return AdminUnit.objects.get(code=code, valid_from=REFORM)


def legacy_unit(code: str) -> AdminUnit:
    """A unit of the three-tier structure valid until 30/06/2025."""
    return AdminUnit.objects.get(code=code, valid_from__isnull=True)


class CitizenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citizen

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Dân {n}")
    cccd = factory.Sequence(lambda n: f"0640{90000000 + n:08d}")
    birth_date = date(1990, 5, 17)
    gender = Citizen.Gender.MALE


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    agency = factory.SubFactory(AgencyFactory)
    citizen = factory.SubFactory(CitizenFactory)
    summary = "Tranh chấp đất đai với hộ liền kề"
    kind = Classification.COMPLAINT
    field = SubjectField.LAND
    opened_on = date(2026, 3, 2)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReceptionSession

    agency = factory.SubFactory(AgencyFactory)
    date = date(2026, 3, 12)
    receiver = Receiver.HEAD
    host_name = "Phạm Minh Đức"
    host_title = "Chủ tịch UBND"


class VisitFactory(factory.django.DjangoModelFactory):
    """A regular visit at the desk; pass mode/receiver/session for a head's reception."""

    class Meta:
        model = Visit

    agency = factory.SubFactory(AgencyFactory)
    received_on = date(2026, 3, 12)
    mode = Mode.REGULAR
    receiver = Receiver.OFFICER
    citizen = factory.SubFactory(CitizenFactory)
    people = 1
    content = "Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất"
    kind = Classification.RECOMMENDATION
    field = SubjectField.LAND
    case = factory.SubFactory(
        CaseFactory, agency=factory.SelfAttribute("..agency"), citizen=factory.SelfAttribute("..citizen")
    )


class DialogueFactory(factory.django.DjangoModelFactory):
    """A dialogue of a People's Committee at its own unit; pass ``agency`` (and ``unit`` for another of its area)."""

    class Meta:
        model = Dialogue

    agency = factory.SubFactory(AgencyFactory)
    unit = factory.SelfAttribute("agency.unit")
    kind = Kind.DIALOGUE
    date = date(2026, 3, 20)
    host = Host.COMMITTEE_CHAIR
    host_name = "Phạm Minh Đức"
    host_title = "Chủ tịch UBND"
    topic = "Bồi thường, hỗ trợ tái định cư dự án đường liên xã"
    participants = 120
    opinions_raised = 0
    opinions_answered = 0


class OpinionFactory(factory.django.DjangoModelFactory):
    """An opinion answered on the spot; pass status=ASSIGNED with ``assignee`` and ``due_on`` for one assigned."""

    class Meta:
        model = Opinion

    dialogue = factory.SubFactory(DialogueFactory)
    content = "Đề nghị sớm chi trả tiền bồi thường cho các hộ bị thu hồi đất"
    status = OpinionStatus.ANSWERED_ON_SPOT


class DirectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directive

    dialogue = factory.SubFactory(DialogueFactory)
    content = "Giao công chức địa chính rà soát hồ sơ bồi thường, báo cáo kết quả"
    owner = factory.SelfAttribute("dialogue.agency")
    due_on = date(2026, 4, 30)
