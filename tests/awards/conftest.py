"""Awards fixtures on top of the fixed cast: the provincial campaign offers a Giấy khen, and unit A
has submitted a proposal nominating officer A and itself."""

import datetime

import pytest

from awards.models import (
    AuthorityLevel,
    AwardForm,
    AwardKind,
    AwardRule,
    CampaignAward,
    Nomination,
    Proposal,
    ProposalStatus,
    SubjectType,
)
from tests.factories import OfficerFactory


@pytest.fixture
def province_campaign(province_plan):
    return province_plan.campaigns.get()


@pytest.fixture
def certificate(db):
    """Giấy khen của Cục trưởng, with the NĐ 98 and NĐ 152 rule versions."""
    form = AwardForm.objects.create(
        code="GK_CUC", name="Giấy khen của Cục trưởng Cục THADS tỉnh", kind=AwardKind.COMMENDATION,
        subject_type=SubjectType.BOTH, authority="Cục trưởng Cục THADS tỉnh",
        authority_level=AuthorityLevel.PROVINCIAL, rank=10)
    AwardRule.objects.create(award_form=form, legal_basis="Nghị định 98/2023/NĐ-CP",
                             valid_from=datetime.date(2024, 1, 1), valid_to=datetime.date(2025, 6, 30),
                             vote_threshold=50, report_template="nd98_mau03")
    AwardRule.objects.create(award_form=form, legal_basis="Nghị định 152/2025/NĐ-CP",
                             valid_from=datetime.date(2025, 7, 1),
                             vote_threshold=50, report_template="nd152_mau05")
    return form


@pytest.fixture
def campaign_award(province_campaign, certificate):
    return CampaignAward.objects.create(campaign=province_campaign, award_form=certificate)


@pytest.fixture
def submitted_proposal(campaign_award, unit_a, officer_a, head_a):
    """Unit A's submitted proposal: officer A, a second officer of A, and unit A as a collective."""
    proposal = Proposal.objects.create(campaign=campaign_award.campaign, unit=unit_a, status=ProposalStatus.SUBMITTED,
                                       title="Đề nghị tặng Giấy khen", created_by=head_a, submitted_by=head_a,
                                       submitted_at=datetime.datetime(2024, 6, 25, 9, 0, tzinfo=datetime.UTC))
    colleague = OfficerFactory(unit=unit_a, full_name="Lê Thị Cúc", code="A-002", gender="female")
    rule = campaign_award.award_form.rules.order_by("valid_from").first()
    for position, (officer) in enumerate([officer_a, colleague, None]):
        Nomination.objects.create(proposal=proposal, campaign_award=campaign_award, unit=unit_a, officer=officer,
                                  rule=rule, position=position)
    return proposal
