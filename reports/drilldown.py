"""Every figure opens its records (reports.md): for each key of ``reports.figures.KEYS``, the visits, sessions,
petitions, cases or dialogues it counts, for some agencies in a window, so a reporter can check any cell before
sending.

The conditions are never written twice: each key's records are the rows of the app figure module's own queryset
(``reception_figures``, ``complaints_figures``, ``dialogues_figures``) that meet the ``filter`` of that key's own
aggregate, read from the module's public aggregates. So a count key's records number exactly its figure, and a sum
key (people, participants, opinions, money, land, returns, sanctions, referrals) lists the records its sum runs over,
each with the amount it adds.

Three kinds of keys are not one aggregate and are decided here:
- ``reception.cases`` counts distinct cases, a visit without a case being a case of its own: it lists one visit per
  case (the case's first visit of the window, by id) and every visit without a case; ``reception.cases_repeat`` and
  ``reception.cases_first`` are those whose case did or did not come before the window (``came_before``).
- ``petitions.unhandled`` (to handle − handled) lists the petitions to handle that were not handled.
- a rate lists the records of its denominator (the cases to resolve, the decisions to enforce); its numerator is the
  matching ``resolved`` / ``completed`` key.

Opening figures keyed in for days before an agency used the portal have no records: the page states them apart.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Aggregate, F, Min, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse

from complaints.figures import (
    case_aggregates,
    cases_in,
    hotspot_aggregates,
    hotspots_in,
    petition_aggregates,
    petition_conditions,
    petitions_to_handle,
)
from complaints.models import Petition
from complaints.register import identity_hidden as denouncer_petition
from danvan.models import Agency, Case, Classification
from danvan.sheets.vocabulary import HIDDEN_DENOUNCER
from dialogues.figures import FIGURES as DIALOGUE_FIGURES
from dialogues.figures import dialogues_in
from reception.figures import CASELESS, SESSION_FIGURES, VISIT_FIGURES, came_before, sessions_in, visits_in
from reception.register import identity_hidden as denouncer_visit
from reports.figures import KEYS
from reports.labels import number
from reports.periods import Window

# What each record type shows: the heading of its date, person and text columns.
COLUMNS = {
    "visit": ("Ngày tiếp", "Công dân", "Nội dung"),
    "session": ("Ngày tiếp", "Người chủ trì", "Thông báo kết luận"),
    "petition": ("Ngày nhận đơn", "Người đứng đơn", "Nội dung"),
    "case": ("Ngày thụ lý", "Công dân", "Tóm tắt vụ việc"),
    "dialogue": ("Ngày tổ chức", "Người chủ trì", "Chủ đề"),
}
# A rate lists the records of its denominator.
RATE_DENOMINATORS = {
    "complaints.resolution_rate": ("complaints.cases",),
    "denunciations.resolution_rate": ("denunciations.cases",),
    "resolution_rate": ("complaints.cases", "denunciations.cases"),
    "enforcement.rate": ("enforcement.decisions",),
}
_RECEPTION_CASES = ("reception.cases", "reception.cases_first", "reception.cases_repeat")


@dataclass(frozen=True)
class Drill:
    """The records one figure reads: ``records`` of one ``kind``; for a sum, ``amount`` is each record's share (the
    field summed, annotated as ``amount`` on the records)."""

    key: str
    kind: str
    records: QuerySet
    amount: str | None = None

    @property
    def columns(self) -> tuple[str, str, str]:
        return COLUMNS[self.kind]


def condition_of(aggregate: Aggregate | Coalesce) -> tuple[Q | None, str | None]:
    """The rows an app figure's aggregate reads and the field it sums: ``Count(..., filter=q)`` → (q, None);
    ``Coalesce(Sum(field, filter=q), 0)`` → (q, field)."""
    if isinstance(aggregate, Coalesce):
        total = aggregate.get_source_expressions()[0]
        return total.filter, total.get_source_expressions()[0].name
    return aggregate.filter, None


def _where(records: QuerySet, aggregate: Aggregate | Coalesce) -> tuple[QuerySet, str | None]:
    condition, field = condition_of(aggregate)
    if condition is not None:
        records = records.filter(condition)
    if field is not None:
        records = records.annotate(amount=F(field))
    return records, field


def drill(key: str, agencies: QuerySet[Agency], window: Window) -> Drill:
    """The records figure ``key`` counts (or sums over) for ``agencies`` in ``window``; KeyError for no such key."""
    if key not in KEYS:
        raise KeyError(key)
    in_scope, start, end = agencies.values("pk"), window.start, window.end
    if key.startswith("reception."):
        return _reception(key, in_scope, start, end)
    if key.startswith("petitions."):
        return _petitions(key, in_scope, start, end)
    if key.startswith(("dialogues.", "voter_meetings.")):
        records, field = _where(dialogues_in(in_scope, start, end), DIALOGUE_FIGURES[key])
        return Drill(key, "dialogue", records.select_related("agency", "unit").order_by("-date", "-pk"), field)
    return _cases(key, in_scope, start, end)


def _reception(key: str, in_scope: QuerySet, start: date, end: date) -> Drill:
    visits = visits_in(in_scope, start, end)
    if key in SESSION_FIGURES:
        records, _ = _where(sessions_in(in_scope, start, end), SESSION_FIGURES[key])
        return Drill(key, "session", records.select_related("agency").order_by("-date", "-pk"))
    if key in _RECEPTION_CASES:
        firsts = visits.filter(case__isnull=False).order_by().values("case").annotate(first=Min("pk")).values("first")
        records = visits.filter(CASELESS | Q(pk__in=firsts))
        if key == "reception.cases_repeat":
            records = records.filter(came_before(start))
        elif key == "reception.cases_first":
            records = records.filter(~came_before(start))
        field = None
    else:
        records, field = _where(visits, VISIT_FIGURES[key])
    return Drill(key, "visit", records.select_related("agency", "citizen").order_by("-received_on", "-pk"), field)


def _petitions(key: str, in_scope: QuerySet, start: date, end: date) -> Drill:
    on = petition_conditions(start, end)
    petitions = petitions_to_handle(in_scope, start, end)
    if key == "petitions.unhandled":
        records = petitions.filter(~on.handled)
    else:
        records, _ = _where(petitions, petition_aggregates(start, end)[key])
    return Drill(key, "petition", records.select_related("agency", "citizen").order_by("-received_on", "-pk"))


def _cases(key: str, in_scope: QuerySet, start: date, end: date) -> Drill:
    field = None
    if key.startswith("hotspots."):
        records, _ = _where(hotspots_in(in_scope, start, end), hotspot_aggregates(end)[key])
    else:
        cases, aggregates = cases_in(in_scope, start, end), case_aggregates(start, end)
        if key in RATE_DENOMINATORS:
            condition = Q()
            for part in RATE_DENOMINATORS[key]:
                condition |= condition_of(aggregates[part])[0]
            records = cases.filter(condition)
        else:
            records, field = _where(cases, aggregates[key])
    return Drill(key, "case", records.select_related("agency", "citizen").order_by("-accepted_on", "-pk"), field)


@dataclass(frozen=True)
class Line:
    """One record as the drill-down table shows it."""

    day: date | None
    agency: str
    person: str
    text: str
    url: str
    amount: str = ""

    @property
    def hidden(self) -> bool:
        return self.person == HIDDEN_DENOUNCER


def line(kind: str, record) -> Line:
    """The table row of ``record``, hiding a denouncer's name as the registers do."""
    amount = getattr(record, "amount", None)
    amount = "" if amount is None else number(amount)
    if kind == "visit":
        person = HIDDEN_DENOUNCER if denouncer_visit(record) else record.person.full_name
        return Line(record.received_on, record.agency.name, person, record.content, record.get_absolute_url(), amount)
    if kind == "session":
        host = ", ".join(part for part in (record.host_name, record.host_title) if part)
        text = record.conclusion or record.get_receiver_display()
        return Line(record.date, record.agency.name, host, text, record.get_absolute_url())
    if kind == "petition":
        return Line(
            record.received_on, record.agency.name, _petitioner(record), record.content, record.get_absolute_url()
        )
    if kind == "case":
        person = _case_person(record)
        url = reverse("complaints:case-detail", args=[record.pk])
        return Line(record.accepted_on or record.opened_on, record.agency.name, person, record.summary, url, amount)
    host = ", ".join(part for part in (record.host_name, record.host_title) if part)
    text = f"{record.get_kind_display()}: {record.topic} ({record.unit.name})"
    return Line(record.date, record.agency.name, host, text, record.get_absolute_url(), amount)


def _petitioner(petition: Petition) -> str:
    if denouncer_petition(petition):
        return HIDDEN_DENOUNCER
    if petition.anonymous or petition.citizen_id is None:
        return "Đơn nặc danh" if petition.anonymous else ""
    return petition.person.full_name


def _case_person(case: Case) -> str:
    if case.kind == Classification.DENUNCIATION:
        return HIDDEN_DENOUNCER
    return case.citizen.full_name if case.citizen_id else ""
