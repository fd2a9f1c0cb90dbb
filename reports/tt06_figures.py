"""The figures of the TT 06/2025/TT-TTCP forms (docs/tt06-2025.md, defined in docs/reports.md "TT 06/2025 forms"), per
row of a unit's forms (reports/rows.py), in six queries whatever the number of units: visits; sessions; petitions by
kind and subject field; the matters within competence; decisions and conclusions issued; those to carry out. Biểu
06/QLKNTC's figures are keyed in (reports/qlkntc.py).

Each figure reads the conditions of the apps' figure modules (``reception.figures``, ``complaints.figures``), so a
column counts the records that the summary key of the same name counts; the forms' splits are defined here:

- 01/TCD: regular, head and delegated reception are apart (a visit is of one mode); a group is 5 people or more; a
  visit with no case is a case of its own; the head's days are the days with a session, per agency.
- 02/XLD: the petitions to handle (received in the window or carried over), handled, processable, within
  competence; within competence by kind, round (a second-round complaint, a repeat denunciation: its case says so) and
  subject field in the order each family prints them; outside competence by what was done (urging counts with
  forwarding: TT 06/2025 has no column of its own for it).
- 03/GQKN, 04/GQTC: the matters of the petitions within competence counted by 02/XLD, by where they stood at the
  window's end (considered, accepted, declined, withdrawn or terminated); the decisions and conclusions on the merits
  issued in the window, by outcome and round, with what they order.
- 05/KQTH: the decisions and conclusions to carry out in the window (issued by its end, not carried out before its
  start) with what they order; those carried out by its end with what carrying them out did.
"""

from collections import defaultdict

from django.db.models import Count, Q, QuerySet

from complaints.figures import CASE_KINDS, KINDS, case_conditions, petition_conditions, petitions_to_handle
from complaints.models import Decision
from complaints.rules import ENDING, Handling, Outcome
from danvan.aggregates import amount_where, count_where, total_where
from danvan.lookups import agency_in
from danvan.models import Agency, Case
from reception.figures import CASELESS, DELEGATED, GROUP, HEAD, REGULAR, people_where, sessions_in, visits_in
from reports.grouped import RowFigures, grouped_by_row, merged, per_row
from reports.periods import Window
from reports.qlkntc import management_by_row
from reports.rows import Rows

WAYS = {"regular": REGULAR, "head": HEAD, "delegated": DELEGATED}
# How each family of petitions within competence splits by subject field, in the order its form prints them.
_ADMINISTRATIVE = ("policy", "land", "civil_service", "administrative_other")
SECTORS = {
    "complaints": {"land": ("land",), "policy": ("policy",), "other": None},
    "denunciations": {
        "administrative": _ADMINISTRATIVE,
        "corruption": ("corruption",),
        "judicial": ("judicial",),
        "other": None,
    },
    "recommendations": {"policy": ("policy",), "land": ("land",), "other": None},
}
# A petition whose case is a second-round complaint or a repeat denunciation: an IN over those few cases (hashed once
# per query), not a join of every petition to its case.
_SECOND = Q(case__in=Case.objects.filter(Q(round=Case.Round.SECOND) | Q(repeat_denunciation=True)).values("pk"))
_FIRST_ROUND = ~Q(case__round=Case.Round.SECOND)
_SECOND_ROUND = Q(case__round=Case.Round.SECOND)
_REPEAT = Q(case__repeat_denunciation=True)
# Decisions and conclusions on the merits, by kind: the outcome columns of 03/GQKN and 04/GQTC.
DECIDED = {
    "complaints": {
        "founded": _FIRST_ROUND & Q(outcome=Outcome.FOUNDED),
        "unfounded": _FIRST_ROUND & Q(outcome=Outcome.UNFOUNDED),
        "partly_founded": _FIRST_ROUND & Q(outcome=Outcome.PARTLY_FOUNDED),
        "upheld_first": _SECOND_ROUND & Q(outcome=Outcome.UPHELD_FIRST),
        "overturned_first": _SECOND_ROUND & Q(outcome=Outcome.OVERTURNED_FIRST),
    },
    "denunciations": {
        f"{prefix}{outcome}": which & Q(outcome=outcome)
        for prefix, which in (("", ~_REPEAT), ("repeat_", _REPEAT))
        for outcome in (Outcome.FOUNDED, Outcome.UNFOUNDED, Outcome.PARTLY_FOUNDED)
    },
}
# What a decision orders, summed over the decisions a column counts.
ORDERED_AMOUNTS = ("money_due", "land_due", "returned_money", "returned_land")
ORDERED_COUNTS = ("returned_organisations", "returned_individuals", "sanctioned_organisations", "sanctioned_people",
                  "sanctioned_officials", "referred_cases", "referred_people", "referred_officials")  # fmt: skip
# What carrying a decision out did.
DONE_AMOUNTS = ("money_recovered", "land_recovered", "returned_money", "returned_land")
DONE_COUNTS = ("sanctioned_organisations", "sanctioned_people", "sanctioned_officials", "prosecuted_cases",
               "prosecuted_people", "prosecuted_officials")  # fmt: skip


