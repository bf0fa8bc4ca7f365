"""The award catalogue (danh hiệu thi đua, hình thức khen thưởng) and its rule versions by legal basis."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..enums import ThresholdComparison


class AwardKind(models.TextChoices):
    TITLE = "title", _("Danh hiệu thi đua")
    COMMENDATION = "commendation", _("Hình thức khen thưởng")
    RECOGNITION = "recognition", _("Công nhận điển hình tiên tiến")


class SubjectType(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")
    BOTH = "both", _("Tập thể và cá nhân")


class AuthorityLevel(models.TextChoices):
    """Who decides: the provincial department itself, or a higher level it forwards proposals to."""

    PROVINCIAL = "provincial", _("Thủ trưởng cơ quan THADS tỉnh")
    NATIONAL = "national", _("Tổng cục / Cục Quản lý THADS")
    MINISTRY = "ministry", _("Bộ trưởng Bộ Tư pháp")
    PROVINCE_COMMITTEE = "province_committee", _("Chủ tịch UBND tỉnh")


class AwardForm(models.Model):
    """One title or form of commendation of the catalogue."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên danh hiệu, hình thức"), max_length=255)
    kind = models.CharField(_("loại"), max_length=20, choices=AwardKind.choices)
    subject_type = models.CharField(_("đối tượng"), max_length=12, choices=SubjectType.choices)
    authority = models.CharField(_("thẩm quyền tặng"), max_length=255)
    authority_level = models.CharField(_("cấp quyết định"), max_length=20, choices=AuthorityLevel.choices)
    rank = models.PositiveSmallIntegerField(_("bậc"), default=0,
                                            help_text=_("Bậc cao hơn: danh hiệu, hình thức cao hơn."))
    description = models.TextField(_("tiêu chuẩn theo quy định"), blank=True)

    class Meta:
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh mục danh hiệu, hình thức khen thưởng")
        ordering = ["kind", "rank", "name"]

    def __str__(self):
        return self.name


class AwardRule(models.Model):
    """The rules of an award under one legal basis, valid over a period (NĐ 98/2023 until
    30/06/2025, NĐ 152/2025 from 01/07/2025). A proposal is judged by the version in force on its
    submission date."""

    award_form = models.ForeignKey(AwardForm, on_delete=models.CASCADE, related_name="rules")
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255)
    valid_from = models.DateField(_("áp dụng từ"))
    valid_to = models.DateField(_("áp dụng đến"), null=True, blank=True)
    requires_ballot = models.BooleanField(_("bỏ phiếu kín"), default=True)
    vote_threshold = models.DecimalField(
        _("tỷ lệ phiếu đồng ý tối thiểu (% tổng số thành viên Hội đồng)"), max_digits=5, decimal_places=2, default=50,
    )
    threshold_comparison = models.CharField(
        _("cách so với ngưỡng"), max_length=10, choices=ThresholdComparison.choices,
        default=ThresholdComparison.AT_LEAST,
        help_text=_("“Từ 80% trở lên”: đạt khi bằng ngưỡng; “trên 50%” (quá nửa): phải vượt ngưỡng."),
    )
    written_opinions_count = models.BooleanField(
        _("tính ý kiến bằng văn bản vào kết quả biểu quyết"), default=False,
        help_text=_("NĐ 98/2023 Điều 30 khoản 7 chỉ quy định thành viên vắng mặt cho ý kiến bằng văn bản và ý kiến "
                    "đó được ghi vào Biên bản. Chọn khi quy chế của Hội đồng quy định ý kiến đồng ý / không đồng ý "
                    "bằng văn bản được tính vào tỷ lệ phiếu."),
    )
    threshold_verified = models.BooleanField(
        _("ngưỡng đã đối chiếu văn bản"), default=False,
        help_text=_("Bỏ chọn khi ngưỡng là giá trị mặc định chưa đối chiếu được văn bản gốc (cấu hình được)."),
    )
    report_template = models.CharField(_("mẫu báo cáo thành tích"), max_length=60, blank=True)
    proposal_template = models.CharField(_("mẫu tờ trình"), max_length=60, blank=True)
    feedback_days = models.PositiveSmallIntegerField(
        _("số ngày làm việc công khai lấy ý kiến"), default=0,
        help_text=_("10 ngày làm việc với khen thưởng cấp Nhà nước; 0: không bắt buộc."),
    )

    class Meta:
        verbose_name = _("quy định áp dụng")
        verbose_name_plural = _("quy định áp dụng")
        ordering = ["award_form", "valid_from"]
        constraints = [
            models.CheckConstraint(condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                                   name="award_rule_period"),
            models.CheckConstraint(condition=Q(vote_threshold__gte=0) & Q(vote_threshold__lte=100),
                                   name="award_rule_threshold_percent"),
        ]

    def __str__(self):
        return f"{self.award_form} – {self.legal_basis}"

    @property
    def is_more_than(self) -> bool:
        return self.threshold_comparison == ThresholdComparison.MORE_THAN

    def is_in_force_on(self, day) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)
