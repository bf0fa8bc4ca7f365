"""The overall standing of units across a campaign's targets (xếp hạng chung), from the latest snapshot."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from emulation import querystring
from emulation.paging import paginate
from emulation.viewhelpers import scoped_or_404

from .. import exports, ranking, selectors
from ..selectors.attainment import is_stale, latest_snapshot
from ..selectors.standings import standing_groups, standings_table

PER_PAGE = 50


@login_required
def campaign_standings(request, pk):
    campaign = scoped_or_404(selectors.campaign_header, request.user, pk)
    snapshot = latest_snapshot(campaign)
    group, q = querystring.integer(request.GET.get("group")), request.GET.get("q", "").strip()[:100]
    context = {
        "campaign": campaign,
        "snapshot": snapshot,
        "stale": is_stale(campaign, snapshot),
        "rule": ranking.RULE,
        "filters": {"group": group, "q": q},
    }
    if snapshot is not None:
        context.update(
            paginate(request, standings_table(request.user, campaign, snapshot, group=group, q=q), PER_PAGE),
            groups=standing_groups(snapshot),
        )
    return render(request, "campaigns/campaign_standings.html", context)


@login_required
@require_POST
def standings_export(request, pk):
    campaign = scoped_or_404(selectors.campaign_header, request.user, pk)
    # the filters from the POST body, inline (the query-string property test fuzzes GET pages only)
    job = exports.start_standings_export(
        actor=request.user,
        campaign=campaign,
        q=request.POST.get("q", "").strip()[:100],
        group=querystring.integer(request.POST.get("group")),
    )
    return redirect("emulation:job_detail", pk=job.pk)
