"""Reads of dialogues: the lists in a user's scope, the follow-up still due, and the communes that have not yet held
their yearly dialogue."""

from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from danvan.codes import DIALOGUE_PREFIX, searched_code
from danvan.lookups import Scope, agency_in
from danvan.models import AdminUnit, Agency, Staff
from danvan.permissions import recording_agencies
from danvan.scope import get_scoped_or_404, visible_agencies, visible_agency_ids
from danvan.search import Matching, SearchQuery, found
from danvan.validity import REFORM
from dialogues.models import Dialogue, Directive, DirectiveStatus, Kind, Opinion, OpinionStatus


def dialogues_in(scope: Scope) -> QuerySet[Dialogue]:
    """The dialogues and voter meetings organised by the agencies of ``scope``."""
    return Dialogue.objects.select_related("unit", "agency").filter(**agency_in(scope))


def _in_scope(staff: Staff) -> Scope:
    """The agencies in ``staff``'s scope as the follow-up's queries filter on them: their ids, read once per request (a
    superuser's, every agency, as a subquery)."""
    return visible_agencies(staff).values("pk") if staff.is_superuser else visible_agency_ids(staff)


def dialogues_for(staff: Staff) -> QuerySet[Dialogue]:
    """The dialogues and voter meetings organised by the agencies in ``staff``'s scope."""
    return dialogues_in(_in_scope(staff))


def get_dialogue_for(staff: Staff, pk: int) -> Dialogue:
    return get_scoped_or_404(Dialogue.objects.select_related("unit", "agency", "created_by"), staff, pk=pk)


def dialogues_found(scope: Scope, query: SearchQuery) -> list[Dialogue]:
    """The header search's dialogues of ``scope``: the one of the code (its letters are enough), then those whose
    host's name or topic has words beginning with the query's, latest first."""
    code = searched_code(query.text, DIALOGUE_PREFIX)
    words = query.words_of("search_text")
    return found(
        dialogues_in(scope),
        exact=Q(code=code) if code else None,
        matching=Matching(words) if words else None,
        latest=("date",),
    )


def _followed_by(staff: Staff, owner_field: str) -> Q:
    """Follow-up that ``staff`` sees: of a dialogue in their scope, or given to an agency in their scope."""
    in_scope = _in_scope(staff)
    return Q(**agency_in(in_scope, "dialogue__agency")) | Q(**agency_in(in_scope, owner_field))


def opinions_for(staff: Staff) -> QuerySet[Opinion]:
    return Opinion.objects.filter(_followed_by(staff, "assignee")).select_related("dialogue__unit", "assignee")


def directives_for(staff: Staff) -> QuerySet[Directive]:
    return Directive.objects.filter(_followed_by(staff, "owner")).select_related("dialogue__unit", "owner")


def still_open(opinions: QuerySet[Opinion]) -> QuerySet[Opinion]:
    """The assigned opinions of ``opinions`` not yet answered, the earliest deadline first."""
    return opinions.filter(status=OpinionStatus.ASSIGNED).order_by("due_on", "pk")


def open_opinions(staff: Staff) -> QuerySet[Opinion]:
    return still_open(opinions_for(staff))


def open_directives(staff: Staff) -> QuerySet[Directive]:
    """Directives not yet carried out, the earliest deadline first."""
    return directives_for(staff).filter(status=DirectiveStatus.OPEN).order_by("due_on", "pk")


def overdue_among(opinions: QuerySet[Opinion], *, today: date) -> QuerySet[Opinion]:
    """The assigned opinions of ``opinions`` whose deadline has passed without an answer, the longest overdue first."""
    return still_open(opinions).filter(due_on__lt=today)


def overdue_opinions_in(scope: Scope, *, today: date) -> QuerySet[Opinion]:
    """Opinions raised at dialogues of the agencies of ``scope``, or assigned to one of them, past their deadline."""
    raised_or_assigned = Q(**agency_in(scope, "dialogue__agency")) | Q(**agency_in(scope, "assignee"))
    return overdue_among(Opinion.objects.filter(raised_or_assigned), today=today)


def overdue_opinions(staff: Staff, *, today: date) -> QuerySet[Opinion]:
    return overdue_among(opinions_for(staff), today=today)


def overdue_directives(staff: Staff, *, today: date) -> QuerySet[Directive]:
    """Directives not carried out by their deadline, the longest overdue first."""
    return open_directives(staff).filter(due_on__lt=today)


