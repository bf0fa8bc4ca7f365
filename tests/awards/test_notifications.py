"""Proposals and council sessions tell the next person in line: staff when a proposal is submitted,
the unit when it is returned (with the reason), members when the vote opens, the director when it
closes, the proposing units when the decision is issued."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from awards.models import Nomination, Proposal, ProposalStatus
from awards.services import council as council_services
from awards.services import feedback as feedback_services
from awards.services import proposals as proposal_services
from emulation.models import Notification, Role
from tests.awards.council_helpers import council_users, new_session, vote
from tests.awards.test_decisions import approve, closed_session
from tests.awards.test_proposal_services import BEFORE_DUE, complete
from tests.factories import RoleGrantFactory
from tests.notification_helpers import opens

pytestmark = pytest.mark.django_db
D = datetime.date


def _told(kind):
    return {(n.recipient.username, n.verb, n.url, n.reason) for n in
            Notification.objects.filter(kind=kind).select_related("recipient")}


@pytest.fixture
def named_staff(staff):
    staff.last_name, staff.first_name = "Lê Thùy", "Hằng"
    staff.save()
    return staff


@pytest.fixture
def unit_a_staff(unit_a):
    """Staff granted on unit A only: not the issuer's staff."""
    return RoleGrantFactory(user__username="thuongtruc_a", role=Role.STAFF, unit=unit_a).user


def test_a_submitted_proposal_tells_the_issuers_staff_to_review_it(
        campaign_award, unit_a, officer_a, head_a, staff, unit_a_staff, director, media_root,
        django_capture_on_commit_callbacks):
    campaign = campaign_award.campaign
    campaign.results_starts_on, campaign.results_ends_on = D(2023, 10, 1), D(2024, 6, 30)
    campaign.dossier_due_on = D(2024, 7, 1)
    campaign.save()
    head_a.last_name, head_a.first_name = "Trần Văn", "Tâm"
    head_a.save()
    draft = proposal_services.open_proposal(actor=head_a, campaign=campaign, unit=unit_a,
                                            title="Đề nghị tặng Giấy khen", today=D(2024, 6, 20))
    nomination = proposal_services.nominate(actor=head_a, proposal=draft, campaign_award=campaign_award,
                                            officer=officer_a)
    complete(draft, head_a, nomination)
    with django_capture_on_commit_callbacks(execute=True):
        proposal_services.submit(actor=head_a, proposal=draft, now=BEFORE_DUE)
    url = reverse("awards:proposal_detail", args=[draft.pk])
    text = ("Trần Văn Tâm đã gửi đề nghị khen thưởng “Đề nghị tặng Giấy khen” của Chi cục Thi hành án dân sự thành "
            "phố Vị Thanh (phong trào “Đợt thi đua cao điểm năm 2024”, lần 1). Việc cần làm: thẩm định hồ sơ, đưa "
            "vào phiên họp Hội đồng hoặc trả lại để bổ sung.")
    assert _told("proposal.submit") == {("thuongtruc", text, url, "")}
    assert opens(staff, url)


