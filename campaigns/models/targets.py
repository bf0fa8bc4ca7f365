"""Targets (chỉ tiêu) of a campaign, flat or tiered by workload brackets."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..brackets import Bracket
from .plans import Campaign


class MetricKind(models.TextChoices):
    COMPLETION_CASES = "completion_cases", _("Tỷ lệ thi hành xong trên có điều kiện (về việc)")
    COMPLETION_MONEY = "completion_money", _("Tỷ lệ thi hành xong trên có điều kiện (về tiền)")
    PERCENTAGE = "percentage", _("Tỷ lệ phần trăm khác")
    COUNT = "count", _("Số lượng")
    BOOLEAN = "boolean", _("Đạt / không đạt (tiêu chí định tính)")
    COMPARISON = "comparison", _("Cao hơn kỳ trước")


class SubjectKind(models.TextChoices):
    UNIT = "unit", _("Tập thể (mọi đơn vị)")
    DIVISION = "division", _("Phòng chuyên môn")
    SUB_DEPARTMENT = "sub_department", _("Chi cục THADS / Phòng THADS khu vực")
    OFFICER = "officer", _("Mọi cá nhân")
    ENFORCEMENT_OFFICER = "enforcement_officer", _("Chấp hành viên")
    OTHER_OFFICER = "other_officer", _("Cá nhân không là Chấp hành viên")


class BracketBasis(models.TextChoices):
    NONE = "none", _("Một mức chung")
    CASES_TOTAL = "cases_total", _("Theo tổng số việc phải giải quyết")
    MONEY_TOTAL = "money_total", _("Theo tổng số tiền phải giải quyết (đồng)")


class Target(models.Model):
    """Chỉ tiêu thi đua: what a kind of subject must reach on one metric."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="targets")
    code = models.CharField(_("số thứ tự"), max_length=20, blank=True, help_text=_("Ví dụ 1.1.3"))
    title = models.TextField(_("nội dung chỉ tiêu"))
    metric_kind = models.CharField(_("loại chỉ tiêu"), max_length=20, choices=MetricKind.choices)
    subject_kind = models.CharField(_("áp dụng cho"), max_length=20, choices=SubjectKind.choices)
    basis = models.CharField(_("chia khung"), max_length=12, choices=BracketBasis.choices, default=BracketBasis.NONE)
    value = models.DecimalField(_("mức chỉ tiêu"), max_digits=17, decimal_places=2, null=True, blank=True,
                                help_text=_("Phần trăm hoặc số lượng khi không chia khung."))
    strict = models.BooleanField(_("phải vượt (lớn hơn hẳn)"), default=False,
                                 help_text=_("Chọn khi kế hoạch ghi “trên 84 %”; bỏ chọn khi ghi “đạt 76 %”."))
    unit = models.ForeignKey("emulation.Unit", verbose_name=_("chỉ áp dụng cho đơn vị"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+",
                             help_text=_("Ví dụ: chỉ Phòng Nghiệp vụ và tổ chức THADS."))
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["campaign", "position", "id"]

    def __str__(self):
        return f"{self.code} {self.title}".strip()

    @property
    def is_tiered(self) -> bool:
        return self.basis != BracketBasis.NONE

    def rule_brackets(self) -> list[Bracket]:
        """The brackets as plain values for ``campaigns.brackets`` (use with prefetched rows)."""
        return [b.as_rule() for b in self.brackets.all()]


class TargetBracket(models.Model):
    """Khung chỉ tiêu: a workload interval with explicit inclusivity and its target value."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="brackets")
    lower = models.DecimalField(_("từ"), max_digits=18, decimal_places=0, default=0)
    lower_inclusive = models.BooleanField(_("tính cả cận dưới"), default=True)
    upper = models.DecimalField(_("đến"), max_digits=18, decimal_places=0, null=True, blank=True,
                                help_text=_("Để trống: không giới hạn trên."))
    upper_inclusive = models.BooleanField(_("tính cả cận trên"), default=False)
    value = models.DecimalField(_("mức chỉ tiêu (%)"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("khung chỉ tiêu")
        verbose_name_plural = _("khung chỉ tiêu")
        ordering = ["target", "lower", "-lower_inclusive"]
        constraints = [
            models.CheckConstraint(condition=Q(lower__gte=0), name="bracket_lower_not_negative"),
            models.CheckConstraint(condition=Q(upper__isnull=True) | Q(upper__gte=F("lower")),
                                   name="bracket_upper_not_below_lower"),
        ]

    def __str__(self):
        return f"{self.as_rule().describe()}: {self.value}%"

    def as_rule(self) -> Bracket:
        upper = None if self.upper is None else int(self.upper)
        return Bracket(int(self.lower), upper, self.value, self.lower_inclusive, self.upper_inclusive)