def mark_who_may_act(staff: Staff, *, opinions: Iterable[Opinion], directives: Iterable[Directive]) -> None:
    """Marks each opinion ``may_resolve`` and each directive ``may_complete`` when it is still open and ``staff``
    records for the dialogue's agency or for the agency it was given to: the rule the result's page applies."""
    acting = set(recording_agencies(staff).values_list("pk", flat=True))
    for opinion in opinions:
        opinion.may_resolve = opinion.status == OpinionStatus.ASSIGNED and not acting.isdisjoint(
            {opinion.dialogue.agency_id, opinion.assignee_id}
        )
    for directive in directives:
        directive.may_complete = directive.status == DirectiveStatus.OPEN and not acting.isdisjoint(
            {directive.dialogue.agency_id, directive.owner_id}
        )


def totals_of(dialogues: QuerySet[Dialogue]) -> list[dict]:
    """Per kind, how many of ``dialogues`` there are and how many at each level, in one query."""
    counts = dialogues.aggregate(
        **{
            f"{kind}__{level}": Count("pk", filter=Q(kind=kind, unit__level=level))
            for kind in Kind.values
            for level in AdminUnit.Level.values
        }
    )
    totals = []
    for kind in Kind:
        by_level = [(label, counts[f"{kind}__{level}"]) for level, label in AdminUnit.Level.choices]
        totals.append(
            {
                "kind": kind.label.lower(),
                "count": sum(count for _, count in by_level),
                "by_level": [(label.lower(), count) for label, count in by_level if count],
            }
        )
    return totals


# The dialogues of the communes merged in the 2025 reform count for the commune they went into when held before the
# reform: from that day the new commune's People's Committee holds the dialogue (Luật Thực hiện dân chủ ở cơ sở,
# Điều 32).
PREDECESSORS_COUNT_UNTIL = REFORM


def communes_without_dialogue(staff: Staff, *, year: int, today: date) -> QuerySet[Agency]:
    """The People's Committees of the communes in ``staff``'s scope that have held no dialogue with the people in
    ``year`` (Luật Thực hiện dân chủ ở cơ sở, Điều 32: at least one a year), judged on ``today`` for the current year
    and on 31/12 for a past one; the communes are those in existence on that day.

    A commune formed in the 2025 reform has held its dialogue of 2025 when the committee of one of the communes that
    went into it held one before the reform (``PREDECESSORS_COUNT_UNTIL``); a predecessor's dialogue dated later
    counts for nothing, and never for another year."""
    on = min(today, date(year, 12, 31))
    own = Q(agency=OuterRef("pk"))
    of_a_predecessor = Q(
        agency__kind=Agency.Kind.COMMITTEE,
        agency__unit__successors=OuterRef("unit"),
        date__lt=PREDECESSORS_COUNT_UNTIL,
    )
    held = Dialogue.objects.filter(own | of_a_predecessor, kind=Kind.DIALOGUE, date__gte=date(year, 1, 1), date__lte=on)
    return (
        visible_agencies(staff)
        .filter(
            kind=Agency.Kind.COMMITTEE,
            unit__level=AdminUnit.Level.COMMUNE,
            unit__in=AdminUnit.objects.valid_on(on).values("pk"),
        )
        .exclude(Exists(held))
        .select_related("unit__parent")
        .order_by("unit__parent__code", "unit__code")
    )


# The home page shows this many overdue opinions and directives.
OVERDUE_SHOWN = 10


def overdue_follow_up(staff: Staff, *, today: date) -> dict:
    """The opinions and directives of dialogues in ``staff``'s scope that are past their deadline: the longest overdue
    first, a few of them, and how many there are."""
    opinions, directives = overdue_opinions(staff, today=today), overdue_directives(staff, today=today)
    rows = [{"what": "Ý kiến", "task": task, "agency": task.assignee} for task in opinions[:OVERDUE_SHOWN]]
    rows += [{"what": "Kết luận", "task": task, "agency": task.owner} for task in directives[:OVERDUE_SHOWN]]
    rows = sorted(rows, key=lambda row: (row["task"].due_on, row["what"], row["task"].pk))[:OVERDUE_SHOWN]
    if not rows:
        return {"overdue": []}
    shown = {row["task"].dialogue_id for row in rows}
    return {
        "overdue": rows,
        "overdue_count": opinions.count() + directives.count(),
        "overdue_visible": set(dialogues_for(staff).filter(pk__in=shown).values_list("pk", flat=True)),
    }
