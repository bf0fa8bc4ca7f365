"""In-app notifications (thông báo): who is told about an event, and the rows that tell them.

Each app subscribes its own handlers to the lifecycle events (``campaigns/notifications.py``,
``awards/notifications.py``, registered in their ``ready()``); a handler works out the recipients
with the selectors below, writes the Vietnamese text and calls ``notify``. This module never imports
the apps: the arrow points down.

- Recipients by role grant: a role granted over a unit reaches its whole subtree, so the people
  holding ``role`` over a unit are those granted it on the unit itself or on one of its ancestors.
- ``notify`` writes one row per recipient in one bulk insert. It is idempotent: the same event
  (``Event.key``) delivered twice to the same recipient is written once (a unique constraint).
- The stored text is Vietnamese whatever the actor's interface language, like the audit log.
- The actor is not notified of their own action.
- Email (``mail``): in the same transaction, a recipient whose choice for the kind is email gets an
  outbox row, delivered after the commit; one whose choice is the daily digest gets a digest item.
  Each kind has a default channel (``register_kind``): email unless the kind says otherwise.
- A notification names the campaign it is about (``campaign_id``, passed by every handler) for the inbox
  filter; the model refers to ``"campaigns.Campaign"`` by its label, so nothing here imports the app.
- Deadline reminders (``emulation.reminders``) are notifications of synthetic events, written by ``notify``.
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from . import events, mail, text
from .events import Event
from .models import Channel, Notification, RoleGrant, Unit

# Event name → label, for the inbox filter. Apps register the kinds they notify about.
KINDS: dict[str, str] = {}
# Event name → the channel a user gets until they choose another on their account page.
DEFAULT_CHANNELS: dict[str, str] = {}


def register_kind(name: str, label, *, channel: str = Channel.EMAIL) -> None:
    """``channel``: the default way to hear of this kind (email: the kind asks the user to act)."""
    KINDS[name] = label
    DEFAULT_CHANNELS[name] = channel


def default_channel(name: str) -> str:
    return DEFAULT_CHANNELS.get(name, Channel.EMAIL)


def kind_label(name: str) -> str:
    return str(KINDS.get(name, name))


# Recipients


def ancestor_paths(path: str) -> list[str]:
    """The paths of a unit and of each of its ancestors: ``/000001/000004/`` → ``/000001/``,
    ``/000001/000004/``. Plain string work, no query."""
    parts = [p for p in path.split("/") if p]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def holders_of(unit: Unit | None, roles: Iterable[str]) -> QuerySet:
    """Active users holding one of ``roles`` over ``unit`` (granted on it or on an ancestor)."""
    if unit is None:
        return get_user_model().objects.none()
    user_ids = RoleGrant.objects.filter(role__in=list(roles), unit__path__in=ancestor_paths(unit.path)).values(
        "user_id")
    return get_user_model().objects.filter(pk__in=user_ids, is_active=True)


def holder_ids(unit: Unit | None, roles: Iterable[str]) -> set[int]:
    return set(holders_of(unit, roles).values_list("pk", flat=True))


def holders_by_unit(units: Iterable[Unit], roles: Iterable[str]) -> dict[int, set[int]]:
    """For each unit, the active users holding one of ``roles`` over it, in one query."""
    units = list(units)
    paths = {p for unit in units for p in ancestor_paths(unit.path)}
    grants = (RoleGrant.objects.filter(role__in=list(roles), unit__path__in=paths, user__is_active=True)
              .values_list("unit__path", "user_id")) if paths else []
    by_path: dict[str, set[int]] = {}
    for path, user_id in grants:
        by_path.setdefault(path, set()).add(user_id)
    return {unit.pk: set().union(*(by_path.get(p, set()) for p in ancestor_paths(unit.path))) for unit in units}


def holder_ids_over(units: Iterable[Unit], roles: Iterable[str]) -> set[int]:
    """``holder_ids`` over several units, in one query."""
    paths = {p for unit in units for p in ancestor_paths(unit.path)}
    if not paths:
        return set()
    user_ids = RoleGrant.objects.filter(role__in=list(roles), unit__path__in=paths).values("user_id")
    return set(get_user_model().objects.filter(pk__in=user_ids, is_active=True).values_list("pk", flat=True))


# Writing


def reason_of(event: Event) -> str:
    """The transition's reason as it goes inside a sentence ("Lý do: %(reason)s."): no closing full stop of its own."""
    return event.reason.strip().rstrip(".").rstrip()


