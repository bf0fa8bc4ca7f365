"""Proposals (đề nghị khen thưởng): the campaign's awards page, a unit's proposal, nominees,
achievement reports, the review meeting and attachments; submit, return, reopen."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from campaigns import selectors as campaign_selectors
from emulation.viewhelpers import scoped_or_404

from .. import access
from ..selectors import proposals as selectors


@login_required
def campaign_awards(request, pk):
    campaign = scoped_or_404(campaign_selectors.campaign_detail, request.user, pk)
    return render(request, "awards/campaign_awards.html", {
        "campaign": campaign, "awards": selectors.campaign_awards(campaign),
        "is_staff": access.is_campaign_staff(request.user, campaign)})