def test_a_returned_proposal_tells_the_units_heads_why_and_links_to_the_new_version(
        submitted_proposal, named_staff, head_a, head_b, director, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        new = proposal_services.return_proposal(actor=named_staff, proposal=submitted_proposal,
                                                comment="Bổ sung biên bản họp xét có chữ ký")
    url = reverse("awards:proposal_detail", args=[new.pk])
    text = ("Lê Thùy Hằng đã trả lại đề nghị khen thưởng “Đề nghị tặng Giấy khen” của Chi cục Thi hành án dân sự "
            "thành phố Vị Thanh (phong trào “Đợt thi đua cao điểm năm 2024”, lần 1) để bổ sung. Lý do: Bổ sung biên "
            "bản họp xét có chữ ký. Việc cần làm: bổ sung hồ sơ ở bản đề nghị mới rồi gửi lại.")
    assert _told("proposal.return") == {("truong_a", text, url, "Bổ sung biên bản họp xét có chữ ký")}
    assert new.status == ProposalStatus.DRAFT
    client = Client()
    client.force_login(head_a)
    page = client.get(url).content.decode()  # the link shows the reason
    assert "Bổ sung biên bản họp xét có chữ ký" in page


def test_a_return_that_is_refused_tells_nobody(submitted_proposal, staff, head_a,
                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(ValidationError):
        proposal_services.return_proposal(actor=staff, proposal=submitted_proposal, comment=" ")
    assert (callbacks, Notification.objects.count()) == ([], 0)


@pytest.fixture
def session_with_members(submitted_proposal, staff):
    users = council_users(submitted_proposal.campaign.plan.issuer, 3)
    return new_session(staff, submitted_proposal.campaign, users, held_on=D(2024, 7, 10)), users


def test_opening_the_vote_invites_each_member_with_the_agenda(
        session_with_members, named_staff, council_member, director, head_a, django_capture_on_commit_callbacks):
    session, users = session_with_members
    with django_capture_on_commit_callbacks(execute=True):
        council_services.open_voting(actor=named_staff, session=session, today=D(2024, 7, 10))
    url = reverse("awards:session_detail", args=[session.pk])
    items = list(session.items.select_related("nomination__campaign_award__award_form"))
    agenda = "; ".join(f"{n}. {i.nomination.subject} – {i.nomination.campaign_award.award_form.name}"
                       for n, i in enumerate(items, start=1))
    text = ("Mời bỏ phiếu: Lê Thùy Hằng đã bắt đầu bỏ phiếu kín tại phiên họp Hội đồng Thi đua – Khen thưởng "
            "“Phiên họp xét khen thưởng đợt thi đua cao điểm” (phong trào “Đợt thi đua cao điểm năm 2024”, họp ngày "
            f"10/07/2024), gồm 3 nội dung bình xét: {agenda}. Việc cần làm: mở phiên họp và bỏ phiếu cho từng nội "
            "dung trước khi kết thúc bỏ phiếu ngày 10/07/2024.")
    assert len(items) == 3 and agenda.startswith("1. ") and "; 3. " in agenda
    assert _told("session.open") == {(u.username, text, url, "") for u in users}  # members only
    assert opens(users[1], url)


def test_closing_the_vote_tells_the_director_over_the_issuer(
        session_with_members, staff, director, council_member, django_capture_on_commit_callbacks):
    session, users = session_with_members
    council_services.open_voting(actor=staff, session=session, today=D(2024, 7, 10))
    for user in users:
        vote(user, session, "yes", "yes", "no")
    with django_capture_on_commit_callbacks(execute=True):
        council_services.close_session(actor=staff, session=session, today=D(2024, 7, 10))
    url = reverse("awards:session_detail", args=[session.pk])
    [(who, text, link, reason)] = _told("session.close")
    assert (who, link, reason) == ("cuctruong", url, "")
    assert text == ("thuongtruc đã kết thúc bỏ phiếu, kiểm phiếu phiên họp Hội đồng “Phiên họp xét khen thưởng đợt "
                    "thi đua cao điểm” (phong trào “Đợt thi đua cao điểm năm 2024”, họp ngày 10/07/2024): 2/3 nội dung "
                    "được Hội đồng thông qua. Việc cần làm: xem kết quả, phê duyệt và ban hành quyết định khen thưởng.")
    assert opens(director, url)


def _nominated_by(unit, user, officer, title, *, like):
    """``officer`` nominated for the same award as ``like``'s, in a proposal ``unit`` submitted."""
    award = like.nominations.first().campaign_award
    proposal = Proposal.objects.create(campaign=like.campaign, unit=unit, title=title, status=ProposalStatus.SUBMITTED,
                                       created_by=user, submitted_by=user)
    return Nomination.objects.create(proposal=proposal, campaign_award=award, unit=officer.unit, officer=officer,
                                     rule=award.award_form.rules.order_by("valid_from").first(), position=0)


def test_the_decision_tells_each_proposing_units_heads_about_their_own_proposal(
        submitted_proposal, unit_b, officer_b, head_a, head_b, staff, director, django_capture_on_commit_callbacks):
    theirs = _nominated_by(unit_b, head_b, officer_b, "Đề nghị của Long Mỹ", like=submitted_proposal)
    other = theirs.proposal
    ours = list(submitted_proposal.nominations.all())[:2]
    session = closed_session(submitted_proposal.campaign, [*ours, theirs])
    with django_capture_on_commit_callbacks(execute=True):
        decision = approve(session, director)
    told = {who: (text, url) for who, text, url, _reason in _told("session.decide")}
    assert set(told) == {"truong_a", "truong_b"}
    assert told["truong_a"] == (
        f"cuctruong đã phê duyệt kết quả phiên họp Hội đồng “Phiên họp xét khen thưởng” và ban hành Quyết định số "
        f"{decision.reference}. Đề nghị “Đề nghị tặng Giấy khen” của Chi cục Thi hành án dân sự thành phố Vị Thanh: "
        f"2/2 đối tượng được khen thưởng, 0 đối tượng trình cấp trên. Việc cần làm: xem kết quả và thông báo cho các "
        f"cá nhân, tập thể của đơn vị.",
        reverse("awards:proposal_detail", args=[submitted_proposal.pk]))
    assert told["truong_b"][1] == reverse("awards:proposal_detail", args=[other.pk])
    assert "“Đề nghị của Long Mỹ” của Chi cục Thi hành án dân sự huyện Long Mỹ: 1/1" in told["truong_b"][0]
    assert opens(head_b, told["truong_b"][1])


# Reopened deadlines, publication for feedback, feedback received, the decision to the nominees' units


def test_a_reopened_deadline_tells_the_units_heads_the_new_date_and_why(
        campaign_award, unit_a, unit_b, named_staff, head_a, head_b, django_capture_on_commit_callbacks):
    campaign = campaign_award.campaign
    with django_capture_on_commit_callbacks(execute=True):
        reopening = proposal_services.reopen(actor=named_staff, campaign=campaign, unit=unit_b,
                                             until=D(2024, 7, 12), reason="Đơn vị đang bổ sung biên bản họp xét.")
    url = reverse("awards:campaign_awards", args=[campaign.pk])
    assert _told("proposal.reopen") == {("truong_b", (
        "Lê Thùy Hằng đã mở lại hạn gửi hồ sơ đề nghị khen thưởng phong trào “Đợt thi đua cao điểm năm 2024” cho Chi "
        "cục Thi hành án dân sự huyện Long Mỹ đến hết ngày 12/07/2024. Lý do: Đơn vị đang bổ sung biên bản họp xét. "
        "Việc cần làm: hoàn thiện và gửi đề nghị khen thưởng trước hạn mới."), url,
        "Đơn vị đang bổ sung biên bản họp xét.")}
    assert Notification.objects.get().event_key == f"reopen-{reopening.pk}-20240712"
    assert opens(head_b, url)


def test_publication_for_feedback_tells_the_units_whose_nominees_are_public(
        submitted_proposal, unit_b, staff, head_a, head_b, django_capture_on_commit_callbacks):
    campaign = submitted_proposal.campaign
    Proposal.objects.create(campaign=campaign, unit=unit_b, title="Đang soạn", created_by=head_b)  # a draft: not public
    for _ in range(2):  # published twice with the same dates: told once
        with django_capture_on_commit_callbacks(execute=True):
            feedback_services.publish_for_feedback(actor=staff, campaign=campaign, opens_on=D(2024, 7, 1),
                                                   closes_on=D(2024, 7, 5))
    url = reverse("awards:published_list", args=[campaign.pk])
    assert _told("feedback.publish") == {("truong_a", (
        "thuongtruc đã công khai danh sách đề nghị khen thưởng phong trào “Đợt thi đua cao điểm năm 2024” để lấy ý "
        "kiến từ ngày 01/07/2024 đến hết ngày 05/07/2024, trong đó có đối tượng do đơn vị đề nghị. Việc cần làm: theo "
        "dõi ý kiến góp ý và giải trình với Thường trực khi cần."), url, "")}
    assert opens(head_a, url)


def test_feedback_received_tells_the_issuers_staff(submitted_proposal, staff, head_a, head_b, director,
                                                  django_capture_on_commit_callbacks):
    campaign = submitted_proposal.campaign
    feedback_services.publish_for_feedback(actor=staff, campaign=campaign, opens_on=D(2024, 7, 1),
                                           closes_on=D(2024, 7, 5))
    head_b.last_name, head_b.first_name = "Phạm Văn", "Bảy"
    head_b.save()
    nomination = submitted_proposal.nominations.get(officer__code="A-001")
    with django_capture_on_commit_callbacks(execute=True):
        feedback_services.leave_feedback(actor=head_b, nomination=nomination, text="Đồng chí An rất gương mẫu.",
                                         today=D(2024, 7, 2))
    url = reverse("awards:published_list", args=[campaign.pk])
    assert _told("feedback.receive") == {("thuongtruc", (
        "Phạm Văn Bảy đã gửi ý kiến góp ý về Nguyễn Văn An trong danh sách công khai đề nghị khen thưởng phong trào "
        "“Đợt thi đua cao điểm năm 2024”. Việc cần làm: xem ý kiến, xác minh và tổng hợp báo cáo Hội đồng."), url, "")}
    assert opens(staff, url)


def test_the_decision_also_tells_the_heads_of_a_nominees_own_unit(
        submitted_proposal, province, unit_b, officer_b, head_a, head_b, director, django_capture_on_commit_callbacks):
    theirs = _nominated_by(province, director, officer_b, "Đề nghị của Cục", like=submitted_proposal)
    session = closed_session(submitted_proposal.campaign, [theirs])
    with django_capture_on_commit_callbacks(execute=True):
        decision = approve(session, director)
    url = reverse("awards:decision_detail", args=[decision.pk])
    assert _told("session.decide") == {("truong_b", (
        f"cuctruong đã ban hành Quyết định số {decision.reference} ngày 10/07/2024 khen thưởng Trần Thị Bình của Chi "
        "cục Thi hành án dân sự huyện Long Mỹ (phiên họp Hội đồng “Phiên họp xét khen thưởng”). Việc cần làm: thông "
        "báo quyết định cho các cá nhân, tập thể được khen thưởng của đơn vị."), url, "")}
    assert opens(head_b, url)
    assert set(Notification.objects.values_list("campaign_id", flat=True)) == {submitted_proposal.campaign_id}
