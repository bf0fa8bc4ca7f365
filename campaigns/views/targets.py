"""Targets (chỉ tiêu) of a campaign and their bracket tables."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from emulation import selectors as org_selectors
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access, selectors, services
from ..brackets import coverage_problems
from ..forms import BracketFormSet, TargetForm
from ..models import Target


@login_required
def target_edit(request, pk, target_pk=None):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    if not access.can_edit_campaign(request.user, campaign):
        raise PermissionDenied
    target = get_object_or_404(Target, pk=target_pk, campaign=campaign) if target_pk else Target(campaign=campaign)
    form = TargetForm(request.POST or None, instance=target,
                      unit_choices=org_selectors.units_visible_to(request.user).order_by("path"))
    formset = BracketFormSet(request.POST or None, instance=target, prefix="khung")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        if save_with(form, lambda: services.save_target(actor=request.user, target=form.instance,
                                                        brackets_formset=formset)):
            problems = coverage_problems(target.rule_brackets()) if target.is_tiered else []
            for problem in problems:
                messages.warning(request, _("Bảng khung chưa kín: %(problem)s") % {"problem": problem.describe()})
            messages.success(request, _("Đã lưu chỉ tiêu."))
            return redirect("campaigns:campaign_detail", pk=campaign.pk)
    return render(request, "campaigns/target_form.html", {"campaign": campaign, "form": form, "formset": formset,
                                                          "target": target})
