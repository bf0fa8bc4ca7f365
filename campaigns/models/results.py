"""Results (kết quả thực hiện) reported by units and officers for a campaign."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emulation.models import Officer, Unit

from ..enums import ResultStatus
from .plans import Campaign
from .targets import Target


class Result(models.Model):
    """Số liệu kết quả of a unit (``officer`` empty) or an officer, as of a reporting date."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="results")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="results")
    officer = models.ForeignKey(Officer, verbose_name=_("chấp hành viên / cá nhân"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="results")
    as_of = models.DateField(_("số liệu tính đến ngày"))
    cases_total = models.PositiveIntegerField(_("tổng số việc phải giải quyết"), default=0)
    cases_with_conditions = models.PositiveIntegerField(_("số việc có điều kiện thi hành"), default=0)
    cases_completed = models.PositiveIntegerField(_("số việc thi hành xong"), default=0)
    money_total = models.PositiveBigIntegerField(_("tổng số tiền phải giải quyết (đồng)"), default=0)
    money_with_conditions = models.PositiveBigIntegerField(_("số tiền có điều kiện thi hành (đồng)"), default=0)
    money_completed = models.PositiveBigIntegerField(_("số tiền thi hành xong (đồng)"), default=0)
    status = models.CharField(_("trạng thái"), max_length=10, choices=ResultStatus.choices, default=ResultStatus.DRAFT)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    returned_at = models.DateTimeField(_("thời điểm trả lại"), null=True, blank=True)
    returned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        verbose_name = _("kết quả thực hiện")
        verbose_name_plural = _("kết quả thực hiện")
        ordering = ["campaign", "-as_of", "unit", "officer"]
        indexes = [  # each subject's latest figures (DISTINCT ON campaign, unit, officer ORDER BY as_of DESC)
            models.Index(fields=["campaign", "unit", "officer", "-as_of"], name="result_latest_per_subject"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit", "as_of"], condition=Q(officer__isnull=True),
                                    name="unique_unit_result_per_date",
                                    violation_error_message=_("Đơn vị đã có số liệu tính đến ngày này.")),
            models.UniqueConstraint(fields=["campaign", "officer", "as_of"], condition=Q(officer__isnull=False),
                                    name="unique_officer_result_per_date",
                                    violation_error_message=_("Cá nhân đã có số liệu tính đến ngày này.")),
            models.CheckConstraint(condition=Q(cases_completed__lte=models.F("cases_with_conditions"))
                                   & Q(cases_with_conditions__lte=models.F("cases_total")), name="result_cases_chain"),
            models.CheckConstraint(condition=Q(money_completed__lte=models.F("money_with_conditions"))
                                   & Q(money_with_conditions__lte=models.F("money_total")), name="result_money_chain"),
        ]

    def __str__(self):
        return f"{self.officer or self.unit} – {self.as_of:%d/%m/%Y}"

    @property
    def is_locked(self) -> bool:
        return self.status == ResultStatus.CONFIRMED

    @property
    def is_returned(self) -> bool:
        return self.status == ResultStatus.RETURNED


class ResultValue(models.Model):
    """The value of a campaign-specific target (percentage, count, yes/no, comparison) in a result."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="values")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="values")
    number = models.DecimalField(_("giá trị"), max_digits=17, decimal_places=2, null=True, blank=True)
    achieved = models.BooleanField(_("đạt"), null=True, blank=True)

    class Meta:
        verbose_name = _("giá trị chỉ tiêu")
        verbose_name_plural = _("giá trị chỉ tiêu")
        constraints = [models.UniqueConstraint(fields=["result", "target"], name="unique_result_value")]

    def __str__(self):
        return f"{self.target}: {self.number if self.number is not None else self.achieved}"


class AttainmentSnapshot(models.Model):
    """Ảnh chụp kết quả đạt chỉ tiêu: the table as computed at a time (its ``AttainmentRow`` rows), with the
    inputs it used, so a later award decision can show the figures it was based on."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="snapshots")
    computed_at = models.DateTimeField(_("thời điểm tính"), auto_now_add=True)
    checked_at = models.DateTimeField(_("thời điểm đối chiếu số liệu"), default=timezone.now)
    inputs_digest = models.CharField(max_length=64, db_index=True)
    inputs = models.JSONField(_("số liệu đầu vào"), default=list)

    class Meta:
        verbose_name = _("ảnh chụp kết quả đạt chỉ tiêu")
        verbose_name_plural = _("ảnh chụp kết quả đạt chỉ tiêu")
        ordering = ["-computed_at", "-id"]

    def __str__(self):
        return f"{self.campaign} – {self.computed_at:%d/%m/%Y %H:%M}"


class AttainmentRow(models.Model):
    """Một dòng của bảng đạt chỉ tiêu: one (subject, target) of a snapshot, as computed. The target's code,
    kind and strictness are copied so the row still reads right if the target is later deleted."""

    snapshot = models.ForeignKey(AttainmentSnapshot, on_delete=models.CASCADE, related_name="attainment_rows")
    position = models.PositiveIntegerField()  # the computed table's order
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    officer = models.ForeignKey(Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    target = models.ForeignKey(Target, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    target_code = models.CharField(max_length=20, blank=True)
    metric_kind = models.CharField(max_length=30)
    strict = models.BooleanField(default=False)
    bracket = models.CharField(max_length=200, blank=True)
    target_value = models.DecimalField(max_digits=17, decimal_places=2, null=True, blank=True)
    actual = models.DecimalField(max_digits=17, decimal_places=2, null=True, blank=True)
    actual_display = models.CharField(max_length=40, blank=True)
    state = models.CharField(max_length=16)
    gap_units = models.PositiveBigIntegerField(default=0)
    gap_points = models.DecimalField(max_digits=7, decimal_places=2, default=0)
    rank = models.PositiveIntegerField(null=True, blank=True)
    peers = models.PositiveIntegerField(default=0)
    overall_rank = models.PositiveIntegerField(null=True, blank=True)
    overall_peers = models.PositiveIntegerField(default=0)
    reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("dòng bảng đạt chỉ tiêu")
        verbose_name_plural = _("dòng bảng đạt chỉ tiêu")
        ordering = ["snapshot", "position"]
        indexes = [  # the page: one snapshot, in order, optionally by state, unit or bracket
            models.Index(fields=["snapshot", "position"], name="attainment_row_order"),
            models.Index(fields=["snapshot", "state", "position"], name="attainment_row_state"),
            models.Index(fields=["snapshot", "unit", "position"], name="attainment_row_unit"),
            models.Index(fields=["snapshot", "bracket"], name="attainment_row_bracket"),
        ]

    def __str__(self):
        return f"{self.officer_id or self.unit_id} – {self.target_code} – {self.state}"


class StandingRow(models.Model):
    """Một dòng của bảng xếp hạng chung: a unit's overall standing across the targets of a snapshot
    (``campaigns.ranking``), among the units judged on the same targets (its group)."""

    snapshot = models.ForeignKey(AttainmentSnapshot, on_delete=models.CASCADE, related_name="standing_rows")
    position = models.PositiveIntegerField()  # group order, then rank, then the unit's name
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    group = models.PositiveIntegerField()  # the group's number in the snapshot (1, 2, …)
    group_label = models.CharField(max_length=500)
    rank = models.PositiveIntegerField()
    peers = models.PositiveIntegerField()
    met = models.PositiveIntegerField()
    assessed = models.PositiveIntegerField()
    not_computable = models.PositiveIntegerField(default=0)
    mean_ratio = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)  # percent of the level
    min_ratio = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("dòng bảng xếp hạng chung")
        verbose_name_plural = _("dòng bảng xếp hạng chung")
        ordering = ["snapshot", "position"]
        indexes = [models.Index(fields=["snapshot", "position"], name="standing_row_order"),
                   models.Index(fields=["snapshot", "group", "position"], name="standing_row_group")]

    def __str__(self):
        return f"{self.unit_id} – {self.rank}/{self.peers}"
