"""The database triggers that give ``danvan.models.StructureStamp`` a fresh token after every insert, update or delete
of an administrative unit, a succession between units or an agency (and, on PostgreSQL, a truncation). The row is
written if it is missing: a test database emptied table by table loses it.

PostgreSQL runs one trigger per statement; SQLite has only row triggers, one token per row written (a load of the
14,000 units writes the one row 14,000 times, in microseconds each).
"""

STAMP = "danvan_structurestamp"
TABLES = ("danvan_adminunit", "danvan_unitsuccession", "danvan_agency")
_FUNCTION = "danvan_structure_changed"
_OPERATIONS = ("insert", "update", "delete")


def _stamp(token: str) -> str:
    return f"INSERT INTO {STAMP} (id, token) VALUES (1, {token}) ON CONFLICT (id) DO UPDATE SET token = excluded.token"


def _trigger(table: str, operation: str) -> str:
    return f"{table}_structure_{operation}"


def create_statements(vendor: str) -> list[str]:
    """The statements that install the triggers on ``vendor`` ("postgresql" or "sqlite")."""
    if vendor == "postgresql":
        token = "md5(random()::text || clock_timestamp()::text)"
        return [
            f"""CREATE OR REPLACE FUNCTION {_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN {_stamp(token)}; RETURN NULL; END $$""",
            *(
                f"CREATE TRIGGER {_trigger(table, 'change')} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {_FUNCTION}()"
                for table in TABLES
            ),
        ]
    stamp = _stamp("lower(hex(randomblob(16)))")
    return [
        f"CREATE TRIGGER {_trigger(table, operation)} AFTER {operation.upper()} ON {table} BEGIN {stamp}; END"
        for table in TABLES
        for operation in _OPERATIONS
    ]


def drop_statements(vendor: str) -> list[str]:
    if vendor == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {_trigger(table, 'change')} ON {table}" for table in TABLES] + [
            f"DROP FUNCTION IF EXISTS {_FUNCTION}()"
        ]
    return [f"DROP TRIGGER IF EXISTS {_trigger(table, operation)}" for table in TABLES for operation in _OPERATIONS]
