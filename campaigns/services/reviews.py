"""Reviewing what units send: pledges (``workflow.PLEDGE``: the unit submits or recalls, staff approve
or return with a reason, one by one or in bulk) and required sub-plans (``workflow.SUBPLAN``)."""

from django.db import transaction

from .. import selectors, workflow
from ..models import Campaign, Plan, Pledge, SubPlanRequirement
from .transitions import apply_all, found_all, returned_fields


def _pledge_fields(action: str, actor, reason: str):
    if action == "approve":
        return lambda pledge: {"reviewed_by": actor}
    if action == "return":
        return lambda pledge: returned_fields(actor, reason, by="reviewed_by")
    return None


def _locked_pledges(actor, ids) -> list[Pledge]:
    scoped = selectors.pledges_visible_to(actor).select_for_update(of=("self",))
    return found_all(list(scoped.filter(pk__in=ids).order_by("unit__path", "officer__sort_key", "pk")), ids)


@transaction.atomic
def transition_pledge(*, actor, pledge: Pledge, action: str, reason: str = "") -> Pledge:
    """One action of ``workflow.PLEDGE`` (submit, recall, approve, return) on one pledge."""
    [current] = _locked_pledges(actor, [pledge.pk])
    apply_all(workflow.PLEDGE, [current], action, actor=actor, reason=reason,
              fields=_pledge_fields(action, actor, reason))
    return current


@transaction.atomic
def transition_pledges(*, actor, campaign: Campaign, pledge_ids, action: str, reason: str = "") -> list[Pledge]:
    """Bulk approval or return (one reason for all) of a campaign's pledges: all rows or none."""
    pledges = _locked_pledges(actor, pledge_ids)
    if any(p.campaign_id != campaign.pk for p in pledges):
        found_all([], pledge_ids)
    return apply_all(workflow.PLEDGE, pledges, action, actor=actor, reason=reason,
                     fields=_pledge_fields(action, actor, reason))


@transaction.atomic
def transition_subplan(*, actor, requirement: SubPlanRequirement, action: str, reason: str = "") -> SubPlanRequirement:
    """File (the unit, once its plan exists), accept or return (staff, with a reason) a required sub-plan."""
    current = (SubPlanRequirement.objects.select_for_update(of=("self",)).select_related("plan__issuer", "unit")
               .get(pk=requirement.pk))
    has_subplan = Plan.objects.filter(parent_id=current.plan_id, issuer_id=current.unit_id).exists()
    fields = (lambda r: {"return_reason": reason.strip()}) if action == "return" else None
    apply_all(workflow.SUBPLAN, [current], action, actor=actor, reason=reason, fields=fields,
              has_subplan=has_subplan)
    return current
