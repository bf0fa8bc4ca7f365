"""Dashboards: what needs each role's attention. Renders what other apps compute."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone, translation

from awards.selectors import council as council_selectors
from awards.selectors import decisions as decision_selectors
from awards.selectors import proposals as proposal_selectors
from campaigns import selectors as campaign_selectors
from campaigns.models import CampaignKind
from emulation import access, pagecache
from emulation import selectors as org_selectors
from emulation.models import Role

from ..director import director_charts


def dashboard_kind(user) -> str:
    """The dashboard a user sees, by their strongest role."""
    if access.has_role(user, Role.STAFF, Role.ADMIN, Role.DIRECTOR):
        return "staff"
    if access.has_role(user, Role.UNIT_HEAD):
        return "unit_head"
    if access.has_role(user, Role.COUNCIL_MEMBER):
        return "council"
    return "viewer"


def _scoped(user, kind: str, today, year_kind: str) -> dict:
    """What the dashboard shows from the user's scope: the same for every user with the same grants, on one day,
    until something changes (``emulation.pagecache``); lists, so that they can be cached."""
    campaigns = campaign_selectors.campaigns_visible_to(user)
    context = {
        "deadlines": campaign_selectors.upcoming_deadlines(user, today, days=45),
        "running": list(campaigns.filter(starts_on__lte=today, ends_on__gte=today)),
        "recent": list(campaigns.filter(ends_on__lt=today).order_by("-ends_on")[:5]),
        "counts": {
            "plans": campaign_selectors.plans_visible_to(user).count(),
            "units": org_selectors.units_visible_to(user).count(),
            "officers": org_selectors.officers_visible_to(user).filter(is_active=True).count(),
        },
    }
    if kind in ("staff", "unit_head"):
        context["subplans"] = campaign_selectors.subplan_overview(user, today)
        context["pledge_gaps"] = campaign_selectors.pledge_gaps(user, today)
        context["proposals"] = list(proposal_selectors.open_proposals(user))
        context["to_decide"] = list(decision_selectors.sessions_to_decide(user))
    if kind == "unit_head":
        context["returned_results"] = campaign_selectors.returned_results(user)
    if access.has_role(user, Role.DIRECTOR):
        context["director"] = director_charts(user, today, context["running"], kind=year_kind)
    return context


@login_required
def dashboard(request):
    user, today = request.user, timezone.localdate()
    kind, year_kind = dashboard_kind(user), request.GET.get("loai", "")[:20]
    year_kind = year_kind if year_kind in CampaignKind.values else ""
    context = {"kind": kind, "today": today, **pagecache.shared(
        "dashboard", user, lambda: _scoped(user, kind, today, year_kind), kind, today, translation.get_language(),
        year_kind)}
    awaiting_vote = list(council_selectors.sessions_awaiting_vote(user))  # this member's own votes
    if awaiting_vote or kind == "council":
        context["awaiting_vote"] = awaiting_vote
    if kind == "staff" and access.can_view_audit(user):
        context["recent_changes"] = org_selectors.recent_audit_entries(user, limit=8)
    return render(request, "reports/dashboard.html", context)
