"""The figures of the statutory forms, per row (reports/rows.py), in seven queries whatever the number of units:
visits, and those whose case came before; reception sessions; petitions, and their distinct matters; cases; the
petitions of those cases. Each groups by an expression that maps an agency to its row (``RowOf``). Distinct counts
(cases) are exact per row; a form's total row is the sum of its rows, so a case received in two rows counts in both.

The conditions and aggregates are the app figure modules' own (``reception.figures``, ``complaints.figures``), so a
column that a summary key also counts counts the same records; the rest are the forms' splits of them:

- 01/TCD: per way of reception (regular, by the head, delegated) and for its groups of 5 or more, the visits, people
  and cases, received for the first time or again (a case came before the window at any agency; a visit with no case
  is a case of its own, first received); sessions held by the head, delegated.
- XLD, per kind of petition and for all: the ``petitions.*`` counts; the processable petitions by subject field and by
  how many times their matter had already been resolved when they arrived (one for a second-round complaint or a
  repeat denunciation, one more when the matter's case was resolved before the petition came: once, more than once,
  not yet), and those whose matter was past its deadline, unresolved, when they arrived; the distinct matters among
  the processable ones (a petition with no case is a matter of its own), and among those within competence, the
  matters already resolved once ("lần 2", "tố cáo tiếp"); the handled ones carried over or received; the forward
  replies received in the window ("số văn bản phúc đáp nhận được": petitions of the agency with ``replied_on`` in
  the window, whenever received).
- KQGQ, per kind of case: the case figures of ``complaints.figures.case_aggregates`` restricted to the kind; repeat
  denunciations to resolve; for enforcement, what the decisions to carry out order and what those carried out by the
  window's end did (their amounts recovered, the returns, sanctions and referrals they ordered); the petitions of the
  cases to resolve, those accepted for them, split by whether their case was accepted before the window (carried
  over) or in it; the conclusions on repeat denunciations by outcome; the returns ordered to organisations alone (the
  vendor's "tổ chức" columns; the rest are the "cá nhân" ones), the officials referred or prosecuted.
"""

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from django.db import models
from django.db.models import Count, Q, QuerySet

from complaints.figures import (
    CASE_KINDS,
    KINDS,
    case_aggregates,
    case_conditions,
    cases_in,
    cases_to_resolve,
    petition_aggregates,
    petition_conditions,
    petitions_accepted_for,
    petitions_to_handle,
)
from complaints.models import Outcome
from danvan.aggregates import amount_where, count_where, total_where
from danvan.models import Agency, Case, SubjectField
from reception.figures import (
    CASELESS,
    DELEGATED,
    GROUP,
    HEAD,
    REGULAR,
    came_before,
    people_where,
    sessions_in,
    visits_in,
)
from reports.periods import Window
from reports.rows import Rows

Number = int | Decimal
RowFigures = dict[str, Number]

# 01/TCD's ways of reception; each also for its groups of 5 or more (đoàn đông người), as "<way>_group".
WAYS = {"regular": REGULAR, "head": HEAD, "delegated": DELEGATED}
# The XLD forms: all petitions (01/XLD), then each kind (02/XLD complaints, 03/XLD denunciations, 04/XLD the rest).
PETITION_SCOPES = {"all": None} | {name: kind for kind, name in KINDS.items()}
PETITION_KEYS = ("received", "carried_over", "to_handle", "handled", "processable", "in_competence", "guided",
                 "forwarded", "urged")  # fmt: skip
# A petition's subject field as the forms split it; a petition with none counts as "none".
FIELDS = (*SubjectField.values, "")
# The matter was already resolved once: a second-round complaint, a repeat denunciation; once more: its case was
# resolved before the petition came.
_SECOND = Q(case__round=Case.Round.SECOND) | Q(case__repeat_denunciation=True)
_RESOLVED_BEFORE = Q(case__resolved_on__lt=models.F("received_on"))
# The matter was past its deadline and unresolved when the petition came (03/XLD: "quá thời hạn chưa giải quyết").
_OVERDUE_BEFORE = (
    Q(case__due_on__lt=models.F("received_on"))
    & (Q(case__resolved_on__isnull=True) | Q(case__resolved_on__gte=models.F("received_on")))
    & ~_SECOND
)
# A decision that returns money or land to organisations and to no individual.
_TO_ORGANISATIONS = Q(decision__returned_individuals=0, decision__returned_organisations__gt=0)


def field_key(value: str) -> str:
    return value or "none"


