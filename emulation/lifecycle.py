"""The engine every lifecycle table runs on (``campaigns/workflow.py``, ``awards/workflow.py``).

A lifecycle is a list of transitions — from-state(s), action, to-state, the roles that may take
it, a guard — over one status field. Services apply a transition through ``Lifecycle.apply``, the
only place a status is written; views and templates receive ``Lifecycle.actions`` (what this user
may do now) instead of comparing status strings.

Refusals say why:
- the action does not exist in this state, or the user holds none of its roles → ``Refused``
  (a ``PermissionDenied``: the page answers 403 with the reason);
- the action needs a reason and none was given, or its guard fails (a date order, a missing
  part) → ``ValidationError`` with the message, shown on the form; nothing is saved.

Each applied transition writes one audit entry and emits one event (``<lifecycle>.<action>``,
with actor, object, reason) after the transaction commits.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as _field

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from . import audit, events
from .models import AuditAction

Guard = Callable[..., str | None]  # (obj, **context) -> reason the transition may not happen, or None


class Refused(PermissionDenied):
    """A transition this user may not take on this object in its present state (403, with the reason)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self):
        return self.reason


@dataclass(frozen=True)
class Transition:
    source: tuple[str, ...]
    action: str
    target: str
    roles: tuple[str, ...]
    label: str
    guard: Guard | None = None
    needs_reason: bool = False
    style: str = "primary"  # the button's Bootstrap colour

    def __post_init__(self):
        if isinstance(self.source, str):
            object.__setattr__(self, "source", (self.source,))


@dataclass(frozen=True)
class Lifecycle:
    """``roles``: role name → predicate ``(user, obj) -> bool`` saying whether the user acts in that
    role over this object (unit, staff, director, member…)."""

    name: str
    states: type
    roles: dict[str, Callable[[object, object], bool]]
    transitions: tuple[Transition, ...]
    field: str = "status"
    labels: dict = _field(default_factory=dict)  # action → label, built from the table

    def __post_init__(self):
        seen = set()
        for t in self.transitions:
            for state in t.source:
                if (state, t.action) in seen:
                    raise ValueError(f"{self.name}: two transitions for ({state}, {t.action})")
                seen.add((state, t.action))
            if unknown := set(t.roles) - set(self.roles):
                raise ValueError(f"{self.name}.{t.action}: unknown roles {unknown}")
        object.__setattr__(self, "labels", {t.action: t.label for t in self.transitions})

    # Reading the table

    @property
    def actions_named(self) -> list[str]:
        return list(dict.fromkeys(t.action for t in self.transitions))

    def find(self, state: str, action: str) -> Transition | None:
        return next((t for t in self.transitions if state in t.source and t.action == action), None)

    def state_of(self, obj) -> str:
        return getattr(obj, self.field)

    def _state_label(self, state: str) -> str:
        try:
            return str(self.states(state).label)
        except ValueError:
            return state

    def holds_role(self, user, obj, transition: Transition) -> bool:
        return any(self.roles[role](user, obj) for role in transition.roles)

    def refusal(self, user, obj, action: str) -> str | None:
        """Why ``user`` may not take ``action`` on ``obj`` now (None: the table allows it; the guard
        and the reason are checked when it is applied)."""
        state = self.state_of(obj)
        transition = self.find(state, action)
        label = self.labels.get(action, action)
        if transition is None:
            return _("Không thể “%(action)s” khi đang ở trạng thái “%(state)s”.") % {
                "action": label, "state": self._state_label(state)}
        if not self.holds_role(user, obj, transition):
            return _("Bạn không có quyền “%(action)s” ở trạng thái “%(state)s”.") % {
                "action": label, "state": self._state_label(state)}
        return None

    def can(self, user, obj, action: str) -> bool:
        return self.refusal(user, obj, action) is None

    def actions(self, user, obj) -> list[Transition]:
        """The transitions this user may take on ``obj`` in its present state (guards not run)."""
        state = self.state_of(obj)
        return [t for t in self.transitions if state in t.source and self.holds_role(user, obj, t)]

    # Applying a transition

    def check(self, user, obj, action: str, *, reason: str = "", reason_field: str = "reason",
              **context) -> Transition:
        """Raise ``Refused`` or ``ValidationError`` unless the transition may happen now (a missing
        reason is reported on the form's ``reason_field``)."""
        if (why := self.refusal(user, obj, action)) is not None:
            raise Refused(why)
        transition = self.find(self.state_of(obj), action)
        if transition.needs_reason and not reason.strip():
            raise ValidationError({reason_field: _("Ghi rõ lý do khi “%(action)s”.") % {"action": transition.label}})
        if transition.guard is not None and (problem := transition.guard(obj, **context)):
            raise ValidationError(problem)
        return transition

    def apply(self, obj, action: str, *, actor, reason: str = "", reason_field: str = "reason",
              fields: dict | None = None, before: dict | None = None, unit_id=None,
              audit_after: dict | None = None, **context):
        """Move ``obj`` (locked by the caller's transaction) along ``action``: check, write the status
        and ``fields``, audit, emit. Returns the transition taken."""
        transition = self.check(actor, obj, action, reason=reason, reason_field=reason_field, **context)
        return self.force(obj, transition, actor=actor, reason=reason, fields=fields, before=before,
                          unit_id=unit_id, audit_after=audit_after)

    def force(self, obj, transition: Transition, *, actor, reason: str = "", fields: dict | None = None,
              before: dict | None = None, unit_id=None, audit_after: dict | None = None):
        """Write a transition already checked (by ``check``, or by the service that runs a whole
        batch under one permission, such as closing a council session for its nominations)."""
        source = self.state_of(obj)
        before = before if before is not None else audit.snapshot(obj)
        setattr(obj, self.field, transition.target)
        for name, value in (fields or {}).items():
            setattr(obj, name, value)
        obj.save(update_fields=[self.field, *(fields or {})])
        after = audit.snapshot(obj) | (audit_after or {}) | ({"reason": reason.strip()} if reason.strip() else {})
        entry = audit.record(actor=actor, action=AuditAction.UPDATE, obj=obj, before=before, after=after,
                             unit_id=unit_id)
        events.emit(events.Event(
            name=f"{self.name}.{transition.action}", actor_id=getattr(actor, "pk", None),
            model_label=obj._meta.label, object_id=obj.pk,
            unit_id=unit_id if unit_id is not None else getattr(obj, "unit_id", None),
            source=source, target=transition.target, reason=reason.strip(), key=f"audit-{entry.pk}"))
        return transition

    def transition_for(self, obj, action: str) -> Transition:
        transition = self.find(self.state_of(obj), action)
        if transition is None:
            raise Refused(self.refusal(None, obj, action) or action)
        return transition


def actions_for(lifecycle: Lifecycle, user, objects: Iterable) -> dict[int, list[Transition]]:
    """Allowed actions per object id, for list pages (no query: predicates use cached grants)."""
    return {obj.pk: lifecycle.actions(user, obj) for obj in objects}

