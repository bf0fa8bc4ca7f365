"""Tài khoản của tôi: a user's own email address and their channel for each notification kind.

Only ever the signed-in user's own: nothing here takes another user's id. Saving is one action,
all or nothing, with one audit entry holding the address and the channels before and after.
"""

from django.contrib.auth.base_user import BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from . import audit, notifications
from .models import AuditAction, Channel, NotificationPreference
from .text import sort_key


def kinds() -> list[tuple[str, str]]:
    """Every registered kind with its label, in the Vietnamese order of the labels."""
    return sorted(((name, notifications.kind_label(name)) for name in notifications.KINDS),
                  key=lambda kind: sort_key(kind[1]))


def channels_of(user) -> dict[str, str]:
    """Kind → channel for ``user``: their own choice, else the kind's default (one query)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "channel"))
    return {name: chosen.get(name, notifications.default_channel(name)) for name in notifications.KINDS}


def _state(user) -> dict:
    """What the audit entry compares: the address and one key per kind (``channel:result.return``)."""
    return {"email": user.email, **{f"channel:{k}": c for k, c in sorted(channels_of(user).items())}}


@transaction.atomic
def update_account(*, actor, email: str, channels: dict[str, str]):
    """Save the actor's own address and channels (unknown kinds and channels refused: nothing saved)."""
    email = BaseUserManager.normalize_email((email or "").strip())
    try:
        if email:
            validate_email(email)
    except ValidationError as exc:
        raise ValidationError({"email": "Địa chỉ thư điện tử không hợp lệ."}) from exc
    unknown = [k for k, c in channels.items() if k not in notifications.KINDS or c not in Channel.values]
    if unknown:
        raise ValidationError("Loại thông báo hoặc cách nhận không hợp lệ: %(kinds)s.",
                              params={"kinds": ", ".join(sorted(unknown))})
    before = _state(actor)
    actor.email = email
    actor.save(update_fields=["email"])
    for kind, channel in channels.items():
        NotificationPreference.objects.update_or_create(user=actor, kind=kind, defaults={"channel": channel})
    after = _state(actor)
    if after != before:
        audit.record(actor=actor, action=AuditAction.UPDATE, obj=actor, before=before, after=after)
    return actor
