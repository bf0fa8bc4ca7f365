"""The awards app's deadlines (``awards.reminders``): the proposal dossier (and a unit's reopened
deadline), the end of the feedback window, the close of a council vote — each reminding only those who
still owe, at the configured offsets, with a link they can open. The vote reminder goes to members
without a ``BallotCast`` (or a written opinion) and says nothing about anyone's vote."""

import datetime

import pytest
from django.urls import reverse

from awards.models import Proposal, ProposalStatus, SubmissionReopening
from awards.services import ballots
from awards.services import council as council_services
from awards.services import feedback as feedback_services
from emulation import reminders
from tests.awards.council_helpers import council_users, new_session, vote
from tests.notification_helpers import opens, reminders_of

pytestmark = pytest.mark.django_db
D = datetime.date
DAY = datetime.timedelta(days=1)


@pytest.fixture
def campaign(campaign_award):
    return campaign_award.campaign


def test_the_dossier_deadline_reminds_the_units_that_have_not_sent_a_proposal(
        campaign, submitted_proposal, unit_b, head_a, head_b):
    campaign.dossier_due_on = D(2024, 7, 1)
    campaign.save()
    Proposal.objects.create(campaign=campaign, unit=unit_b, title="Đang soạn", status=ProposalStatus.DRAFT,
                            created_by=head_b)
    for day in (D(2024, 6, 24), D(2024, 6, 25), D(2024, 6, 28), D(2024, 6, 30), D(2024, 7, 2), D(2024, 7, 3)):
        reminders.send_reminders(today=day)
    url = reverse("awards:campaign_awards", args=[campaign.pk])
    told = reminders_of("remind.dossier")
    assert [(who, key.rsplit(":", 1)[1], link) for who, key, _text, link in told] == [
        ("truong_b", "-1", url), ("truong_b", "1", url), ("truong_b", "3", url), ("truong_b", "7", url)]
    assert told[0][2] == (
        "Đã quá hạn gửi hồ sơ đề nghị khen thưởng phong trào “Đợt thi đua cao điểm năm 2024” (01/07/2024) 1 ngày. "
        "Việc cần làm: hoàn thiện hồ sơ đề nghị khen thưởng của đơn vị (tờ trình, biên bản họp xét, báo cáo thành "
        "tích) và gửi Thường trực.")
    assert opens(head_b, url)


def test_a_reopened_deadline_replaces_the_campaigns_for_that_unit(campaign, unit_a, unit_b, head_a, head_b, staff):
    campaign.dossier_due_on = D(2024, 7, 1)
    campaign.save()
    reopening = SubmissionReopening.objects.create(campaign=campaign, unit=unit_b, until=D(2024, 7, 10),
                                                   reason="Bổ sung hồ sơ", granted_by=staff)
    reminders.send_reminders(today=D(2024, 6, 30))
    reminders.send_reminders(today=D(2024, 7, 9))
    assert [(who, key) for who, key, _t, _u in reminders_of("remind.dossier")] == [
        ("truong_a", f"remind:dossier-{campaign.participations.get(unit=unit_a).pk}@20240701:1"),
        ("truong_b", f"remind:reopen-{reopening.pk}@20240710:1")]


def test_the_end_of_the_feedback_window_reminds_the_issuers_staff_before_it_not_after(
        campaign, submitted_proposal, staff, head_a, director):
    feedback_services.publish_for_feedback(actor=staff, campaign=campaign, opens_on=D(2024, 7, 1),
                                           closes_on=D(2024, 7, 5))
    for day in (D(2024, 7, 2), D(2024, 7, 4), D(2024, 7, 6)):
        reminders.send_reminders(today=day)
    url = reverse("awards:published_list", args=[campaign.pk])
    assert [(who, key.rsplit(":", 1)[1], text, link) for who, key, text, link in reminders_of("remind.feedback")] == [
        ("thuongtruc", "1", "Còn 1 ngày đến ngày kết thúc công khai lấy ý kiến phong trào “Đợt thi đua cao điểm năm "
         "2024” (05/07/2024). Việc cần làm: tổng hợp ý kiến góp ý để báo cáo Hội đồng trước khi bắt đầu bỏ phiếu.",
         url),
        ("thuongtruc", "3", "Còn 3 ngày đến ngày kết thúc công khai lấy ý kiến phong trào “Đợt thi đua cao điểm năm "
         "2024” (05/07/2024). Việc cần làm: tổng hợp ý kiến góp ý để báo cáo Hội đồng trước khi bắt đầu bỏ phiếu.",
         url)]
    assert opens(staff, url)


@pytest.fixture
def voting(submitted_proposal, staff):
    """Four members (the first chairs); the vote opened, the meeting on 10/07/2024."""
    users = council_users(submitted_proposal.campaign.plan.issuer, 4)
    session = new_session(staff, submitted_proposal.campaign, users, held_on=D(2024, 7, 10))
    council_services.open_voting(actor=staff, session=session, today=D(2024, 7, 9))
    return session, users


def test_the_vote_reminder_goes_to_members_who_have_not_voted_and_says_nothing_of_votes(voting, staff):
    session, users = voting
    vote(users[0], session, "yes", "yes", "no")
    vote(users[1], session, "no", "no", "no")
    absent = session.members.get(user=users[3])
    ballots.record_written_opinion(actor=staff, session=session, member=absent, received_on=D(2024, 7, 8),
                                   text="Đồng ý với đề nghị.")
    reminders.send_reminders(today=D(2024, 7, 9))
    reminders.send_reminders(today=D(2024, 7, 9))
    url = reverse("awards:session_detail", args=[session.pk])
    assert reminders_of("remind.vote") == [(
        "tv3", f"remind:vote-{session.pk}@20240710:1",
        "Còn 1 ngày đến ngày kết thúc bỏ phiếu phiên họp Hội đồng “Phiên họp xét khen thưởng đợt thi đua cao điểm” "
        "(phong trào “Đợt thi đua cao điểm năm 2024”) (10/07/2024). Việc cần làm: mở phiên họp và bỏ phiếu kín cho "
        "từng nội dung bình xét (thành viên vắng mặt gửi ý kiến bằng văn bản).", url)]
    assert opens(users[2], url)


def test_a_session_no_longer_voting_reminds_nobody(voting, staff):
    session, users = voting
    for user in users:
        vote(user, session, "yes", "yes", "yes")
    council_services.close_session(actor=staff, session=session, today=D(2024, 7, 10))
    reminders.send_reminders(today=D(2024, 7, 9))
    reminders.send_reminders(today=D(2024, 7, 11))
    assert reminders_of("remind.vote") == []
