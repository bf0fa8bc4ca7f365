"""Tasks waiting to be handed to the broker: written in the transaction of the change that asks for them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENT = "sent", _("Đã gửi")


class OutboxTask(models.Model):
    """A Celery task asked for by a committed change: ``emulation.dispatch`` hands it to the broker after the
    commit, and the beat sweep hands over whatever is still pending (the broker was down). The tasks are
    idempotent, so a row sent twice (a crash between publishing and marking) does no harm; a row never sent
    is what must not happen, and cannot: it is in the database with the change."""

    task = models.CharField(_("tác vụ"), max_length=120)
    kwargs = models.JSONField(_("tham số"), default=dict, blank=True)
    key = models.CharField(_("khóa gộp"), max_length=120, blank=True,
                           help_text=_("Yêu cầu cùng khóa trong khi lần trước chưa đến giờ chạy được gộp làm một."))
    not_before = models.DateTimeField(_("chạy từ"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=OutboxStatus.choices,
                              default=OutboxStatus.PENDING)
    attempts = models.PositiveIntegerField(_("số lần gửi"), default=0)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("tác vụ chờ gửi")
        verbose_name_plural = _("tác vụ chờ gửi")
        indexes = [models.Index(fields=["status", "created_at"], name="outbox_pending"),
                   models.Index(fields=["key", "not_before"], name="outbox_debounce")]

    def __str__(self):
        return f"{self.task} #{self.pk} ({self.get_status_display()})"
