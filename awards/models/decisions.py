"""Award decisions and the award history (bề dày thành tích) later campaigns read."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign
from emulation.models import Officer, RegisteredDocument, Unit

from .catalogue import AwardForm
from .council import CouncilSession
from .proposals import Nomination


class Decision(models.Model):
    """Quyết định khen thưởng approved by the head of the unit on the council's result."""

    session = models.OneToOneField(CouncilSession, on_delete=models.PROTECT, related_name="decision")
    issuer = models.ForeignKey(Unit, verbose_name=_("cơ quan ra quyết định"), on_delete=models.PROTECT,
                               related_name="award_decisions")
    registered = models.OneToOneField(RegisteredDocument, verbose_name=_("số trong sổ đăng ký"), null=True,
                                      on_delete=models.PROTECT, related_name="decision")
    number = models.PositiveIntegerField(_("số"))
    symbol = models.CharField(_("ký hiệu"), max_length=60)
    year = models.PositiveSmallIntegerField(_("năm"))
    decided_on = models.DateField(_("ngày quyết định"))
    signer_name = models.CharField(_("người ký"), max_length=120)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=160)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "symbol", "year", "number"],
                                    name="unique_decision_number",
                                    violation_error_message=_("Số quyết định đã được dùng trong năm.")),
            models.CheckConstraint(condition=models.Q(number__gt=0), name="decision_number_positive"),
        ]

    def __str__(self):
        return f"Quyết định số {self.reference}"

    def get_absolute_url(self):
        return reverse("awards:decision_detail", args=[self.pk])

    @property
    def reference(self) -> str:
        return f"{self.number:02d}/{self.symbol}"


class AwardRecord(models.Model):
    """Khen thưởng đã nhận: one award a subject received, from a decision here or entered from
    earlier paper records. A subject holds an award form at most once a year (the year's title is one
    title; entering it twice would count a year twice in "N năm liên tục")."""

    award_form = models.ForeignKey(AwardForm, verbose_name=_("danh hiệu, hình thức"), on_delete=models.PROTECT,
                                   related_name="records")
    officer = models.ForeignKey(Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="awards")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="awards",
                             help_text=_("Tập thể được khen (để trống khi khen cá nhân)."))
    year = models.PositiveSmallIntegerField(_("năm"))
    decision_reference = models.CharField(_("số, ký hiệu quyết định"), max_length=80)
    decided_on = models.DateField(_("ngày quyết định"))
    issued_by = models.CharField(_("cơ quan ban hành"), max_length=255)
    campaign = models.ForeignKey(Campaign, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                 help_text=_("Thành tích trong phong trào nào (một thành tích chỉ khen một lần)."))
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.PROTECT, related_name="records")
    nomination = models.OneToOneField(Nomination, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="record")

    class Meta:
        verbose_name = _("khen thưởng đã nhận")
        verbose_name_plural = _("lịch sử khen thưởng")
        ordering = ["-year", "-decided_on", "id"]
        constraints = [
            models.CheckConstraint(condition=(Q(officer__isnull=False) & Q(unit__isnull=True))
                                   | (Q(officer__isnull=True) & Q(unit__isnull=False)),
                                   name="award_record_one_subject"),
            models.UniqueConstraint(fields=["officer", "campaign"],
                                    condition=Q(officer__isnull=False, campaign__isnull=False),
                                    name="one_award_per_officer_achievement",
                                    violation_error_message=_("Thành tích này của cá nhân đã được khen thưởng.")),
            models.UniqueConstraint(fields=["unit", "campaign"],
                                    condition=Q(unit__isnull=False, campaign__isnull=False),
                                    name="one_award_per_unit_achievement",
                                    violation_error_message=_("Thành tích này của tập thể đã được khen thưởng.")),
            models.UniqueConstraint(fields=["officer", "award_form", "year"], condition=Q(officer__isnull=False),
                                    name="one_award_per_officer_form_year",
                                    violation_error_message=_("Cá nhân đã có danh hiệu, hình thức khen thưởng này "
                                                              "trong năm.")),
            models.UniqueConstraint(fields=["unit", "award_form", "year"], condition=Q(unit__isnull=False),
                                    name="one_award_per_unit_form_year",
                                    violation_error_message=_("Tập thể đã có danh hiệu, hình thức khen thưởng này "
                                                              "trong năm.")),
        ]

    def __str__(self):
        return f"{self.award_form} – {self.officer or self.unit} ({self.year})"
