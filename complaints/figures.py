"""The petitions and cases figures of a report (reports.md: ``petitions.*``, ``complaints.*``, ``denunciations.*``,
``resolution_rate``, ``recovery.*``, ``sanctions.*``, ``referrals.*``, ``enforcement.*``, ``hotspots.*``), each split
computed once, in three queries whatever the data: the petitions, the cases with their decisions and enforcement, the
hotspot cases.

Counts are ``int``; money (triệu đồng) and land (m²) are ``float`` always, 0.0 when there is none; rates are ``float``
percentages rounded half up to one decimal, 0.0 when there is nothing to count.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce

from complaints.models import Handling, Outcome, Petition
from complaints.rules import TAKES_UP
from danvan.aggregates import amount_where, count_where, total_where
from danvan.lookups import Scope, agency_in
from danvan.models import Agency, Case, Classification

KINDS = {
    Classification.COMPLAINT: "complaints",
    Classification.DENUNCIATION: "denunciations",
    Classification.RECOMMENDATION: "recommendations",
}
CASE_KINDS = {Classification.COMPLAINT: "complaints", Classification.DENUNCIATION: "denunciations"}
# The cases the resolution figures count.
RESOLVABLE = Q(kind__in=list(CASE_KINDS))
HANDLINGS = {Handling.GUIDE: "guided", Handling.FORWARD: "forwarded", Handling.URGE: "urged", Handling.FILE: "filed"}

_COMPLAINT = Q(kind=Classification.COMPLAINT)
_FIRST_ROUND = _COMPLAINT & ~Q(round=Case.Round.SECOND)
_SECOND_ROUND = _COMPLAINT & Q(round=Case.Round.SECOND)
_DENUNCIATION = Q(kind=Classification.DENUNCIATION)


def _decided(outcome: Outcome) -> Q:
    return Q(decision__outcome=outcome)


# Which resolved cases each outcome key counts.
OUTCOMES = {
    "complaints.founded": _FIRST_ROUND & _decided(Outcome.FOUNDED),
    "complaints.unfounded": _FIRST_ROUND & _decided(Outcome.UNFOUNDED),
    "complaints.partly_founded": _FIRST_ROUND & _decided(Outcome.PARTLY_FOUNDED),
    "complaints.withdrawn": _COMPLAINT & _decided(Outcome.WITHDRAWN),
    "complaints.upheld_first": _SECOND_ROUND & _decided(Outcome.UPHELD_FIRST),
    "complaints.overturned_first": _SECOND_ROUND & _decided(Outcome.OVERTURNED_FIRST),
    "denunciations.founded": _DENUNCIATION & _decided(Outcome.FOUNDED),
    "denunciations.unfounded": _DENUNCIATION & _decided(Outcome.UNFOUNDED),
    "denunciations.partly_founded": _DENUNCIATION & _decided(Outcome.PARTLY_FOUNDED),
    "denunciations.withdrawn": _DENUNCIATION & _decided(Outcome.WITHDRAWN),
    "denunciations.terminated": _DENUNCIATION & _decided(Outcome.TERMINATED),
}
_PERCENT = Decimal("0.1")

# Every key, in the order of reports.md: other systems read them.
KEYS: tuple[str, ...] = (
    "petitions.received",
    "petitions.carried_over",
    "petitions.to_handle",
    "petitions.handled",
    "petitions.unhandled",
    "petitions.processable",
    "petitions.complaints",
    "petitions.denunciations",
    "petitions.recommendations",
    "petitions.in_competence",
    "petitions.in_competence.complaints",
    "petitions.in_competence.denunciations",
    "petitions.in_competence.recommendations",
    "petitions.guided",
    "petitions.forwarded",
    "petitions.urged",
    "petitions.filed",
    "complaints.cases",
    "denunciations.cases",
    "complaints.resolved",
    "denunciations.resolved",
    "complaints.resolution_rate",
    "denunciations.resolution_rate",
    "resolution_rate",
    "complaints.founded",
    "complaints.unfounded",
    "complaints.partly_founded",
    "complaints.withdrawn",
    "complaints.upheld_first",
    "complaints.overturned_first",
    "denunciations.founded",
    "denunciations.unfounded",
    "denunciations.partly_founded",
    "denunciations.withdrawn",
    "denunciations.terminated",
    "complaints.on_time",
    "complaints.late",
    "denunciations.on_time",
    "denunciations.late",
    "recovery.state.money_due",
    "recovery.state.money_recovered",
    "recovery.state.land_due",
    "recovery.state.land_recovered",
    "recovery.returned.money",
    "recovery.returned.land",
    "recovery.returned.organisations",
    "recovery.returned.individuals",
    "sanctions.people",
    "sanctions.officials",
    "referrals.cases",
    "referrals.people",
    "enforcement.decisions",
    "enforcement.completed",
    "enforcement.rate",
    "hotspots.cases",
    "hotspots.handled",
)


def rate(part: int, whole: int) -> float:
    """``part`` of ``whole`` as a percentage rounded half up to one decimal (66.7, 12.5); 0.0 when ``whole`` is 0."""
    if not whole:
        return 0.0
    return float((Decimal(100 * part) / whole).quantize(_PERCENT, rounding=ROUND_HALF_UP))


def complaints_figures(*, agencies: QuerySet[Agency], start: date, end: date) -> dict[str, int | float]:
    """The petitions and cases figures of ``agencies`` from ``start`` to ``end`` inclusive, keyed as reports.md.

    Petitions: a petition counts at the agency that received it. Carried over = received before ``start`` and not
    handled before it; handled = handled on or before ``end``. The split by kind is of the petitions received in the
    window; processable, within competence and the handling outcomes are of the handled ones (a returned petition
    is handled and in none of the outcomes). A confirmed duplicate is a petition of its own, but never a second case.

    Cases: complaints and denunciations accepted on or before ``end`` and not resolved before ``start``. Resolved =
    a decision or conclusion issued, or the case withdrawn or terminated, by ``end``; a complaint ended by a
    termination (đình chỉ) is resolved but has no outcome key. ``complaints.withdrawn`` counts withdrawals of both
    rounds (the "rút đơn" column of 01/KQGQ); founded / unfounded / partly founded only occur in the first round.
    On time = resolved on or before the deadline in force (``Case.due_on``). Recovery, returns, sanctions and
    referrals are summed over the cases resolved in the window; amounts recovered count only when carrying out was
    completed by ``end``.

    Enforcement: decisions and conclusions on the merits (not withdrawals or terminations), issued by ``end`` and not
    carried out before ``start``; completed = carried out by ``end``.

    Hotspots: cases of any kind marked mass, complex and prolonged, opened by ``end``, whose plan was not completed
    before ``start``; handled = plan completed by ``end``. The mark itself carries no date.
    """
    in_scope = agencies.values("pk")
    figures = (
        _petition_figures(in_scope, start, end)
        | _case_figures(in_scope, start, end)
        | _hotspot_figures(in_scope, start, end)
    )
    return {key: float(figures[key]) if isinstance(figures[key], Decimal) else figures[key] for key in KEYS}


@dataclass(frozen=True)
class PetitionConditions:
    """Which petitions of a window each figure counts (see ``complaints_figures``)."""

    received: Q
    carried_over: Q
    handled: Q
    processable: Q
    in_competence: Q

    @property
    def to_handle(self) -> Q:
        return self.received | self.carried_over


def petition_conditions(start: date, end: date) -> PetitionConditions:
    """Received in the window; carried over = received before ``start`` and not handled before it; handled = of those
    to handle, handled by ``end``; processable and within competence are of the handled ones."""
    received = Q(received_on__range=(start, end))
    carried_over = Q(received_on__lt=start) & (Q(handled_on__isnull=True) | Q(handled_on__gte=start))
    handled = (received | carried_over) & Q(handled_on__lte=end)
    return PetitionConditions(
        received=received,
        carried_over=carried_over,
        handled=handled,
        processable=handled & Q(processable=True),
        in_competence=handled & Q(processable=True, in_competence=True),
    )


def petition_aggregates(start: date, end: date, where: Q | None = None) -> dict[str, Count]:
    """The ``petitions.*`` counts of the petitions that also meet ``where`` (a kind, for the forms), keyed as
    reports.md, except ``petitions.unhandled`` (to handle − handled). Each carries its whole condition, so they hold
    on any queryset that includes the window's petitions."""
    also = where or Q()
    on = petition_conditions(start, end)
    return {
        "petitions.received": count_where(also & on.received),
        "petitions.carried_over": count_where(also & on.carried_over),
        "petitions.to_handle": count_where(also & on.to_handle),
        "petitions.handled": count_where(also & on.handled),
        "petitions.processable": count_where(also & on.processable),
        **{f"petitions.{name}": count_where(also & on.received & Q(kind=kind)) for kind, name in KINDS.items()},
        "petitions.in_competence": count_where(also & on.in_competence),
        **{
            f"petitions.in_competence.{name}": count_where(also & on.in_competence & Q(kind=kind))
            for kind, name in KINDS.items()
        },
        **{
            f"petitions.{name}": count_where(also & on.handled & Q(handling=handling))
            for handling, name in HANDLINGS.items()
        },
    }


