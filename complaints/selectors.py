"""Reads of the complaints app: petitions and accepted cases within the user's scope, who may act on them, their
clocks seen from today, and the earlier petitions a new one may repeat."""

import re
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
from danvan.lookups import Scope, agency_in
from danvan.models import AdminUnit, Agency, Case, Citizen, Classification, Membership, Staff
from danvan.permissions import Action, agencies_granted
from danvan.scope import get_scoped_or_404, scoped, visible_agencies
from danvan.text import fold
from reception.models import Visit
from reception.selectors import overdue_answers

# Two contents are alike when at least half of all their words are shared (Jaccard index of the folded word sets).
ALIKE_CONTENT = 0.5
DUPLICATE_SUGGESTIONS = 5
_EARLIER_PETITIONS_READ = 50
_WORD = re.compile(r"\w+")


def _petitions() -> QuerySet[Petition]:
    return Petition.objects.select_related("agency__unit", "citizen", "case", "forwarded_to", "forwarded_by")


def petitions_for(staff: Staff) -> QuerySet[Petition]:
    """Petitions of the agencies in scope, and petitions forwarded to one of them: the receiving agency sees them."""
    agencies = visible_agencies(staff).values("pk")
    return _petitions().filter(Q(agency__in=agencies) | Q(forwarded_to__in=agencies))


def get_petition_for(staff: Staff, pk: int) -> Petition:
    """A petition within ``staff``'s scope (received there or forwarded there), or 404."""
    return get_object_or_404(petitions_for(staff), pk=pk)


def _cases() -> QuerySet[Case]:
    return Case.objects.filter(accepted_on__isnull=False).select_related("agency__unit", "citizen")


def accepted_cases_for(staff: Staff) -> QuerySet[Case]:
    """Accepted cases (thụ lý) within ``staff``'s scope."""
    return scoped(_cases(), staff)


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


def _words(text: str) -> set[str]:
    return set(_WORD.findall(fold(text)))


def content_overlap(a: str, b: str) -> float:
    """How alike two contents are: the share of their distinct words (ignoring case and diacritics) they have in
    common, from 0 (none) to 1 (the same words)."""
    words_a, words_b = _words(a), _words(b)
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / len(words_a | words_b)


def same_person(a: Citizen, b: Citizen) -> bool:
    """One citizen record, the same CCCD, or — without CCCD on either — the same name at the same address."""
    if a.pk == b.pk:
        return True
    if a.cccd and b.cccd:
        return a.cccd == b.cccd
    address = fold(a.address)
    return fold(a.full_name) == fold(b.full_name) and bool(address) and address == fold(b.address)


def duplicate_candidates(petition: Petition, staff: Staff) -> list[Petition]:
    """Earlier petitions within scope by the same petitioner with a like content, latest first.

    Only petitions with a known petitioner are compared: a denunciation has none on record (its denouncer is in the
    vault, never searched), nor has an anonymous petition.
    """
    citizen = petition.citizen
    if citizen is None or petition.duplicate_of_id:
        return []
    earlier = Q(received_on__lt=petition.received_on) | Q(received_on=petition.received_on, pk__lt=petition.pk)
    by_name = Q(citizen=citizen) | Q(citizen__search_name=citizen.search_name)
    found = scoped(_petitions(), staff).filter(earlier, by_name, duplicate_of__isnull=True)
    alike = [
        other
        for other in found.order_by("-received_on", "-pk")[:_EARLIER_PETITIONS_READ]
        if same_person(other.citizen, citizen) and content_overlap(other.content, petition.content) >= ALIKE_CONTENT
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
