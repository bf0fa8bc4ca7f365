"""Write paths of the campaigns app: plans, campaigns, milestones, participation, sub-plans, pledges and
targets (``plans``); results (``results``); the review of pledges and sub-plans (``reviews``). Every
status change goes through the lifecycle tables of ``campaigns.workflow``."""

from .plans import (
    add_milestone,
    create_campaign,
    create_plan,
    derive_campaign_fields,
    derive_plan_fields,
    register_pledge,
    save_campaign,
    save_plan,
    save_target,
    set_subplan_requirements,
    update_campaign,
    update_plan,
    update_pledge,
)
from .results import result_errors, save_result, transition_result, transition_results
from .reviews import transition_pledge, transition_pledges, transition_subplan

__all__ = [
    "add_milestone", "create_campaign", "create_plan", "derive_campaign_fields", "derive_plan_fields",
    "register_pledge", "result_errors", "save_campaign", "save_plan", "save_result", "save_target",
    "set_subplan_requirements",
    "transition_pledge", "transition_pledges", "transition_result", "transition_results", "transition_subplan",
    "update_campaign", "update_pledge", "update_plan",
]
