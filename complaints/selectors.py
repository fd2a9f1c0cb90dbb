"""Reads of the complaints app: petitions and accepted cases within the user's scope, who may act on them, their
clocks seen from today, and the earlier petitions a new one may repeat."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.db.models.functions import Length, TruncDate
from django.shortcuts import get_object_or_404
from django.utils import timezone

from complaints.deadlines import (
    MAX_EXTENSIONS,
    DayType,
    Step,
    handling_rule,
    last_start_overdue,
    notify_deadline,
    resolution_rule,
    rule_for,
)
from complaints.models import Assignment, Handling, HandOver, Petition, Proposal, ProposalStatus, Suspension
from complaints.models.petitions import FORWARDING_SOURCES
from danvan.clocks import Clock, clock, due_soon_until
from danvan.likeness import ALIKE_CONTENT, content_overlap, person_q, same_person
from danvan.lookups import Scope, agency_in
from danvan.models import AdminUnit, Agency, Case, Citizen, Classification, Membership, Staff
from danvan.permissions import Action, agencies_granted
from danvan.scope import get_scoped_or_404, scoped, visible_agencies
from reception.models import Visit
from reception.selectors import overdue_answers

# The earlier petitions read to find duplicates, and how many of them are suggested.
DUPLICATE_SUGGESTIONS = 5
_EARLIER_PETITIONS_READ = 50


# What the petition pages show of a petition's related records.
_PETITION_RELATED = ("agency__unit", "citizen", "case", "forwarded_to", "forwarded_by")


def _petitions() -> QuerySet[Petition]:
    return Petition.objects.select_related(*_PETITION_RELATED)


def petitions_in(scope: Scope) -> QuerySet[Petition]:
    """Petitions of the agencies of ``scope``, and those forwarded to one of them: the receiving agency sees them.
    Without their related records: a caller selects those it shows."""
    return Petition.objects.filter(Q(**agency_in(scope)) | Q(**agency_in(scope, "forwarded_to")))


def petitions_for(staff: Staff) -> QuerySet[Petition]:
    """Petitions within ``staff``'s scope (``petitions_in``), with what their pages show."""
    return petitions_in(visible_agencies(staff).values("pk")).select_related(*_PETITION_RELATED)


def get_petition_for(staff: Staff, pk: int) -> Petition:
    """A petition within ``staff``'s scope (received there or forwarded there), or 404."""
    return get_object_or_404(petitions_for(staff), pk=pk)


def _cases() -> QuerySet[Case]:
    return Case.objects.filter(accepted_on__isnull=False).select_related("agency__unit", "citizen")


def accepted_cases_in(scope: Scope) -> QuerySet[Case]:
    """Accepted cases (thụ lý) of the agencies of ``scope``."""
    return _cases().filter(**agency_in(scope))


def accepted_cases_for(staff: Staff) -> QuerySet[Case]:
    """Accepted cases (thụ lý) within ``staff``'s scope."""
    return accepted_cases_in(visible_agencies(staff).values("pk"))


def get_case_for(staff: Staff, pk: int) -> Case:
    """An accepted case within ``staff``'s scope, or 404."""
    return get_scoped_or_404(_cases(), staff, pk=pk)


def petitions_of_case(case: Case, staff: Staff) -> QuerySet[Petition]:
    return petitions_for(staff).filter(case=case).order_by("received_on", "pk")


# Deadlines: every filter is a date comparison the database answers from an index ("sắp đến hạn" is one date,
# danvan.clocks.due_soon_until).


UNHANDLED = Q(handling="")
RUNNING = Q(resolved_on__isnull=True, suspended_since__isnull=True, due_on__isnull=False)


def overdue_petitions(petitions: QuerySet[Petition], *, today: date) -> QuerySet[Petition]:
    """Unhandled petitions past their handling deadline."""
    return petitions.filter(UNHANDLED, handling_due_on__lt=today)


def petitions_due_soon(petitions: QuerySet[Petition], *, today: date) -> QuerySet[Petition]:
    """Unhandled petitions whose handling deadline falls within 5 working days (today included)."""
    return petitions.filter(UNHANDLED, handling_due_on__gte=today, handling_due_on__lte=due_soon_until(today))


