"""Permissions over plans, campaigns, sub-plan requirements and pledges.

Reading is scoped by ``selectors`` (an object out of scope answers 404); these predicates decide
what an in-scope user may change (a refusal answers 403). They use the user's cached grants and
unit sets and the objects' already-loaded relations, so they run no query of their own.
"""

from emulation import access
from emulation.models import Role

PLANNER_ROLES = frozenset({Role.STAFF, Role.ADMIN})


def holds_over(user, wanted_roles, unit) -> bool:
    """The user holds one of ``wanted_roles`` over ``unit`` (granted on it or on an ancestor)."""
    if getattr(user, "is_superuser", False):
        return True
    return any(g.role in wanted_roles and unit.path.startswith(g.unit.path) for g in access.grants(user))


def can_create_plan(user, issuer) -> bool:
    """Staff and admins plan for the units in their scope; a unit head files their own unit's plan."""
    return issuer.pk in access.editable_unit_ids(user)


def can_create_any_plan(user) -> bool:
    return bool(access.editable_unit_ids(user))


def can_edit_plan(user, plan) -> bool:
    """The issuing unit's editors; a sub-unit taking part in a provincial plan only reads it."""
    return plan.issuer_id in access.editable_unit_ids(user)


def can_create_campaign(user, plan) -> bool:
    return can_edit_plan(user, plan)


def can_edit_campaign(user, campaign) -> bool:
    return can_edit_plan(user, campaign.plan)


def can_set_subplan_requirements(user, plan) -> bool:
    """Only the issuing unit's emulation staff require sub-units to file their own plans."""
    return holds_over(user, PLANNER_ROLES, plan.issuer)


def pledge_unit_ids(user, campaign) -> set[int]:
    """Participating units the user may register pledges for (uses the prefetched participations)."""
    editable = access.editable_unit_ids(user)
    return {p.unit_id for p in campaign.participations.all() if p.unit_id in editable}


def can_register_pledge(user, campaign, unit) -> bool:
    """A unit head for their unit (collective or one of its officers), staff for any unit in scope;
    only for units taking part in the campaign."""
    return unit.pk in pledge_unit_ids(user, campaign)


def can_register_any_pledge(user, campaign) -> bool:
    return bool(pledge_unit_ids(user, campaign))


def can_edit_pledge(user, pledge) -> bool:
    return pledge.unit_id in access.editable_unit_ids(user)


def can_enter_results(user, campaign, unit) -> bool:
    """Unit heads (or staff on their behalf) report for participating units in their scope."""
    return can_register_pledge(user, campaign, unit)


def can_confirm_results(user, campaign) -> bool:
    """Department staff of the issuing unit confirm results; a confirmed result is locked for others."""
    return access.has_role(user, *PLANNER_ROLES) and campaign.plan.issuer_id in access.editable_unit_ids(user)
