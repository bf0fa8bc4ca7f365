"""Plans, campaigns, milestones, participation, sub-plan requirements and pledges."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from emulation.models import Officer, Unit

from ..enums import MilestoneKind, PledgeStatus, SubPlanStatus


class Plan(models.Model):
    """Kế hoạch (thi đua): the document that launches campaigns."""

    issuer = models.ForeignKey(Unit, verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT, related_name="plans")
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=60, help_text=_("Ví dụ: KH-CTHADS"))
    year = models.PositiveSmallIntegerField(_("năm"))
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    place = models.CharField(_("địa danh"), max_length=80, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    theme = models.TextField(_("chủ đề, khẩu hiệu"), blank=True)
    legal_basis = models.TextField(_("căn cứ"), blank=True, help_text=_("Mỗi văn bản căn cứ một dòng."))
    parent = models.ForeignKey(
        "self", verbose_name=_("thực hiện kế hoạch cấp trên"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="subplans",
    )
    purposes = models.TextField(_("mục đích"), blank=True)
    requirements = models.TextField(_("yêu cầu"), blank=True)
    content = models.TextField(_("nội dung, biện pháp, tổ chức thực hiện"), blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi nơi nhận một dòng."))
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=160, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    search_key = models.CharField(max_length=800, editable=False, db_index=True, default="")

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-year", "-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "number", "symbol"], condition=Q(number__isnull=False),
                name="unique_plan_number_per_issuer_year",
                violation_error_message=_("Đơn vị ban hành đã có kế hoạch cùng số và ký hiệu trong năm này."),
            ),
        ]

    def __str__(self):
        return f"{self.reference} – {self.title}"

    def get_absolute_url(self):
        return reverse("campaigns:plan_detail", args=[self.pk])

    @property
    def reference(self) -> str:
        """"Số 12/KH-CTHADS"; a plan entered without a number keeps the blank, as printed."""
        number = f"{self.number:02d}" if self.number is not None else "…"
        return f"{number}/{self.symbol}"

    @property
    def legal_basis_lines(self) -> list[str]:
        return [line.strip() for line in self.legal_basis.splitlines() if line.strip()]

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class CampaignKind(models.TextChoices):
    ANNUAL = "annual", _("Thi đua thường xuyên, hằng năm")
    PEAK = "peak", _("Thi đua cao điểm, theo đợt")
    THEMATIC = "thematic", _("Thi đua chuyên đề")
    MULTI_YEAR = "multi_year", _("Phong trào nhiều năm (giai đoạn)")
    TYPICAL_EXAMPLES = "typical_examples", _("Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến")


class Campaign(models.Model):
    """Phong trào / đợt thi đua launched by a plan."""

    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="campaigns")
    kind = models.CharField(_("loại phong trào"), max_length=20, choices=CampaignKind.choices)
    name = models.CharField(_("tên phong trào, đợt thi đua"), max_length=500)
    theme = models.TextField(_("chủ đề, khẩu hiệu"), blank=True)
    description = models.TextField(_("nội dung thi đua"), blank=True)
    starts_on = models.DateField(_("thời gian thi đua từ"))
    ends_on = models.DateField(_("thời gian thi đua đến"))
    results_starts_on = models.DateField(_("kỳ tính kết quả từ"), null=True, blank=True)
    results_ends_on = models.DateField(_("kỳ tính kết quả đến"), null=True, blank=True)
    pledges_due_on = models.DateField(_("hạn đăng ký giao ước thi đua"), null=True, blank=True)
    dossier_due_on = models.DateField(_("hạn gửi hồ sơ đề nghị khen thưởng"), null=True, blank=True)
    leader_share_max = models.PositiveSmallIntegerField(
        _("tỷ lệ lãnh đạo, quản lý tối đa trong số cá nhân được đề nghị (%)"), null=True, blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Kế hoạch yêu cầu tỷ lệ hợp lý giữa lãnh đạo và công chức, người lao động trực tiếp; để trống nếu "
                    "kế hoạch không nêu con số. Trang khen thưởng cảnh báo khi vượt."))
    participants = models.ManyToManyField(Unit, through="Participation", related_name="campaigns", blank=True)
    search_key = models.CharField(max_length=600, editable=False, db_index=True, default="")
    # when an input of attainment last changed (a recompute was asked for): the snapshot is stale before it
    attainment_requested_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-starts_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="campaign_period"),
            models.CheckConstraint(
                condition=Q(results_starts_on__isnull=True) | Q(results_ends_on__isnull=True)
                | Q(results_ends_on__gte=F("results_starts_on")),
                name="campaign_results_period",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("campaigns:campaign_detail", args=[self.pk])

    @property
    def results_period(self) -> tuple:
        """The results period; the emulation period when none is set."""
        return (self.results_starts_on or self.starts_on, self.results_ends_on or self.ends_on)


class Milestone(models.Model):
    """Mốc thời gian của phong trào: launch, phases, interim and final reviews, deadlines."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("loại mốc"), max_length=20, choices=MilestoneKind.choices)
    title = models.CharField(_("nội dung"), max_length=500)
    starts_on = models.DateField(_("từ ngày / ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("mốc thời gian")
        verbose_name_plural = _("mốc thời gian")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                                   name="milestone_period"),
        ]

    def __str__(self):
        return self.title

    @property
    def due_on(self):
        return self.ends_on or self.starts_on


