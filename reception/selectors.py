"""Reads of the reception desk: visits and sessions within the user's scope, citizens and their history."""

import re
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from danvan.clocks import Clock, clock
from danvan.codes import LENGTH, VISIT_PREFIX, searched_code
from danvan.likeness import ALIKE_CONTENT, content_overlap, person_q, same_person
from danvan.lookups import Scope, agency_in
from danvan.models import Case, Citizen, Classification, Staff
from danvan.scope import citizens_seen_by, get_scoped_or_404, scoped
from danvan.search import SearchQuery, found
from danvan.text import fold
from danvan.validity import overlapping_q
from reception.models import ReceptionSchedule, ReceptionSession, Visit

CITIZEN_MATCHES = 8
# The visits read to find one the desk is about to log again, and how many of them are named.
_EARLIER_VISITS_READ = 50
ALIKE_VISITS = 3


def _visits() -> QuerySet[Visit]:
    """Visits with what their pages show, and ``repeat``: whether their case was received before (tiếp nhiều lần)."""
    earlier = Visit.objects.filter(case=OuterRef("case")).filter(
        Q(received_on__lt=OuterRef("received_on")) | Q(received_on=OuterRef("received_on"), pk__lt=OuterRef("pk"))
    )
    return Visit.objects.select_related("agency__unit", "citizen", "case", "session").annotate(repeat=Exists(earlier))


def visits_for(staff: Staff) -> QuerySet[Visit]:
    return scoped(_visits(), staff)


def get_visit_for(staff: Staff, pk: int) -> Visit:
    return get_scoped_or_404(_visits(), staff, pk=pk)


def sessions_for(staff: Staff) -> QuerySet[ReceptionSession]:
    return scoped(ReceptionSession.objects.select_related("agency__unit"), staff)


def get_session_for(staff: Staff, pk: int) -> ReceptionSession:
    return get_scoped_or_404(ReceptionSession.objects.select_related("agency__unit"), staff, pk=pk)


def schedules_for(staff: Staff) -> QuerySet[ReceptionSchedule]:
    return scoped(ReceptionSchedule.objects.select_related("agency__unit"), staff)


def published_schedules(on: date) -> QuerySet[ReceptionSchedule]:
    """The reception schedules a citizen may read on ``on``, logged in or not (Luật Tiếp công dân requires them
    published): of each agency whose unit exists that day, the schedule in force and any announced for later."""
    in_force = (
        ReceptionSchedule.objects.filter(agency=OuterRef("agency"), valid_from__lte=on)
        .order_by("-valid_from", "-pk")
        .values("pk")[:1]
    )
    return (
        ReceptionSchedule.objects.filter(Q(pk=Subquery(in_force)) | Q(valid_from__gt=on))
        .filter(overlapping_q(on, on, "agency__unit__"))
        .select_related("agency")
        .order_by("agency__name", "agency", "valid_from", "pk")
    )


def desk_cases_for(staff: Staff) -> QuerySet[Case]:
    """Every case (accepted or not) of the agencies in ``staff``'s scope: what a visit may be tied to at the desk."""
    return scoped(Case.objects.all(), staff)


CASE_MATCHES = 10
_CASE_NUMBER = re.compile(r"(?:vv)?(\d{1,9})")
_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _through(condition: Q) -> Exists:
    """Whether one of the case's visits or petitions meets ``condition``. Petitions belong to the complaints app, one
    floor up: the desk reaches them through the case's reverse relation, never by importing that app."""
    return Exists(Case.objects.filter(condition, pk=OuterRef("pk")))


def _case_term(term: str) -> Q:
    """What one folded word of the picker's query matches: a case's number (VV123), a code of one of its visits or
    petitions (with or without its prefix), a day it was opened or received on (dd/mm/yyyy), or a part of its
    citizen's name or of what was said about it."""
    condition = (
        Q(citizen__search_name__contains=term)
        | _through(Q(visits__search_text__contains=term))
        | _through(Q(petitions__search_text__contains=term))
    )
    if number := _CASE_NUMBER.fullmatch(term):
        condition |= Q(pk=int(number.group(1)))
    if len(term) >= LENGTH and term.replace("-", "").isalnum():
        code = term.upper()
        condition |= _through(Q(visits__receipt_code__endswith=code)) | _through(
            Q(petitions__receipt_code__endswith=code)
        )
    if (day := _DAY.fullmatch(term)) and (on := _date_or_none(*map(int, reversed(day.groups())))):
        condition |= Q(opened_on=on) | _through(Q(visits__received_on=on)) | _through(Q(petitions__received_on=on))
    return condition


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def cases_matching(query: str, staff: Staff) -> QuerySet[Case]:
    """The cases within scope that every word of ``query`` matches (``_case_term``, diacritics and case ignored), open
    ones first, then the latest: what the desk's case picker offers."""
    terms = fold(query).split()
    if not terms or len("".join(terms)) < 2:
        return Case.objects.none()
    condition = Q()
    for term in terms:
        condition &= _case_term(term)
    matching = desk_cases_for(staff).filter(condition).values("pk")
    return (
        Case.objects.filter(pk__in=matching)
        .select_related("citizen", "agency")
        .order_by("-status", "-opened_on", "-pk")[:CASE_MATCHES]
    )


