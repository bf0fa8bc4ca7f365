"""Write paths for plans, campaigns, milestones, participation, sub-plans and pledges."""

from emulation.text import nfc, search_key

from .models import Campaign, Plan


def derive_plan_fields(plan: Plan) -> None:
    plan.title = nfc(plan.title)
    if plan.issued_on and not plan.year:
        plan.year = plan.issued_on.year
    plan.search_key = search_key(f"{plan.reference} {plan.title} {plan.theme}")[:800]


def save_plan(plan: Plan) -> Plan:
    """Persist a plan with its derived fields (services, importers and demo data use this)."""
    derive_plan_fields(plan)
    plan.full_clean()
    plan.save()
    return plan


def derive_campaign_fields(campaign: Campaign) -> None:
    campaign.name = nfc(campaign.name)
    campaign.search_key = search_key(f"{campaign.name} {campaign.theme}")[:600]


def save_campaign(campaign: Campaign) -> Campaign:
    derive_campaign_fields(campaign)
    campaign.full_clean()
    campaign.save()
    return campaign