def overdue_on(today: date) -> Q:
    """Open, not suspended cases past their resolution deadline."""
    return RUNNING & Q(due_on__lt=today)


def overdue_cases(cases: QuerySet[Case], *, today: date) -> QuerySet[Case]:
    return cases.filter(overdue_on(today))


def unhandled_petitions_in(scope: Scope) -> QuerySet[Petition]:
    """The petitions of the agencies of ``scope`` not handled yet."""
    return Petition.objects.filter(UNHANDLED, **agency_in(scope))


def unresolved_cases_in(scope: Scope) -> QuerySet[Case]:
    """The cases of the agencies of ``scope`` accepted and not resolved yet."""
    return Case.objects.filter(**agency_in(scope), accepted_on__isnull=False, resolved_on__isnull=True)


def open_records_of(agency: Agency) -> tuple[QuerySet[Petition], QuerySet[Case]]:
    """What ``agency`` still has to act on: its petitions not handled yet and its accepted cases not resolved yet."""
    return unhandled_petitions_in([agency.pk]), unresolved_cases_in([agency.pk])


def hand_over_choices(staff: Staff, *, today: date) -> tuple[QuerySet[Agency], QuerySet[Agency]]:
    """The agencies ``staff`` may hand over from (their unit ended before ``today``) and to (in existence ``today``),
    the province's first, then by unit code and name."""
    granted = agencies_granted(staff, Action.HAND_OVER).select_related("unit")
    granted = granted.order_by(Length("unit__code"), "unit__code", "name")
    current = AdminUnit.objects.valid_on(today).values("pk")
    return granted.filter(unit__valid_to__lt=today), granted.filter(unit__in=current)


def hand_overs_for(staff: Staff) -> QuerySet[HandOver]:
    """The hand-overs from or to an agency in ``staff``'s scope, the latest first."""
    agencies = visible_agencies(staff).values("pk")
    return HandOver.objects.filter(Q(giving__in=agencies) | Q(receiving__in=agencies)).select_related(
        "giving__unit", "receiving__unit", "by"
    )


def overdue_cases_in(scope: Scope, *, today: date) -> QuerySet[Case]:
    """The accepted cases of the agencies of ``scope`` past their resolution deadline, with their agency and citizen."""
    accepted = Case.objects.filter(accepted_on__isnull=False, **agency_in(scope))
    return overdue_cases(accepted.select_related("agency__unit", "citizen"), today=today)


def cases_due_soon(cases: QuerySet[Case], *, today: date) -> QuerySet[Case]:
    """Open, not suspended cases whose resolution deadline falls within 5 working days (today included)."""
    return cases.filter(RUNNING, due_on__gte=today, due_on__lte=due_soon_until(today))


def awaiting_reply(petitions: QuerySet[Petition]) -> QuerySet[Petition]:
    """Forwarded petitions whose receiving agency has not replied yet."""
    return petitions.filter(handling=Handling.FORWARD, replied_on__isnull=True)


def replies_overdue(petitions: QuerySet[Petition], *, today: date) -> QuerySet[Petition]:
    return awaiting_reply(petitions).filter(reply_due_on__lt=today)


def overdue_forwards(petitions: QuerySet[Petition], *, today: date) -> QuerySet[Petition]:
    """Denunciations outside competence not forwarded by their deadline (Luật Tố cáo 2018, Điều 24 khoản 2)."""
    return petitions.filter(forward_due_on__lt=today, forward_letter_date__isnull=True)


# A petition a body forwarded, its case resolved and that body not told yet. Only resolutions the portal saw are
# followed: a petition entered after its case was resolved (history from a register import) does not say whether the
# body was told.
AWAITING_NOTICE = Q(
    source__in=FORWARDING_SOURCES,
    forwarder_notified_on__isnull=True,
    case__resolved_on__isnull=False,
    case__resolved_on__gte=TruncDate("created_at"),
)


def overdue_notifications(petitions: QuerySet[Petition], *, today: date) -> QuerySet[Petition]:
    """Petitions forwarded by another body, resolved, whose result that body was not told within 7 working days
    (Luật Tiếp công dân 2013, Điều 27 khoản 2; ``AWAITING_NOTICE``). The deadline is not stored: it follows the
    case's resolution, so the cases resolved on or before one day are those overdue today."""
    resolved_by = last_start_overdue(Step.NOTIFY_FORWARDER, today=today)
    return petitions.filter(AWAITING_NOTICE, case__resolved_on__lte=resolved_by)


