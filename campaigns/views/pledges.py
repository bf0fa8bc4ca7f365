"""Pledges (đăng ký giao ước thi đua) and who has or has not registered."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.models import Unit
from emulation.paging import paginate
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access, selectors, services
from ..forms import PledgeForm
from ..models import Pledge


@login_required
def pledge_list(request):
    pledges = selectors.pledge_list(request.user, q=request.GET.get("q", ""), campaign=request.GET.get("campaign", ""))
    return render(request, "campaigns/pledge_list.html", paginate(request, pledges))


@login_required
def campaign_pledges(request, pk):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    rows = selectors.campaign_pledge_status(request.user, campaign)
    registrable = access.pledge_unit_ids(request.user, campaign)
    for row in rows:
        row["can_register"] = row["unit"].pk in registrable
    only_missing = request.GET.get("chua_dang_ky") == "1"
    shown = [r for r in rows if r["pledge"] is None or r["missing_officers"]] if only_missing else rows
    return render(request, "campaigns/campaign_pledges.html", {
        "campaign": campaign, "rows": shown, "totals": selectors.pledge_totals(rows), "only_missing": only_missing})


def _pledge_units(user, campaign):
    return Unit.objects.filter(pk__in=access.pledge_unit_ids(user, campaign)).order_by("path")


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
    return render(request, "campaigns/pledge_detail.html", {
        "pledge": pledge, "can_edit": access.can_edit_pledge(request.user, pledge)})


@login_required
def pledge_edit(request, pk):
    pledge = scoped_or_404(_pledge, request.user, pk)
    if not access.can_edit_pledge(request.user, pledge):
        raise PermissionDenied
    form = PledgeForm(request.POST or None, instance=pledge, unit_choices=_pledge_units(request.user, pledge.campaign))
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.update_pledge(actor=request.user, pledge=form.instance)):
            messages.success(request, _("Đã cập nhật đăng ký giao ước."))
            return redirect("campaigns:pledge_detail", pk=pledge.pk)
    return render(request, "campaigns/pledge_form.html", {"form": form, "campaign": pledge.campaign, "pledge": pledge})
