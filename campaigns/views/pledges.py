"""Pledges (đăng ký giao ước thi đua) and who has or has not registered."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emulation import organisation, querystring
from emulation.lifecycle import Refused
from emulation.models import Unit
from emulation.paging import paginate
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access, selectors, services, workflow
from ..forms import PledgeForm
from ..models import Pledge
from . import actions

UNITS_PER_PAGE = 10  # units a page on the pledges page, each with its active officers


@login_required
def pledge_list(request):
    pledges = selectors.pledge_list(request.user, q=request.GET.get("q", ""),
                                    campaign=querystring.integer(request.GET.get("campaign")))
    return render(request, "campaigns/pledge_list.html", paginate(request, pledges))


@login_required
def campaign_pledges(request, pk):
    campaign = scoped_or_404(selectors.campaign_header, request.user, pk)
    only_missing = request.GET.get("chua_dang_ky") == "1"
    paged = paginate(request, selectors.pledge_units(request.user, campaign, only_missing=only_missing),
                     UNITS_PER_PAGE)
    rows = selectors.pledge_status(campaign, [p.unit for p in paged["page_obj"]])
    registrable = access.pledge_unit_ids(request.user, campaign)
    for row in rows:
        row["can_register"] = row["unit"].pk in registrable
    actions.with_actions(workflow.PLEDGE, request.user,
                         [p for row in rows for p in [row["pledge"], *(o["pledge"] for o in row["officers"])] if p])
    return render(request, "campaigns/campaign_pledges.html", {
        "campaign": campaign, "rows": rows, "totals": selectors.pledge_counts(request.user, campaign),
        "only_missing": only_missing, "can_review": access.can_confirm_results(request.user, campaign),
        "bulk_actions": [t for t in workflow.PLEDGE.transitions if "staff" in t.roles], **paged})


def _pledge_units(user, campaign):
    """The units the user may pledge for that are in operation during the campaign (their officers with them)."""
    units = Unit.objects.filter(pk__in=access.pledge_unit_ids(user, campaign))
    return organisation.valid_units(campaign.starts_on, units, until=campaign.ends_on).order_by("path")


@login_required
def pledge_create(request, pk):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    if not access.can_register_any_pledge(request.user, campaign):
        raise PermissionDenied
    initial = {"registered_on": timezone.localdate(), "unit": request.GET.get("unit"),
               "officer": request.GET.get("officer")}
    form = PledgeForm(request.POST or None, instance=Pledge(campaign=campaign), initial=initial,
                      unit_choices=_pledge_units(request.user, campaign))
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.register_pledge(actor=request.user, pledge=form.instance)):
            messages.success(request, _("Đã đăng ký giao ước thi đua."))
            return redirect("campaigns:campaign_pledges", pk=campaign.pk)
    return render(request, "campaigns/pledge_form.html", {"form": form, "campaign": campaign})


def _pledge(user, pk):
    return selectors.pledges_visible_to(user).prefetch_related("campaign__participations").get(pk=pk)


@login_required
def pledge_detail(request, pk):
    pledge = scoped_or_404(_pledge, request.user, pk)
    actions.with_actions(workflow.PLEDGE, request.user, [pledge], workflow.PLEDGE_EDITING)
    return render(request, "campaigns/pledge_detail.html", {"pledge": pledge})


@login_required
def pledge_edit(request, pk):
    pledge = scoped_or_404(_pledge, request.user, pk)
    if (why := workflow.PLEDGE_EDITING.refusal(request.user, pledge)) is not None:
        raise Refused(why)
    form = PledgeForm(request.POST or None, instance=pledge, unit_choices=_pledge_units(request.user, pledge.campaign))
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.update_pledge(actor=request.user, pledge=form.instance)):
            messages.success(request, _("Đã cập nhật đăng ký giao ước."))
            return redirect("campaigns:pledge_detail", pk=pledge.pk)
    return render(request, "campaigns/pledge_form.html", {"form": form, "campaign": pledge.campaign, "pledge": pledge})


@login_required
@require_POST
def pledge_action(request, pk, pledge_pk, action):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    pledge = scoped_or_404(_pledge, request.user, pledge_pk)
    if pledge.campaign_id != campaign.pk:
        raise Http404
    return actions.run_one(request, workflow.PLEDGE, action, lambda reason: services.transition_pledge(
        actor=request.user, pledge=pledge, action=action, reason=reason),
        reverse("campaigns:pledge_detail", args=[pledge.pk]))


@login_required
@require_POST
def pledges_bulk(request, pk):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    visible = selectors.pledges_visible_to(request.user).filter(campaign=campaign).order_by("unit__path", "pk")
    return actions.run_bulk(
        request, workflow.PLEDGE, load=lambda ids: list(visible.filter(pk__in=ids)),
        apply=lambda **kw: services.transition_pledges(actor=request.user, campaign=campaign, pledge_ids=kw["ids"],
                                                       action=kw["action"], reason=kw["reason"]),
        context={"campaign": campaign, "list_title": _("Giao ước thi đua")},
        success_url=reverse("campaigns:campaign_pledges", args=[campaign.pk]))