def actor_name(event: Event) -> str:
    if event.actor_id is None:
        return str(gettext_lazy("Hệ thống"))
    actor = get_user_model().objects.filter(pk=event.actor_id).first()
    return text.person_name(actor) if actor else ""


def notify(event: Event, recipients: Iterable, text: str, url: str, *, object_label: str = "",
           actor: str | None = None, campaign_id: int | None = None) -> int:
    """Tell each recipient (users or user ids) about ``event``: one row each, inserted in bulk, with
    the outbox rows or digest items of those who chose email in the same transaction.
    Returns how many rows were asked for (a row already there for this event is left as it was)."""
    ids = {getattr(r, "pk", r) for r in recipients if r is not None} - {event.actor_id, None}
    if not ids:
        return 0
    name = actor if actor is not None else actor_name(event)
    now = timezone.now()
    rows = [Notification(recipient_id=pk, event_key=event.key, kind=event.name, verb=text,
                         object_label=object_label[:255], model_label=event.model_label, object_id=event.object_id,
                         url=url, actor_name=name[:255], reason=event.reason, unit_id=event.unit_id, created_at=now,
                         campaign_id=campaign_id)
            for pk in sorted(ids)]
    with transaction.atomic():
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        mail.queue_event(event.key, kind=event.name, label=kind_label(event.name), default=default_channel(event.name))
    return len(rows)


# Reading (the inbox and the bell), always the user's own


def notifications_of(user, *, unread: bool = False, kind: str = "",
                     campaign: int | None = None) -> QuerySet[Notification]:
    rows = Notification.objects.filter(recipient=user)
    if unread:
        rows = rows.filter(read_at__isnull=True)
    if kind:
        rows = rows.filter(kind=kind)
    if campaign:
        rows = rows.filter(campaign_id=campaign)
    return rows.order_by("-created_at", "-id")


def unread_count(user) -> int:
    """The bell: one query."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def kinds_of(user) -> list[tuple[str, str]]:
    """The kinds the user has received, for the filter (one query)."""
    names = Notification.objects.filter(recipient=user).values_list("kind", flat=True).distinct().order_by("kind")
    return [(name, kind_label(name)) for name in names]


def campaigns_of(user) -> list[tuple[int, str]]:
    """The campaigns the user has notifications about, for the filter (one query), in Vietnamese order."""
    rows = (Notification.objects.filter(recipient=user, campaign__isnull=False)
            .values_list("campaign_id", "campaign__name").distinct().order_by())
    return sorted(rows, key=lambda row: (text.sort_key(row[1]), row[0]))


def mark_read(user, pk: int) -> Notification:
    """Mark one of the user's own notifications read (another user's: ``DoesNotExist``, a 404)."""
    notification = Notification.objects.get(pk=pk, recipient=user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def subscribe(name: str, label, handler, *, channel: str = Channel.EMAIL) -> None:
    """Register ``handler(event)`` for event ``name`` (its inbox label, its default channel). The handler runs
    in Vietnamese, whatever language the actor's request was in: the stored text reads the same for all."""
    register_kind(name, label, channel=channel)

    def in_vietnamese(event: Event) -> None:
        with translation.override("vi"):
            handler(event)

    in_vietnamese.__qualname__ = f"notify[{name}]"
    events.unsubscribe(name, _registered.get((name, handler)))  # registering twice keeps one
    _registered[(name, handler)] = in_vietnamese
    events.subscribe(name, in_vietnamese)


_registered: dict = {}
