"""Writing many rows at once, for imports at national size (10.000 rows and more).

On PostgreSQL ``insert_rows`` sends one ``INSERT … SELECT FROM unnest(…) RETURNING id`` per batch (and
``update_rows`` one ``UPDATE … FROM unnest(…)``): one array parameter per column, no model instances and
no per-value field preparation, which is where ``bulk_create`` spends its time at this size. Elsewhere
(SQLite) they are ``bulk_create`` and ``bulk_update``. ``analyze`` refreshes the planner's statistics of
tables an import just filled, so the next queries are planned for the rows that are there now."""

import json

from django.db import connection, models
from django.utils import timezone

BATCH = 5_000


def _columns(model) -> list[models.Field]:
    return [field for field in model._meta.concrete_fields if not field.primary_key]


def _default(field: models.Field, now):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    return field.get_default()


def _array(field: models.Field, values: list) -> tuple[str, list]:
    """The SQL cast of one column's array parameter, and its values (JSON as text, cast back in SQL)."""
    if isinstance(field, models.JSONField):
        return "text[]", [None if value is None else json.dumps(value, cls=field.encoder) for value in values]
    return f"{field.db_type(connection)}[]", values


def insert_rows(model, rows: list[dict], *, batch_size: int | None = None, progress=None) -> list[int]:
    """Insert ``rows`` (attribute name → value; a column left out takes its field's default, evaluated
    once per call) and return their ids, in order, ``batch_size`` rows per statement (``BATCH``).
    ``progress(done)`` is told after each batch."""
    ids: list[int] = []
    batch_size = batch_size or BATCH
    now = timezone.now()
    fields = _columns(model)
    defaults = {field.attname: _default(field, now) for field in fields}
    for start in range(0, len(rows), batch_size):
        batch = [defaults | row for row in rows[start:start + batch_size]]
        ids += _insert(model, fields, batch)
        if progress:
            progress(start + len(batch))
    return ids


def _insert(model, fields, batch: list[dict]) -> list[int]:
    if connection.vendor != "postgresql":
        objects = [model(**row) for row in batch]
        model.objects.bulk_create(objects)
        return [obj.pk for obj in objects]
    quote = connection.ops.quote_name
    casts, params = zip(*(_array(field, [row[field.attname] for row in batch]) for field in fields), strict=True)
    names = [f"c{index}" for index in range(len(fields))]
    selected = ", ".join(f"{name}::jsonb" if isinstance(field, models.JSONField) else name
                         for name, field in zip(names, fields, strict=True))
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
           f"SELECT {selected} FROM unnest({', '.join(f'%s::{cast}' for cast in casts)}) AS t({', '.join(names)}) "
           f"RETURNING {quote(model._meta.pk.column)}")
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return [row[0] for row in cursor.fetchall()]


def update_rows(model, rows: list[dict], fields: list[str]) -> int:
    """Set ``fields`` (attribute names) of each row of ``rows`` (``{"pk": …, field: value}``) and return how many
    were updated. On PostgreSQL one ``UPDATE … FROM unnest(…)`` for all of them, one array per column (Django's
    ``bulk_update`` builds a ``CASE WHEN`` per field and row, which costs more to build than to run); elsewhere
    ``bulk_update``."""
    if not rows:
        return 0
    columns = [model._meta.get_field(name) for name in fields]
    if connection.vendor != "postgresql":
        objects = [model(pk=row["pk"], **{name: row[name] for name in fields}) for row in rows]
        return model.objects.bulk_update(objects, fields, batch_size=1000)
    quote, pk = connection.ops.quote_name, model._meta.pk
    casts, params = zip(*(_array(field, [row[name] for row in rows]) for field, name in zip(columns, fields,
                                                                                          strict=True)), strict=True)
    names = [f"c{index}" for index in range(len(columns))]
    assigned = ", ".join(f"{quote(field.column)} = v.{name}{'::jsonb' if isinstance(field, models.JSONField) else ''}"
                         for field, name in zip(columns, names, strict=True))
    sql = (f"UPDATE {quote(model._meta.db_table)} AS t SET {assigned} "
           f"FROM unnest(%s::{pk.db_type(connection)}[], {', '.join(f'%s::{cast}' for cast in casts)}) "
           f"AS v(id, {', '.join(names)}) WHERE t.{quote(pk.column)} = v.id")
    with connection.cursor() as cursor:
        cursor.execute(sql, [[row["pk"] for row in rows], *params])
        return cursor.rowcount


def analyze(*models_) -> None:
    """ANALYZE the tables of ``models_`` on PostgreSQL (nothing to do elsewhere)."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models_)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")
