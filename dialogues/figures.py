"""The dialogue figures of a report (``dialogues.*`` and ``voter_meetings.*`` keys, see reports.md): in one query
whatever the data, each dialogue counted at the level of the unit where it was held, in the structure of its date."""

from datetime import date

from django.db.models import Q, QuerySet

from danvan.aggregates import count_where, total_where
from danvan.lookups import Scope, agency_in
from danvan.models import AdminUnit, Agency
from dialogues.models import Dialogue, Kind

_DIALOGUE = Q(kind=Kind.DIALOGUE)
_VOTER_MEETING = Q(kind=Kind.VOTER_MEETING)

# Every key, in the order of reports.md.
KEYS: tuple[str, ...] = (
    "dialogues.total",
    "dialogues.province",
    "dialogues.district",
    "dialogues.commune",
    "dialogues.participants",
    "dialogues.opinions",
    "dialogues.opinions_answered",
    "voter_meetings.total",
    "voter_meetings.participants",
    "voter_meetings.opinions",
)


# Each figure's aggregate, its condition in its filter: the report drill-down lists the rows it counts.
FIGURES = {
    "dialogues.total": count_where(_DIALOGUE),
    "dialogues.province": count_where(_DIALOGUE & Q(unit__level=AdminUnit.Level.PROVINCE)),
    "dialogues.district": count_where(_DIALOGUE & Q(unit__level=AdminUnit.Level.DISTRICT)),
    "dialogues.commune": count_where(_DIALOGUE & Q(unit__level=AdminUnit.Level.COMMUNE)),
    "dialogues.participants": total_where("participants", _DIALOGUE),
    "dialogues.opinions": total_where("opinions_raised", _DIALOGUE),
    "dialogues.opinions_answered": total_where("opinions_answered", _DIALOGUE),
    "voter_meetings.total": count_where(_VOTER_MEETING),
    "voter_meetings.participants": total_where("participants", _VOTER_MEETING),
    "voter_meetings.opinions": total_where("opinions_raised", _VOTER_MEETING),
}


def dialogues_in(scope: Scope, start: date, end: date, *, kind: str | None = None) -> QuerySet[Dialogue]:
    """The dialogues (or, of ``kind``, only dialogues or voter meetings) the agencies of ``scope`` organised from
    ``start`` to ``end`` inclusive."""
    of_kind = {} if kind is None else {"kind": kind}
    return Dialogue.objects.filter(**agency_in(scope), date__range=(start, end), **of_kind)


def dialogues_figures(*, agencies: QuerySet[Agency], start: date, end: date) -> dict[str, int]:
    """The dialogue figures of the dialogues organised by ``agencies`` from ``start`` to ``end`` inclusive."""
    dialogues = dialogues_in(agencies.values("pk"), start, end)
    figures = dialogues.aggregate(**FIGURES)
    return {key: figures[key] for key in KEYS}
