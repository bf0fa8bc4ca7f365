"""Publication of a campaign's nominees for feedback (công khai lấy ý kiến, law.md §2.4) and the
feedback officers of the organisation leave while the window is open."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emulation import audit, events
from emulation.models import AuditAction

from .. import access
from ..models import Feedback, FeedbackWindow


def window_of(campaign) -> FeedbackWindow | None:
    try:
        return campaign.feedback_window
    except FeedbackWindow.DoesNotExist:
        return None


@transaction.atomic
def publish_for_feedback(*, actor, campaign, opens_on, closes_on, note: str = "") -> FeedbackWindow:
    """Open (or change) the campaign's feedback window; staff of the issuing unit only."""
    if not access.is_campaign_staff(actor, campaign):
        raise PermissionDenied
    if opens_on and closes_on and closes_on < opens_on:
        raise ValidationError({"closes_on": _("Ngày kết thúc không được trước ngày bắt đầu công khai.")})
    window = FeedbackWindow.objects.select_for_update().filter(campaign=campaign).first()
    before = audit.snapshot(window) if window else None
    window = window or FeedbackWindow(campaign=campaign, published_by=actor if actor.pk else None)
    window.opens_on, window.closes_on, window.note = opens_on, closes_on, note.strip()
    window.full_clean(exclude=["published_by"])
    window.save()
    audit.record(actor=actor, action=AuditAction.UPDATE if before else AuditAction.CREATE, obj=window, before=before)
    events.emit(events.Event(
        name="feedback.publish", actor_id=actor.pk, model_label="awards.FeedbackWindow", object_id=window.pk,
        unit_id=access.issuer_of(campaign).pk, source="", target="",
        key=f"feedback-publish-{window.pk}-{window.opens_on:%Y%m%d}-{window.closes_on:%Y%m%d}"))
    return window


def is_published(campaign, today) -> bool:
    window = window_of(campaign)
    return window is not None and window.opens_on <= today


@transaction.atomic
def leave_feedback(*, actor, nomination, text: str, today) -> Feedback:
    """A signed opinion on a published nominee, while the window is open."""
    campaign = nomination.proposal.campaign
    if not access.can_read_publication(actor, campaign):
        raise PermissionDenied
    window = window_of(campaign)
    if window is None or not window.is_open_on(today):
        raise PermissionDenied(_("Ngoài thời gian lấy ý kiến: chỉ gửi ý kiến trong thời gian công khai."))
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Nhập nội dung ý kiến.")})
    feedback = Feedback.objects.create(nomination=nomination, author=actor, text=text)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=feedback, unit_id=access.issuer_of(campaign).pk)
    events.emit(events.Event(name="feedback.receive", actor_id=actor.pk, model_label="awards.Feedback",
                             object_id=feedback.pk, unit_id=access.issuer_of(campaign).pk, source="", target="",
                             key=f"feedback-{feedback.pk}"))
    return feedback