def every_petition() -> QuerySet[Petition]:
    """Every petition of every agency: what the dashboard's tally is counted again from."""
    return Petition.objects.all()


def petitions_in(scope: Scope, start: date, end: date) -> QuerySet[Petition]:
    """The petitions the agencies of ``scope`` received from ``start`` to ``end`` inclusive."""
    return Petition.objects.filter(**agency_in(scope), received_on__range=(start, end))


def petitions_to_handle(scope: Scope, start: date, end: date, *, or_replied: bool = False) -> QuerySet[Petition]:
    """The petitions of the agencies of ``scope`` that a window's petition figures read (received in it, or carried
    over into it); ``or_replied``: also those whose forward reply came in the window, whenever received (the forms)."""
    which = petition_conditions(start, end).to_handle
    if or_replied:
        which |= Q(replied_on__range=(start, end))
    return Petition.objects.filter(which, **agency_in(scope))


def petitions_accepted_for(cases: QuerySet[Case], end: date) -> QuerySet[Petition]:
    """The petitions accepted for ``cases`` by ``end`` (a confirmed duplicate accepted before it was found one is still
    a petition of its case)."""
    return Petition.objects.filter(case__in=cases.values("pk"), handling__in=TAKES_UP, handled_on__lte=end)


def _petition_figures(in_scope: QuerySet, start: date, end: date) -> dict[str, int]:
    petitions = petitions_to_handle(in_scope, start, end)
    figures = petitions.aggregate(**petition_aggregates(start, end))
    figures["petitions.unhandled"] = figures["petitions.to_handle"] - figures["petitions.handled"]
    return figures