def tt06_figures(rows: Rows, window: Window, agencies: QuerySet[Agency]) -> list[RowFigures]:
    """Every figure of the six forms, one dict per row of ``rows``, for ``window``; ``agencies`` narrows the records
    counted (to a user's scope), as ``reports.figures.report_data`` does."""
    scope = agencies.values("pk")
    parts = (
        _reception(rows, scope, window),
        _days(rows, scope, window),
        _petitions(rows, scope, window),
        _matters(rows, scope, window),
        _decided(rows, scope, window),
        _to_carry_out(rows, scope, window),
        management_by_row(rows, window, agencies),
    )
    return merged(parts)


def _reception(rows: Rows, scope: QuerySet, window: Window) -> list[RowFigures]:
    aggregates = {}
    for way, condition in WAYS.items():
        aggregates |= {
            f"tcd.{way}.visits": count_where(condition),
            f"tcd.{way}.people": people_where(condition),
            f"tcd.{way}.with_case": Count("case", distinct=True, filter=condition),
            f"tcd.{way}.caseless": count_where(condition & CASELESS),
            f"tcd.{way}.groups": count_where(condition & GROUP),
            f"tcd.{way}.group_people": people_where(condition & GROUP),
        }
    by_row = per_row(rows, visits_in(scope, window.start, window.end), aggregates)
    for figures in by_row:
        for way in WAYS:
            figures[f"tcd.{way}.cases"] = figures.pop(f"tcd.{way}.with_case") + figures.pop(f"tcd.{way}.caseless")
    return by_row


def _days(rows: Rows, scope: QuerySet, window: Window) -> list[RowFigures]:
    """The days on which each agency's head received, in person or delegated, added up per row."""
    days = {
        "head": Count("date", distinct=True, filter=HEAD),
        "delegated": Count("date", distinct=True, filter=DELEGATED),
    }
    by_row = [{"tcd.head.days": 0, "tcd.delegated.days": 0} for _ in rows]
    sessions = sessions_in(scope, window.start, window.end)
    for index, _, figures in grouped_by_row(rows, sessions, days, by=("agency_id",)):
        for way, count in figures.items():
            by_row[index][f"tcd.{way}.days"] += count
    return by_row


def _petitions(rows: Rows, scope: QuerySet, window: Window) -> list[RowFigures]:
    """02/XLD, in two queries: the counts by row, kind and subject field (no count tests a kind or a field), added up
    per family; then, of the petitions within competence alone, the distinct matters per row and those of a second
    round per family (they read the petition's case: only the petitions within competence need it)."""
    on = petition_conditions(window.start, window.end)
    outside = on.processable & ~Q(in_competence=True)
    aggregates = {
        "to_handle": count_where(on.to_handle),
        "handled": count_where(on.handled),
        "processable": count_where(on.processable),
        "in_competence": count_where(on.in_competence),
        "outside": count_where(outside),
        "guided": count_where(outside & Q(handling=Handling.GUIDE)),
        "forwarded": count_where(outside & Q(handling__in=[Handling.FORWARD, Handling.URGE])),
    }
    totals = ("to_handle", "handled", "processable", "in_competence", "outside", "guided", "forwarded")
    sectors = [f"xld.{family}.{sector}" for family, splits in SECTORS.items() for sector in splits]
    families = [f"xld.{family}.{key}" for family in KINDS.values() for key in ("in_competence", "second")]
    by_row = [dict.fromkeys([*(f"xld.{key}" for key in totals), *families, *sectors], 0) for _ in rows]
    petitions = petitions_to_handle(scope, window.start, window.end)
    for index, (kind, field), figures in grouped_by_row(rows, petitions, aggregates, by=("kind", "field")):
        into, family = by_row[index], KINDS[kind]
        for key in totals:
            into[f"xld.{key}"] += figures[key]
        into[f"xld.{family}.in_competence"] += figures["in_competence"]
        into[f"xld.{family}.{sector_of(family, field)}"] += figures["in_competence"]
    # The petitions within competence in the WHERE clause: the distinct count sorts only what it reads.
    matters = {"with_case": Count("case", distinct=True), "caseless": count_where(Q(case__isnull=True))}
    matters |= {f"xld.{family}.second": count_where(Q(kind=kind) & _SECOND) for kind, family in KINDS.items()}
    in_competence = petitions.filter(on.in_competence)
    for figures, counted in zip(by_row, per_row(rows, in_competence, matters), strict=True):
        figures["xld.matters"] = counted.pop("with_case") + counted.pop("caseless")
        figures |= counted
        for family in KINDS.values():
            figures[f"xld.{family}.first"] = figures[f"xld.{family}.in_competence"] - figures[f"xld.{family}.second"]
    return by_row


