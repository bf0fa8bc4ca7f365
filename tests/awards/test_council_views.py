"""Council pages over their URLs: who sees what, the ballot paper, closing, results, comments."""

import pytest
from django.urls import reverse

from awards.models import (
    AchievementReport,
    AgendaItem,
    Ballot,
    BallotCast,
    CouncilComment,
    CouncilMember,
    CouncilSession,
    Feedback,
    Nomination,
    Recusal,
    SessionStatus,
    WrittenOpinion,
)
from awards.services import council as services
from emulation.models import AuditEntry
from tests.factories import OfficerFactory

from .council_helpers import box, box_choices, council_users, new_session, vote, voting_session

pytestmark = pytest.mark.integration

YES, NO = "yes", "no"


@pytest.fixture
def members(province):
    return council_users(province, 6)


@pytest.fixture
def session(staff, submitted_proposal, members):
    return voting_session(staff, submitted_proposal.campaign, members)


def _url(name, obj):
    return reverse(f"awards:{name}", args=[obj.pk])


def _session_post(users, **overrides):
    data = {"title": "Phiên họp xét tặng Giấy khen", "held_on": "10/07/2024", "location": "Hội trường Cục",
            "quorum_percent": "66.67", "members-TOTAL_FORMS": "9", "members-INITIAL_FORMS": "0",
            "members-MIN_NUM_FORMS": "0", "members-MAX_NUM_FORMS": "40"}
    for index in range(9):
        data[f"members-{index}-role"] = "member"
    for index, user in enumerate(users):
        data[f"members-{index}-user"] = str(user.pk)
        data[f"members-{index}-full_name"] = f"Thành viên {index + 1}"
        data[f"members-{index}-role"] = "chair" if index == 0 else "member"
    return data | overrides


def _ballot_post(session, *choices):
    items = session.items.order_by("position", "id")
    return {f"item_{item.pk}": choice for item, choice in zip(items, choices, strict=True)}


# Creating and listing


def test_staff_create_a_session_with_members_and_agenda(login, staff, submitted_proposal, members):
    campaign = submitted_proposal.campaign
    client = login(staff)
    page = client.get(_url("session_create", campaign))
    assert page.status_code == 200
    assert "3 đối tượng đang chờ Hội đồng xét" in page.content.decode()
    response = client.post(_url("session_create", campaign), _session_post(members))
    session = CouncilSession.objects.get()
    assert response["Location"] == _url("session_detail", session)
    assert (session.title, session.held_on.isoformat(), session.status) == (
        "Phiên họp xét tặng Giấy khen", "2024-07-10", SessionStatus.PREPARING)
    assert sorted(session.members.values_list("full_name", "role")) == sorted(
        [("Thành viên 1", "chair")] + [(f"Thành viên {i}", "member") for i in range(2, 7)])
    assert session.items.count() == 3
    listing = client.get(_url("session_list", campaign)).content.decode()
    assert "Phiên họp xét tặng Giấy khen" in listing and "10/07/2024" in listing


