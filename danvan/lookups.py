"""``field__any_of=[…]``: a list of values as one parameter on PostgreSQL (``= ANY(%s)``, an array) instead of one
parameter per value. The report pages filter many queries on the thousand agencies of a province: sent as a
thousand parameters each time, the list costs more to build and to send than the query takes to run. Elsewhere
(SQLite) it is a plain ``IN``."""

from django.db.models import Field, ForeignObject, Lookup


@Field.register_lookup
@ForeignObject.register_lookup  # related fields look their lookups up apart from other fields
class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = self.rhs if all(type(value) is int for value in self.rhs) else [getattr(v, "pk", v) for v in self.rhs]
        if connection.vendor == "postgresql" and all(type(value) is int for value in values):
            # An array literal: psycopg sends a string as it is, where it would check and dump each element of a list.
            return f"{lhs} = ANY(%s::bigint[])", [*lhs_params, "{" + ",".join(map(str, values)) + "}"]
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, values]
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*lhs_params, *values]
