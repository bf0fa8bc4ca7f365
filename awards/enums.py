"""Kinds shared by the awards models and its rule modules (so rule modules need not import models)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ThresholdComparison(models.TextChoices):
    """How a rule version states its threshold: "từ 80% trở lên" (at least) or "trên 50%" / "quá nửa"
    (strictly more)."""

    AT_LEAST = "at_least", _("từ … trở lên (≥)")
    MORE_THAN = "more_than", _("trên … (>), quá nửa")


class RecusalGround(models.TextChoices):
    """Why a council member does not vote on one agenda item."""

    NOMINEE = "nominee", _("Là người được đề nghị khen thưởng")
    HEAD = "head", _("Là lãnh đạo tập thể được đề nghị khen thưởng")
    DECLARED = "declared", _("Tự khai báo xung đột lợi ích")
