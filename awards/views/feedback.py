"""Publication of a campaign's nominees for feedback (công khai lấy ý kiến) and the feedback itself."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emulation.client_ip import client_ip
from emulation.submissions import once_per_submission
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access
from ..forms_council import FeedbackForm, FeedbackWindowForm, ModerationForm, PublicFeedbackForm, ReplyForm
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
        **context, "nominations": selectors.published_nominations(campaign, shown_only=not is_staff),
        "form": FeedbackForm(), "moderation_form": ModerationForm(), "reply_form": ReplyForm(),
        "public_url": request.build_absolute_uri(reverse("awards:public_list", args=[campaign.pk]))})


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


@login_required
@require_POST
def feedback_moderate(request, pk, action):
    """Staff of the issuing unit: show a comment, keep it off with the reason, or answer it."""
    feedback = scoped_or_404(selectors.moderated_feedback, request.user, pk)
    campaign = feedback.nomination.proposal.campaign
    back = f"{reverse('awards:published_list', args=[campaign.pk])}#de-nghi-{feedback.nomination_id:d}"
    if action not in ("show", "hide", "reply"):
        raise Http404
    form = ReplyForm(request.POST) if action == "reply" else ModerationForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(list(form.errors.values())[0])
        if action == "reply":
            services.answer(actor=request.user, feedback=feedback, text=form.cleaned_data["reply"])
        else:
            services.moderate(actor=request.user, feedback=feedback, show=action == "show",
                              note=form.cleaned_data["note"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    messages.success(request, {"show": _("Đã đăng ý kiến."), "hide": _("Đã để ý kiến ở chế độ không đăng."),
                               "reply": _("Đã gửi trả lời.")}[action])
    return redirect(back)


# The public list (no sign-in): what has been made public, and comments from anyone.


def _public_form(nomination_pk, data=None) -> PublicFeedbackForm:
    return PublicFeedbackForm(data, prefix=f"n{nomination_pk}")  # one form per nominee, each with its own ids


def _public_context(campaign, today, bound: PublicFeedbackForm | None = None, bound_for=None) -> dict:
    window = services.window_of(campaign)
    nominations = list(selectors.published_nominations(campaign))
    for n in nominations:
        n.public_form = bound if n.pk == bound_for else _public_form(n.pk)
    return {"campaign": campaign, "window": window, "is_open": window.is_open_on(today),
            "nominations": nominations, "bound_for": bound_for}


def public_list(request, pk):
    today = timezone.localdate()
    campaign = scoped_or_404(selectors.public_campaign, pk, today)
    return render(request, "awards/public_feedback_list.html", _public_context(campaign, today))


@require_POST
def public_feedback_create(request, pk):
    today = timezone.localdate()
    nomination = scoped_or_404(selectors.public_nomination, pk, today)
    campaign = nomination.proposal.campaign
    form = _public_form(nomination.pk, request.POST)
    held, status = {}, 200
    try:
        form.is_valid() and save_with(form, lambda: held.update(feedback=services.leave_public_feedback(
            nomination=nomination, name=form.cleaned_data["name"], contact=form.cleaned_data["contact"],
            text=form.cleaned_data["text"], ip_address=client_ip(request), today=today)))
    except PermissionDenied as exc:  # the window closed while the page was open
        form.add_error(None, str(exc))
        status = 403
    if form.has_error(NON_FIELD_ERRORS, code=services.TOO_MANY):
        status = 429
    feedback = held.get("feedback")
    if feedback is not None:
        messages.success(request, _("Đã nhận ý kiến. Ý kiến được đăng sau khi Thường trực duyệt; giữ đường dẫn của "
                                    "trang này để xem trả lời."))
        return redirect("awards:public_feedback_status", token=feedback.token)
    return render(request, "awards/public_feedback_list.html",
                  _public_context(campaign, today, form, nomination.pk), status=status)


def public_feedback_status(request, token):
    feedback = scoped_or_404(selectors.feedback_by_token, token)
    return render(request, "awards/public_feedback_status.html", {"feedback": feedback})
