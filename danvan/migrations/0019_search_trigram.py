# The header search (issue 18) finds citizens by word prefixes of their folded name anywhere in it ("van binh" finds
# "nguyen van binh"): LIKE '%…%', which a B-tree cannot serve. On PostgreSQL a trigram GIN index can, from pg_trgm
# (a trusted extension: the database owner may create it). The column is already folded (no diacritics, lower case,
# written by the application), so unaccent is not needed: the searched words are folded the same way before the query.
# SQLite has neither: there the search reads the table, as is reasonable for a demo.

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS citizen_search_name_trgm ON danvan_citizen USING gin (search_name gin_trgm_ops)",
]
DROP = ["DROP INDEX IF EXISTS citizen_search_name_trgm"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):

    dependencies = [
        ('danvan', '0018_event_reason'),
    ]

    operations = [
        migrations.RunPython(run(CREATE), run(DROP)),
    ]
