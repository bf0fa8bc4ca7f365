"""The audit trail. Services call ``record`` inside their transaction, once per change."""

import contextlib
import contextvars
import datetime
from decimal import Decimal

from django.db import models, transaction
from django.utils import translation

from . import pagecache
from .models import AuditAction, AuditEntry
from .text import person_name

_SKIPPED = {"search_key", "sort_key", "path", "password", "last_login"}
_ACTOR = contextvars.ContextVar("audit_actor", default=None)


@contextlib.contextmanager
def acting_as(user):
    """Who acts while the block runs, for the entries written where no service passes an actor
    (``emulation.account_audit``); the middleware sets it for each request."""
    token = _ACTOR.set(user)
    try:
        yield
    finally:
        _ACTOR.reset(token)


def current_actor():
    return _ACTOR.get()


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 74.00 and 74 are the same value
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
    """The unit an audited object belongs to, so staff of that unit see the entry: its own unit or
    issuer, else that of the object it hangs from (officer, plan, campaign, target)."""
    if obj._meta.label == "emulation.Unit":
        return obj.pk
    for attname in ("unit_id", "issuer_id"):
        if getattr(obj, attname, None) is not None:
            return getattr(obj, attname)
    for relation in ("officer", "plan", "campaign", "target"):
        parent = getattr(obj, relation, None)
        if isinstance(parent, models.Model):
            return _unit_of(parent)
    return None


def actor_name(actor) -> str:
    """Who the log says acted: the person's name in natural order (their username if they have none)."""
    return person_name(actor)[:150] if getattr(actor, "pk", None) else "hệ thống"


def record(*, actor, action: str, obj: models.Model, before: dict | None = None,
           after: dict | None = None, unit_id=None, actor_label: str = "") -> AuditEntry:
    """``actor_label``: who acted when it is no account (a member of the public, by the name they gave)."""
    if after is None and action != AuditAction.DELETE:
        after = snapshot(obj)
    with translation.override("vi"):  # the log reads the same whatever the actor's interface language
        object_repr = str(obj)[:255]
    transaction.on_commit(pagecache.changed)  # pages cached before this change are not served again
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=actor_label[:150] or actor_name(actor),
        action=action,
        model_label=obj._meta.label,
        object_id=str(obj.pk),
        object_repr=object_repr,
        unit_id=unit_id if unit_id is not None else _unit_of(obj),
        changes=diff(before, after),
    )


def written_in_bulk() -> None:
    """Audit entries inserted by other means (``emulation.bulk.insert_rows``): as after ``record``, pages cached
    before the commit are not served again."""
    transaction.on_commit(pagecache.changed)


def record_sign_in(*, action: str, username: str, ip_address: str | None, user=None, failures: int | None = None,
                   actor=None):
    """A failed sign-in, a lockout or its lifting: the username tried, the address, the count when locked
    out. The entry belongs to the account's unit (so that unit's staff see it) when the username is an
    account. The actor is the account itself, unless someone else acted (staff lifting a lockout)."""
    grant = user.role_grants.order_by("pk").first() if user is not None else None
    changes = {"ip_address": [None, ip_address]}
    if failures is not None:
        changes["failures"] = [None, failures]
    if actor is not None or action == AuditAction.UNLOCKED:
        who, name = (actor if getattr(actor, "pk", None) else None), actor_name(actor)
    else:
        who, name = user, username[:150]
    return AuditEntry.objects.create(
        actor=who, actor_name=name, action=action, model_label="auth.User",
        object_id=str(user.pk) if user is not None else "", object_repr=username[:255],
        unit_id=grant.unit_id if grant else None, changes=changes)
