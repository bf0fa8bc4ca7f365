"""The test database: ids from 10.000, and tables emptied quickly after a test that commits
(``transaction=True``: browser and worker tests).

Django flushes PostgreSQL with one ``TRUNCATE`` of every table, which makes new files for each of about a hundred
tables and costs 0,5–1 s per test; the few rows such a test leaves are deleted in a few milliseconds. Django's
foreign keys are ``DEFERRABLE INITIALLY DEFERRED`` and the flush runs in one transaction, so the tables can be
emptied in any order. A flush that resets sequences keeps Django's own statement."""

from django.db.backends.postgresql.operations import DatabaseOperations

_truncate = DatabaseOperations.sql_flush


def _delete_rows(self, style, tables, *, reset_sequences=False, allow_cascade=False):
    if reset_sequences or not tables:
        return _truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
    return [f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables]


def install() -> None:
    DatabaseOperations.sql_flush = _delete_rows


FIRST_ID = 10_000


def ids_from_ten_thousand(connection) -> None:
    """Every table's ids start at 10.000 in the test database, so an id written where the page localises
    numbers ("10.001") shows up in the tests as it would in a year of production data."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT schemaname, sequencename FROM pg_sequences")
            for schema, sequence in cursor.fetchall():
                cursor.execute("SELECT setval(%s, %s, false)", [f'"{schema}"."{sequence}"', FIRST_ID])
        elif connection.vendor == "sqlite":
            for table in connection.introspection.table_names(cursor):
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
                cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, FIRST_ID - 1])