def grouped_figures(rows: Rows, window: Window, agencies: QuerySet[Agency]) -> list[RowFigures]:
    """Every figure of the forms (see the module's docstring), one dict per row of ``rows``, for ``window``.
    ``agencies`` narrows the records counted (to a user's scope), as ``reports.figures.report_data`` does."""
    scope = agencies.values("pk")
    parts = (
        _reception(rows, scope, window),
        _sessions(rows, scope, window),
        _petitions(rows, scope, window),
        _cases(rows, scope, window),
        _petitions_of_cases(rows, scope, window),
    )
    return merged(parts)


def merged(parts: tuple[list[RowFigures], ...]) -> list[RowFigures]:
    """The figures of each row from several queries' per-row figures, as one dict per row."""
    return [{key: value for part in parts for key, value in part[index].items()} for index in range(len(parts[0]))]


def total(figures: list[RowFigures]) -> RowFigures:
    """The total row: the sum of the rows, figure by figure (0 for every figure of a form with no rows)."""
    keys = figures[0] if figures else {}
    return defaultdict(int, {key: sum((row[key] for row in figures), 0) for key in keys})


class RowOf(models.Expression):
    """The index of the row of the agency in ``field``, NULL for an agency in no row.

    PostgreSQL reads it from an array indexed by the agency's id (as long as the span of the rows' agency ids, so at
    most the number of agencies), in constant time per record; elsewhere it is a CASE over the rows' agencies, one IN
    list per row, which costs a test per row for every record (1 s per million records for a province's 142 rows).
    """

    output_field = models.IntegerField()

    def __init__(self, rows: Rows, field: str = "agency_id") -> None:
        super().__init__()
        self.column = models.F(field)
        self.case = models.Case(
            *(
                models.When(**{f"{field}__in": row.agency_ids}, then=index)
                for index, row in enumerate(rows)
                if row.agency_ids
            ),
            default=None,
            output_field=models.IntegerField(),
        )
        ids = rows.agency_ids
        self.offset = min(ids) - 1 if ids else 0
        self.indexes: list[int | None] = [None] * (max(ids) - self.offset if ids else 0)
        for index, row in enumerate(rows):
            for pk in row.agency_ids:
                self.indexes[pk - self.offset - 1] = index

    def get_source_expressions(self) -> list:
        return [self.column, self.case]

    def set_source_expressions(self, expressions: list) -> None:
        self.column, self.case = expressions

    def as_sql(self, compiler, connection, **extra):
        return compiler.compile(self.case)

    def as_postgresql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.column)
        return f"(%s::integer[])[{column} - %s]", (self.indexes, *params, self.offset)


def grouped_by_row(
    rows: Rows, queryset: QuerySet, aggregates: dict, *, by: tuple[str, ...] = (), field: str = "agency_id"
) -> Iterator[tuple[int, tuple, RowFigures]]:
    """``aggregates`` by row (and by the fields ``by``), in one GROUP BY query: (row, values of ``by``, figures)."""
    if not rows.agency_ids:
        return
    aliases = {f"figure_{number}": aggregate for number, aggregate in enumerate(aggregates.values())}
    grouped = queryset.annotate(row=RowOf(rows, field)).order_by().values("row", *by).annotate(**aliases)
    for values in grouped:
        if values["row"] is not None:
            figures = {key: values[f"figure_{number}"] for number, key in enumerate(aggregates)}
            yield values["row"], tuple(values[name] for name in by), figures


def per_row(rows: Rows, queryset: QuerySet, aggregates: dict, field: str = "agency_id") -> list[RowFigures]:
    """``aggregates`` per row, 0 for a row with no records."""
    by_row = [dict.fromkeys(aggregates, 0) for _ in rows]
    for index, _, figures in grouped_by_row(rows, queryset, aggregates, field=field):
        by_row[index] = figures
    return by_row


def _reception(rows: Rows, scope: QuerySet, window: Window) -> list[RowFigures]:
    """01/TCD's visits, in two queries: the cases received again are counted among the visits whose case came before
    the window apart, as ``reception_figures`` does (testing that inside each split's count would test it per split)."""
    splits = {f"{way}{group}": condition & GROUP if group else condition for way, condition in WAYS.items()
              for group in ("", "_group")}  # fmt: skip
    aggregates, repeats = {}, {}
    for name, which in splits.items():
        aggregates |= {
            f"tcd.{name}.visits": count_where(which),
            f"tcd.{name}.people": people_where(which),
            f"tcd.{name}.with_case": Count("case", distinct=True, filter=which),
            f"tcd.{name}.caseless": count_where(which & CASELESS),
        }
        repeats[f"tcd.{name}.cases_repeat"] = Count("case", distinct=True, filter=which)
    visits = visits_in(scope, window.start, window.end)
    by_row = per_row(rows, visits, aggregates)
    again = per_row(rows, visits.filter(came_before(window.start)), repeats)
    for figures, repeated in zip(by_row, again, strict=True):
        figures |= repeated
        for name in splits:
            cases = figures.pop(f"tcd.{name}.with_case") + figures.pop(f"tcd.{name}.caseless")
            figures[f"tcd.{name}.cases_first"] = cases - figures[f"tcd.{name}.cases_repeat"]
    return by_row


