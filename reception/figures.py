"""The reception figures of a report (``reception.*`` keys, see reports.md): visits, people, cases and sessions
of the agencies in a scope within a window, each split computed once, in three queries whatever the data.
"""

from datetime import date

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from danvan.models import Agency
from reception.models import GROUP_SIZE, HEAD_RECEIVERS, Mode, Receiver, ReceptionSession, Visit

_GROUP = Q(people__gte=GROUP_SIZE)
_REGULAR = Q(mode=Mode.REGULAR)
_PERIODIC = Q(mode__in=[Mode.PERIODIC, Mode.AD_HOC], receiver__in=HEAD_RECEIVERS)
_HEAD = Q(receiver=Receiver.HEAD)
_DELEGATED = Q(receiver=Receiver.DELEGATE)
_PARTY_HEAD = _HEAD & Q(agency__kind=Agency.Kind.PARTY)
_GOVERNMENT_HEAD = _HEAD & Q(agency__kind=Agency.Kind.COMMITTEE)
_COUNCIL = Q(agency__kind=Agency.Kind.COUNCIL)
_CASELESS = Q(case__isnull=True)


def _rows(condition: Q | None = None) -> Count:
    """The number of rows where ``condition`` holds, counting a constant (COUNT(*)-style, reading no column)."""
    return Count(Value(1), filter=condition)


def _people(condition: Q | None = None) -> Coalesce:
    """The people of the visits where ``condition`` holds; 0, not None, when there are none."""
    return Coalesce(Sum("people", filter=condition), 0, output_field=IntegerField())


_VISIT_FIGURES = {
    "reception.visits": _rows(),
    "reception.people": _people(),
    "reception.groups": _rows(_GROUP),
    "reception.group_people": _people(_GROUP),
    "reception.regular.visits": _rows(_REGULAR),
    "reception.regular.people": _people(_REGULAR),
    "reception.periodic.visits": _rows(_PERIODIC),
    "reception.periodic.people": _people(_PERIODIC),
    "reception.head.visits": _rows(_HEAD),
    "reception.head.people": _people(_HEAD),
    "reception.delegated.visits": _rows(_DELEGATED),
    "reception.delegated.people": _people(_DELEGATED),
    "reception.party_head.visits": _rows(_PARTY_HEAD),
    "reception.party_head.people": _people(_PARTY_HEAD),
    "reception.government_head.visits": _rows(_GOVERNMENT_HEAD),
    "reception.government_head.people": _people(_GOVERNMENT_HEAD),
    "reception.council.visits": _rows(_COUNCIL),
}

_SESSION_FIGURES = {
    "reception.head.sessions": _rows(_HEAD),
    "reception.delegated.sessions": _rows(_DELEGATED),
    "reception.council.sessions": _rows(_COUNCIL),
}


def reception_figures(*, agencies: QuerySet[Agency], start: date, end: date) -> dict[str, int]:
    """The ``reception.*`` figures of the visits received by ``agencies`` from ``start`` to ``end`` inclusive.

    A visit with no case is a case of its own, received for the first time; a case is received again (repeat) when
    one of its visits, at any agency, came before ``start``. Sessions count by their date, also those no one came to.
    """
    in_scope = agencies.values("pk")
    visits = Visit.objects.filter(agency__in=in_scope, received_on__range=(start, end))
    figures = visits.aggregate(
        **_VISIT_FIGURES, cases_with_a_case=Count("case", distinct=True), caseless=_rows(_CASELESS)
    )
    earlier_visit = Visit.objects.filter(case=OuterRef("case"), received_on__lt=start)
    repeat = visits.filter(Exists(earlier_visit)).aggregate(cases=Count("case", distinct=True))["cases"]
    sessions = ReceptionSession.objects.filter(agency__in=in_scope, date__range=(start, end))
    figures |= sessions.aggregate(**_SESSION_FIGURES)

    cases = figures.pop("cases_with_a_case") + figures.pop("caseless")
    figures |= {"reception.cases": cases, "reception.cases_first": cases - repeat, "reception.cases_repeat": repeat}
    return figures
