"""Permissions over plans, campaigns and pledges. Reading is scoped by ``selectors``; these
predicates decide what an in-scope user may change (a refusal answers 403)."""

from emulation import access
from emulation.models import Role

PLANNER_ROLES = (Role.STAFF, Role.ADMIN)


def can_create_plan(user, issuer) -> bool:
    """Staff plan for their units; a unit head files their own unit's plan."""
    if issuer.pk not in access.editable_unit_ids(user):
        return False
    return access.has_role(user, *PLANNER_ROLES) or access.has_role(user, Role.UNIT_HEAD)


def can_create_any_plan(user) -> bool:
    return bool(access.editable_unit_ids(user))


def can_edit_plan(user, plan) -> bool:
    return can_create_plan(user, plan.issuer)


def can_edit_campaign(user, campaign) -> bool:
    return can_edit_plan(user, campaign.plan)


def can_set_subplan_requirements(user, plan) -> bool:
    return access.has_role(user, *PLANNER_ROLES) and plan.issuer_id in access.editable_unit_ids(user)


def can_register_pledge(user, campaign, unit) -> bool:
    """A unit head (or staff) registers for a participating unit inside their scope."""
    return unit.pk in access.editable_unit_ids(user) and any(
        p.unit_id == unit.pk for p in campaign.participations.all())


def can_edit_pledge(user, pledge) -> bool:
    return pledge.unit_id in access.editable_unit_ids(user)


def can_enter_results(user, campaign, unit) -> bool:
    """Unit heads (or staff on their behalf) report for participating units in their scope."""
    return can_register_pledge(user, campaign, unit)


def can_confirm_results(user, campaign) -> bool:
    """Department staff of the issuing unit confirm results; a confirmed result is locked for others."""
    return access.has_role(user, *PLANNER_ROLES) and campaign.plan.issuer_id in access.editable_unit_ids(user)
