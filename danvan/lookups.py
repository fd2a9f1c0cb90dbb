"""``field__any_of=ids``: a set of ids (integers) as one parameter on PostgreSQL (``= ANY(%s)``, an array literal)
instead of one parameter per value. The report pages filter many queries on the thousand agencies of a province: sent
as a thousand parameters each time, the list costs more to build and to send than the query takes to run. Elsewhere
(SQLite) it is a plain ``IN``."""

from collections.abc import Iterable

from django.db.models import Field, ForeignObject, Lookup, QuerySet


class Ids:
    """Ids to filter several queries on: the array literal is written once for all of them, and Django, which checks
    each value of an iterable given to a related field, sees one object."""

    def __init__(self, ids: Iterable[int]) -> None:
        self.values = tuple(ids)
        self.literal = "{" + ",".join(map(str, self.values)) + "}"


@Field.register_lookup
@ForeignObject.register_lookup  # related fields look their lookups up apart from other fields
class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        ids = self.rhs if isinstance(self.rhs, Ids) else Ids(self.rhs)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s::bigint[])", [*lhs_params, ids.literal]
        return f"{lhs} IN ({', '.join(['%s'] * len(ids.values))})", [*lhs_params, *ids.values]


# The agencies a figure counts: their ids (read once, ``any_of``) or a query of their pks (a subquery, ``in``).
Scope = Ids | list[int] | QuerySet


def agency_in(scope: Scope, field: str = "agency") -> dict:
    """The ``filter()`` keywords of the records whose ``field`` is an agency of ``scope``: given as keywords, beside
    the window's, so each query reads as it would written out (the same SQL for the same indexes)."""
    if isinstance(scope, QuerySet):
        return {f"{field}__in": scope}
    return {f"{field}__any_of": scope}
