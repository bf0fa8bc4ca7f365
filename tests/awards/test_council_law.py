"""The council as the law writes it, through the services: abstentions, thresholds with their
comparison, recusals (declared and automatic) and "absent or voting, never both"."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from awards.models import AgendaItem, Ballot, BallotCast, Recusal, RecusalGround, WrittenOpinion
from awards.services import ballots
from awards.services import council as services
from emulation.models import AuditEntry

from .council_helpers import box, council_users, vote, voting_session

pytestmark = pytest.mark.integration

YES, NO, ABSTAIN = "yes", "no", "abstain"


def _items(session):
    return list(AgendaItem.objects.filter(session=session).order_by("position", "id"))


@pytest.fixture
def conflicted(staff, submitted_proposal, officer_a, head_a, province):
    """Seven members plus officer A's own account and unit A's head. The agenda: officer A, Lê Thị Cúc,
    unit A as a collective."""
    nominee_user = council_users(province, 1, prefix="an")[0]
    officer_a.user = nominee_user
    officer_a.save(update_fields=["user"])
    users = [*council_users(province, 7), nominee_user, head_a]
    return voting_session(staff, submitted_proposal.campaign, users), nominee_user, head_a, users


def _seat(session, user):
    return session.members.get(user=user)


def test_the_nominee_and_the_head_of_the_nominated_collective_are_recused_when_voting_opens(conflicted):
    session, nominee_user, head, _users = conflicted
    officer_item, colleague_item, collective_item = _items(session)
    recusals = {(r.member.user, r.item, r.ground) for r in Recusal.objects.select_related("member")}
    assert recusals == {(nominee_user, officer_item, RecusalGround.NOMINEE),
                        (head, collective_item, RecusalGround.HEAD)}
    assert AuditEntry.objects.filter(model_label="awards.Recusal").count() == 2


def test_a_leader_officer_of_the_nominated_unit_is_recused_from_the_collective_only(
        staff, submitted_proposal, officer_a, province):
    leader = council_users(province, 1, prefix="pho")[0]
    officer_a.user, officer_a.is_leader = leader, True
    officer_a.save(update_fields=["user", "is_leader"])
    session = voting_session(staff, submitted_proposal.campaign, [*council_users(province, 3), leader])
    officer_item, _colleague, collective_item = _items(session)
    assert sorted((r.item_id, r.ground) for r in Recusal.objects.all()) == sorted([
        (officer_item.pk, RecusalGround.NOMINEE), (collective_item.pk, RecusalGround.HEAD)])


def test_a_recused_member_votes_on_the_other_items_and_a_paper_with_the_recused_item_is_refused(conflicted):
    session, nominee_user, _head, _users = conflicted
    officer_item, colleague_item, collective_item = _items(session)
    with pytest.raises(PermissionDenied) as refused:
        ballots.cast_ballot(actor=nominee_user, session=session,
                            choices={officer_item.pk: YES, colleague_item.pk: YES, collective_item.pk: YES})
    assert "Bạn không tham gia biểu quyết" in str(refused.value)
    assert "Là người được đề nghị khen thưởng" in str(refused.value)
    assert (BallotCast.objects.count(), Ballot.objects.count()) == (0, 0)
    with pytest.raises(ValidationError):  # the other items are still required
        ballots.cast_ballot(actor=nominee_user, session=session, choices={colleague_item.pk: YES})
    ballots.cast_ballot(actor=nominee_user, session=session, choices={colleague_item.pk: YES, collective_item.pk: NO})
    per_item = box(session)
    assert per_item == sorted([(colleague_item.pk, YES), (collective_item.pk, NO)])


def test_a_member_declares_a_conflict_with_a_reason_before_casting(conflicted):
    session, _nominee, _head, users = conflicted
    member = users[0]
    _officer, colleague_item, _collective = _items(session)
    with pytest.raises(ValidationError):
        ballots.declare_conflict(actor=member, item=colleague_item, reason="  ")
    recusal = ballots.declare_conflict(actor=member, item=colleague_item, reason="Vợ của người được đề nghị")
    assert (recusal.member.user, recusal.ground, recusal.reason_text) == (
        member, RecusalGround.DECLARED, "Tự khai báo xung đột lợi ích: Vợ của người được đề nghị")
    entry = AuditEntry.objects.filter(model_label="awards.Recusal", actor=member).get()
    assert entry.object_id == str(recusal.pk)
    with pytest.raises(ValidationError):  # once per item
        ballots.declare_conflict(actor=member, item=colleague_item, reason="Lần nữa")
    with pytest.raises(PermissionDenied):
        ballots.cast_ballot(actor=member, session=session, choices={i.pk: YES for i in _items(session)})


def test_no_conflict_is_declared_after_casting_nor_by_a_non_member(conflicted, staff):
    session, _nominee, _head, users = conflicted
    vote(users[1], session, YES, YES, YES)
    item = _items(session)[0]
    for user in (users[1], staff):
        with pytest.raises(PermissionDenied):
            ballots.declare_conflict(actor=user, item=item, reason="Muộn")
    assert Recusal.objects.filter(ground=RecusalGround.DECLARED).count() == 0


def test_a_member_with_a_written_opinion_on_file_cannot_cast(staff, submitted_proposal, province):
    users = council_users(province, 4)
    session = voting_session(staff, submitted_proposal.campaign, users)
    ballots.record_written_opinion(actor=staff, session=session, member=_seat(session, users[3]),
                                   received_on=datetime.date(2024, 7, 9), text="Vắng, nhất trí")
    with pytest.raises(PermissionDenied) as refused:
        vote(users[3], session, YES, YES, YES)
    assert "thành viên vắng mặt không bỏ phiếu" in str(refused.value)
    assert BallotCast.objects.count() == 0


def test_a_member_who_voted_cannot_be_recorded_absent(staff, submitted_proposal, province):
    users = council_users(province, 4)
    session = voting_session(staff, submitted_proposal.campaign, users)
    vote(users[0], session, YES, YES, YES)
    with pytest.raises(ValidationError):
        ballots.record_written_opinion(actor=staff, session=session, member=_seat(session, users[0]),
                                       received_on=datetime.date(2024, 7, 9), text="Nhất trí")
    assert WrittenOpinion.objects.count() == 0


def test_closing_counts_abstentions_and_honours_quá_nửa(staff, submitted_proposal, province):
    rule = submitted_proposal.nominations.first().rule
    rule.vote_threshold, rule.threshold_comparison = 50, "more_than"
    rule.save()
    users = council_users(province, 4)
    session = voting_session(staff, submitted_proposal.campaign, users)
    vote(users[0], session, YES, YES, YES)
    vote(users[1], session, YES, YES, ABSTAIN)
    vote(users[2], session, NO, YES, ABSTAIN)
    vote(users[3], session, ABSTAIN, ABSTAIN, ABSTAIN)
    services.close_session(actor=staff, session=session)
    # 2 of 4 is not more than half; 3 of 4 is; abstentions are not yes
    assert [(i.yes_count, i.no_count, i.abstain_count, i.passed) for i in _items(session)] == [
        (2, 1, 1, False), (3, 0, 1, True), (1, 0, 3, False)]


def test_recused_members_stay_in_the_denominator(conflicted, staff):
    session, nominee_user, head, users = conflicted
    rule = session.items.first().nomination.rule
    rule.vote_threshold, rule.threshold_comparison = 90, "at_least"
    rule.save()
    officer_item, colleague_item, collective_item = _items(session)
    for user in users[:7]:
        vote(user, session, YES, YES, YES)
    ballots.cast_ballot(actor=nominee_user, session=session,  # recused from officer A
                        choices={colleague_item.pk: YES, collective_item.pk: YES})
    ballots.cast_ballot(actor=head, session=session,  # recused from unit A
                        choices={officer_item.pk: YES, colleague_item.pk: YES})
    services.close_session(actor=staff, session=session)
    # 9 members: 8 yes on officer A and unit A, all of those who could vote on them, yet 8/9 < 90 %
    assert [(i.yes_count, i.passed) for i in _items(session)] == [(8, False), (9, True), (8, False)]
