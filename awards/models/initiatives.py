"""The register of initiatives (sổ theo dõi sáng kiến, giải pháp, đề tài khoa học): what the emulation
titles of Luật Thi đua, khen thưởng 2022 Điều 21–23 ask for, with the decision that recognised each
one and the scope of its effect (cơ sở; Bộ, ngành, tỉnh; toàn quốc)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from emulation.models import Officer, Unit


class InitiativeKind(models.TextChoices):
    INITIATIVE = "initiative", _("Sáng kiến")
    SOLUTION = "solution", _("Giải pháp")
    RESEARCH = "research", _("Đề tài, đề án khoa học")


class InitiativeScope(models.TextChoices):
    """Phạm vi ảnh hưởng, from the narrowest: a wider scope also counts for a narrower one."""

    GRASSROOTS = "grassroots", _("Cơ sở")
    MINISTRY = "ministry", _("Bộ, ngành, tỉnh")
    NATIONAL = "national", _("Toàn quốc")

    @classmethod
    def rank(cls, value: str) -> int:
        return [choice.value for choice in cls].index(value)


class Initiative(models.Model):
    """Sáng kiến, giải pháp, đề tài khoa học được công nhận."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="initiatives")
    kind = models.CharField(_("loại"), max_length=12, choices=InitiativeKind.choices, default=InitiativeKind.INITIATIVE)
    title = models.CharField(_("tên sáng kiến, giải pháp, đề tài"), max_length=300)
    field = models.CharField(_("lĩnh vực"), max_length=200, blank=True)
    scope = models.CharField(_("phạm vi ảnh hưởng"), max_length=12, choices=InitiativeScope.choices)
    decision_number = models.CharField(_("số quyết định công nhận"), max_length=60)
    decided_on = models.DateField(_("ngày quyết định công nhận"))
    decided_by = models.CharField(_("cơ quan công nhận"), max_length=200)
    result = models.TextField(_("kết quả áp dụng"), blank=True)
    attachment = models.FileField(_("tệp đính kèm"), upload_to="initiatives/%Y/", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sáng kiến, giải pháp, đề tài")
        verbose_name_plural = _("sáng kiến, giải pháp, đề tài")
        ordering = ["-decided_on", "-id"]
        indexes = [models.Index(fields=["decided_on"], name="initiative_decided_on")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("awards:initiative_detail", args=[self.pk])

    @property
    def decision_words(self) -> str:
        """"QĐ 45/QĐ-THADS ngày 12/12/2023 của Thi hành án dân sự tỉnh Hậu Giang"."""
        return f"QĐ {self.decision_number} ngày {self.decided_on:%d/%m/%Y} của {self.decided_by}"


class InitiativeAuthor(models.Model):
    """Tác giả, đồng tác giả with their share of the work in percent (the shares sum to 100)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="authors")
    officer = models.ForeignKey(Officer, verbose_name=_("tác giả"), on_delete=models.PROTECT,
                                related_name="initiative_shares")
    share = models.PositiveSmallIntegerField(_("tỷ lệ đóng góp (%)"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tác giả sáng kiến")
        verbose_name_plural = _("tác giả sáng kiến")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "officer"], name="initiative_author_once"),
            models.CheckConstraint(condition=Q(share__gt=0, share__lte=100), name="initiative_share_percent"),
        ]

    def __str__(self):
        return f"{self.officer} ({self.share}%)"
