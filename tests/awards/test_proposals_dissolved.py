"""TT 15/2025/TT-BNV: a body dissolved by the reorganisation proposes no one after its end date; its
members' achievements go up through the successor. Pickers offer the units and officers of the day."""

# ruff: noqa: F811

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards.models import Proposal, ProposalStatus
from awards.services import proposals as services
from emulation.models import RegisteredDocument
from tests.awards.conftest import campaign_award, certificate, province_campaign  # noqa: F401
from tests.factories import ParticipationFactory
from tests.organisation_fixtures import AFTER, BEFORE, area_head, reorganised  # noqa: F401

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

REFUSAL = ("Chi cục Thi hành án dân sự huyện Long Mỹ đã kết thúc hoạt động từ 01/07/2025 (hợp nhất vào Phòng Thi "
           "hành án dân sự khu vực 2): thành tích của cán bộ do đơn vị kế thừa đề nghị.")


@pytest.mark.parametrize(("today", "refused"), [(BEFORE, False), (AFTER, True)])
def test_open_proposal_for_long_my(reorganised, campaign_award, head_b, today, refused):
    open_it = lambda: services.open_proposal(actor=head_b, campaign=campaign_award.campaign,  # noqa: E731
                                             unit=reorganised.unit_b, title="Tờ trình", today=today)
    if not refused:
        assert open_it().unit == reorganised.unit_b
        return
    with pytest.raises(ValidationError) as error:
        open_it()
    assert error.value.messages == [REFUSAL]
    assert not Proposal.objects.exists()


def test_nominating_an_officer_of_long_my_after_its_end_is_refused(reorganised, campaign_award, staff, officer_b):
    ParticipationFactory(campaign=campaign_award.campaign, unit=reorganised.province)
    proposal = services.open_proposal(actor=staff, campaign=campaign_award.campaign, unit=reorganised.province,
                                      title="Tờ trình", today=BEFORE)
    assert services.nominate(actor=staff, proposal=proposal, campaign_award=campaign_award, officer=officer_b,
                             today=BEFORE).officer == officer_b
    proposal.nominations.all().delete()
    with pytest.raises(ValidationError) as error:
        services.nominate(actor=staff, proposal=proposal, campaign_award=campaign_award, officer=officer_b, today=AFTER)
    assert error.value.messages == [REFUSAL]
    assert not proposal.nominations.exists()


def test_a_draft_of_long_my_takes_no_2026_number(reorganised, campaign_award, head_b):
    """The issue: "a proposal of the dissolved Chi cục Long Mỹ got a 2026 number"."""
    proposal = Proposal.objects.create(campaign=campaign_award.campaign, unit=reorganised.unit_b, title="Tờ trình",
                                       status=ProposalStatus.DRAFT, created_by=head_b,
                                       meeting_held_on=datetime.date(2025, 6, 20))
    with pytest.raises(ValidationError) as error:
        services.number_papers(actor=head_b, proposal=proposal, today=AFTER)
    assert "từ 01/07/2025 (hợp nhất vào Phòng Thi hành án dân sự khu vực 2)" in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        services.submit(actor=head_b, proposal=proposal, now=datetime.datetime(2026, 1, 15, 9, tzinfo=datetime.UTC))
    assert error.value.messages == [REFUSAL]
    assert not RegisteredDocument.objects.exists()


def test_proposal_unit_picker_offers_the_units_of_today(reorganised, campaign_award, staff, login):
    ParticipationFactory(campaign=campaign_award.campaign, unit=reorganised.province)
    response = login(staff).get(reverse("awards:campaign_awards", args=[campaign_award.campaign.pk]))
    assert [u.code for u in response.context["open_form"].fields["unit"].queryset] == ["HG-VT"]


def test_opening_for_long_my_through_the_view_saves_nothing(reorganised, campaign_award, head_b, login):
    response = login(head_b).post(reverse("awards:proposal_open", args=[campaign_award.campaign.pk]),
                                  {"unit": reorganised.unit_b.pk, "title": "Tờ trình"}, follow=True)
    assert "Chọn đơn vị đề nghị trong phạm vi của mình." in response.content.decode()
    assert not Proposal.objects.exists()


def test_nominee_picker_of_a_dissolved_unit_is_empty(reorganised, campaign_award, head_b, officer_b, login):
    proposal = Proposal.objects.create(campaign=campaign_award.campaign, unit=reorganised.unit_b, title="Tờ trình",
                                       status=ProposalStatus.DRAFT, created_by=head_b)
    response = login(head_b).get(proposal.get_absolute_url())
    assert response.context["nominate_form"].fields["subject"].choices == []