@pytest.mark.parametrize(("overrides", "message"), [
    ({"title": ""}, "Trường này là bắt buộc."),
    ({"members-0-role": "member"}, "Hội đồng có đúng một Chủ tịch."),
    ({"quorum_percent": "0"}, "Tỷ lệ phải lớn hơn 0 và không quá 100%."),
])
def test_bad_session_input_re_renders_with_messages_and_saves_nothing(login, staff, submitted_proposal, members,
                                                                      overrides, message):
    response = login(staff).post(_url("session_create", submitted_proposal.campaign),
                                 _session_post(members, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (CouncilSession.objects.count(), CouncilMember.objects.count(), AuditEntry.objects.count()) == (0, 0, 0)


def test_session_pages_are_404_outside_the_council_and_403_for_forbidden_actions(
        login, head_a, council_member, director, submitted_proposal, session):
    campaign = submitted_proposal.campaign
    head = login(head_a)
    for url in (_url("session_list", campaign), _url("session_create", campaign), _url("session_detail", session),
                _url("session_results", session), _url("session_vote", session)):
        assert head.get(url).status_code == 404
    for user in (council_member, director):
        client = login(user)
        assert client.get(_url("session_create", campaign)).status_code == 403
        assert client.post(_url("session_close", session)).status_code == 403
        assert client.get(_url("session_detail", session)).status_code == 200
    assert CouncilSession.objects.get().status == SessionStatus.VOTING


def test_anonymous_users_are_sent_to_sign_in(client, session):
    response = client.get(_url("session_detail", session))
    assert response.status_code == 302 and "next=" in response["Location"]


# The review page


def test_members_review_nominees_with_report_eligibility_feedback_and_comments(
        login, members, session, submitted_proposal, head_b):
    nomination = submitted_proposal.nominations.first()
    AchievementReport.objects.create(nomination=nomination, duties="Chấp hành viên trung cấp",
                                     achievements="Giải quyết xong 95% số việc có điều kiện.")
    nomination.eligibility = {"verdict": "needs_judgement", "evaluated_on": "2024-06-25", "findings": [
        {"criterion": "Hoàn thành tốt nhiệm vụ", "outcome": "met", "text": "Xếp loại 2023: hoàn thành tốt.",
         "cites": ["Luật TĐKT 2022 Điều 75"]},
        {"criterion": "Thành tích trong phong trào", "outcome": "judgement", "text": "", "cites": []}]}
    nomination.save()
    Feedback.objects.create(nomination=nomination, author=head_b, text="Đồng chí An làm việc rất tận tụy.")
    services.add_comment(actor=members[2], item=session.items.get(nomination=nomination), text="Nhất trí.")
    page = login(members[0]).get(_url("session_detail", session)).content.decode()
    for text in ("Nguyễn Văn An", "Lê Thị Cúc", "Tập thể Chi cục Thi hành án dân sự thành phố Vị Thanh",
                 "Giấy khen của Cục trưởng Cục THADS tỉnh", "Giải quyết xong 95% số việc có điều kiện.",
                 "Cần Hội đồng xem xét", "25/06/2024", "Xếp loại 2023: hoàn thành tốt.", "Luật TĐKT 2022 Điều 75",
                 "Đồng chí An làm việc rất tận tụy.", "Nhất trí.", "Ủy viên 3", "Chưa có báo cáo thành tích.",
                 "Không có kết quả xét điều kiện.", "ngưỡng mặc định, cấu hình được", "Bỏ phiếu kín"):
        assert text in page, text


def test_member_comments_over_the_url_and_non_members_are_refused(login, members, staff, session):
    item = session.items.first()
    response = login(members[1]).post(_url("session_comment", item), {"text": "Đề nghị làm rõ sáng kiến."})
    assert response["Location"].endswith(f"#muc-{item.pk}")
    assert login(staff).post(_url("session_comment", item), {"text": "Tôi không là thành viên"}).status_code == 403
    assert list(CouncilComment.objects.values_list("member__user", "text")) == [
        (members[1].pk, "Đề nghị làm rõ sáng kiến.")]


def _many_nominations(proposal, campaign_award, unit, count):
    for n in range(count):
        officer = OfficerFactory(unit=unit, full_name=f"Cán bộ số {n}")
        Nomination.objects.create(proposal=proposal, campaign_award=campaign_award, unit=unit, officer=officer,
                                  position=10 + n)


@pytest.mark.parametrize("extra", [0, 17])
def test_session_page_queries_do_not_grow_with_the_agenda(login, staff, members, submitted_proposal, campaign_award,
                                                          unit_a, head_b, extra, django_assert_max_num_queries):
    _many_nominations(submitted_proposal, campaign_award, unit_a, extra)
    for nomination in submitted_proposal.nominations.all():
        Feedback.objects.create(nomination=nomination, author=head_b, text="Ý kiến")
        AchievementReport.objects.create(nomination=nomination, duties="Nhiệm vụ", achievements="Thành tích")
    session = voting_session(staff, submitted_proposal.campaign, members)
    for item in session.items.all():
        services.add_comment(actor=members[0], item=item, text="Nhất trí")
    vote(members[0], session, *[YES] * (3 + extra))
    client = login(members[1])
    # + 3: the idle-session refresh (SESSION_SAVE_EVERY_REQUEST)
    with django_assert_max_num_queries(17):  # + the notification bell; + the recusals, one query whatever the agenda
        page = client.get(_url("session_detail", session))
    assert page.content.decode().count('data-testid="agenda-item"') == 3 + extra


# The ballot paper


def test_member_votes_once_over_the_url_and_a_second_paper_is_refused(login, members, session):
    client = login(members[0])
    assert client.get(_url("session_vote", session)).status_code == 200
    response = client.post(_url("session_vote", session), _ballot_post(session, YES, NO, YES))
    assert response["Location"] == _url("session_detail", session)
    again = client.post(_url("session_vote", session), _ballot_post(session, NO, NO, NO))
    assert again.status_code == 403
    assert "Bạn đã bỏ phiếu trong phiên họp này" in again.content.decode()
    assert (BallotCast.objects.count(), box_choices()) == (1, [NO, YES, YES])
    assert "Bạn đã bỏ phiếu" in client.get(_url("session_detail", session)).content.decode()


def test_a_ballot_paper_is_kept_out_of_error_reports(login, members, session):
    response = login(members[0]).post(_url("session_vote", session), _ballot_post(session, YES, NO, YES))
    assert (response.status_code, response.wsgi_request.sensitive_post_parameters) == (302, "__ALL__")


def test_incomplete_ballot_paper_re_renders_and_saves_nothing(login, members, session):
    items = list(session.items.order_by("position"))
    response = login(members[0]).post(_url("session_vote", session), {f"item_{items[0].pk}": YES})
    assert response.status_code == 200
    assert response.content.decode().count("Chọn Đồng ý, Không đồng ý hoặc Không biểu quyết.") == 2
    assert (BallotCast.objects.count(), Ballot.objects.count()) == (0, 0)


def test_non_members_cannot_vote_even_a_member_of_another_session(login, staff, director, council_member, province,
                                                                  submitted_proposal, session):
    others = council_users(province, 2, prefix="khac")
    new_session(staff, submitted_proposal.campaign, others)
    for user in (others[0], staff, director, council_member):
        response = login(user).post(_url("session_vote", session), _ballot_post(session, YES, YES, YES))
        assert response.status_code == 403
        assert "Bạn không phải thành viên Hội đồng của phiên họp này." in response.content.decode()
    assert (BallotCast.objects.count(), Ballot.objects.count()) == (0, 0)


def test_voting_before_the_vote_opens_is_refused(login, staff, members, submitted_proposal):
    session = new_session(staff, submitted_proposal.campaign, members)
    response = login(members[0]).post(_url("session_vote", session), _ballot_post(session, YES, YES, YES))
    assert response.status_code == 403
    assert "Phiên họp không trong thời gian bỏ phiếu." in response.content.decode()
    assert BallotCast.objects.count() == 0


def test_counts_are_hidden_until_closing(login, staff, members, session):
    for user in members[:4]:
        vote(user, session, YES, NO, YES)
    page = login(members[0]).get(_url("session_detail", session)).content.decode()
    assert 'data-testid="item-result"' not in page
    assert "Đã bỏ phiếu: 4/6 thành viên" in page
    results = login(staff).get(_url("session_results", session))
    assert results["Location"] == _url("session_detail", session)


# Closing and results


def test_staff_close_and_everyone_in_the_council_reads_the_results(login, staff, members, session, submitted_proposal):
    for index, user in enumerate(members[:5]):
        vote(user, session, YES, YES if index < 3 else NO, NO)
    client = login(staff)
    response = client.post(_url("session_close", session))
    assert response["Location"] == _url("session_detail", session)
    assert list(AgendaItem.objects.order_by("position").values_list("yes_count", "no_count", "passed")) == [
        (5, 0, True), (3, 2, True), (0, 5, False)]
    page = login(members[5]).get(_url("session_results", session)).content.decode()
    for text in ("83,33%", "50,00%", "0,00%", "Nghị định 98/2023/NĐ-CP", "ngưỡng mặc định, cấu hình được",
                 "Thành viên tham gia bỏ phiếu: 5/6", "đủ điều kiện", "cần 3 phiếu",
                 "Thành viên không bỏ phiếu (1)", "Ủy viên 6"):
        assert text in page, text


def test_closing_without_quorum_is_refused_with_a_message(login, staff, members, session):
    for user in members[:3]:
        vote(user, session, YES, YES, YES)
    client = login(staff)
    page = client.post(_url("session_close", session), follow=True).content.decode()
    assert "Chưa đủ số thành viên tham gia bỏ phiếu: 3/6 thành viên" in page
    assert CouncilSession.objects.get().status == SessionStatus.VOTING
    assert not AgendaItem.objects.filter(passed__isnull=False).exists()


def test_staff_open_voting_and_refresh_the_agenda_over_the_urls(login, staff, members, submitted_proposal):
    session = new_session(staff, submitted_proposal.campaign, members)
    client = login(staff)
    assert client.post(_url("session_agenda", session))["Location"] == _url("session_detail", session)
    assert client.post(_url("session_open", session))["Location"] == _url("session_detail", session)
    assert CouncilSession.objects.get().status == SessionStatus.VOTING
    edit = client.get(_url("session_edit", session), follow=True).content.decode()
    assert "không thể thay đổi thành phần" in edit


def test_dashboard_lists_sessions_awaiting_the_members_vote(login, members, session):
    page = login(members[0]).get(reverse("reports:dashboard")).content.decode()
    assert session.title in page
    vote(members[0], session, YES, YES, YES)
    page = login(members[0]).get(reverse("reports:dashboard")).content.decode()
    assert "Không có phiên họp nào chờ bạn bỏ phiếu." in page


def test_staff_edit_members_while_preparing(login, staff, members, submitted_proposal):
    session = new_session(staff, submitted_proposal.campaign, members)
    client = login(staff)
    form = client.get(_url("session_edit", session))
    assert form.status_code == 200
    assert form.content.decode().count('data-testid="member-row"') == 6 + 9
    data = _session_post(members[:3], title="Phiên họp (điều chỉnh)") | {"members-TOTAL_FORMS": "9"}
    assert client.post(_url("session_edit", session), data)["Location"] == _url("session_detail", session)
    session.refresh_from_db()
    assert (session.title, session.members.count()) == ("Phiên họp (điều chỉnh)", 3)
    assert AuditEntry.objects.filter(model_label="awards.CouncilMember", action="delete").count() == 3


def test_a_member_who_commented_stays_on_the_council(login, staff, members, submitted_proposal):
    session = new_session(staff, submitted_proposal.campaign, members)
    services.add_comment(actor=members[5], item=session.items.first(), text="Ý kiến khi chuẩn bị")
    data = _session_post(members[:3], title="Phiên họp (điều chỉnh)") | {"members-TOTAL_FORMS": "9"}
    response = login(staff).post(_url("session_edit", session), data)
    assert response.status_code == 200
    assert "đã có ý kiến trong phiên họp" in response.content.decode()
    assert session.members.count() == 6


def test_staff_record_an_absent_members_written_opinion(login, staff, members, submitted_proposal):
    session = voting_session(staff, submitted_proposal.campaign, members)
    vote(members[0], session, YES, YES, YES)
    client = login(staff)
    page = client.get(_url("session_detail", session)).content.decode()
    assert 'data-testid="opinion-submit"' in page
    url = reverse("awards:session_written_opinion", args=[session.pk])
    data = {"member": str(members[0].council_seats.get(session=session).pk), "received_on": "04/07/2024",
            "text": "Đồng ý cả danh sách."}
    client.post(url, data)
    assert not WrittenOpinion.objects.exists()  # a member who voted gives no written opinion
    absent = members[1].council_seats.get(session=session)
    client.post(url, {**data, "member": str(absent.pk)})
    assert WrittenOpinion.objects.get().member == absent
    assert login(members[2]).post(url, {**data, "member": str(absent.pk)}).status_code == 403


# Abstention, recusal, absent members (issue #10)


def test_abstain_through_the_ballot_page(login, members, session):
    client = login(members[0])
    page = client.get(_url("session_vote", session)).content.decode()
    assert page.count('value="abstain"') == 3 and "Không biểu quyết" in page
    client.post(_url("session_vote", session), _ballot_post(session, "abstain", NO, YES))
    assert box_choices() == ["abstain", NO, YES]


def test_a_declared_conflict_leaves_the_item_off_the_paper_and_a_forged_post_is_refused(login, members, session):
    items = list(session.items.order_by("position", "id"))
    client = login(members[1])
    assert 'data-testid="conflict"' in client.get(_url("session_detail", session)).content.decode()
    client.post(_url("session_conflict", session), {"item": str(items[1].pk), "reason": "Anh ruột"})
    assert [(r.member.user, r.item, r.reason) for r in Recusal.objects.all()] == [(members[1], items[1], "Anh ruột")]
    page = client.get(_url("session_vote", session)).content.decode()
    assert f'name="item_{items[1].pk}"' not in page and f'name="item_{items[0].pk}"' in page
    assert "Tự khai báo xung đột lợi ích: Anh ruột" in page
    forged = client.post(_url("session_vote", session), _ballot_post(session, YES, YES, YES))
    assert forged.status_code == 403
    assert "Bạn không tham gia biểu quyết" in forged.content.decode()
    assert (BallotCast.objects.count(), Ballot.objects.count()) == (0, 0)
    client.post(_url("session_vote", session), {f"item_{items[0].pk}": YES, f"item_{items[2].pk}": NO})
    assert box() == sorted([(items[0].pk, YES), (items[2].pk, NO)])
    detail = login(members[2]).get(_url("session_detail", session)).content.decode()
    assert 'data-testid="recusals"' in detail and "Ủy viên 2 (Tự khai báo xung đột lợi ích: Anh ruột)" in detail


def test_a_conflict_without_a_reason_saves_nothing(login, members, session):
    item = session.items.first()
    login(members[1]).post(_url("session_conflict", session), {"item": str(item.pk), "reason": ""})
    assert Recusal.objects.count() == 0


def test_an_absent_member_with_a_written_opinion_is_refused_the_ballot_page(login, staff, members, session):
    seat = members[5].council_seats.get(session=session)
    login(staff).post(reverse("awards:session_written_opinion", args=[session.pk]),
                      {"member": str(seat.pk), "received_on": "09/07/2024", "text": "Vắng, nhất trí"})
    assert WrittenOpinion.objects.get().member == seat
    client = login(members[5])
    for response in (client.get(_url("session_vote", session)),
                     client.post(_url("session_vote", session), _ballot_post(session, YES, YES, YES))):
        assert response.status_code == 403
        assert "thành viên vắng mặt không bỏ phiếu tại phiên họp" in response.content.decode()
    assert BallotCast.objects.count() == 0
    assert 'data-testid="absent-with-opinion"' in client.get(_url("session_detail", session)).content.decode()