def _sessions(rows: Rows, scope: QuerySet, window: Window) -> list[RowFigures]:
    sessions = sessions_in(scope, window.start, window.end)
    return per_row(
        rows, sessions, {"tcd.head.sessions": count_where(HEAD), "tcd.delegated.sessions": count_where(DELEGATED)}
    )


def _petitions(rows: Rows, scope: QuerySet, window: Window) -> list[RowFigures]:
    """The XLD forms' petitions, in two queries: the counts by row, kind and subject field (so that no count tests a
    kind or a field), added up per kind and for all; then the distinct matters per row."""
    start, end = window.start, window.end
    on = petition_conditions(start, end)
    replied = Q(replied_on__range=(start, end))
    counts = petition_aggregates(start, end)
    aggregates = {key: counts[f"petitions.{key}"] for key in PETITION_KEYS} | {
        "caseless": count_where(on.processable & Q(case__isnull=True)),
        "second": count_where(on.processable & _SECOND),
        "resolved_before": count_where(on.processable & _RESOLVED_BEFORE),
        "resolved_many": count_where(on.processable & _SECOND & _RESOLVED_BEFORE),
        "replies": count_where(replied),
        "handled_carried_over": count_where(on.handled & on.carried_over),
        "handled_received": count_where(on.handled & on.received),
        "overdue_before": count_where(on.processable & _OVERDUE_BEFORE),
    }
    keys = [*aggregates, *(f"field.{field_key(value)}" for value in FIELDS)]
    by_row = [{f"xld.{name}.{key}": 0 for name in PETITION_SCOPES for key in keys} for _ in rows]
    petitions = petitions_to_handle(scope, start, end, or_replied=True)
    for index, (kind, field), figures in grouped_by_row(rows, petitions, aggregates, by=("kind", "field")):
        for name in ("all", KINDS[kind]):
            into = by_row[index]
            for key, value in figures.items():
                into[f"xld.{name}.{key}"] += value
            into[f"xld.{name}.field.{field_key(field)}"] += figures["processable"]
    with_case = {}
    for name, kind in PETITION_SCOPES.items():
        of_kind = Q(kind=kind) if kind else Q()
        with_case |= {
            f"xld.{name}.with_case": Count("case", distinct=True, filter=on.processable & of_kind),
            f"xld.{name}.competent_cases": Count("case", distinct=True, filter=on.in_competence & of_kind),
            f"xld.{name}.competent_again": Count("case", distinct=True, filter=on.in_competence & of_kind & _SECOND),
        }
    for figures, matters in zip(by_row, per_row(rows, petitions, with_case), strict=True):
        for name in PETITION_SCOPES:
            key = f"xld.{name}."
            figures[key + "unhandled"] = figures[key + "to_handle"] - figures[key + "handled"]
            figures[key + "matters"] = matters[key + "with_case"] + figures.pop(key + "caseless")
            figures[key + "competent_again"] = matters[key + "competent_again"]
            figures[key + "competent_first"] = matters[key + "competent_cases"] - matters[key + "competent_again"]
            many = figures[key + "resolved_many"]
            once = figures.pop(key + "second") + figures.pop(key + "resolved_before") - 2 * many
            figures[key + "resolved_once"] = once
            figures[key + "unresolved"] = figures[key + "processable"] - once - many
    return by_row