@dataclass(frozen=True)
class CaseConditions:
    """Which cases of a window each figure counts (see ``complaints_figures``)."""

    to_resolve: Q
    resolved: Q
    to_enforce: Q
    enforced: Q
    recovered: Q


def case_conditions(start: date, end: date) -> CaseConditions:
    """To resolve = not resolved before ``start``; resolved in the window; to enforce = a decision with its
    enforcement issued by ``end`` and not carried out before ``start``; enforced = of those, carried out by ``end``;
    recovered = resolved in the window and carried out by ``end``."""
    resolved = Q(resolved_on__range=(start, end))
    to_enforce = Q(decision__enforcement__isnull=False, decision__issued_on__lte=end) & (
        Q(decision__enforcement__completed_on__isnull=True) | Q(decision__enforcement__completed_on__gte=start)
    )
    return CaseConditions(
        to_resolve=Q(resolved_on__isnull=True) | Q(resolved_on__gte=start),
        resolved=resolved,
        to_enforce=to_enforce,
        enforced=to_enforce & Q(decision__enforcement__completed_on__lte=end),
        recovered=resolved & Q(decision__enforcement__completed_on__lte=end),
    )


def accepted_cases(in_scope: QuerySet, end: date) -> QuerySet[Case]:
    """The complaints and denunciations of the agencies ``in_scope`` accepted by ``end``. A confirmed duplicate never
    makes a second case: it joins the earlier petition's case, and an accepted petition cannot be marked a duplicate
    of another case (``complaints.services.handling.confirm_duplicate``), so no accepted case is ever left behind."""
    return Case.objects.filter(agency__in=in_scope, kind__in=list(CASE_KINDS), accepted_on__lte=end)


def cases_in(in_scope: QuerySet, start: date, end: date) -> QuerySet[Case]:
    """The cases that a window's case figures read: accepted by ``end``, to resolve or to enforce in it."""
    on = case_conditions(start, end)
    return accepted_cases(in_scope, end).filter(on.to_resolve | on.to_enforce)


def cases_to_resolve(in_scope: QuerySet, start: date, end: date) -> QuerySet[Case]:
    """The cases of ``cases_in`` that the resolution figures count: accepted by ``end``, not resolved before
    ``start``."""
    return accepted_cases(in_scope, end).filter(case_conditions(start, end).to_resolve)


