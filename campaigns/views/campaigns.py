"""Campaigns (phong trào, đợt thi đua) and their milestones."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation import selectors as org_selectors
from emulation.paging import paginate
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access, selectors, services
from ..forms import CampaignForm, MilestoneForm
from ..models import Campaign, CampaignKind, Milestone


@login_required
def campaign_list(request):
    params = request.GET
    campaigns = selectors.campaign_list(request.user, q=params.get("q", ""), kind=params.get("kind", ""),
                                        year=params.get("year", ""))
    return render(request, "campaigns/campaign_list.html", {
        "kinds": CampaignKind.choices, "today": timezone.localdate(), **paginate(request, campaigns)})


@login_required
def campaign_detail(request, pk):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    rows = selectors.campaign_pledge_status(request.user, campaign)
    context = {
        "campaign": campaign,
        "targets": selectors.campaign_targets(campaign),
        "can_edit": access.can_edit_campaign(request.user, campaign),
        "pledge_summary": {
            "units": len(rows), "units_done": sum(1 for r in rows if r["pledge"]),
            "officers": sum(len(r["officers"]) for r in rows),
            "officers_missing": sum(r["missing_officers"] for r in rows),
        },
        "can_pledge": any(access.can_register_pledge(request.user, campaign, r["unit"]) for r in rows),
    }
    return render(request, "campaigns/campaign_detail.html", context)


def _unit_choices(user):
    return org_selectors.units_visible_to(user).order_by("path")


@login_required
def campaign_create(request, plan_pk):
    plan = scoped_or_404(selectors.plan_detail, request.user, plan_pk)
    if not access.can_edit_plan(request.user, plan):
        raise PermissionDenied
    form = CampaignForm(request.POST or None, instance=Campaign(plan=plan), unit_choices=_unit_choices(request.user),
                        initial={"theme": plan.theme})
    if request.method == "POST" and form.is_valid():
        campaign = form.instance
        if save_with(form, lambda: services.create_campaign(
                actor=request.user, campaign=campaign, participant_units=form.cleaned_data["participants"])):
            messages.success(request, _("Đã tạo phong trào thi đua."))
            return redirect("campaigns:campaign_detail", pk=campaign.pk)
    return render(request, "form_page.html", {
        "form": form, "title": _("Phong trào mới thuộc kế hoạch %(ref)s") % {"ref": plan.reference},
        "cancel_url": plan.get_absolute_url()})


@login_required
def campaign_edit(request, pk):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    if not access.can_edit_campaign(request.user, campaign):
        raise PermissionDenied
    form = CampaignForm(request.POST or None, instance=campaign, unit_choices=_unit_choices(request.user))
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.update_campaign(
                actor=request.user, campaign=form.instance, participant_units=form.cleaned_data["participants"])):
            messages.success(request, _("Đã cập nhật phong trào."))
            return redirect("campaigns:campaign_detail", pk=campaign.pk)
    return render(request, "form_page.html", {
        "form": form, "title": _("Sửa phong trào"), "cancel_url": campaign.get_absolute_url()})


@login_required
def milestone_create(request, pk):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    if not access.can_edit_campaign(request.user, campaign):
        raise PermissionDenied
    form = MilestoneForm(request.POST or None, instance=Milestone(campaign=campaign))
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.add_milestone(actor=request.user, milestone=form.instance)):
            messages.success(request, _("Đã thêm mốc thời gian."))
            return redirect("campaigns:campaign_detail", pk=campaign.pk)
    return render(request, "form_page.html", {
        "form": form, "title": _("Thêm mốc thời gian: %(name)s") % {"name": campaign.name},
        "cancel_url": campaign.get_absolute_url()})


@login_required
def unit_history(request, unit_pk):
    unit = scoped_or_404(org_selectors.unit_detail, request.user, unit_pk)
    return render(request, "campaigns/unit_history.html", {"unit": unit,
                                                           **selectors.unit_history(request.user, unit)})
