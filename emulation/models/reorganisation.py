"""Sắp xếp, tổ chức lại đơn vị: a recorded operation (merger, split, rename, transfer under another parent) that,
once applied, moves people, grants and running work from the predecessor units to their successors."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ReorganisationKind(models.TextChoices):
    MERGE = "merge", _("Hợp nhất / sáp nhập")
    SPLIT = "split", _("Chia tách")
    RENAME = "rename", _("Đổi tên")
    TRANSFER = "transfer", _("Chuyển về đơn vị cấp trên khác")


class Reorganisation(models.Model):
    """Đợt sắp xếp, tổ chức lại đơn vị theo một quyết định."""

    kind = models.CharField(_("hình thức"), max_length=10, choices=ReorganisationKind.choices)
    decision_number = models.CharField(_("số quyết định"), max_length=80)
    decision_date = models.DateField(_("ngày quyết định"))
    issuer = models.CharField(_("cơ quan ban hành quyết định"), max_length=255)
    effective_on = models.DateField(_("ngày hiệu lực"))
    note = models.TextField(_("ghi chú"), blank=True)
    position_mapping = models.JSONField(_("chuyển đổi chức vụ"), default=list, blank=True,
                                        help_text=_("Các cặp [chức vụ cũ, chức vụ mới]."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(_("thời điểm áp dụng"), null=True, blank=True)
    applied_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    applied_by_name = models.CharField(_("người áp dụng"), max_length=150, blank=True)
    summary = models.JSONField(_("kết quả áp dụng"), default=dict, blank=True)

    class Meta:
        verbose_name = _("đợt sắp xếp đơn vị")
        verbose_name_plural = _("sắp xếp, tổ chức lại đơn vị")
        ordering = ["-effective_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(effective_on__gte=models.F("decision_date")),
                                   name="reorganisation_effective_after_decision"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.decision_number} ({self.effective_on:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("emulation:reorganisation_detail", args=[self.pk])

    @property
    def is_applied(self) -> bool:
        return self.applied_at is not None

    @property
    def legal_basis(self) -> str:
        return f"Quyết định số {self.decision_number} ngày {self.decision_date:%d/%m/%Y} của {self.issuer}"[:255]


class ReorganisationItem(models.Model):
    """Một dòng chuyển đổi: đơn vị cũ → đơn vị kế thừa (or, for a transfer, → its new parent). ``receives``: this
    successor takes over the predecessor's people, grants and running work (one per predecessor)."""

    reorganisation = models.ForeignKey(Reorganisation, on_delete=models.CASCADE, related_name="items")
    predecessor = models.ForeignKey("emulation.Unit", verbose_name=_("đơn vị cũ"), on_delete=models.PROTECT,
                                    related_name="reorganisations_out")
    successor = models.ForeignKey("emulation.Unit", verbose_name=_("đơn vị kế thừa"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="reorganisations_in")
    new_parent = models.ForeignKey("emulation.Unit", verbose_name=_("đơn vị cấp trên mới"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    receives = models.BooleanField(_("tiếp nhận cán bộ, phân quyền, công việc"), default=True)

    class Meta:
        verbose_name = _("đơn vị trong đợt sắp xếp")
        verbose_name_plural = _("đơn vị trong đợt sắp xếp")
        ordering = ["reorganisation", "predecessor__path", "-receives", "id"]
        constraints = [
            models.UniqueConstraint(fields=["reorganisation", "predecessor", "successor"],
                                    name="unique_reorganisation_item"),
            models.CheckConstraint(condition=Q(successor__isnull=False) | Q(new_parent__isnull=False),
                                   name="reorganisation_item_has_target"),
        ]

    def __str__(self):
        return f"{self.predecessor} → {self.successor or self.new_parent}"