class Participation(models.Model):
    """Đơn vị tham gia phong trào."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="participations")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="participations")

    class Meta:
        verbose_name = _("đơn vị tham gia")
        verbose_name_plural = _("đơn vị tham gia")
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="unique_participation")]

    def __str__(self):
        return f"{self.unit} – {self.campaign}"


class SubPlanRequirement(models.Model):
    """Yêu cầu đơn vị cấp dưới xây dựng kế hoạch: filed when a plan with ``parent=plan`` and
    ``issuer=unit`` exists."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="subplan_requirements")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="subplan_requirements")
    due_on = models.DateField(_("hạn gửi kế hoạch"))
    status = models.CharField(_("tình trạng xét duyệt"), max_length=10, choices=SubPlanStatus.choices,
                              default=SubPlanStatus.REQUIRED)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)

    class Meta:
        verbose_name = _("yêu cầu xây dựng kế hoạch")
        verbose_name_plural = _("yêu cầu xây dựng kế hoạch")
        constraints = [models.UniqueConstraint(fields=["plan", "unit"], name="unique_subplan_requirement")]

    def __str__(self):
        return f"{self.unit} – {self.plan.reference}"

    @property
    def is_returned(self) -> bool:
        return self.status == SubPlanStatus.RETURNED


class Pledge(models.Model):
    """Đăng ký giao ước thi đua of a collective (``officer`` empty) or of an officer."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="pledges")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="pledges")
    officer = models.ForeignKey(
        Officer, verbose_name=_("cá nhân"), null=True, blank=True, on_delete=models.PROTECT, related_name="pledges",
    )
    registered_on = models.DateField(_("ngày đăng ký"))
    content = models.TextField(_("nội dung đăng ký"))
    target_title = models.CharField(_("danh hiệu đăng ký phấn đấu"), max_length=200, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=PledgeStatus.choices,
                              default=PledgeStatus.DRAFT)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    returned_at = models.DateTimeField(_("thời điểm trả lại"), null=True, blank=True)

    class Meta:
        verbose_name = _("đăng ký giao ước thi đua")
        verbose_name_plural = _("đăng ký giao ước thi đua")
        ordering = ["campaign", "unit", "officer"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], condition=Q(officer__isnull=True),
                                    name="unique_collective_pledge"),
            models.UniqueConstraint(fields=["campaign", "officer"], condition=Q(officer__isnull=False),
                                    name="unique_individual_pledge"),
        ]

    def __str__(self):
        return f"{self.officer or self.unit} – {self.campaign}"

    def get_absolute_url(self):
        return reverse("campaigns:pledge_detail", args=[self.pk])

    @property
    def is_collective(self) -> bool:
        return self.officer_id is None

    @property
    def is_returned(self) -> bool:
        return self.status == PledgeStatus.RETURNED