# A denunciation never ties a citizen to anything the desk shows: a denouncer's identity is confidential
# (Luật Tố cáo, Điều 47), so their visits stay out of searches and histories.
_NOT_DENOUNCING = ~Q(kind=Classification.DENUNCIATION)


def get_citizen_for(staff: Staff, pk: int) -> Citizen:
    """A citizen within ``staff``'s sight (danvan.scope.citizens_seen_by), or 404."""
    return get_object_or_404(citizens_seen_by(staff), pk=pk)


def citizens_matching(query: str, staff: Staff) -> QuerySet[Citizen]:
    """Citizens within the staff member's sight whose CCCD starts with the query or whose name contains it.

    The name is matched ignoring diacritics and case: "nguyen van a" finds "Nguyễn Văn A".
    """
    query = query.strip()
    if query.isdigit():
        condition = Q(cccd__startswith=query)
    elif len(folded := fold(query)) >= 2:
        condition = Q(search_name__contains=folded)
    else:
        return Citizen.objects.none()
    return citizens_seen_by(staff).filter(condition).order_by("search_name")[:CITIZEN_MATCHES]


def visits_found(scope: Scope, query: SearchQuery) -> list[Visit]:
    """The header search's visits of ``scope``: the one of the receipt code (its letters are enough), then those of
    the citizen the query names, latest first; never a denouncer's, nor one whose citizen is known elsewhere (the
    visit shows them as given: found by their stored name, it would tell it)."""
    code = searched_code(query.text, VISIT_PREFIX)
    return found(
        Visit.objects.select_related("agency", "citizen").filter(**agency_in(scope)),
        exact=Q(receipt_code=code) if code else None,
        matching=query.citizen(unless=Q(kind=Classification.DENUNCIATION) | ~Q(given_name="")),
        latest=("received_on", "received_time"),
    )


def visits_alike(person: Citizen, content: str, staff: Staff, *, since: date) -> list[Visit]:
    """The visits within scope since ``since`` of ``person`` (a citizen on record, or only typed at the desk) about a
    content like ``content``, latest first; never a denunciation."""
    found = scoped(Visit.objects.select_related("citizen"), staff).filter(
        _NOT_DENOUNCING, person_q(person), received_on__gte=since
    )
    alike = [
        visit
        for visit in found.order_by("-received_on", "-pk")[:_EARLIER_VISITS_READ]
        if same_person(visit.citizen, person) and content_overlap(visit.content, content) >= ALIKE_CONTENT
    ]
    return alike[:ALIKE_VISITS]


def visits_of(citizen: Citizen, staff: Staff) -> QuerySet[Visit]:
    """The citizen's earlier visits within the staff member's scope, latest first; never a denunciation."""
    return visits_for(staff).filter(_NOT_DENOUNCING, citizen=citizen)


def petitions_of(citizen: Citizen, staff: Staff) -> QuerySet:
    """The citizen's petitions within scope, latest first. Petitions belong to the complaints app, one floor up: the
    desk reaches them through the citizen's reverse relation, never by importing that app."""
    return scoped(citizen.petitions.all(), staff).order_by("-received_on", "-pk")


def cases_of(citizen: Citizen, staff: Staff) -> QuerySet[Case]:
    """The citizen's cases within the staff member's scope, open ones first."""
    return desk_cases_for(staff).filter(citizen=citizen).order_by("-status", "-opened_on")


HISTORY_LENGTH = 10


def history_of(citizen: Citizen, staff: Staff) -> dict:
    """What the desk and the citizen's page show of a citizen within ``staff``'s sight: their latest visits, cases
    and petitions within scope."""
    return {
        "citizen": citizen,
        "visits": visits_of(citizen, staff)[:HISTORY_LENGTH],
        "cases": cases_of(citizen, staff)[:HISTORY_LENGTH],
        "petitions": petitions_of(citizen, staff)[:HISTORY_LENGTH],
    }


def open_case_of(citizen: Citizen, staff: Staff) -> Case | None:
    """The citizen's latest open case within scope, which the desk suggests for the new visit."""
    return cases_of(citizen, staff).filter(status=Case.Status.OPEN).order_by("-opened_on", "-pk").first()


# The answer to the citizen on what a visit handed on (Luật Tiếp công dân 2013, Điều 28 khoản 1): its deadline is set
# by the app that handles what was handed on (complaints.deadlines, 10 working days), and stops when it is handled.
AWAITING_ANSWER = Q(answer_due_on__isnull=False, answered_on__isnull=True)


def answer_clock(visit: Visit) -> Clock | None:
    """The deadline of the answer to the citizen, while it is awaited; the rule counts working days."""
    if visit.answer_due_on is None or visit.answered_on is not None:
        return None
    return clock(visit.answer_due_on, working_days=True)


def overdue_answers(visits: QuerySet[Visit], *, today: date) -> QuerySet[Visit]:
    """Visits whose citizen was not answered by the deadline."""
    return visits.filter(AWAITING_ANSWER, answer_due_on__lt=today)
