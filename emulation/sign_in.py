"""Sign-in attempts in the audit trail: every failed sign-in, every lockout that django-axes decides
(its settings are in ``settings.py``: AXES_*), and every lockout lifted before its time (staff deleting
the attempt in the admin, ``axes_reset*`` commands)."""

from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.db.models.signals import pre_delete
from django.utils import timezone

from . import audit
from .models import AuditAction


def _account(username: str):
    return get_user_model().objects.filter(username=username).first() if username else None


def on_failure(sender, credentials, request=None, **kwargs) -> None:
    username = str(credentials.get("username") or "")
    audit.record_sign_in(action=AuditAction.SIGN_IN_FAILED, username=username, user=_account(username),
                         ip_address=get_client_ip_address(request) if request is not None else None)


def on_lockout(sender, request, username, ip_address, **kwargs) -> None:
    username = str(username or "")
    audit.record_sign_in(action=AuditAction.LOCKED_OUT, username=username, user=_account(username),
                         ip_address=ip_address, failures=settings.AXES_FAILURE_LIMIT)


def on_attempt_deleted(sender, instance, **kwargs) -> None:
    """A locked attempt deleted while its cool-off still runs is a lockout lifted by someone (the admin's user,
    or "hệ thống" for a command). A success clearing earlier failures, or an expired lockout tidied away,
    lifts nothing."""
    locked = instance.failures_since_start >= settings.AXES_FAILURE_LIMIT
    if not locked or instance.attempt_time + settings.AXES_COOLOFF_TIME <= timezone.now():
        return
    audit.record_sign_in(action=AuditAction.UNLOCKED, username=instance.username or "",
                         user=_account(instance.username or ""), ip_address=instance.ip_address,
                         failures=instance.failures_since_start, actor=audit.current_actor())


def connect() -> None:
    user_login_failed.connect(on_failure, dispatch_uid="emulation.sign_in.on_failure")
    user_locked_out.connect(on_lockout, dispatch_uid="emulation.sign_in.on_lockout")
    pre_delete.connect(on_attempt_deleted, sender=AccessAttempt, dispatch_uid="emulation.sign_in.on_unlock")
