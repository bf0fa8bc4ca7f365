"""Models of the awards app: the catalogue and its rule versions (``catalogue``), what a campaign
offers (``campaign_awards``), proposals (``proposals``), publication, council and secret ballot
(``council``), decisions and award history (``decisions``), typical examples (``typical``), the register
of initiatives (``initiatives``)."""

from .campaign_awards import CampaignAward, Criterion, CriterionKind, Quota, SubmissionReopening
from .catalogue import AuthorityLevel, AwardForm, AwardKind, AwardRule, SubjectType
from .council import (
    FINISHED_SESSION,
    AgendaItem,
    Ballot,
    BallotCast,
    Choice,
    CouncilComment,
    CouncilMember,
    CouncilSession,
    Feedback,
    FeedbackStatus,
    FeedbackWindow,
    MemberRole,
    Recusal,
    RecusalGround,
    SessionStatus,
    WrittenOpinion,
)
from .decisions import AwardRecord, Decision
from .initiatives import Initiative, InitiativeAuthor, InitiativeKind, InitiativeScope
from .proposals import (
    AchievementReport,
    AttachmentKind,
    Nomination,
    NominationStatus,
    Proposal,
    ProposalAttachment,
    ProposalStatus,
)
from .typical import PublicationState, RecognitionLevel, Stage, TypicalExample, TypicalExampleNote

__all__ = [
    "AchievementReport", "AgendaItem", "AttachmentKind", "AuthorityLevel", "AwardForm", "AwardKind", "AwardRecord",
    "AwardRule", "Ballot", "BallotCast", "CampaignAward", "Choice", "CouncilComment", "CouncilMember",
    "CouncilSession", "Criterion", "CriterionKind", "Decision", "FINISHED_SESSION", "Feedback", "FeedbackStatus",
    "FeedbackWindow", "Initiative", "InitiativeAuthor", "InitiativeKind", "InitiativeScope", "MemberRole",
    "Nomination", "NominationStatus", "Proposal", "ProposalAttachment", "ProposalStatus", "PublicationState",
    "Quota", "RecognitionLevel", "Recusal", "RecusalGround", "SessionStatus", "Stage", "SubjectType",
    "SubmissionReopening", "TypicalExample", "TypicalExampleNote", "WrittenOpinion",
]
