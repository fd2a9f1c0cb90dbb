from datetime import date
from decimal import Decimal

import factory
from django.contrib.auth.hashers import make_password

from complaints.deadlines import resolution_deadline
from complaints.models import (
    ComplaintDialogue,
    Decision,
    Enforcement,
    Handling,
    Outcome,
    Petition,
    Source,
    Verification,
)
from complaints.rules import case_status, runs_resolution_clock
from complaints.steps import dialogue_required
from danvan.codes import ALPHABET, DIALOGUE_PREFIX, PETITION_PREFIX, VISIT_PREFIX
from danvan.models import AdminUnit, Agency, Case, Citizen, Classification, Membership, Role, Staff, SubjectField
from dialogues.models import Dialogue, Directive, Host, Kind, Opinion, OpinionStatus
from reception.models import Mode, Receiver, ReceptionSession, Visit

PASSWORD = "mat-khau-thu-nghiem-2026"
_PASSWORD_HASH = make_password(PASSWORD)  # Argon2 is slow on purpose: hash once for every test account
REFORM = date(2025, 7, 1)


def sequence_code(prefix: str, n: int) -> str:
    """The ``n``th code of ``prefix``, valid (danvan.codes), counting down from "TD-99999999"."""
    letters = ""
    for _ in range(8):
        n, digit = divmod(n, len(ALPHABET))
        letters = ALPHABET[-1 - digit] + letters
    return f"{prefix}-{letters}"


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
    """A matter not accepted yet; ``accepted=True`` accepts it on 05/03/2026 with its deadline (any ``accepted_on``
    given gets its deadline too), ``declined=True`` declines it that day (không thụ lý)."""

    class Meta:
        model = Case
        skip_postgeneration_save = True

    class Params:
        accepted = factory.Trait(accepted_on=date(2026, 3, 5))
        declined = factory.Trait(declined_on=date(2026, 3, 5))

    agency = factory.SubFactory(AgencyFactory)
    citizen = factory.SubFactory(CitizenFactory)
    summary = "Tranh chấp đất đai với hộ liền kề"
    kind = Classification.COMPLAINT
    field = SubjectField.LAND
    opened_on = date(2026, 3, 2)

    @factory.post_generation
    def clock(case, create, extracted, **kwargs):
        """As acceptance does: the resolution deadline of an accepted complaint or denunciation, unless given."""
        if case.accepted_on and case.due_on is None and runs_resolution_clock(case.kind):
            case.due_on = resolution_deadline(case)
            if create:
                case.save(update_fields=["due_on"])


def _case_of_petition(**traits) -> factory.SubFactory:
    """The petition's case, dated on the day it was handled."""
    return factory.SubFactory(
        CaseFactory,
        agency=factory.SelfAttribute("..agency"),
        citizen=factory.SelfAttribute("..citizen"),
        kind=factory.SelfAttribute("..kind"),
        field=factory.SelfAttribute("..field"),
        opened_on=factory.SelfAttribute("..received_on"),
        **traits,
    )


class PetitionFactory(factory.django.DjangoModelFactory):
    """A complaint received by post on 02/03/2026, not handled yet. Handled on 04/03/2026 within competence, with its
    case as the services leave it: ``accepted=True`` (thụ lý, the case's clock running), ``considered=True`` (xem xét
    điều kiện thụ lý: a case without a clock), ``declined=True`` (không thụ lý, with its reason). For a denunciation
    pass ``citizen=None`` (its denouncer is in the vault)."""

    class Meta:
        model = Petition

    class Params:
        within_competence = factory.Trait(processable=True, in_competence=True, handled_on=date(2026, 3, 4))
        accepted = factory.Trait(
            within_competence=True,
            handling=Handling.ACCEPT,
            case=_case_of_petition(accepted_on=factory.SelfAttribute("..handled_on")),
        )
        considered = factory.Trait(within_competence=True, handling=Handling.CONSIDER, case=_case_of_petition())
        declined = factory.Trait(
            within_competence=True,
            handling=Handling.DECLINE,
            handling_note="Không đủ điều kiện thụ lý: đã hết thời hiệu khiếu nại.",
            case=_case_of_petition(declined_on=factory.SelfAttribute("..handled_on")),
        )

    agency = factory.SubFactory(AgencyFactory)
    received_on = date(2026, 3, 2)
    source = Source.POST
    citizen = factory.SubFactory(CitizenFactory)
    kind = Classification.COMPLAINT
    field = SubjectField.LAND
    content = "Khiếu nại quyết định thu hồi đất của UBND xã"
    receipt_code = factory.Sequence(lambda n: sequence_code(PETITION_PREFIX, n))
    handling_due_on = date(2026, 3, 16)


