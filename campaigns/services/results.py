"""Results (kết quả): entering figures, and their lifecycle (``workflow.RESULT``): the unit submits or
recalls, staff confirm or return with a reason, one by one or in bulk. Confirmed results change only
by staff, with a reason."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from emulation import audit
from emulation.models import AuditAction

from .. import access, selectors, snapshots, workflow
from ..attainment import figure_errors
from ..grid import FIGURES
from ..models import Campaign, Result, ResultStatus, ResultValue
from .transitions import apply_all, found_all, returned_fields

CONTENT = ["as_of", *FIGURES, "updated_by", "updated_at"]


def result_errors(result: Result) -> dict[str, list[str]]:
    """Cross-field checks: completed ≤ with conditions ≤ total (cases and money); date in the results period."""
    errors = figure_errors({name: getattr(result, name) for name in FIGURES})
    start, end = result.campaign.results_period
    if result.as_of and not start <= result.as_of <= end:
        errors["as_of"] = [f"Ngày số liệu phải trong kỳ tính kết quả {start:%d/%m/%Y} – {end:%d/%m/%Y}."]
    return errors


def _stored(result: Result, *, lock: bool = False) -> Result:
    rows = Result.objects.select_for_update(of=("self",)) if lock else Result.objects
    current = rows.select_related("unit", "officer", "campaign__plan").get(pk=result.pk)
    current.campaign = result.campaign  # with its prefetched participations
    return current


@transaction.atomic
def save_result(*, actor, result: Result, values: dict, reason: str = "") -> Result:
    """``values``: target id → (number, achieved) for the campaign-specific targets. A stored result is
    changed only in the states ``workflow.RESULT_EDITING`` allows (not while submitted)."""
    if not access.can_enter_results(actor, result.campaign, result.unit):
        raise PermissionDenied
    current = _stored(result, lock=True) if result.pk else None
    if current is not None:
        workflow.RESULT_EDITING.check(actor, current, reason=reason)
    if errors := result_errors(result):
        raise ValidationError(errors)
    before = audit.snapshot(current) if current else None
    result.updated_by = actor
    result.full_clean(exclude=["status"])
    result.save(update_fields=CONTENT) if current else result.save()
    for target_id, (number, achieved) in values.items():
        ResultValue.objects.update_or_create(result=result, target_id=target_id,
                                             defaults={"number": number, "achieved": achieved})
    if current is not None and current.status == ResultStatus.CONFIRMED:
        _recompute_after_commit(result.campaign_id)
    after = audit.snapshot(result) | ({"reason": reason} if reason else {})
    audit.record(actor=actor, action=AuditAction.UPDATE if before else AuditAction.CREATE, obj=result,
                 before=before, after=after | {"values": {str(k): [str(v[0]), v[1]] for k, v in values.items()}})
    return result


def _fields(action: str, actor, reason: str):
    if action == "confirm":
        return lambda result: {"confirmed_by": actor}
    if action == "return":
        return lambda result: returned_fields(actor, reason)
    return None


def _move(actor, campaign: Campaign, results: list[Result], action: str, reason: str) -> list[Result]:
    was_confirmed = any(r.status == ResultStatus.CONFIRMED for r in results)
    apply_all(workflow.RESULT, results, action, actor=actor, reason=reason, fields=_fields(action, actor, reason))
    if was_confirmed or any(r.status == ResultStatus.CONFIRMED for r in results):
        _recompute_after_commit(campaign.pk)
    return results


@transaction.atomic
def transition_result(*, actor, result: Result, action: str, reason: str = "") -> Result:
    """One action of ``workflow.RESULT`` (submit, recall, confirm, return) on one result."""
    current = _stored(result, lock=True)
    _move(actor, result.campaign, [current], action, reason)
    return current


@transaction.atomic
def transition_results(*, actor, campaign: Campaign, result_ids, action: str, reason: str = "") -> list[Result]:
    """The same action on many results of a campaign (bulk confirm, bulk return with one reason): every
    row must allow it, or none is changed."""
    scoped = selectors.results_visible_to(actor, campaign).select_for_update(of=("self",))
    results = list(scoped.filter(pk__in=result_ids).order_by("unit__path", "officer__sort_key", "pk"))
    for result in found_all(results, result_ids):
        result.campaign = campaign
    return _move(actor, campaign, results, action, reason)


def _recompute_after_commit(campaign_id: int) -> None:
    transaction.on_commit(lambda: snapshots.request_recompute(campaign_id))
