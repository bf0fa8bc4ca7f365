"""Thông báo: one row per (event, recipient), written after the event's transaction committed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """What happened, said in Vietnamese for one recipient, with a link to the object.

    ``event_key`` is the event's identity (``events.Event.key``): delivering the same event twice
    creates nothing the second time (unique with the recipient)."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người nhận"), on_delete=models.CASCADE,
                                  related_name="notifications")
    event_key = models.CharField(max_length=64, editable=False)
    kind = models.CharField(_("loại thông báo"), max_length=60)
    verb = models.TextField(_("nội dung"))
    object_label = models.CharField(_("đối tượng"), max_length=255, blank=True)
    model_label = models.CharField(max_length=60, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    url = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    actor_name = models.CharField(_("người thực hiện"), max_length=255, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    unit = models.ForeignKey("emulation.Unit", verbose_name=_("đơn vị"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    # The campaign the notification is about, for the inbox filter. Named by its label: emulation
    # never imports the apps above it.
    campaign = models.ForeignKey("campaigns.Campaign", verbose_name=_("phong trào"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=False)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["event_key", "recipient"], name="notification_once_per_event")]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
        ]

    def __str__(self):
        return self.verb

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