class DecisionFactory(factory.django.DjangoModelFactory):
    """A decision issued on 30/03/2026 on an accepted complaint, which it closes, with an enforcement to carry out when
    on the merits (as decide_case leaves them): ``enforcement__completed_on=…`` and ``enforcement__<field>=…`` fill it,
    ``enforcement=False`` leaves it out. Traits for what it orders: ``returns``, ``sanctions``, ``referrals``."""

    class Meta:
        model = Decision
        skip_postgeneration_save = True

    class Params:
        returns = factory.Trait(
            returned_money=Decimal("50"), returned_land=Decimal("200"), returned_organisations=1, returned_individuals=2
        )
        sanctions = factory.Trait(sanctioned_organisations=1, sanctioned_people=3, sanctioned_officials=2)
        referrals = factory.Trait(referred_cases=1, referred_people=2, referred_officials=1)

    case = factory.SubFactory(CaseFactory, accepted=True)
    issued_on = date(2026, 3, 30)
    number = factory.Sequence(lambda n: f"{n + 1}/QĐ-UBND")
    outcome = Outcome.FOUNDED
    by = factory.SubFactory(StaffFactory)

    @factory.post_generation
    def enforcement(decision, create, extracted, **done):
        if not create:
            return
        case = decision.case
        case.resolved_on, case.status = decision.issued_on, case_status(resolved_on=decision.issued_on)
        case.save(update_fields=["resolved_on", "status"])
        if decision.to_enforce and extracted is not False:
            Enforcement.objects.create(decision=decision, **done)


class VerificationFactory(factory.django.DjangoModelFactory):
    """The verification of an accepted case, assigned and reported the day it was accepted (``reported_on=None``:
    still running)."""

    class Meta:
        model = Verification

    case = factory.SubFactory(CaseFactory, accepted=True)
    verifier = "Thanh tra huyện"
    number = factory.Sequence(lambda n: f"{n + 1}/QĐ-XM")
    started_on = factory.LazyAttribute(lambda verification: verification.case.accepted_on)
    reported_on = factory.LazyAttribute(lambda verification: verification.started_on)
    findings = factory.Maybe("reported_on", "Nội dung đã được xác minh tại chỗ.", "")


class ComplaintDialogueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ComplaintDialogue

    case = factory.SubFactory(CaseFactory, accepted=True)
    held_on = factory.LazyAttribute(lambda dialogue: dialogue.case.accepted_on)
    place = "Trụ sở Ủy ban nhân dân"
    participants = "Người khiếu nại, người bị khiếu nại, đại diện Thanh tra"
    minutes = "Các bên trình bày ý kiến; thống nhất một phần."


def verified(case: Case) -> Case:
    """``case`` with the steps a decision on the merits rests on: its verification reported and, where the law
    requires it, the dialogue held, both on the day it was accepted (complaints.steps)."""
    verification = VerificationFactory(case=case)
    if dialogue_required(case, verification):
        ComplaintDialogueFactory(case=case)
    return case


class EnforcementFactory(factory.django.DjangoModelFactory):
    """Carrying out a decision, not completed yet; ``completed=True`` completes it on 15/04/2026, ``results=True`` also
    with what it did: recovered, returned, sanctioned and prosecuted (05/KQTH)."""

    class Meta:
        model = Enforcement

    class Params:
        completed = factory.Trait(completed_on=date(2026, 4, 15))
        results = factory.Trait(
            completed=True, money_recovered=Decimal("20"), land_recovered=Decimal("100"),
            returned_money=Decimal("50"), returned_land=Decimal("200"), sanctioned_organisations=1,
            sanctioned_people=3, sanctioned_officials=2, prosecuted_cases=1, prosecuted_people=2,
            prosecuted_officials=1,
        )  # fmt: skip

    decision = factory.SubFactory(DecisionFactory, enforcement=False)


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
    receipt_code = factory.Sequence(lambda n: sequence_code(VISIT_PREFIX, n))


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
    code = factory.Sequence(lambda n: sequence_code(DIALOGUE_PREFIX, n))


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


# A complaint's handling proposed by its assignee: accepted within competence, as the handling form was typed (what a
# proposal keeps) and as approving it records it (``handle_petition``'s arguments).
TYPED_ACCEPTANCE = {"processable": "1", "in_competence": "1", "handling": "accept", "note": ""}
ACCEPTANCE = {"processable": True, "in_competence": True, "handling": "accept"}
