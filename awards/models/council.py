"""Publication for feedback, council sessions and the secret ballot.

Secrecy: ``BallotCast`` records that a member voted in a session (who, when); ``Ballot`` is the
anonymous vote (which nomination, and the choice sealed under the session's key): no user, no time, a
random key. A paper's ballots are written in the transaction of its ``BallotCast`` (so a reader of the
raw pages can pair the rows), which is why a ballot holds only ciphertext: the key lives outside the
database until the count and is destroyed then (docs/ballot-secrecy.md).

A ``Recusal`` (a member does not vote on one item: the nominee, the head of the nominated collective,
or a declared conflict) is public and printed on the minutes. It adds nothing to a ballot: the
recused member's paper simply has no ballot for that item, so an item's ballot count is the papers
cast less the recusals of members who cast, which the minutes print anyway.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign
from emulation.models import RegisteredDocument, Unit
from emulation.text import person_name

from ..enums import RecusalGround
from .proposals import Nomination


class FeedbackWindow(models.Model):
    """Công khai danh sách đề nghị để lấy ý kiến: the nominees of a campaign, open for comments."""

    campaign = models.OneToOneField(Campaign, on_delete=models.CASCADE, related_name="feedback_window")
    opens_on = models.DateField(_("công khai từ ngày"))
    closes_on = models.DateField(_("đến hết ngày"))
    note = models.TextField(_("nội dung thông báo"), blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("công khai lấy ý kiến")
        verbose_name_plural = _("công khai lấy ý kiến")
        constraints = [models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="feedback_window_period")]

    def __str__(self):
        return f"{self.campaign} ({self.opens_on:%d/%m/%Y}–{self.closes_on:%d/%m/%Y})"

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on


class FeedbackStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    SHOWN = "shown", _("Đã đăng")
    HIDDEN = "hidden", _("Không đăng")


class Feedback(models.Model):
    """Ý kiến about a published nominee: from a signed-in officer (shown at once, they are known) or from
    anyone through the public page (name and contact required; shown once staff approve it). Staff may
    answer; the public author reads the answer through the private link given on sending."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    author_name = models.CharField(_("họ và tên người góp ý"), max_length=150, blank=True)
    contact = models.CharField(_("thư điện tử hoặc số điện thoại"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    text = models.TextField(_("ý kiến"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=FeedbackStatus.choices,
                              default=FeedbackStatus.SHOWN)
    moderation_note = models.TextField(_("lý do không đăng"), blank=True)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    moderated_at = models.DateTimeField(null=True, blank=True)
    reply = models.TextField(_("trả lời của Thường trực"), blank=True)
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    replied_at = models.DateTimeField(null=True, blank=True)
    token = models.CharField(max_length=32, unique=True, null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = _("ý kiến góp ý")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["ip_address", "created_at"], name="feedback_by_address")]
        constraints = [models.CheckConstraint(condition=Q(author__isnull=False) | ~Q(author_name=""),
                                              name="feedback_has_an_author")]

    def __str__(self):
        return self.text[:60]

    @property
    def is_public(self) -> bool:
        return self.author_id is None

    @property
    def who(self) -> str:
        """The author as the pages show them: the officer's name, or the name a member of the public gave."""
        return person_name(self.author) if self.author_id else self.author_name


class SessionStatus(models.TextChoices):
    PREPARING = "preparing", _("Đang chuẩn bị")
    VOTING = "voting", _("Đang bỏ phiếu")
    CLOSED = "closed", _("Đã kết thúc")
    DECIDED = "decided", _("Đã có quyết định")


FINISHED_SESSION = (SessionStatus.CLOSED, SessionStatus.DECIDED)  # the vote is counted


class CouncilSession(models.Model):
    """Phiên họp Hội đồng Thi đua – Khen thưởng reviewing a campaign's nominations."""

    unit = models.ForeignKey(Unit, verbose_name=_("Hội đồng của đơn vị"), on_delete=models.PROTECT,
                             related_name="council_sessions")
    campaign = models.ForeignKey(Campaign, verbose_name=_("phong trào"), on_delete=models.PROTECT,
                                 related_name="council_sessions")
    title = models.CharField(_("nội dung phiên họp"), max_length=255)
    held_on = models.DateField(_("ngày họp"))
    location = models.CharField(_("địa điểm"), max_length=255, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=SessionStatus.choices,
                              default=SessionStatus.PREPARING)
    quorum_percent = models.DecimalField(
        _("tỷ lệ thành viên tối thiểu tham gia (%)"), max_digits=5, decimal_places=2, default="66.67",
        help_text=_("Mặc định 2/3 tổng số thành viên (NĐ 98/2023 Điều 47; cấu hình được)."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    minutes_entry = models.OneToOneField(RegisteredDocument, verbose_name=_("số biên bản"), null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="council_minutes")
    # The name of the session's ballot key in BALLOT_KEY_DIR (not the key): set by the first ballot paper.
    ballot_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("phiên họp Hội đồng")
        verbose_name_plural = _("phiên họp Hội đồng")
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.title} ({self.held_on:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("awards:session_detail", args=[self.pk])


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch Hội đồng")
    VICE_CHAIR = "vice_chair", _("Phó Chủ tịch")
    MEMBER = "member", _("Ủy viên")
    SECRETARY = "secretary", _("Ủy viên thư ký")


class CouncilMember(models.Model):
    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_seats")
    full_name = models.CharField(_("họ và tên"), max_length=120)
    role = models.CharField(_("chức danh trong Hội đồng"), max_length=12, choices=MemberRole.choices,
                            default=MemberRole.MEMBER)

    class Meta:
        verbose_name = _("thành viên Hội đồng")
        verbose_name_plural = _("thành viên Hội đồng")
        ordering = ["session", "role", "full_name"]
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="unique_council_member")]

    def __str__(self):
        return f"{self.full_name} ({self.get_role_display()})"


class AgendaItem(models.Model):
    """A nomination on the session's agenda; the council votes on it."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="items")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(default=0)
    yes_count = models.PositiveSmallIntegerField(_("số phiếu đồng ý"), null=True, blank=True)
    no_count = models.PositiveSmallIntegerField(_("số phiếu không đồng ý"), null=True, blank=True)
    abstain_count = models.PositiveSmallIntegerField(_("số phiếu không biểu quyết"), null=True, blank=True)
    written_count = models.PositiveSmallIntegerField(
        _("trong đó ý kiến bằng văn bản"), default=0,
        help_text=_("Số ý kiến bằng văn bản của thành viên vắng mặt đã tính vào các số phiếu trên."))
    passed = models.BooleanField(_("đạt"), null=True, blank=True)
    stopped_reason = models.TextField(
        _("tạm dừng khen thưởng"), blank=True,
        help_text=_("Lý do không đủ điều kiện khen thưởng vào ngày kết thúc bỏ phiếu (vụ việc đang xem xét, kỷ "
                    "luật…): kết quả biểu quyết giữ nguyên, Thủ trưởng xét lại khi phê duyệt."))

    class Meta:
        verbose_name = _("nội dung bình xét")
        verbose_name_plural = _("nội dung bình xét")
        ordering = ["session", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "nomination"], name="unique_agenda_nomination")]

    def __str__(self):
        return str(self.nomination)


class Recusal(models.Model):
    """Thành viên không tham gia biểu quyết một nội dung (xung đột lợi ích): automatic when the member
    is the nominee or leads the nominated collective, or declared by the member with a reason before
    casting. Public: printed on the minutes; it never touches a ballot."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="recusals")
    member = models.ForeignKey(CouncilMember, on_delete=models.CASCADE, related_name="recusals")
    ground = models.CharField(_("căn cứ"), max_length=10, choices=RecusalGround.choices)
    reason = models.TextField(_("lý do"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thành viên không tham gia biểu quyết")
        verbose_name_plural = _("thành viên không tham gia biểu quyết")
        ordering = ["item", "member__full_name", "id"]
        constraints = [models.UniqueConstraint(fields=["item", "member"], name="one_recusal_per_item_member",
                                               violation_error_message=_("Thành viên đã không tham gia biểu "
                                                                         "quyết nội dung này."))]

    def __str__(self):
        return f"{self.member.full_name} – {self.item}"

    @property
    def reason_text(self) -> str:
        """The reason as printed: the ground, and the member's own words when declared."""
        label = str(self.get_ground_display())
        return f"{label}: {self.reason}" if self.reason else label


class CouncilComment(models.Model):
    """Ý kiến của thành viên Hội đồng about a nominee (signed, not secret)."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="comments")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="comments")
    text = models.TextField(_("ý kiến"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến thành viên Hội đồng")
        verbose_name_plural = _("ý kiến thành viên Hội đồng")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]


class WrittenOpinion(models.Model):
    """Ý kiến bằng văn bản of a member absent from the session (NĐ 98/2023 Điều 30 khoản 7): recorded
    by staff and written into the minutes; it is signed, not a secret ballot. Where it states the
    member's stance on a nominee (``stances``: agenda item id → choice), that stance counts in the
    item's result only if the item's rule version says so (``AwardRule.written_opinions_count``).
    A member is either present and votes, or absent with a written opinion: never both."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="written_opinions")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="written_opinions")
    received_on = models.DateField(_("ngày nhận"))
    text = models.TextField(_("nội dung ý kiến"))
    stances = models.JSONField(_("ý kiến về từng trường hợp"), default=dict, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến bằng văn bản")
        verbose_name_plural = _("ý kiến bằng văn bản")
        ordering = ["session", "member__full_name"]
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="one_written_opinion_per_member",
                                               violation_error_message=_("Đã ghi ý kiến của thành viên này."))]

    def __str__(self):
        return f"{self.member.full_name}: {self.text[:50]}"


class BallotCast(models.Model):
    """The fact that a member has voted in a session (one ballot paper covering the whole agenda)."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="casts")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="casts")
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đã bỏ phiếu")
        verbose_name_plural = _("đã bỏ phiếu")
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="one_ballot_paper_per_member",
                                               violation_error_message=_("Thành viên đã bỏ phiếu."))]

    def __str__(self):
        return f"{self.member} – {self.session}"


class Choice(models.TextChoices):
    YES = "yes", _("Đồng ý")
    NO = "no", _("Không đồng ý")
    ABSTAIN = "abstain", _("Không biểu quyết")


class Ballot(models.Model):
    """Phiếu bầu ẩn danh: one sealed choice on one agenda item (``ballot_crypto``); no voter, no time,
    a random key. Deleted at the count, which stores the totals on the agenda item."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="ballots")
    sealed = models.BinaryField()

    class Meta:
        verbose_name = _("phiếu bầu")
        verbose_name_plural = _("phiếu bầu")

    def __str__(self):
        return str(_("phiếu bầu"))
