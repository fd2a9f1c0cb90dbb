"""``field__any_of=ids``: a set of ids (integers) as one parameter on PostgreSQL (``= ANY(%s)``, an array literal)
instead of one parameter per value. The report pages filter many queries on the thousand agencies of a province: sent
as a thousand parameters each time, the list costs more to build and to send than the query takes to run. Elsewhere
(SQLite) it is a plain ``IN``."""

from collections.abc import Iterable

from django.db.models import Field, ForeignObject, Lookup


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
