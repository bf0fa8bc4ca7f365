"""The audit trail. Services call ``record`` inside their transaction, once per change."""

import datetime
from decimal import Decimal

from django.db import models

from .models import AuditAction, AuditEntry

_SKIPPED = {"search_key", "sort_key", "path", "password", "last_login"}


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def snapshot(obj: models.Model) -> dict:
    """The object's own field values as JSON-ready data (foreign keys as ids)."""
    data = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or field.name in _SKIPPED:
            continue
        data[field.name] = _plain(getattr(obj, field.attname))
    return data


def diff(before: dict | None, after: dict | None) -> dict:
    before, after = before or {}, after or {}
    keys = list(dict.fromkeys([*before.keys(), *after.keys()]))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def _unit_of(obj):
    for attname in ("unit_id", "issuer_id", "officer__unit_id"):
        if hasattr(obj, attname):
            return getattr(obj, attname)
    if obj._meta.label == "emulation.Unit":
        return obj.pk
    officer = getattr(obj, "officer", None)
    return getattr(officer, "unit_id", None)


def record(*, actor, action: str, obj: models.Model, before: dict | None = None,
           after: dict | None = None, unit_id=None) -> AuditEntry:
    if after is None and action != AuditAction.DELETE:
        after = snapshot(obj)
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=(actor.get_username() if getattr(actor, "pk", None) else "hệ thống"),
        action=action,
        model_label=obj._meta.label,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        unit_id=unit_id if unit_id is not None else _unit_of(obj),
        changes=diff(before, after),
    )
