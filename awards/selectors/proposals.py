"""Read queries for campaign awards, candidates and proposals, scoped to what the user may see."""

from django.db.models import Prefetch, Q, QuerySet

from ..models import AwardRule, CampaignAward, Criterion, Quota


def campaign_awards(campaign) -> QuerySet[CampaignAward]:
    """The awards a campaign offers with their criteria and quotas (three queries)."""
    return (CampaignAward.objects.filter(campaign=campaign).select_related("award_form")
            .prefetch_related(Prefetch("criteria", Criterion.objects.order_by("position", "id")),
                              Prefetch("quotas", Quota.objects.order_by("id"))))


def rule_in_force(award_form, day):
    """The rule version of ``award_form`` in force on ``day`` (None when none is)."""
    return (AwardRule.objects.filter(award_form=award_form, valid_from__lte=day)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day)).order_by("-valid_from").first())
