"""Named domain events, emitted by a lifecycle transition once its transaction has committed.

A transition (``emulation.lifecycle``) emits exactly one event: its name (``result.returned``,
``proposal.submitted`` …), who acted, on which object, with the reason when there is one.
Subscribers (notifications, the next layer) register with ``subscribe``; nothing is delivered
for a transaction that rolls back. Subscribers run after the commit, each on its own: one that
fails is logged and does not stop the others, nor undo the change that was made.
"""

import logging
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

log = logging.getLogger(__name__)

ANY = "*"


@dataclass(frozen=True)
class Event:
    name: str
    actor_id: int | None
    model_label: str
    object_id: int
    unit_id: int | None
    source: str
    target: str
    reason: str = ""
    data: dict = field(default_factory=dict)
    # The event's identity: a subscriber that is handed the same event twice (a retried delivery)
    # recognises it by this key. Lifecycle transitions use their audit entry ("audit-<id>").
    key: str = field(default_factory=lambda: uuid.uuid4().hex)


_subscribers: dict[str, list[Callable[[Event], None]]] = defaultdict(list)


def subscribe(name: str, handler: Callable[[Event], None]) -> None:
    """Call ``handler(event)`` after each committed event ``name`` (``"*"``: every event)."""
    if handler not in _subscribers[name]:
        _subscribers[name].append(handler)


def unsubscribe(name: str, handler: Callable[[Event], None]) -> None:
    if handler in _subscribers.get(name, []):
        _subscribers[name].remove(handler)


def _deliver(event: Event) -> None:
    for handler in [*_subscribers.get(event.name, []), *_subscribers.get(ANY, [])]:
        try:
            handler(event)
        except Exception:  # a subscriber's failure never undoes the committed change
            log.exception("event subscriber %r failed on %s", handler, event.name)


def emit(event: Event) -> None:
    """Deliver ``event`` when the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(lambda: _deliver(event))
