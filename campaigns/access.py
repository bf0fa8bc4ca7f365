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
    return access.in_scope(user, issuer, editable=True)


def can_create_any_plan(user) -> bool:
    return access.has_editable_scope(user)


def can_edit_plan(user, plan) -> bool:
    """The issuing unit's editors; a sub-unit taking part in a provincial plan only reads it."""
    return access.in_scope(user, plan.issuer, editable=True)


def can_create_campaign(user, plan) -> bool:
    return can_edit_plan(user, plan)


def can_edit_campaign(user, campaign) -> bool:
    return can_edit_plan(user, campaign.plan)


def can_set_subplan_requirements(user, plan) -> bool:
    """Only the issuing unit's emulation staff require sub-units to file their own plans."""
    return holds_over(user, PLANNER_ROLES, plan.issuer)


def pledge_unit_ids(user, campaign) -> frozenset[int]:
    """Participating units the user may register pledges for (and report results for): from the participations
    prefetched with their units, else one query; once per user and campaign object, since the lifecycle asks for
    every row of a page."""
    known = campaign.__dict__.setdefault("_pledge_unit_ids", {})
    if user.pk not in known:
        prefetched = getattr(campaign, "_prefetched_objects_cache", {}).get("participations")
        if prefetched is not None:
            known[user.pk] = frozenset(p.unit_id for p in prefetched if access.in_scope(user, p.unit, editable=True))
        else:
            mine = campaign.participations.filter(access.scope_q(user, "unit", editable=True))
            known[user.pk] = frozenset(mine.values_list("unit_id", flat=True))
    return known[user.pk]


def can_register_pledge(user, campaign, unit) -> bool:
    """A unit head for their unit (collective or one of its officers), staff for any unit in scope;
    only for units taking part in the campaign."""
    return unit.pk in pledge_unit_ids(user, campaign)


def can_register_any_pledge(user, campaign) -> bool:
    return bool(pledge_unit_ids(user, campaign))


def can_edit_pledge(user, pledge) -> bool:
    return access.in_scope(user, pledge.unit, editable=True)


def can_enter_results(user, campaign, unit) -> bool:
    """Unit heads (or staff on their behalf) report for participating units in their scope."""
    return can_register_pledge(user, campaign, unit)


def can_confirm_results(user, campaign) -> bool:
    """Department staff of the issuing unit confirm results; a confirmed result is locked for others."""
    return access.has_role(user, *PLANNER_ROLES) and access.in_scope(user, campaign.plan.issuer, editable=True)
