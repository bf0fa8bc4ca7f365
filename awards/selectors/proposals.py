"""Read queries for campaign awards, candidates and proposals, scoped to what the user may see."""

from django.db.models import Prefetch, QuerySet

from ..models import CampaignAward, Criterion, Quota


def campaign_awards(campaign) -> QuerySet[CampaignAward]:
    """The awards a campaign offers with their criteria and quotas (three queries)."""
    return (CampaignAward.objects.filter(campaign=campaign).select_related("award_form")
            .prefetch_related(Prefetch("criteria", Criterion.objects.order_by("position", "id")),
                              Prefetch("quotas", Quota.objects.order_by("id"))))
