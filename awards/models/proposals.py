"""Proposals (đề nghị khen thưởng) of a unit for a campaign: nominees, achievement reports, the unit's
review meeting and signed scans. A submitted version is immutable; returning it opens a new one."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign
from emulation.models import Officer, RegisteredDocument, Unit

from .campaign_awards import CampaignAward
from .catalogue import AwardRule


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Trả lại để bổ sung")
    WITHDRAWN = "withdrawn", _("Đã rút")


class Proposal(models.Model):
    """Đề nghị khen thưởng: one version of a unit's proposal for a campaign."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="proposals")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị đề nghị"), on_delete=models.PROTECT,
                             related_name="proposals")
    version = models.PositiveSmallIntegerField(_("lần"), default=1)
    previous = models.OneToOneField("self", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="next_version")
    status = models.CharField(_("trạng thái"), max_length=10, choices=ProposalStatus.choices,
                              default=ProposalStatus.DRAFT)
    title = models.CharField(_("trích yếu tờ trình"), max_length=255)
    meeting_held_on = models.DateField(_("ngày họp xét"), null=True, blank=True)
    meeting_chair = models.CharField(_("chủ trì cuộc họp"), max_length=120, blank=True,
                                     help_text=_("Họ và tên thủ trưởng đơn vị chủ trì (người ký tờ trình)."))
    meeting_secretary = models.CharField(_("thư ký cuộc họp"), max_length=120, blank=True,
                                         help_text=_("Họ và tên người ghi biên bản."))
    meeting_attendees = models.TextField(_("thành phần tham dự"), blank=True,
                                         help_text=_("Mỗi người một dòng: họ tên – chức vụ."))
    meeting_present = models.PositiveSmallIntegerField(_("số người có mặt"), null=True, blank=True)
    meeting_total = models.PositiveSmallIntegerField(_("tổng số người được triệu tập"), null=True, blank=True)
    meeting_votes = models.TextField(_("kết quả biểu quyết tại cuộc họp"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("thời điểm gửi"), null=True, blank=True)
    letter_entry = models.OneToOneField(RegisteredDocument, verbose_name=_("số tờ trình"), null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="proposal_letter")
    minutes_entry = models.OneToOneField(RegisteredDocument, verbose_name=_("số biên bản họp xét"), null=True,
                                         blank=True, on_delete=models.PROTECT, related_name="proposal_minutes")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    returned_at = models.DateTimeField(null=True, blank=True)
    returned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    return_comment = models.TextField(_("ý kiến khi trả lại"), blank=True)

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["campaign", "unit", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit", "version"], name="unique_proposal_version"),
            models.UniqueConstraint(fields=["campaign", "unit"], condition=Q(status__in=["draft", "submitted"]),
                                    name="one_open_proposal_per_unit",
                                    violation_error_message=_("Đơn vị đã có một đề nghị đang soạn hoặc đã gửi.")),
            models.CheckConstraint(condition=Q(meeting_present__isnull=True) | Q(meeting_total__isnull=True)
                                   | Q(meeting_present__lte=models.F("meeting_total")), name="proposal_meeting_count"),
        ]

    MEETING_FIELDS = ["title", "meeting_held_on", "meeting_chair", "meeting_secretary", "meeting_attendees",
                      "meeting_present", "meeting_total", "meeting_votes"]  # what the unit edits before submitting

    def __str__(self):
        return f"{self.title} ({self.unit}, lần {self.version})"

    def get_absolute_url(self):
        return reverse("awards:proposal_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status == ProposalStatus.DRAFT


class NominationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Đề nghị")
    PASSED = "passed", _("Hội đồng thông qua")
    NOT_PASSED = "not_passed", _("Hội đồng không thông qua")
    AWARDED = "awarded", _("Đã quyết định khen thưởng")
    FORWARDED = "forwarded", _("Trình cấp trên")
    REFUSED = "refused", _("Không khen thưởng")


class Nomination(models.Model):
    """Một đối tượng được đề nghị: a collective (``officer`` empty) or an officer, for one award."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="nominations")
    campaign_award = models.ForeignKey(CampaignAward, verbose_name=_("hình thức đề nghị"), on_delete=models.PROTECT,
                                       related_name="nominations")
    unit = models.ForeignKey(Unit, verbose_name=_("tập thể / đơn vị của cá nhân"), on_delete=models.PROTECT,
                             related_name="nominations")
    officer = models.ForeignKey(Officer, verbose_name=_("cá nhân"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="nominations")
    status = models.CharField(_("kết quả"), max_length=12, choices=NominationStatus.choices,
                              default=NominationStatus.PROPOSED)
    rule = models.ForeignKey(AwardRule, verbose_name=_("quy định áp dụng"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+")
    eligibility = models.JSONField(_("kết quả xét điều kiện khi gửi"), default=dict, blank=True)
    refusal_reason = models.TextField(_("lý do không khen thưởng"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("đối tượng đề nghị")
        verbose_name_plural = _("đối tượng đề nghị")
        ordering = ["proposal", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "officer"], condition=Q(officer__isnull=False),
                                    name="one_nomination_per_officer",
                                    violation_error_message=_("Cá nhân này đã có trong đề nghị.")),
            models.UniqueConstraint(fields=["proposal", "unit"], condition=Q(officer__isnull=True),
                                    name="one_nomination_per_collective",
                                    violation_error_message=_("Tập thể này đã có trong đề nghị.")),
        ]

    def __str__(self):
        return f"{self.subject} – {self.campaign_award.award_form}"

    @property
    def subject(self):
        return self.officer or self.unit

    @property
    def is_collective(self) -> bool:
        return self.officer_id is None


class AchievementReport(models.Model):
    """Báo cáo thành tích, structured as the official template (NĐ 98/2023 Mẫu 02/03; NĐ 152/2025 Mẫu 05)."""

    nomination = models.OneToOneField(Nomination, on_delete=models.CASCADE, related_name="report")
    summary = models.TextField(_("I. Sơ lược lý lịch / đặc điểm, tình hình"), blank=True,
                               help_text=_("Cá nhân: trình độ, quá trình công tác. Tập thể: chức năng, nhiệm vụ, "
                                           "cơ cấu tổ chức, biên chế, cơ sở vật chất."))
    duties = models.TextField(_("II.1. Quyền hạn, nhiệm vụ được giao"), blank=True)
    achievements = models.TextField(_("II.2. Thành tích đạt được"), blank=True,
                                    help_text=_("Kết quả so với chỉ tiêu được giao; sáng kiến, giải pháp và hiệu quả."))
    initiatives = models.TextField(_("Sáng kiến, giải pháp, đề tài (nếu có)"), blank=True)
    prior_awards = models.TextField(_("III. Các hình thức đã được khen thưởng"), blank=True,
                                    help_text=_("Mỗi dòng: năm – danh hiệu/hình thức – số, ngày quyết định – cơ quan."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo thành tích")
        verbose_name_plural = _("báo cáo thành tích")

    def __str__(self):
        return f"Báo cáo thành tích – {self.nomination.subject}"

    @property
    def is_complete(self) -> bool:
        return bool(self.duties.strip() and self.achievements.strip())


class AttachmentKind(models.TextChoices):
    MINUTES = "minutes", _("Biên bản họp xét (bản ký, đóng dấu)")
    PROPOSAL_LETTER = "letter", _("Tờ trình (bản ký)")
    REPORT = "report", _("Báo cáo thành tích có xác nhận")
    EVIDENCE = "evidence", _("Tài liệu chứng minh khác")


class ProposalAttachment(models.Model):
    """A signed scan attached to a proposal (PDF or JPEG, type and size checked on upload)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    nomination = models.ForeignKey(Nomination, null=True, blank=True, on_delete=models.CASCADE,
                                   related_name="attachments")
    kind = models.CharField(_("loại tài liệu"), max_length=10, choices=AttachmentKind.choices)
    file = models.FileField(_("tệp"), upload_to="proposals/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["proposal", "kind", "id"]

    def __str__(self):
        return self.original_name
