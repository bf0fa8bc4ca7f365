"""Publication of a campaign's nominees for feedback (công khai lấy ý kiến, law.md §2.4), the feedback
officers of the organisation and members of the public leave while the window is open, and its
moderation and answers by the staff of the issuing unit."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation import audit, events
from emulation.models import AuditAction

from .. import access, workflow
from ..models import Feedback, FeedbackStatus, FeedbackWindow
from ..public_feedback import contact_problem


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
    _tell_staff(feedback, campaign, actor_id=actor.pk)
    return feedback


def _tell_staff(feedback, campaign, *, actor_id) -> None:
    events.emit(events.Event(name="feedback.receive", actor_id=actor_id, model_label="awards.Feedback",
                             object_id=feedback.pk, unit_id=access.issuer_of(campaign).pk, source="", target="",
                             key=f"feedback-{feedback.pk}"))


TOO_MANY = "too_many"  # the error code when one address sent PUBLIC_FEEDBACK_PER_HOUR comments within the hour


@transaction.atomic
def leave_public_feedback(*, nomination, name: str, contact: str, text: str, ip_address: str | None,
                          today, now=None) -> Feedback:
    """An opinion from anyone, without signing in: name and contact required, at most
    ``PUBLIC_FEEDBACK_PER_HOUR`` from one address per hour (counted under the window's row lock, so parallel
    posts cannot pass it together), kept until staff approve it; the author keeps a private link (``token``)."""
    campaign = nomination.proposal.campaign
    window = FeedbackWindow.objects.select_for_update().filter(campaign=campaign).first()
    if window is None or not window.is_open_on(today):
        raise PermissionDenied(_("Ngoài thời gian lấy ý kiến: chỉ gửi ý kiến trong thời gian công khai."))
    name, contact, text = name.strip(), contact.strip(), text.strip()
    errors = {}
    if not name:
        errors["name"] = _("Nhập họ và tên người góp ý.")
    if problem := contact_problem(contact):
        errors["contact"] = problem
    if not text:
        errors["text"] = _("Nhập nội dung ý kiến.")
    if errors:
        raise ValidationError(errors)
    now = now or timezone.now()
    limit = settings.PUBLIC_FEEDBACK_PER_HOUR
    recent = Feedback.objects.filter(ip_address=ip_address, created_at__gte=now - datetime.timedelta(hours=1))
    if ip_address and recent.count() >= limit:
        raise ValidationError(_("Địa chỉ mạng này đã gửi %(n)s ý kiến trong một giờ qua: hãy gửi tiếp sau "
                                "một giờ.") % {"n": limit}, code=TOO_MANY)
    feedback = Feedback.objects.create(nomination=nomination, author=None, author_name=name[:150],
                                       contact=contact[:150], ip_address=ip_address, text=text,
                                       status=FeedbackStatus.PENDING, token=uuid.uuid4().hex)
    audit.record(actor=None, action=AuditAction.CREATE, obj=feedback, unit_id=access.issuer_of(campaign).pk,
                 actor_label=f"{name[:120]} (góp ý công khai)")  # the log is Vietnamese whatever the language
    _tell_staff(feedback, campaign, actor_id=None)
    return feedback


def _answered(actor, feedback) -> Feedback:
    campaign = feedback.nomination.proposal.campaign
    if not access.is_campaign_staff(actor, campaign):
        raise PermissionDenied
    return Feedback.objects.select_for_update().get(pk=feedback.pk)


@transaction.atomic
def moderate(*, actor, feedback, show: bool, note: str = "") -> Feedback:
    """Staff of the issuing unit show a comment (to the public page and the council) or keep it off, with
    the reason; either can be changed later (``workflow.FEEDBACK``)."""
    locked = Feedback.objects.select_for_update().select_related("nomination__proposal__campaign__plan__issuer").get(
        pk=feedback.pk)
    campaign = locked.nomination.proposal.campaign
    workflow.FEEDBACK.apply(locked, "show" if show else "hide", actor=actor, reason=note, reason_field="note",
                            fields={"moderation_note": "" if show else note.strip(), "moderated_by": actor,
                                    "moderated_at": timezone.now()},
                            unit_id=access.issuer_of(campaign).pk)
    return locked


@transaction.atomic
def answer(*, actor, feedback, text: str) -> Feedback:
    """The staff's answer, which the author reads (the public author through the private link)."""
    locked = _answered(actor, feedback)
    text = text.strip()
    if not text:
        raise ValidationError({"reply": _("Nhập nội dung trả lời.")})
    before = audit.snapshot(locked)
    locked.reply, locked.replied_by, locked.replied_at = text, actor, timezone.now()
    locked.save(update_fields=["reply", "replied_by", "replied_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=locked, before=before,
                 unit_id=access.issuer_of(locked.nomination.proposal.campaign).pk)
    return locked
