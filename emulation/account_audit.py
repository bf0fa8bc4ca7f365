"""The audit trail of what no service of ours performs: Django's own admin and auth views change accounts
(superuser granted or revoked, staff status, an account disabled, a password set by an admin or by its
owner), groups and their permissions, and a delete cascades to children nobody deleted by name (an
officer's assignments, discipline, ratings and holds; jobs deleted in the admin). Signals are the one
place that sees these; the actor is the user of the request in progress (``audit.acting_as``)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save

from . import audit
from .models import Assignment, AuditAction, AwardHold, Discipline, Job, PerformanceRating

ACCOUNT_FLAGS = ("is_superuser", "is_staff", "is_active")
CASCADED = (Assignment, Discipline, PerformanceRating, AwardHold)
PASSWORD_CHANGED = "đã đổi"


def _unit_id(user):
    grant = user.role_grants.order_by("pk").first() if user.pk else None
    return grant.unit_id if grant else None


def _remember_account(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a save: the flags and the password hash as stored (a rehash at sign-in saves only the
    password and is not a change of password)."""
    signing_in = update_fields is not None and set(update_fields) <= {"last_login", "password"}
    if raw or instance.pk is None or signing_in:
        instance._audit_account = None
        return
    instance._audit_account = sender.objects.filter(pk=instance.pk).values(*ACCOUNT_FLAGS, "password").first()


def _account_changes(stored: dict, user) -> tuple[dict, dict]:
    changed = [flag for flag in ACCOUNT_FLAGS if stored[flag] != getattr(user, flag)]
    before, after = {f: stored[f] for f in changed}, {f: getattr(user, f) for f in changed}
    if stored["password"] and stored["password"] != user.password:  # an account's first password is no change
        before["password"], after["password"] = None, PASSWORD_CHANGED
    return before, after


def _record_account(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        if instance.is_superuser:  # an account born superuser is a grant too
            _write(AuditAction.CREATE, instance, {}, {"is_superuser": True})
        return
    stored = getattr(instance, "_audit_account", None)
    before, after = _account_changes(stored, instance) if stored else ({}, {})
    if after:
        _write(AuditAction.UPDATE, instance, before, after)


def _write(action, obj, before: dict, after: dict):
    unit_id = _unit_id(obj) if isinstance(obj, get_user_model()) else None
    return audit.record(actor=audit.current_actor(), action=action, obj=obj, before=before, after=after,
                        unit_id=unit_id)


def _names(model, pk_set) -> list[str]:
    return sorted(str(obj) for obj in model.objects.filter(pk__in=pk_set or ()))


def _record_membership(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Groups of a user, permissions of a user or of a group: what was added or removed, by name."""
    if action == "pre_clear":
        related = getattr(instance, _field_of(sender, instance))
        instance._audit_cleared = sorted(str(obj) for obj in related.all())
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    field = _field_of(sender, instance)
    names = getattr(instance, "_audit_cleared", []) if action == "post_clear" else _names(model, pk_set)
    if not names:
        return
    before, after = ({}, {field: names}) if action == "post_add" else ({field: names}, {})
    _write(AuditAction.UPDATE, instance, before, after)


def _field_of(through, instance) -> str:
    for field in instance._meta.many_to_many:
        if field.remote_field.through is through:
            return field.name
    return "?"


def _record_group(sender, instance, created, raw=False, **kwargs):
    if created and not raw:  # its permissions are recorded as they are added or removed
        _write(AuditAction.CREATE, instance, {}, {"name": instance.name})


def _record_deleted(sender, instance, **kwargs):
    audit.record(actor=audit.current_actor(), action=AuditAction.DELETE, obj=instance, before=audit.snapshot(instance))


def _record_cascade(sender, instance, origin=None, **kwargs):
    """A child deleted because its parent was: the service audited the parent, not the child."""
    if origin is not instance:
        _record_deleted(sender, instance)


def connect() -> None:
    User = get_user_model()
    pre_save.connect(_remember_account, sender=User, dispatch_uid="audit-account-before")
    post_save.connect(_record_account, sender=User, dispatch_uid="audit-account-after")
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(_record_membership, sender=through, dispatch_uid=f"audit-m2m-{through._meta.label}")
    post_save.connect(_record_group, sender=Group, dispatch_uid="audit-group")
    pre_delete.connect(_record_deleted, sender=Group, dispatch_uid="audit-group-deleted")
    for model in CASCADED:
        pre_delete.connect(_record_cascade, sender=model, dispatch_uid=f"audit-cascade-{model._meta.label}")
    pre_delete.connect(_record_deleted, sender=Job, dispatch_uid="audit-job-deleted")
