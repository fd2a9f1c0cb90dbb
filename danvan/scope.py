"""Who sees what. Every list of records is built from ``scoped``; every record page fetches through
``get_scoped_or_404``, so a record outside the user's scope does not exist for them (404).

- a leader, handler, reporter or unit admin sees the records of their agency's unit and every unit under it
  (including the units of the earlier era that went into them);
- a receptionist sees the records of their own agency;
- a superuser sees everything.

(The row "see its records" of ``danvan.permissions``.)
"""

from typing import TypeVar

from django.db.models import Case, Exists, F, Model, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Length
from django.shortcuts import get_object_or_404
from django.utils import timezone

from danvan.lookups import Ids
from danvan.models import AdminUnit, Agency, Citizen, Classification, Membership, Staff
from danvan.permissions import Action, agencies_granted, agency_ids_granted

M = TypeVar("M", bound=Model)


def visible_agencies(staff: Staff) -> QuerySet[Agency]:
    """The agencies whose records ``staff`` may see."""
    return agencies_granted(staff, Action.SEE)


def visible_agency_ids(staff: Staff) -> Ids:
    """The ids of the agencies in ``staff``'s scope, read once (an area's from the structure's cache): for a page whose
    several queries each need them (as a subquery, each query would work the scope out again)."""
    return Ids(agency_ids_granted(staff, Action.SEE))


def scoped(queryset: QuerySet[M], staff: Staff, *, agency_field: str = "agency") -> QuerySet[M]:
    """The records of ``queryset`` that belong to an agency within ``staff``'s scope: filtered on the scope's ids, read
    once per request, instead of a subquery that draws the area again in every query of the page (a superuser's
    scope, every agency, stays a subquery)."""
    if staff.is_superuser:
        return queryset.filter(**{f"{agency_field}__in": visible_agencies(staff).values("pk")})
    return queryset.filter(**{f"{agency_field}__any_of": visible_agency_ids(staff)})


def get_scoped_or_404(queryset: QuerySet[M], staff: Staff, *, agency_field: str = "agency", **lookup) -> M:
    """One record within ``staff``'s scope, or 404 (never 403: a record outside the scope does not exist for them)."""
    return get_object_or_404(scoped(queryset, staff, agency_field=agency_field), **lookup)


def _in_order_of(field: str, values: list[str]) -> Case:
    """Sorts by the position of ``field``'s value in ``values`` (a choice's declared order, not the alphabet)."""
    return Case(*(When(**{field: value}, then=Value(rank)) for rank, value in enumerate(values)))


def agencies_for(staff: Staff) -> QuerySet[Agency]:
    """The agencies within ``staff``'s scope, for lists: today's units first, each province before its communes."""
    return scoped(Agency.objects.select_related("unit"), staff, agency_field="pk").order_by(
        F("unit__valid_from").desc(nulls_last=True),
        _in_order_of("unit__level", AdminUnit.Level.values),
        "unit__code",
        _in_order_of("kind", Agency.Kind.values),
        "name",
    )


def agencies_nearby(staff: Staff) -> QuerySet[Agency]:
    """The agencies a record comes from or is sent to, as lists offer them: today's agencies of the provinces ``staff``
    works in, the province's own first."""
    own_units = staff.memberships.values("agency__unit")
    provinces = AdminUnit.objects.filter(
        Q(pk__in=own_units, level=AdminUnit.Level.PROVINCE) | Q(children__in=own_units)
    ).values("pk")
    area = AdminUnit.objects.valid_on(timezone.localdate()).filter(Q(pk__in=provinces) | Q(parent__in=provinces))
    return (
        Agency.objects.filter(unit__in=area.values("pk")).select_related("unit").order_by(Length("unit__code"), "name")
    )


def get_agency_for(staff: Staff, pk: int) -> Agency:
    """An agency within ``staff``'s scope, or 404."""
    return get_scoped_or_404(Agency.objects.select_related("unit"), staff, agency_field="pk", pk=pk)


def members_of(agency: Agency) -> QuerySet[Membership]:
    return agency.memberships.select_related("staff").order_by("role", "staff__full_name", "staff__username")


def _records_of_citizens(relation: str) -> QuerySet:
    """Every record that relates to citizens as ``relation`` (visits, petitions, cases): the core imports no feature,
    it reaches their records through the citizen's reverse relation."""
    return Citizen._meta.get_field(relation).related_model.objects.all()


def citizens_seen_by(staff: Staff, action: Action = Action.SEE) -> QuerySet[Citizen]:
    """The citizens whose stored details ``staff`` may see (``action`` RECORD: correct): those of whom an agency for
    which they hold ``action`` has a record — a visit or a petition (received there or forwarded there), neither a
    denunciation (a denouncer's identity is confidential, Luật Tố cáo, Điều 47) nor one whose citizen is known
    elsewhere (it keeps its own copy, ``danvan.models.GivenDetails``); or a case. Every form field and query parameter
    that names a citizen resolves through here: a citizen outside it does not exist for them."""
    agencies = Ids(agency_ids_granted(staff, action))
    own = Q(citizen=OuterRef("pk"), given_name="") & ~Q(kind=Classification.DENUNCIATION)
    # Each a probe of the records' index by citizen: a citizen asked for is checked without reading the scope's records.
    visits = _records_of_citizens("visits").filter(own, agency__any_of=agencies)
    petitions = _records_of_citizens("petitions").filter(
        own, Q(agency__any_of=agencies) | Q(forwarded_to__any_of=agencies)
    )
    cases = _records_of_citizens("cases").filter(citizen=OuterRef("pk"), agency__any_of=agencies)
    return Citizen.objects.filter(Exists(visits) | Exists(petitions) | Exists(cases))
