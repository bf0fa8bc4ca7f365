"""Statuses shared by the models and the lifecycle tables (``workflow.py``), so rule modules need
not import models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultStatus(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Đã trả lại")
    CONFIRMED = "confirmed", _("Đã xác nhận")


class PledgeStatus(models.TextChoices):
    DRAFT = "draft", _("Chưa gửi")
    SUBMITTED = "submitted", _("Chờ duyệt")
    RETURNED = "returned", _("Đã trả lại")
    APPROVED = "approved", _("Đã duyệt")


class SubPlanStatus(models.TextChoices):
    REQUIRED = "required", _("Chưa nộp")
    FILED = "filed", _("Đã nộp, chờ xem xét")
    RETURNED = "returned", _("Đã trả lại")
    ACCEPTED = "accepted", _("Đã chấp nhận")


class MilestoneKind(models.TextChoices):
    LAUNCH = "launch", _("Phát động")
    PHASE = "phase", _("Đợt cao điểm")
    INTERIM_REVIEW = "interim_review", _("Sơ kết")
    FINAL_REVIEW = "final_review", _("Tổng kết")
    STAGE = "stage", _("Giai đoạn")
    DEADLINE = "deadline", _("Hạn báo cáo, gửi hồ sơ")
    CEREMONY = "ceremony", _("Lễ tổng kết, khen thưởng")
    OTHER = "other", _("Khác")
