"""The awards app's deadlines for ``emulation.reminders``, and who still owes on each:

- proposal dossier (``Campaign.dossier_due_on``, or a unit's own reopened deadline ``SubmissionReopening.until``):
  heads of each participating unit that has not sent a proposal;
- feedback window end (``FeedbackWindow.closes_on``): the issuer's staff, who sum up the feedback before
  the vote (before the end only: nothing is overdue about a window closing);
- council vote close (a session being voted on closes on its meeting day, ``held_on``): the members who
  have neither cast a ballot paper (``BallotCast``, the fact that they voted — never a ballot) nor sent a
  written opinion as absent members. The text says nothing about anyone's vote.

Registered in ``AwardsConfig.ready()``.
"""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import Campaign, Participation
from emulation import notifications, reminders
from emulation.models import Role
from emulation.validity import valid_on

from .access import STAFF_ROLES
from .models import (
    BallotCast,
    CouncilMember,
    CouncilSession,
    FeedbackWindow,
    Proposal,
    ProposalStatus,
    SessionStatus,
    SubmissionReopening,
    WrittenOpinion,
)

HEADS = (Role.UNIT_HEAD,)


def _stamp(day: datetime.date) -> str:
    return day.strftime("%Y%m%d")


def _dossier(campaign, unit, due_on, heads, *, key) -> reminders.Deadline:
    return reminders.Deadline(
        key=f"{key}@{_stamp(due_on)}", kind="remind.dossier", due_on=due_on,
        what=_("hạn gửi hồ sơ đề nghị khen thưởng phong trào “%(campaign)s”") % {"campaign": campaign.name},
        todo=_("Việc cần làm: hoàn thiện hồ sơ đề nghị khen thưởng của đơn vị (tờ trình, biên bản họp xét, báo "
               "cáo thành tích) và gửi Thường trực."),
        url=reverse("awards:campaign_awards", args=[campaign.pk]), recipients=frozenset(heads),
        model_label="campaigns.Campaign", object_id=campaign.pk, unit_id=unit.pk, campaign_id=campaign.pk,
        object_label=f"{unit.name} – {campaign.name}")


def dossier_deadlines(days: dict[datetime.date, int]):
    """The campaign's deadline for its participants, and each reopened deadline for its unit; a unit with a
    later reopened deadline is reminded of that one only."""
    campaigns = {c.pk: c for c in Campaign.objects.filter(dossier_due_on__in=days)}
    reopenings = list(SubmissionReopening.objects.filter(until__in=days).select_related("campaign", "unit"))
    later = set(SubmissionReopening.objects.filter(campaign__in=campaigns).values_list("campaign_id", "unit_id"))
    wanted = [(campaigns[p.campaign_id], p.unit, campaigns[p.campaign_id].dossier_due_on, f"dossier-{p.pk}")
              for p in Participation.objects.filter(campaign__in=campaigns).select_related("unit")
              if (p.campaign_id, p.unit_id) not in later]
    wanted += [(r.campaign, r.unit, r.until, f"reopen-{r.pk}") for r in reopenings]
    sent = set(Proposal.objects.filter(campaign__in={c for c, *_ in wanted}, status=ProposalStatus.SUBMITTED)
               .values_list("campaign_id", "unit_id"))
    wanted = [w for w in wanted if (w[0].pk, w[1].pk) not in sent and valid_on(w[1].valid_from, w[1].valid_to, w[2])]
    heads = notifications.holders_by_unit({unit for _c, unit, *_ in wanted}, HEADS)
    for campaign, unit, due_on, key in sorted(wanted, key=lambda w: w[3]):
        yield _dossier(campaign, unit, due_on, heads[unit.pk], key=key)


def feedback_deadlines(days: dict[datetime.date, int]):
    ahead = [day for day, left in days.items() if left >= 0]
    for window in FeedbackWindow.objects.filter(closes_on__in=ahead).select_related("campaign__plan__issuer"):
        campaign = window.campaign
        yield reminders.Deadline(
            key=f"feedback-{window.pk}@{_stamp(window.closes_on)}", kind="remind.feedback", due_on=window.closes_on,
            what=_("ngày kết thúc công khai lấy ý kiến phong trào “%(campaign)s”") % {"campaign": campaign.name},
            todo=_("Việc cần làm: tổng hợp ý kiến góp ý để báo cáo Hội đồng trước khi bắt đầu bỏ phiếu."),
            url=reverse("awards:published_list", args=[campaign.pk]),
            recipients=frozenset(notifications.holder_ids(campaign.plan.issuer, STAFF_ROLES)),
            model_label="awards.FeedbackWindow", object_id=window.pk, unit_id=campaign.plan.issuer_id,
            campaign_id=campaign.pk, object_label=str(window))


def vote_deadlines(days: dict[datetime.date, int]):
    sessions = list(CouncilSession.objects.filter(status=SessionStatus.VOTING, held_on__in=days)
                    .select_related("campaign"))
    done = set(BallotCast.objects.filter(session__in=sessions).values_list("member_id", flat=True))
    done |= set(WrittenOpinion.objects.filter(session__in=sessions).values_list("member_id", flat=True))
    owing: dict[int, set[int]] = {}
    for member in CouncilMember.objects.filter(session__in=sessions).exclude(pk__in=done):
        owing.setdefault(member.session_id, set()).add(member.user_id)
    for session in sessions:
        yield reminders.Deadline(
            key=f"vote-{session.pk}@{_stamp(session.held_on)}", kind="remind.vote", due_on=session.held_on,
            what=_("ngày kết thúc bỏ phiếu phiên họp Hội đồng “%(title)s” (phong trào “%(campaign)s”)") % {
                "title": session.title, "campaign": session.campaign.name},
            todo=_("Việc cần làm: mở phiên họp và bỏ phiếu kín cho từng nội dung bình xét (thành viên vắng mặt gửi "
                   "ý kiến bằng văn bản)."),
            url=reverse("awards:session_detail", args=[session.pk]), recipients=frozenset(owing.get(session.pk, ())),
            model_label="awards.CouncilSession", object_id=session.pk, unit_id=session.unit_id,
            campaign_id=session.campaign_id, object_label=str(session))


def register() -> None:
    reminders.register_source("remind.dossier", gettext_lazy("Nhắc hạn gửi hồ sơ khen thưởng"), dossier_deadlines)
    reminders.register_source("remind.feedback", gettext_lazy("Nhắc hạn công khai lấy ý kiến"), feedback_deadlines)
    reminders.register_source("remind.vote", gettext_lazy("Nhắc bỏ phiếu"), vote_deadlines)