def sector_of(family: str, field: str) -> str:
    """The sector column of a petition of ``family`` in subject ``field`` ("" when none): the first that lists it,
    else "other"."""
    return next((sector for sector, fields in SECTORS[family].items() if fields and field in fields), "other")


def _matters(rows: Rows, scope: QuerySet, window: Window) -> list[RowFigures]:
    """03/GQKN and 04/GQTC columns 2–6: the matters of the petitions within competence that 02/XLD counts, by where
    they stood at the window's end, at the row of the matter's agency."""
    start, end = window.start, window.end
    in_competence = petitions_to_handle(scope, start, end).filter(petition_conditions(start, end).in_competence)
    matters = Case.objects.filter(kind__in=list(CASE_KINDS), pk__in=in_competence.values("case_id"))
    accepted = Q(accepted_on__lte=end)
    declined = Q(declined_on__lte=end)
    ended = Q(decision__outcome__in=list(ENDING), decision__issued_on__lte=end)
    aggregates = {
        "matters": count_where(),
        "considered": count_where(~accepted & ~declined),
        "accepted": count_where(accepted & ~ended),
        "declined": count_where(declined),
        "ended": count_where(ended),
    }
    by_row = [{f"{family}.{key}": 0 for family in CASE_KINDS.values() for key in aggregates} for _ in rows]
    for index, (kind,), figures in grouped_by_row(rows, matters, aggregates, by=("kind",)):
        by_row[index] |= {f"{CASE_KINDS[kind]}.{key}": value for key, value in figures.items()}
    return by_row


def _ordered(prefix: str = "") -> dict:
    return {f"{prefix}{name}": amount_where(name) for name in ORDERED_AMOUNTS} | {
        f"{prefix}{name}": total_where(name) for name in ORDERED_COUNTS
    }


def _decided(rows: Rows, scope: QuerySet, window: Window) -> list[RowFigures]:
    """03/GQKN and 04/GQTC columns 7 on: the decisions and conclusions on the merits issued in the window."""
    decisions = Decision.objects.filter(
        **agency_in(scope, "case__agency"),
        case__kind__in=list(CASE_KINDS),
        issued_on__range=(window.start, window.end),
    ).exclude(outcome__in=list(ENDING))
    outcomes = {outcome for splits in DECIDED.values() for outcome in splits}
    aggregates = {"decisions": count_where()} | _ordered()
    aggregates |= {f"outcome.{name}": count_where(condition) for splits in DECIDED.values()
                   for name, condition in splits.items()}  # fmt: skip
    by_row: list[RowFigures] = [defaultdict(int) for _ in rows]
    for index, (kind,), figures in _by_kind(rows, decisions, aggregates):
        family = CASE_KINDS[kind]
        for key, value in figures.items():
            name = key.removeprefix("outcome.")
            if name == key or name in DECIDED[family]:
                by_row[index][f"{family}.decided.{name}"] += value
    keys = [f"{family}.decided.{name}" for family in CASE_KINDS.values() for name in ("decisions", *_ordered())]
    keys += [f"{family}.decided.{name}" for family, splits in DECIDED.items() for name in splits if name in outcomes]
    return [{key: figures[key] for key in keys} for figures in by_row]


def _to_carry_out(rows: Rows, scope: QuerySet, window: Window) -> list[RowFigures]:
    """05/KQTH: the decisions and conclusions to carry out in the window, what they order; those carried out by its
    end, what carrying them out did."""
    on = case_conditions(window.start, window.end)
    decisions = Decision.objects.filter(
        **agency_in(scope, "case__agency"), case__kind__in=list(CASE_KINDS), issued_on__lte=window.end
    ).filter(_on_decision(on.to_enforce))
    done = _on_decision(on.enforced)
    aggregates = {"due": count_where(), "done": count_where(done)} | _ordered("ordered.")
    aggregates |= {f"did.{name}": amount_where(f"enforcement__{name}", done) for name in DONE_AMOUNTS}
    aggregates |= {f"did.{name}": total_where(f"enforcement__{name}", done) for name in DONE_COUNTS}
    by_row = [{f"{family}.carry.{key}": 0 for family in CASE_KINDS.values() for key in aggregates} for _ in rows]
    for index, (kind,), figures in _by_kind(rows, decisions, aggregates):
        by_row[index] |= {f"{CASE_KINDS[kind]}.carry.{key}": value for key, value in figures.items()}
    return by_row


def _by_kind(rows: Rows, decisions: QuerySet[Decision], aggregates: dict):
    """``aggregates`` of decisions by row of their case's agency and by the case's kind."""
    return grouped_by_row(rows, decisions, aggregates, by=("case__kind",), field="case__agency_id")


def _on_decision(condition: Q) -> Q:
    """A condition on a case's decision (``decision__…``) read from the decision itself."""
    children = [
        _on_decision(child) if isinstance(child, Q) else (child[0].removeprefix("decision__"), child[1])
        for child in condition.children
    ]
    return Q(*children, _connector=condition.connector, _negated=condition.negated)
