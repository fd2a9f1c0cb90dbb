"""The reception figures of a report (``reception.*`` keys, see reports.md): visits, people, cases and sessions
of the agencies in a scope within a window, each split computed once, in three queries whatever the data.
"""

from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce

from danvan.aggregates import count_where, total_where
from danvan.lookups import Scope, agency_in
from danvan.models import Agency
from reception.models import GROUP_SIZE, HEAD_RECEIVERS, Mode, Receiver, ReceptionSession, Visit

# Which visits (or sessions) each split counts; the statutory forms (reports/grouped.py) split by the same ones.
GROUP = Q(people__gte=GROUP_SIZE)
REGULAR = Q(mode=Mode.REGULAR)
PERIODIC = Q(mode__in=[Mode.PERIODIC, Mode.AD_HOC], receiver__in=HEAD_RECEIVERS)
HEAD = Q(receiver=Receiver.HEAD)
DELEGATED = Q(receiver=Receiver.DELEGATE)
_PARTY_HEAD = HEAD & Q(agency__kind=Agency.Kind.PARTY)
_GOVERNMENT_HEAD = HEAD & Q(agency__kind=Agency.Kind.COMMITTEE)
_COUNCIL = Q(agency__kind=Agency.Kind.COUNCIL)
CASELESS = Q(case__isnull=True)


# Every key, in the order of reports.md: other systems read them.
KEYS: tuple[str, ...] = (
    "reception.visits",
    "reception.people",
    "reception.cases",
    "reception.cases_first",
    "reception.cases_repeat",
    "reception.groups",
    "reception.group_people",
    "reception.regular.visits",
    "reception.regular.people",
    "reception.periodic.visits",
    "reception.periodic.people",
    "reception.head.sessions",
    "reception.head.visits",
    "reception.head.people",
    "reception.delegated.sessions",
    "reception.delegated.visits",
    "reception.delegated.people",
    "reception.party_head.visits",
    "reception.party_head.people",
    "reception.government_head.visits",
    "reception.government_head.people",
    "reception.council.sessions",
    "reception.council.visits",
)


def people_where(condition: Q | None = None) -> Coalesce:
    """The people of the visits where ``condition`` holds."""
    return total_where("people", condition)


# Each figure's aggregate, its condition in its filter: the report drill-down lists the rows it counts.
VISIT_FIGURES = {
    "reception.visits": count_where(),
    "reception.people": people_where(),
    "reception.groups": count_where(GROUP),
    "reception.group_people": people_where(GROUP),
    "reception.regular.visits": count_where(REGULAR),
    "reception.regular.people": people_where(REGULAR),
    "reception.periodic.visits": count_where(PERIODIC),
    "reception.periodic.people": people_where(PERIODIC),
    "reception.head.visits": count_where(HEAD),
    "reception.head.people": people_where(HEAD),
    "reception.delegated.visits": count_where(DELEGATED),
    "reception.delegated.people": people_where(DELEGATED),
    "reception.party_head.visits": count_where(_PARTY_HEAD),
    "reception.party_head.people": people_where(_PARTY_HEAD),
    "reception.government_head.visits": count_where(_GOVERNMENT_HEAD),
    "reception.government_head.people": people_where(_GOVERNMENT_HEAD),
    "reception.council.visits": count_where(_COUNCIL),
}

SESSION_FIGURES = {
    "reception.head.sessions": count_where(HEAD),
    "reception.delegated.sessions": count_where(DELEGATED),
    "reception.council.sessions": count_where(_COUNCIL),
}


def every_visit() -> QuerySet[Visit]:
    """Every visit of every agency: what the dashboard's tally is counted again from."""
    return Visit.objects.all()


def visits_in(scope: Scope, start: date, end: date) -> QuerySet[Visit]:
    """The visits the agencies of ``scope`` received from ``start`` to ``end`` inclusive."""
    return Visit.objects.filter(**agency_in(scope), received_on__range=(start, end))


def sessions_in(scope: Scope, start: date, end: date) -> QuerySet[ReceptionSession]:
    """The reception sessions the agencies of ``scope`` held from ``start`` to ``end`` inclusive."""
    return ReceptionSession.objects.filter(**agency_in(scope), date__range=(start, end))


def came_before(start: date) -> Exists:
    """Whether the visit's case was received before ``start``, at any agency: the case is received again (tiếp
    nhiều lần). A visit with no case never came before."""
    return Exists(Visit.objects.filter(case=OuterRef("case"), received_on__lt=start))


def reception_figures(*, agencies: QuerySet[Agency], start: date, end: date) -> dict[str, int]:
    """The ``reception.*`` figures of the visits received by ``agencies`` from ``start`` to ``end`` inclusive.

    A visit with no case is a case of its own, received for the first time; a case is received again (repeat) when
    one of its visits, at any agency, came before ``start``. Sessions count by their date, also those no one came to.
    """
    in_scope = agencies.values("pk")
    visits = visits_in(in_scope, start, end)
    figures = visits.aggregate(
        **VISIT_FIGURES, cases_with_a_case=Count("case", distinct=True), caseless=count_where(CASELESS)
    )
    repeat = visits.filter(came_before(start)).aggregate(cases=Count("case", distinct=True))["cases"]
    sessions = sessions_in(in_scope, start, end)
    figures |= sessions.aggregate(**SESSION_FIGURES)

    cases = figures.pop("cases_with_a_case") + figures.pop("caseless")
    figures |= {"reception.cases": cases, "reception.cases_first": cases - repeat, "reception.cases_repeat": repeat}
    return {key: figures[key] for key in KEYS}
