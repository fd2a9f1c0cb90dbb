"""A double submit of a complaints handling step writes once: two requests that loaded the same record submit the step
at the same moment, each on its own database connection; the service locks the row it checks, so the second waits for
the first, then sees what it wrote and is refused.

Only PostgreSQL locks rows (SQLite serialises whole transactions, ``select_for_update`` is a no-op there), so these
tests run on PostgreSQL only. They commit what they arrange (``transaction=True``): the database is emptied after each,
so they bring their own province instead of the country loaded for the session."""

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from complaints.models import Enforcement, Handling, Outcome, Petition, Proposal, ProposalKind, Source
from complaints.services.handling import confirm_duplicate, handle_petition, record_reply
from complaints.services.handover import hand_over
from complaints.services.intake import receive_petition
from complaints.services.resolution import (
    complete_enforcement,
    complete_hotspot_plan,
    decide_case,
    extend_case,
    mark_hotspot,
    resume_case,
    suspend_case,
)
from complaints.services.steps import assign_verification, publish_decision, report_verification
from complaints.services.workflow import approve, assign, propose, return_for_rework
from danvan.citizens import CitizenDetails
from danvan.models import AdminUnit, Agency, Case, Classification, Event, Role
from tests.factories import (
    ACCEPTANCE,
    REFORM,
    TYPED_ACCEPTANCE,
    AgencyFactory,
    PetitionFactory,
    staff_with_role,
    verified,
)
from tests.races import ON_POSTGRESQL, at_once, committee_of_own_province

pytestmark = ON_POSTGRESQL

RECEIVED, ACCEPTED, ON = date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 20)


class Office:
    """A province's People's Committee with a leader and a handler, and the records a step starts from."""

    def __init__(self) -> None:
        self.agency = committee_of_own_province()
        self.leader = staff_with_role(self.agency, Role.LEADER)
        self.handler = staff_with_role(self.agency, Role.HANDLER)

    def petition(self, kind: str = Classification.COMPLAINT) -> Petition:
        return receive_petition(
            agency=self.agency, by=self.handler, received_on=RECEIVED, source=Source.POST, kind=kind,
            content="Khiếu nại quyết định thu hồi đất", details=CitizenDetails(full_name="Nguyễn Văn Khiếu"),
        )  # fmt: skip

    def handle(self, petition: Petition, handling: str = Handling.ACCEPT, **fields) -> Petition:
        competent = handling == Handling.ACCEPT
        return handle_petition(
            petition=Petition.objects.get(pk=petition.pk), by=self.handler, on=ACCEPTED, processable=True,
            in_competence=competent, handling=handling, **fields,
        )  # fmt: skip

    def case(self) -> Case:
        """An accepted denunciation, especially complex: two extensions are allowed."""
        petition = self.handle(
            self.petition(Classification.DENUNCIATION), complexity=Case.Complexity.ESPECIALLY_COMPLEX
        )
        return petition.case

    def forwarded(self) -> Petition:
        return self.handle(
            self.petition(), Handling.FORWARD, forwarded_to_name="Tòa án nhân dân khu vực 5", letter_number="12/PC",
            letter_date=ACCEPTED,
        )  # fmt: skip

    def assigned(self) -> Petition:
        petition = self.petition()
        assign(record=petition, by=self.leader, on=ACCEPTED, handler=self.handler)
        return petition

    def proposed(self) -> Proposal:
        petition = self.assigned()
        return propose(
            record=petition,
            by=self.handler,
            kind=ProposalKind.HANDLING,
            text="Đề nghị thụ lý",
            handling=TYPED_ACCEPTANCE,
        )


# Each step arranges (and commits) what it starts from, and returns the event it records and how one request loads
# the record, as its page did, into the submit it then sends.
Submit = Callable[[], object]


def _handle(office: Office) -> tuple[str, Callable[[], Submit]]:
    petition = office.petition()

    def load() -> Submit:
        loaded = Petition.objects.get(pk=petition.pk)
        return lambda: handle_petition(
            petition=loaded, by=office.handler, on=ACCEPTED, processable=True, in_competence=True,
            handling=Handling.ACCEPT,
        )  # fmt: skip

    return "handled", load


def _reply(office: Office) -> tuple[str, Callable[[], Submit]]:
    petition = office.forwarded()

    def load() -> Submit:
        loaded = Petition.objects.get(pk=petition.pk)
        return lambda: record_reply(petition=loaded, by=office.handler, on=ON, number="45/TA")

    return "replied", load


def _duplicate(office: Office) -> tuple[str, Callable[[], Submit]]:
    first, second = office.petition(), office.petition()

    def load() -> Submit:
        loaded, of = Petition.objects.get(pk=second.pk), Petition.objects.get(pk=first.pk)
        return lambda: confirm_duplicate(petition=loaded, of=of, by=office.handler)

    return "duplicate", load


def _assign(office: Office) -> tuple[str, Callable[[], Submit]]:
    petition = office.petition()

    def load() -> Submit:
        loaded = Petition.objects.get(pk=petition.pk)
        return lambda: assign(record=loaded, by=office.leader, on=ACCEPTED, handler=office.handler)

    return "assigned", load


def _propose(office: Office) -> tuple[str, Callable[[], Submit]]:
    petition = office.assigned()

    def load() -> Submit:
        loaded = Petition.objects.get(pk=petition.pk)
        return lambda: propose(
            record=loaded,
            by=office.handler,
            kind=ProposalKind.HANDLING,
            text="Đề nghị thụ lý",
            handling=TYPED_ACCEPTANCE,
        )

    return "proposed", load


