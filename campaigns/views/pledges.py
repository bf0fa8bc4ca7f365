"""Pledges (đăng ký giao ước thi đua) and who has or has not registered."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation import access as org_access
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
    only_missing = request.GET.get("chua_dang_ky") == "1"
    if only_missing:
        rows = [r for r in rows if r["pledge"] is None or r["missing_officers"]]
    return render(request, "campaigns/campaign_pledges.html", {
        "campaign": campaign, "rows": rows, "only_missing": only_missing,
        "editable_units": org_access.editable_unit_ids(request.user)})


def _pledge_units(user, campaign):
    editable = org_access.editable_unit_ids(user)
    return campaign.participants.filter(pk__in=editable).order_by("path")


@login_required
def pledge_create(request, pk):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    units = _pledge_units(request.user, campaign)
    if not units.exists():
        raise PermissionDenied
    initial = {"registered_on": timezone.localdate(), "unit": request.GET.get("unit"),
               "officer": request.GET.get("officer")}
    form = PledgeForm(request.POST or None, instance=Pledge(campaign=campaign), unit_choices=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.register_pledge(actor=request.user, pledge=form.instance)):
            messages.success(request, _("Đã đăng ký giao ước thi đua."))
            return redirect("campaigns:campaign_pledges", pk=campaign.pk)
    return render(request, "form_page.html", {
        "form": form, "title": _("Đăng ký giao ước thi đua: %(name)s") % {"name": campaign.name},
        "cancel_url": campaign.get_absolute_url()})


def _pledge(user, pk):
    return selectors.pledges_visible_to(user).get(pk=pk)


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
    return render(request, "form_page.html", {
        "form": form, "title": _("Sửa đăng ký giao ước"), "cancel_url": pledge.get_absolute_url()})