@dataclass(frozen=True)
class LateClocks:
    """How many records are past the clocks other than handling and resolution."""

    forwards: int  # denunciations outside competence not forwarded
    notices: int  # results not told to the forwarding body
    answers: int  # citizens received and not answered
    suspensions: int  # cases whose suspension decision is not sent to the parties

    @property
    def total(self) -> int:
        return self.forwards + self.notices + self.answers + self.suspensions


def late_clocks(
    petitions: QuerySet[Petition], visits: QuerySet[Visit], cases: QuerySet[Case], *, today: date
) -> LateClocks:
    """The overdue counts of those ``petitions``, ``visits`` and ``cases``: what the queue and the dashboard show, each
    the count of the list its link opens."""
    return LateClocks(
        overdue_forwards(petitions, today=today).count(),
        overdue_notifications(petitions, today=today).count(),
        overdue_answers(visits, today=today).count(),
        unsent_suspensions(cases, today=today).count(),
    )


def late_clocks_in(scope: Scope, *, today: date) -> LateClocks:
    """``late_clocks`` of the petitions, visits and cases of the agencies of ``scope``."""
    return late_clocks(
        Petition.objects.filter(**agency_in(scope)),
        Visit.objects.filter(**agency_in(scope)),
        Case.objects.filter(**agency_in(scope)),
        today=today,
    )


def unsent_suspensions(cases: QuerySet[Case], *, today: date) -> QuerySet[Case]:
    """Those ``cases`` with a suspension decision not sent to the parties by its deadline."""
    late = Suspension.objects.filter(send_due_on__lt=today, sent_on__isnull=True)
    return cases.filter(pk__in=late.values("case_id"))


def forwards_without_reply(staff: Staff) -> QuerySet[Petition]:
    """Forwarded petitions within scope whose reply (văn bản phúc đáp) is overdue: to be urged (đôn đốc)."""
    return replies_overdue(petitions_for(staff), today=timezone.localdate())


def handling_clock(petition: Petition) -> Clock | None:
    """The handling deadline of an unhandled petition. Every handling period of law.md counts working days."""
    if petition.handling:
        return None
    rule = handling_rule(kind=petition.kind, received_on=petition.received_on)
    return clock(petition.handling_due_on, working_days=rule.day_type == DayType.WORKING)


def reply_clock(petition: Petition) -> Clock | None:
    """The deadline of the reply to a forwarded petition, while it is awaited."""
    if petition.handling != Handling.FORWARD or petition.replied_on or not petition.reply_due_on:
        return None
    rule = rule_for(Step.FORWARD_REPLY, petition.forward_letter_date)
    return clock(petition.reply_due_on, working_days=rule.day_type == DayType.WORKING)


def send_clock(suspension: Suspension) -> Clock | None:
    """The deadline to send a suspension decision to the parties, while it is not sent."""
    if suspension.send_due_on is None or suspension.sent_on is not None:
        return None
    return clock(suspension.send_due_on, working_days=_working(Step.SEND_SUSPENSION, suspension.suspended_on))


def forward_clock(petition: Petition) -> Clock | None:
    """The deadline to forward a denunciation outside competence, while it is not forwarded."""
    if not petition.forward_due_on or petition.forward_letter_date:
        return None
    return clock(petition.forward_due_on, working_days=_working(Step.FORWARD_DENUNCIATION, petition.received_on))


def notify_due_on(petition: Petition) -> date | None:
    """When the body that forwarded the petition is to be told the result: 7 working days from its case's resolution;
    None for a petition of another source or whose case is not resolved (or was before the petition was entered)."""
    resolved_on = petition.case.resolved_on if petition.from_forwarding_body and petition.case else None
    if resolved_on is None or resolved_on < timezone.localdate(petition.created_at):
        return None  # not resolved, or resolved before the portal knew the petition (overdue_notifications)
    return notify_deadline(resolved_on=resolved_on)