def case_aggregates(start: date, end: date, where: Q | None = None) -> dict[str, Count | Coalesce]:
    """The case figures of ``cases_in`` that also meet ``where`` (a kind, for the forms), keyed as reports.md, except
    the rates."""
    also = where or Q()
    on = case_conditions(start, end)
    resolved = also & on.resolved
    by_kind = {}
    for kind, name in CASE_KINDS.items():
        done = resolved & Q(kind=kind)
        by_kind |= {
            f"{name}.cases": count_where(also & Q(kind=kind) & on.to_resolve),
            f"{name}.resolved": count_where(done),
            f"{name}.on_time": count_where(done & Q(resolved_on__lte=F("due_on"))),
            f"{name}.late": count_where(done & Q(resolved_on__gt=F("due_on"))),
        }
    return {
        **by_kind,
        **{key: count_where(resolved & condition) for key, condition in OUTCOMES.items()},
        "recovery.state.money_due": amount_where("decision__money_due", resolved),
        "recovery.state.money_recovered": amount_where("decision__enforcement__money_recovered", also & on.recovered),
        "recovery.state.land_due": amount_where("decision__land_due", resolved),
        "recovery.state.land_recovered": amount_where("decision__enforcement__land_recovered", also & on.recovered),
        "recovery.returned.money": amount_where("decision__returned_money", resolved),
        "recovery.returned.land": amount_where("decision__returned_land", resolved),
        "recovery.returned.organisations": total_where("decision__returned_organisations", resolved),
        "recovery.returned.individuals": total_where("decision__returned_individuals", resolved),
        "sanctions.people": total_where("decision__sanctioned_people", resolved),
        "sanctions.officials": total_where("decision__sanctioned_officials", resolved),
        "referrals.cases": total_where("decision__referred_cases", resolved),
        "referrals.people": total_where("decision__referred_people", resolved),
        "enforcement.decisions": count_where(also & on.to_enforce),
        "enforcement.completed": count_where(also & on.enforced),
    }


# The figures ``resolution_rate`` is computed from.
def resolution_rate(figures: dict) -> float:
    """Complaints and denunciations resolved, of those to resolve."""
    return rate(
        figures["complaints.resolved"] + figures["denunciations.resolved"],
        figures["complaints.cases"] + figures["denunciations.cases"],
    )


def _case_figures(in_scope: QuerySet, start: date, end: date) -> dict[str, int | float | Decimal]:
    figures = cases_in(in_scope, start, end).aggregate(**case_aggregates(start, end))
    for name in CASE_KINDS.values():
        figures[f"{name}.resolution_rate"] = rate(figures[f"{name}.resolved"], figures[f"{name}.cases"])
    figures["resolution_rate"] = resolution_rate(figures)
    figures["enforcement.rate"] = rate(figures["enforcement.completed"], figures["enforcement.decisions"])
    return figures


def resolvable_cases_dated(day: str) -> QuerySet[Case]:
    """The complaints and denunciations of every agency whose ``day`` (``accepted_on`` or ``resolved_on``) is set."""
    return Case.objects.filter(RESOLVABLE, **{f"{day}__isnull": False})


def resolvable_cases_by_day(scope: Scope, day: str, start: date, end: date) -> QuerySet[Case]:
    """The complaints and denunciations of the agencies of ``scope`` whose ``day`` (``accepted_on`` or
    ``resolved_on``) falls from ``start`` to ``end`` inclusive: what the resolution rate counts on those days."""
    return Case.objects.filter(
        RESOLVABLE, **agency_in(scope), **{f"{day}__isnull": False, f"{day}__range": (start, end)}
    )


def hotspots_in(in_scope: QuerySet, start: date, end: date) -> QuerySet[Case]:
    """The hotspot cases among the window's cases (those ``cases_to_resolve`` counts: accepted by ``end``, not resolved
    before ``start``), reports.md: a hotspot resolved before the window no longer counts, whatever its plan."""
    return cases_to_resolve(in_scope, start, end).filter(hotspot=True)


def hotspot_aggregates(end: date) -> dict[str, Count]:
    """The ``hotspots.*`` counts of ``hotspots_in``: handled = plan completed by ``end``."""
    return {"hotspots.cases": count_where(), "hotspots.handled": count_where(Q(hotspot_plan_done_on__lte=end))}


def _hotspot_figures(in_scope: QuerySet, start: date, end: date) -> dict[str, int]:
    return hotspots_in(in_scope, start, end).aggregate(**hotspot_aggregates(end))
