"""One row per form submission that wrote something: a second POST of the same form finds it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FormSubmission(models.Model):
    """Lần gửi biểu mẫu: the one-time token of a rendered form, consumed by its first successful POST."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=32)
    path = models.CharField(max_length=300)
    result_url = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lần gửi biểu mẫu")
        verbose_name_plural = _("lần gửi biểu mẫu")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="unique_form_submission")]

    def __str__(self):
        return f"{self.path} ({self.key})"
