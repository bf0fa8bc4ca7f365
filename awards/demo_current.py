"""Awards of the current demo year (``campaigns.demo_current``): what the campaign offers, a proposal returned with
its reason (and the new draft version it opens), and a council session open for voting once the public feedback
window has closed. Dates are relative to ``today``; every write goes through the services and lifecycles; skipped
once the proposals exist, so loading twice changes nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from campaigns import demo_current as campaigns_current
from emulation.models import Officer, Unit

from . import demo_proposals
from .models import AwardForm, CampaignAward, CouncilSession, Proposal
from .services import configuration, feedback
from .services import proposals as services

DAY = datetime.timedelta(days=1)
AWARD_FORM = "GK_CUC"  # from 01/07/2025 given by the Trưởng Thi hành án dân sự thành phố
CRITERIA = ("Tập thể, cá nhân hoàn thành xuất sắc chỉ tiêu, nhiệm vụ sơ kết phong trào thi đua; không có cá nhân bị "
            "kỷ luật. " + campaigns_current.DEMO)
TITLE = "Tờ trình đề nghị tặng Giấy khen sơ kết phong trào thi đua"
ACHIEVEMENTS = ("Trong kỳ sơ kết, thi hành xong vượt chỉ tiêu về việc và về tiền được giao (số liệu tại bảng đạt chỉ "
                "tiêu của phong trào); ổn định tổ chức, hoạt động sau sắp xếp.")
RETURN_REASON = ("Báo cáo thành tích chưa nêu số liệu thi hành xong về tiền của tập thể; đề nghị bổ sung và gửi lại "
                 "trước hạn.")
# (proposing account, unit, nominees: officer codes or None for the collective); the second is returned.
PROPOSALS = [("truong_vithanh", "CTO-KV1", [None, "HG-CC-VTH-03"]), ("truong_longmy", "CTO-KV2", [None])]


def _head_and_clerk(unit: Unit) -> tuple[str, str]:
    """Who chaired the unit's review meeting (its head) and took the minutes (another member)."""
    officers = list(Officer.objects.filter(unit=unit, is_active=True).order_by("-is_leader", "code"))
    return officers[0].full_name, officers[-1].full_name


def load_award(campaign, staff) -> CampaignAward:
    award = CampaignAward.objects.filter(campaign=campaign, award_form__code=AWARD_FORM).first()
    if award is None:
        award = configuration.save_campaign_award(actor=staff, award=CampaignAward(
            campaign=campaign, award_form=AwardForm.objects.get(code=AWARD_FORM), decided_here=True,
            criteria_text=CRITERIA))
    return award


def load(*, today: datetime.date) -> None:
    """Proposals filed two days ago; the one of Phòng khu vực 2 returned (its new draft version opens); the
    feedback window closed yesterday; the council meets today, its vote open (and closable: it is the day). On
    the first two days of a statistical year the filing and the window fall just before the campaign's start: no
    rule forbids it, and the vote is still open."""
    campaign = campaigns_current.current_campaign(today)
    if Proposal.objects.filter(campaign=campaign).exists():
        return
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["thuongtruc", "cuctruong", "hoidong", *(p[0] for p in PROPOSALS)])}
    staff, award = users["thuongtruc"], load_award(campaign, users["thuongtruc"])
    filed_on = today - 2 * DAY
    submitted_at = timezone.make_aware(datetime.datetime.combine(filed_on, datetime.time(9)))
    filed = [demo_proposals.file_proposal(
        actor=users[username], award=award, unit=Unit.objects.get(code=code), nominees=nominees, title=TITLE,
        meeting=_head_and_clerk(Unit.objects.get(code=code)), held_on=filed_on, submitted_at=submitted_at,
        achievements=ACHIEVEMENTS) for username, code, nominees in PROPOSALS]
    services.return_proposal(actor=staff, proposal=filed[1], comment=RETURN_REASON)
    feedback.publish_for_feedback(actor=staff, campaign=campaign, opens_on=filed_on, closes_on=today - DAY,
                                  note=f"{campaigns_current.DEMO} Công khai danh sách đề nghị khen thưởng.")
    demo_proposals.open_session(
        staff=staff, chair=users["cuctruong"], member=users["hoidong"], today=today, session=CouncilSession(
            campaign=campaign, held_on=today, location="Phòng họp Thi hành án dân sự thành phố Cần Thơ",
            title=f"{campaigns_current.DEMO} Phiên họp Hội đồng Thi đua – Khen thưởng xét tặng Giấy khen sơ kết"))
