"""Thư điện tử: each user's choice of channel per notification kind, the outbox and the daily digest."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    IN_APP = "in_app", _("Chỉ trong ứng dụng")
    EMAIL = "email", _("Thư điện tử ngay")
    DIGEST = "digest", _("Thư tổng hợp hằng ngày")


class NotificationPreference(models.Model):
    """Cách nhận thông báo: how one user wants to hear of one kind of notification."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người dùng"), on_delete=models.CASCADE,
                             related_name="notification_preferences")
    kind = models.CharField(_("loại thông báo"), max_length=60)
    channel = models.CharField(_("cách nhận"), max_length=10, choices=Channel.choices)

    class Meta:
        verbose_name = _("cách nhận thông báo")
        verbose_name_plural = _("cách nhận thông báo")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_once")]

    def __str__(self):
        return f"{self.kind}: {self.get_channel_display()}"


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENDING = "sending", _("Đang gửi")
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Gửi không được")


class OutboundEmail(models.Model):
    """Thư đi: one email waiting in the outbox, written in the transaction of what it tells.

    Either one notification's email (unique per notification) or one user's daily digest (unique per
    user and day). A delivery claims the row (pending → sending) with a conditional update, so it is
    sent at most once whoever else tries."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người nhận"), on_delete=models.CASCADE,
                                  related_name="outbound_emails")
    to_address = models.EmailField(_("địa chỉ nhận"), max_length=254)
    subject = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"))
    html_body = models.TextField(_("nội dung HTML"), blank=True)
    notification = models.OneToOneField("emulation.Notification", verbose_name=_("thông báo"), null=True, blank=True,
                                        on_delete=models.CASCADE, related_name="outbound_email")
    digest_day = models.DateField(_("thư tổng hợp ngày"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=EmailStatus.choices,
                              default=EmailStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    next_attempt_at = models.DateTimeField(_("gửi lần tới lúc"))
    claim = models.CharField(max_length=32, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    sent_at = models.DateTimeField(_("đã gửi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thư đi")
        verbose_name_plural = _("thư đi")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "digest_day"], condition=Q(digest_day__isnull=False),
                                    name="outbound_email_one_digest_a_day"),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbound_email_due")]

    def __str__(self):
        return self.subject


class DigestItem(models.Model):
    """Mục thư tổng hợp: a notification kept for its recipient's next daily digest."""

    notification = models.OneToOneField("emulation.Notification", on_delete=models.CASCADE,
                                        related_name="digest_item")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    email = models.ForeignKey(OutboundEmail, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="digest_items")

    class Meta:
        verbose_name = _("mục thư tổng hợp")
        verbose_name_plural = _("mục thư tổng hợp")
        indexes = [models.Index(fields=["recipient", "email"], name="digest_item_waiting")]

    def __str__(self):
        return str(self.notification_id)
