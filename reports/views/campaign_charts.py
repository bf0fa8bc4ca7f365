"""The campaign charts page: what ``campaigns.selectors`` reads for the user, drawn by ``reports.campaign_charts``."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from campaigns import selectors as campaign_selectors
from emulation.viewhelpers import scoped_or_404

from ..campaign_charts import campaign_charts


@login_required
def campaign_dashboard(request, pk):
    campaign = scoped_or_404(campaign_selectors.campaign_header, request.user, pk)
    figures = campaign_selectors.campaign_dashboard(request.user, campaign)
    return render(request, "reports/campaign_dashboard.html", {
        "campaign": campaign, "figures": figures, "charts": campaign_charts(figures)})
