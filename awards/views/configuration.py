"""Staff pages to set up a campaign's award forms, criteria and quotas."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from campaigns import selectors as campaign_selectors
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access
from ..forms_config import CampaignAwardForm, CriterionFormSet, QuotaFormSet
from ..models import CampaignAward
from ..services import configuration as services


@login_required
def award_edit(request, pk, award_pk=None):
    campaign = scoped_or_404(campaign_selectors.campaign_detail, request.user, pk)
    if not access.is_campaign_staff(request.user, campaign):
        raise PermissionDenied
    award = CampaignAward(campaign=campaign)
    if award_pk is not None:
        award = CampaignAward.objects.filter(campaign=campaign, pk=award_pk).select_related("award_form").first()
        if award is None:
            raise Http404
    data = request.POST or None
    form = CampaignAwardForm(data, instance=award, campaign=campaign)
    criteria = CriterionFormSet(data, instance=award, prefix="criteria")
    quotas = QuotaFormSet(data, instance=award, prefix="quotas")
    if request.method == "POST" and form.is_valid() and criteria.is_valid() and quotas.is_valid():
        def save():
            rows = [f for f in [*criteria.forms, *quotas.forms] if f.has_changed() and f not in
                    [*criteria.deleted_forms, *quotas.deleted_forms]]
            removed = [f.instance for f in [*criteria.deleted_forms, *quotas.deleted_forms] if f.instance.pk]
            services.save_campaign_award(
                actor=request.user, award=form.instance, removed=removed,
                criteria=[f.instance for f in rows if f.prefix.startswith("criteria")],
                quotas=[f.instance for f in rows if f.prefix.startswith("quotas")])

        if save_with(form, save):
            messages.success(request, _("Đã lưu hình thức khen thưởng, tiêu chuẩn và chỉ tiêu."))
            return redirect("awards:campaign_awards", pk=campaign.pk)
    return render(request, "awards/award_form.html", {
        "campaign": campaign, "award": award, "form": form, "criteria": criteria, "quotas": quotas})
