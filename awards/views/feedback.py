"""Publication of a campaign's nominees for feedback (công khai lấy ý kiến) and the feedback itself."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emulation.submissions import once_per_submission
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access
from ..forms_council import FeedbackForm, FeedbackWindowForm
from ..models import FeedbackWindow
from ..selectors import council as selectors
from ..services import feedback as services


@login_required
def feedback_publish(request, pk):
    campaign = scoped_or_404(selectors.published_campaign, request.user, pk)
    if not access.is_campaign_staff(request.user, campaign):
        raise PermissionDenied
    window = services.window_of(campaign) or FeedbackWindow(campaign=campaign)
    form = FeedbackWindowForm(request.POST or None, instance=window)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if save_with(form, lambda: services.publish_for_feedback(
                actor=request.user, campaign=campaign, opens_on=data["opens_on"], closes_on=data["closes_on"],
                note=data["note"])):
            messages.success(request, _("Đã công khai danh sách đề nghị khen thưởng để lấy ý kiến."))
            return redirect("awards:published_list", pk=campaign.pk)
    return render(request, "form_page.html", {
        "form": form, "submit_label": _("Công khai"),
        "title": _("Công khai danh sách đề nghị khen thưởng: %(c)s") % {"c": campaign.name},
        "cancel_url": reverse("awards:published_list", args=[campaign.pk])})


@login_required
def published_list(request, pk):
    campaign = scoped_or_404(selectors.published_campaign, request.user, pk)
    today, is_staff = timezone.localdate(), access.is_campaign_staff(request.user, campaign)
    window = services.window_of(campaign)
    published = services.is_published(campaign, today)
    context = {"campaign": campaign, "window": window, "is_staff": is_staff, "published": published,
               "is_open": window is not None and window.is_open_on(today)}
    if not (published or is_staff):
        return render(request, "awards/feedback_refused.html", {
            **context, "message": _("Danh sách đề nghị khen thưởng của phong trào chưa được công khai.")}, status=403)
    return render(request, "awards/feedback_list.html", {
        **context, "nominations": selectors.published_nominations(campaign), "form": FeedbackForm()})


@login_required
@require_POST
@once_per_submission
def feedback_create(request, pk):
    nomination = scoped_or_404(selectors.published_nomination, request.user, pk)
    campaign = nomination.proposal.campaign
    form = FeedbackForm(request.POST)
    try:
        saved = form.is_valid() and save_with(form, lambda: services.leave_feedback(
            actor=request.user, nomination=nomination, text=form.cleaned_data["text"], today=timezone.localdate()))
    except PermissionDenied as exc:
        return render(request, "awards/feedback_refused.html", {"campaign": campaign, "message": str(exc)},
                      status=403)
    if saved:
        messages.success(request, _("Đã gửi ý kiến góp ý."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(f"{reverse('awards:published_list', args=[campaign.pk])}#de-nghi-{nomination.pk:d}")