def _cases(rows: Rows, scope: QuerySet, window: Window) -> list[RowFigures]:
    start, end = window.start, window.end
    on = case_conditions(start, end)
    aggregates = {}
    for kind, name in CASE_KINDS.items():
        of_kind = Q(kind=kind)
        mine = {
            key: aggregate
            for key, aggregate in case_aggregates(start, end, where=of_kind).items()
            if not key.startswith(tuple(f"{other}." for other in CASE_KINDS.values() if other != name))
        }
        aggregates |= {f"kqgq.{name}.{key.removeprefix(name + '.')}": aggregate for key, aggregate in mine.items()}
        to_enforce, enforced = of_kind & on.to_enforce, of_kind & on.enforced
        aggregates |= {
            f"kqgq.{name}.repeat": count_where(of_kind & on.to_resolve & Q(repeat_denunciation=True)),
            f"kqgq.{name}.terminated": count_where(of_kind & on.resolved & Q(decision__outcome=Outcome.TERMINATED)),
            f"kqgq.{name}.enforce.money_due": amount_where("decision__money_due", to_enforce),
            f"kqgq.{name}.enforce.money_recovered": amount_where("decision__enforcement__money_recovered", enforced),
            f"kqgq.{name}.enforce.land_due": amount_where("decision__land_due", to_enforce),
            f"kqgq.{name}.enforce.land_recovered": amount_where("decision__enforcement__land_recovered", enforced),
            f"kqgq.{name}.enforce.returned_money_due": amount_where("decision__returned_money", to_enforce),
            f"kqgq.{name}.enforce.returned_money_done": amount_where("decision__returned_money", enforced),
            f"kqgq.{name}.enforce.returned_land_due": amount_where("decision__returned_land", to_enforce),
            f"kqgq.{name}.enforce.returned_land_done": amount_where("decision__returned_land", enforced),
            f"kqgq.{name}.enforce.sanctioned": total_where("decision__sanctioned_people", enforced),
            f"kqgq.{name}.enforce.prosecuted_cases": total_where("decision__referred_cases", enforced),
            f"kqgq.{name}.enforce.prosecuted_people": total_where("decision__referred_people", enforced),
        }
        aggregates |= _case_splits(f"kqgq.{name}.", of_kind & on.resolved, to_enforce, enforced)
    return per_row(rows, cases_in(scope, start, end), aggregates)


def _case_splits(key: str, resolved: Q, to_enforce: Q, enforced: Q) -> dict:
    """The KQGQ forms' splits of a kind's cases: conclusions on repeat denunciations by outcome, the returns ordered to
    organisations alone, the organisations and officials a decision names, ordered and carried out."""
    repeat = resolved & Q(repeat_denunciation=True)
    aggregates = {
        f"{key}repeat_{outcome}": count_where(repeat & Q(decision__outcome=value))
        for outcome, value in (
            ("founded", Outcome.FOUNDED), ("unfounded", Outcome.UNFOUNDED), ("partly_founded", Outcome.PARTLY_FOUNDED)
        )
    }  # fmt: skip
    aggregates[f"{key}referrals.officials"] = total_where("decision__referred_officials", resolved)
    for amount in ("money", "land"):
        returned = f"decision__returned_{amount}"
        aggregates |= {
            f"{key}recovery.returned.{amount}_organisations": amount_where(returned, resolved & _TO_ORGANISATIONS),
            f"{key}enforce.returned_{amount}_due_organisations": amount_where(returned, to_enforce & _TO_ORGANISATIONS),
            f"{key}enforce.returned_{amount}_done_organisations": amount_where(returned, enforced & _TO_ORGANISATIONS),
        }
    for when, where in (("due", to_enforce), ("done", enforced)):
        aggregates |= {
            f"{key}enforce.organisations_{when}": total_where("decision__returned_organisations", where),
            f"{key}enforce.individuals_{when}": total_where("decision__returned_individuals", where),
        }
    return aggregates | {
        f"{key}enforce.sanctioned_organisations": total_where("decision__sanctioned_organisations", enforced),
        f"{key}enforce.sanctioned_officials": total_where("decision__sanctioned_officials", enforced),
        f"{key}enforce.prosecuted_officials": total_where("decision__referred_officials", enforced),
    }


def _petitions_of_cases(rows: Rows, scope: QuerySet, window: Window) -> list[RowFigures]:
    """The petitions accepted for the cases to resolve (đơn thuộc thẩm quyền: a confirmed duplicate accepted before it
    was found one still counts as a petition of its case), at the row of the case's agency."""
    start, end = window.start, window.end
    petitions = petitions_accepted_for(cases_to_resolve(scope, start, end), end)
    aggregates = {}
    for kind, name in CASE_KINDS.items():
        aggregates |= {
            f"kqgq.{name}.petitions.carried_over": count_where(Q(case__kind=kind, case__accepted_on__lt=start)),
            f"kqgq.{name}.petitions.received": count_where(Q(case__kind=kind, case__accepted_on__gte=start)),
        }
    return per_row(rows, petitions, aggregates, field="case__agency_id")
