"""Models of the campaigns app: plans and campaigns (``plans``), targets and brackets (``targets``),
results and attainment snapshots (``results``)."""

from .plans import (
    Campaign,
    CampaignKind,
    Milestone,
    MilestoneKind,
    Participation,
    Plan,
    Pledge,
    SubPlanRequirement,
)
from .results import AttainmentSnapshot, Result, ResultStatus, ResultValue
from .targets import BracketBasis, MetricKind, SubjectKind, Target, TargetBracket

__all__ = [
    "AttainmentSnapshot", "BracketBasis", "Campaign", "CampaignKind", "MetricKind", "Milestone", "MilestoneKind",
    "Participation", "Plan", "Pledge", "Result", "ResultStatus", "ResultValue", "SubjectKind", "SubPlanRequirement",
    "Target", "TargetBracket",
]