def notify_clock(petition: Petition) -> Clock | None:
    """The deadline to tell the forwarding body the result, until it is told."""
    due_on = notify_due_on(petition)
    if due_on is None or petition.forwarder_notified_on:
        return None
    return clock(due_on, working_days=_working(Step.NOTIFY_FORWARDER, petition.case.resolved_on))


def _working(step: Step, start: date) -> bool:
    return rule_for(step, start).day_type == DayType.WORKING


def case_clock(case: Case, *, today: date | None = None) -> Clock | None:
    """The resolution deadline of a running case seen from ``today`` (the local date by default); none once resolved,
    while suspended (the clock stands still) or for a case without a statutory deadline."""
    if case.resolved_on or case.suspended_since or not case.due_on:
        return None
    return clock(case.due_on, working_days=resolution_rule(case).day_type == DayType.WORKING, today=today)


def extensions_left(case: Case) -> int:
    """How many more times a denunciation's deadline may be extended (Luật Tố cáo, Điều 30); a complaint's never."""
    if case.kind != Classification.DENUNCIATION:
        return 0
    return max(MAX_EXTENSIONS[case.complexity or Case.Complexity.NORMAL] - case.extensions.count(), 0)


# Duplicates (đơn trùng): the same person writing again about the same matter.


def duplicate_candidates(petition: Petition, staff: Staff) -> list[Petition]:
    """Earlier petitions within scope by the same petitioner with a like content, latest first.

    Only petitions with a known petitioner are compared: a denunciation has none on record (its denouncer is in the
    vault, never searched), nor has an anonymous petition.
    """
    if petition.citizen is None or petition.duplicate_of_id:
        return []
    earlier = Q(received_on__lt=petition.received_on) | Q(received_on=petition.received_on, pk__lt=petition.pk)
    return petitions_alike(petition.citizen, petition.content, staff, earlier=earlier)


def petitions_alike(person: Citizen, content: str, staff: Staff, *, earlier: Q | None = None) -> list[Petition]:
    """Petitions within scope, not marked duplicates themselves, by ``person`` (a citizen on record, or only typed on a
    form not saved yet) with a content like ``content``, latest first."""
    found = scoped(_petitions(), staff).filter(person_q(person), duplicate_of__isnull=True)
    if earlier is not None:
        found = found.filter(earlier)
    alike = [
        other
        for other in found.order_by("-received_on", "-pk")[:_EARLIER_PETITIONS_READ]
        if same_person(other.citizen, person) and content_overlap(other.content, content) >= ALIKE_CONTENT
    ]
    return alike[:DUPLICATE_SUGGESTIONS]


def open_assignments_to(staff: Staff) -> QuerySet[Assignment]:
    """The assignments not done yet that were given to ``staff`` or to an agency where they hold a role."""
    return Assignment.objects.filter(
        Q(handler=staff) | Q(agency__in=staff.memberships.values("agency")), done_on__isnull=True
    )


def staff_with_open_assignments() -> set[int]:
    """The staff for whom ``open_assignments_to`` finds something, read at once (a day's run of reminders)."""
    still_open = Assignment.objects.filter(done_on__isnull=True)
    handlers = still_open.filter(handler__isnull=False).values_list("handler", flat=True)
    members = Membership.objects.filter(agency__in=still_open.values("agency")).values_list("staff", flat=True)
    return set(handlers) | set(members)


def assignments_waiting_for(staff: Staff) -> QuerySet[Assignment]:
    """Open assignments to ``staff`` or to one of their agencies, on records within their scope, oldest first."""
    in_scope = Q(petition__in=petitions_for(staff).values("pk")) | Q(case__in=accepted_cases_for(staff).values("pk"))
    return (
        open_assignments_to(staff)
        .filter(in_scope)
        .select_related("petition", "case", "agency", "handler", "by")
        .order_by("on", "pk")
    )


def proposals_waiting_for(staff: Staff) -> QuerySet[Proposal]:
    """Pending proposals on records of the agencies ``staff`` leads, oldest first."""
    led = agencies_granted(staff, Action.APPROVE).values("pk")
    return (
        Proposal.objects.filter(Q(petition__agency__in=led) | Q(case__agency__in=led), status=ProposalStatus.PENDING)
        .select_related("petition", "case", "by")
        .order_by("submitted_at", "pk")
    )