def _review(service: Callable, event: str, **more) -> Callable[[Office], tuple[str, Callable[[], Submit]]]:
    def arrange(office: Office) -> tuple[str, Callable[[], Submit]]:
        proposal = office.proposed()

        def load() -> Submit:
            loaded = Proposal.objects.get(pk=proposal.pk)
            return lambda: service(proposal=loaded, by=office.leader, note="Làm rõ căn cứ", **more)

        return event, load

    return arrange


def _on_case(
    event: str, submit: Callable[[Office, Case], object], before: Callable[[Office, Case], object] = lambda *_: None
) -> Callable[[Office], tuple[str, Callable[[], Submit]]]:
    """A step on an accepted case, after ``before`` (also a step on it)."""

    def arrange(office: Office) -> tuple[str, Callable[[], Submit]]:
        case = office.case()
        before(office, case)

        def load() -> Submit:
            loaded = Case.objects.get(pk=case.pk)
            return lambda: submit(office, loaded)

        return event, load

    return arrange


def _suspend(office: Office, case: Case) -> object:
    return suspend_case(case=case, by=office.handler, on=ACCEPTED, number="2/QĐ-TĐC")


def _verify(office: Office, case: Case) -> object:
    return assign_verification(case=case, by=office.handler, on=ACCEPTED, verifier="Thanh tra", number="1/QĐ-XM")


def _report(office: Office, case: Case) -> object:
    return report_verification(
        case=case, by=office.handler, on=ACCEPTED, findings="Đã xác minh.", differs_from_claim=True
    )


def _verified(office: Office, case: Case) -> object:
    return verified(case)


def _decide(office: Office, case: Case) -> object:
    return decide_case(
        case=case,
        by=office.handler,
        issued_on=ON,
        number="15/KL",
        outcome=Outcome.FOUNDED,
        money_due=Decimal(50),
    )


def _mark_hotspot(office: Office, case: Case) -> object:
    return mark_hotspot(case=case, by=office.handler, plan="Đối thoại với các hộ dân")


def _enforce(office: Office, case: Case) -> object:
    enforcement = Enforcement.objects.get(decision__case=case)
    return complete_enforcement(
        enforcement=enforcement, by=office.handler, on=ON, money_recovered=Decimal(50), land_recovered=Decimal(0)
    )


def _hand_over(office: Office) -> tuple[str, Callable[[], Submit]]:
    """The old province's agency, abolished on 30/06/2025, hands its one unhandled petition over to the new one's."""
    old, _ = AdminUnit.objects.get_or_create(
        level=AdminUnit.Level.PROVINCE, code="64", valid_from=None,
        defaults={"name": "Tỉnh Gia Lai", "type": AdminUnit.Type.PROVINCE, "valid_to": REFORM - timedelta(days=1)},
    )  # fmt: skip
    giving = AgencyFactory(unit=old)
    PetitionFactory(agency=giving, received_on=date(2025, 6, 20), handling_due_on=date(2025, 7, 4))

    def load() -> Submit:
        loaded, receiving = Agency.objects.get(pk=giving.pk), Agency.objects.get(pk=office.agency.pk)
        return lambda: hand_over(giving=loaded, receiving=receiving, by=None, on=ON)

    return "handed_over", load


STEPS = {
    "handle": _handle,
    "reply": _reply,
    "duplicate": _duplicate,
    "assign": _assign,
    "propose": _propose,
    "approve": _review(approve, "proposal_approved", handling=ACCEPTANCE),
    "return": _review(return_for_rework, "proposal_returned"),
    "extend": _on_case(
        "extended",
        lambda office, case: extend_case(case=case, by=office.handler, decided_on=ON, number="10/QĐ-GH", days=30),
    ),
    "suspend": _on_case("suspended", _suspend),
    "resume": _on_case(
        "resumed",
        lambda office, case: resume_case(case=case, by=office.handler, on=ON, number="3/QĐ-TT"),
        before=_suspend,
    ),
    "verify": _on_case("verification_assigned", _verify),
    "report": _on_case("verification_reported", _report, before=_verify),
    "decide": _on_case("decided", _decide, before=_verified),
    "publish": _on_case(
        "published",
        lambda office, case: publish_decision(decision=case.decision, by=office.handler, on=ON, published_by="posting"),
        before=lambda office, case: _decide(office, _verified(office, case)),
    ),
    "enforce": _on_case("enforced", _enforce, before=lambda office, case: _decide(office, _verified(office, case))),
    "hotspot": _on_case("hotspot", _mark_hotspot),
    "hotspot_done": _on_case(
        "hotspot_done",
        lambda office, case: complete_hotspot_plan(case=case, by=office.handler, on=ON),
        before=_mark_hotspot,
    ),
    "hand_over": _hand_over,
}


def _ended(result: object) -> str:
    if isinstance(result, ValidationError):
        return "refused"
    return repr(result) if isinstance(result, Exception) else "written"


def _submit_twice_at_once(load: Callable[[], Submit]) -> list[str]:
    """Runs two requests at the same moment (tests.races.at_once); how each ended."""
    return sorted(_ended(result) for result in at_once(load, load))


@pytest.mark.parametrize("step", list(STEPS))
def test_a_double_submit_of_a_handling_step_writes_once(step):
    event, load = STEPS[step](Office())

    outcomes = _submit_twice_at_once(load)

    assert (outcomes, Event.objects.filter(kind=event).count()) == (["refused", "written"], 1)
