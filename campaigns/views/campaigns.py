"""Campaigns (phong trào, đợt thi đua) and their milestones."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation import organisation, panels, querystring
from emulation import selectors as org_selectors
from emulation.paging import paginate
from emulation.submissions import once_per_submission
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access, selectors, services
from ..forms import CampaignForm, MilestoneForm
from ..models import Campaign, CampaignKind, Milestone


@login_required
def campaign_list(request):
    params = request.GET
    campaigns = selectors.campaign_list(request.user, q=params.get("q", ""), kind=params.get("kind", ""),
                                        year=querystring.year(params.get("year")))
    return render(request, "campaigns/campaign_list.html", {
        "kinds": CampaignKind.choices, "today": timezone.localdate(), **paginate(request, campaigns)})


@login_required
def campaign_detail(request, pk):
    campaign = scoped_or_404(selectors.campaign_page, request.user, pk)
    return render(request, "campaigns/campaign_detail.html", {
        "campaign": campaign, "targets": selectors.campaign_targets(campaign),
        "participants": selectors.participant_names(campaign),
        "pledge_summary": selectors.pledge_counts(request.user, campaign),
        "can_edit": access.can_edit_campaign(request.user, campaign),
        "can_pledge": access.can_register_any_pledge(request.user, campaign),
        "actions": panels.panels("campaign_actions", request.user, campaign),
        "panels": panels.panels("campaign", request.user, campaign)})


def _unit_choices(user, campaign):
    """Units in operation during the campaign's period (a new campaign: on its plan's issue date, else today)."""
    starts = campaign.starts_on or campaign.plan.issued_on or timezone.localdate()
    return organisation.valid_units(starts, org_selectors.units_visible_to(user), until=campaign.ends_on or starts
                                    ).order_by("path")


@login_required
@once_per_submission
def campaign_create(request, plan_pk):
    plan = scoped_or_404(selectors.plan_detail, request.user, plan_pk)
    if not access.can_create_campaign(request.user, plan):
        raise PermissionDenied
    form = CampaignForm(request.POST or None, instance=Campaign(plan=plan), unit_choices=_unit_choices(
        request.user, Campaign(plan=plan)),
                        initial={"theme": plan.theme})
    if request.method == "POST" and form.is_valid():
        campaign = form.instance
        if save_with(form, lambda: services.create_campaign(
                actor=request.user, campaign=campaign, participant_units=form.cleaned_data["participants"])):
            messages.success(request, _("Đã tạo phong trào thi đua."))
            return redirect("campaigns:campaign_detail", pk=campaign.pk)
    return render(request, "campaigns/campaign_form.html", {"form": form, "plan": plan})


@login_required
def campaign_edit(request, pk):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    if not access.can_edit_campaign(request.user, campaign):
        raise PermissionDenied
    form = CampaignForm(request.POST or None, instance=campaign, unit_choices=_unit_choices(request.user, campaign))
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.update_campaign(
                actor=request.user, campaign=form.instance, participant_units=form.cleaned_data["participants"])):
            messages.success(request, _("Đã cập nhật phong trào."))
            return redirect("campaigns:campaign_detail", pk=campaign.pk)
    return render(request, "campaigns/campaign_form.html", {"form": form, "plan": campaign.plan, "campaign": campaign})


@login_required
@once_per_submission
def milestone_create(request, pk):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    if not access.can_edit_campaign(request.user, campaign):
        raise PermissionDenied
    form = MilestoneForm(request.POST or None, instance=Milestone(campaign=campaign))
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.add_milestone(actor=request.user, milestone=form.instance)):
            messages.success(request, _("Đã thêm mốc thời gian."))
            return redirect("campaigns:campaign_detail", pk=campaign.pk)
    return render(request, "campaigns/milestone_form.html", {"form": form, "campaign": campaign})


@login_required
def unit_history(request, unit_pk):
    unit = scoped_or_404(org_selectors.unit_detail, request.user, unit_pk)
    return render(request, "campaigns/unit_history.html", {"unit": unit,
                                                           **selectors.unit_history(request.user, unit)})
