"""What a campaign offers: award forms with their criteria (data, evaluated by ``awards.criteria``)
and quotas, and the per-unit reopening of a closed submission window."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, SubjectKind
from emulation.models import Unit

from .catalogue import AwardForm


class CampaignAward(models.Model):
    """Hình thức khen thưởng của phong trào."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="awards")
    award_form = models.ForeignKey(AwardForm, verbose_name=_("danh hiệu, hình thức"), on_delete=models.PROTECT,
                                   related_name="campaign_awards")
    decided_here = models.BooleanField(
        _("thuộc thẩm quyền đơn vị phát động"), default=True,
        help_text=_("Bỏ chọn khi đơn vị chỉ bình xét và trình cấp trên quyết định."),
    )
    criteria_text = models.TextField(_("tiêu chuẩn, điều kiện (nguyên văn kế hoạch)"), blank=True)
    cited_basis = models.CharField(_("văn bản kế hoạch viện dẫn"), max_length=255, blank=True,
                                   help_text=_("Ví dụ: “mẫu ban hành kèm theo Nghị định số 98/2023/NĐ-CP”."))
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("hình thức khen thưởng của phong trào")
        verbose_name_plural = _("hình thức khen thưởng của phong trào")
        ordering = ["campaign", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["campaign", "award_form"], name="unique_campaign_award")]

    def __str__(self):
        return f"{self.award_form} – {self.campaign}"


class CriterionKind(models.TextChoices):
    ATTAINMENT = "attainment", _("Đạt các chỉ tiêu của phong trào")
    NO_DISCIPLINE = "no_discipline", _("Không bị kỷ luật trong kỳ")
    NO_MEMBER_DISCIPLINE = "no_member_discipline", _("Không có cá nhân thuộc đơn vị bị kỷ luật")
    HEAD_COLLECTIVE = "head_collective", _("Thủ trưởng đơn vị: đơn vị cũng đạt tiêu chuẩn tập thể")
    PRIOR_AWARD = "prior_award", _("Đã được khen thưởng, công nhận trước đó")
    MEMBER_AWARDS = "member_awards", _("Tỷ lệ thành viên đạt danh hiệu")
    RATING = "rating", _("Mức độ hoàn thành nhiệm vụ của cá nhân")
    MEMBERS_RATING = "members_rating", _("Tỷ lệ thành viên hoàn thành nhiệm vụ")
    QUALITATIVE = "qualitative", _("Tiêu chuẩn định tính (Hội đồng đánh giá)")
    INITIATIVE = "initiative", _("Có sáng kiến, đề tài được công nhận")


class Criterion(models.Model):
    """Tiêu chuẩn, điều kiện: a rule kind with its parameters. Applies to individuals, collectives,
    or both (``applies_to`` empty)."""

    campaign_award = models.ForeignKey(CampaignAward, on_delete=models.CASCADE, related_name="criteria")
    kind = models.CharField(_("loại tiêu chuẩn"), max_length=24, choices=CriterionKind.choices)
    applies_to = models.CharField(_("áp dụng cho"), max_length=12, blank=True,
                                  choices=[("collective", _("Tập thể")), ("individual", _("Cá nhân"))])
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    text = models.TextField(_("nội dung (nguyên văn)"), blank=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tiêu chuẩn, điều kiện")
        verbose_name_plural = _("tiêu chuẩn, điều kiện")
        ordering = ["campaign_award", "position", "id"]

    def __str__(self):
        return self.text[:80] or self.get_kind_display()


class Quota(models.Model):
    """Chỉ tiêu khen thưởng: at most ``limit`` awards (empty: unlimited) for a kind of subject, in
    total or per proposing unit."""

    campaign_award = models.ForeignKey(CampaignAward, on_delete=models.CASCADE, related_name="quotas")
    subject_kind = models.CharField(_("đối tượng"), max_length=20, choices=SubjectKind.choices)
    per_unit = models.BooleanField(_("tính cho mỗi đơn vị"), default=False)
    limit = models.PositiveIntegerField(_("số lượng tối đa"), null=True, blank=True,
                                        help_text=_("Để trống: không giới hạn số lượng."))
    text = models.CharField(_("nội dung (nguyên văn)"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu khen thưởng")
        verbose_name_plural = _("chỉ tiêu khen thưởng")
        ordering = ["campaign_award", "id"]
        constraints = [models.UniqueConstraint(fields=["campaign_award", "subject_kind"], name="unique_quota_subject")]

    def __str__(self):
        return self.text or f"{self.get_subject_kind_display()}: {self.limit if self.limit is not None else '∞'}"


class SubmissionReopening(models.Model):
    """Staff reopen submission for one unit after the campaign's dossier deadline."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="submission_reopenings")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="+")
    until = models.DateField(_("cho phép gửi đến hết ngày"))
    reason = models.CharField(_("lý do"), max_length=255)
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mở lại hạn gửi hồ sơ")
        verbose_name_plural = _("mở lại hạn gửi hồ sơ")
        ordering = ["-granted_at"]
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="unique_reopening")]

    def __str__(self):
        return f"{self.unit} – {self.until:%d/%m/%Y}"


