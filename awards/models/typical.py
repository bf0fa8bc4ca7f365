"""Typical examples (điển hình tiên tiến, seed 003): detect → nurture → summarise → replicate, with
notes and evidence at each stage, and publication on the public honour board after staff approval."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign
from emulation.models import Officer, Unit


class Stage(models.TextChoices):
    DETECT = "detect", _("Phát hiện")
    NURTURE = "nurture", _("Bồi dưỡng")
    SUMMARISE = "summarise", _("Tổng kết")
    REPLICATE = "replicate", _("Nhân rộng")


class RecognitionLevel(models.TextChoices):
    GRASSROOTS_ANNUAL = "grassroots_annual", _("Điển hình tiên tiến cấp cơ sở hằng năm")
    SECTOR_ANNUAL = "sector_annual", _("Điển hình tiên tiến ngành Tư pháp hằng năm")
    GRASSROOTS_PERIOD = "grassroots_period", _("Điển hình tiên tiến cấp cơ sở giai đoạn 2021–2025")
    SECTOR_PERIOD = "sector_period", _("Điển hình tiên tiến ngành Tư pháp giai đoạn 2021–2025")


class PublicationState(models.TextChoices):
    PRIVATE = "private", _("Chưa công bố")
    REQUESTED = "requested", _("Chờ duyệt công bố")
    PUBLISHED = "published", _("Đã công bố trên trang vinh danh")


class TypicalExample(models.Model):
    campaign = models.ForeignKey(Campaign, verbose_name=_("kế hoạch, phong trào"), on_delete=models.PROTECT,
                                 related_name="typical_examples")
    unit = models.ForeignKey(Unit, verbose_name=_("tập thể / đơn vị của cá nhân"), on_delete=models.PROTECT,
                             related_name="typical_examples")
    officer = models.ForeignKey(Officer, verbose_name=_("cá nhân"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="typical_examples")
    title = models.CharField(_("tên điển hình, mô hình"), max_length=255)
    stage = models.CharField(_("giai đoạn"), max_length=10, choices=Stage.choices, default=Stage.DETECT)
    level = models.CharField(_("cấp công nhận"), max_length=20, choices=RecognitionLevel.choices, blank=True)
    story = models.TextField(_("câu chuyện, thành tích tiêu biểu"), blank=True)
    photo = models.FileField(_("ảnh"), upload_to="typical/%Y/", blank=True)
    publication = models.CharField(_("công bố"), max_length=10, choices=PublicationState.choices,
                                   default=PublicationState.PRIVATE)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("điển hình tiên tiến")
        verbose_name_plural = _("điển hình tiên tiến")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["publication", "-published_at"], name="typical_honour_board")]
        constraints = [
            models.CheckConstraint(condition=~Q(publication="published") | Q(published_at__isnull=False),
                                   name="typical_published_has_time"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("awards:typical_detail", args=[self.pk])

    @property
    def subject(self):
        return self.officer or self.unit


class TypicalExampleNote(models.Model):
    """A note with optional evidence, recorded at one stage."""

    example = models.ForeignKey(TypicalExample, on_delete=models.CASCADE, related_name="notes")
    stage = models.CharField(_("giai đoạn"), max_length=10, choices=Stage.choices)
    text = models.TextField(_("nội dung"))
    evidence = models.FileField(_("tài liệu minh chứng"), upload_to="typical/evidence/%Y/", blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ghi nhận theo giai đoạn")
        verbose_name_plural = _("ghi nhận theo giai đoạn")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]
