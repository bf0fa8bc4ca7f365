"""Applying lifecycle transitions (``campaigns.workflow``) to one object or to a batch, all or nothing."""

from collections.abc import Callable, Sequence

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.lifecycle import Lifecycle, Refused


def apply_all(lifecycle: Lifecycle, objects: Sequence, action: str, *, actor, reason: str = "",
              fields: Callable[[object], dict] | None = None, **context) -> list:
    """Check every object first: if one of them may not take ``action`` (its state, the actor's role),
    nothing is applied and the refusal names each such row; then each is moved, audited and emits its
    event. Objects are locked by the caller's transaction."""
    if not objects:
        raise ValidationError(_("Chưa chọn dòng nào."))
    refusals = [f"{obj}: {why}" for obj in objects if (why := lifecycle.refusal(actor, obj, action))]
    if refusals:
        if len(objects) == 1:
            raise Refused(refusals[0].split(": ", 1)[1])
        raise Refused(_("Không thực hiện cho dòng nào, vì %(count)s dòng không đủ điều kiện: %(rows)s")
                      % {"count": len(refusals), "rows": "; ".join(refusals)})
    taken = [lifecycle.check(actor, obj, action, reason=reason, **context) for obj in objects]
    for obj, transition in zip(objects, taken, strict=True):
        lifecycle.force(obj, transition, actor=actor, reason=reason, fields=fields(obj) if fields else None)
    return list(objects)


def returned_fields(actor, reason: str, *, by: str = "returned_by") -> dict:
    """The fields a *return* writes next to the status: why, when and (when the model keeps it) who."""
    fields = {"return_reason": reason.strip(), "returned_at": timezone.now()}
    return fields | ({by: actor} if by else {})


def found_all(objects: list, ids) -> list:
    """The batch as selected, or a refusal when a selected row is not (or no longer) in scope."""
    if len(objects) != len(set(ids)):
        raise ValidationError(_("Có dòng đã chọn không còn trong phạm vi của bạn; tải lại trang và chọn lại."))
    return objects
