"""Models of the campaigns app: plans and campaigns (``plans``), targets and brackets (``targets``),
results and attainment snapshots (``results``)."""

from ..enums import PledgeStatus, ResultStatus, SubPlanStatus
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
from .results import AttainmentRow, AttainmentSnapshot, Result, ResultValue, StandingRow
from .targets import BracketBasis, MetricKind, SubjectKind, Target, TargetBracket

__all__ = [
    "AttainmentRow", "AttainmentSnapshot", "BracketBasis", "Campaign", "CampaignKind", "MetricKind", "Milestone",
    "MilestoneKind", "Participation", "Plan", "Pledge", "PledgeStatus", "Result", "ResultStatus", "ResultValue",
    "StandingRow", "SubjectKind", "SubPlanRequirement", "SubPlanStatus", "Target", "TargetBracket",
]
