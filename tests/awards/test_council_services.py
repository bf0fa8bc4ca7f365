"""Council services: sessions, members and agenda, the secret ballot's refusals, closing and quorum."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from awards.models import (
    AgendaItem,
    Ballot,
    BallotCast,
    CouncilComment,
    CouncilMember,
    CouncilSession,
    MemberRole,
    Nomination,
    NominationStatus,
    Proposal,
    ProposalStatus,
    SessionStatus,
)
from awards.services import ballots
from awards.services import council as services
from emulation.models import AuditEntry

from .council_helpers import box, box_choices, council_users, new_session, seats, vote, voting_session

pytestmark = pytest.mark.integration

YES, NO = "yes", "no"


@pytest.fixture
def nine(province):
    return council_users(province, 9)


@pytest.fixture
def session(staff, submitted_proposal, nine):
    return voting_session(staff, submitted_proposal.campaign, nine)


def test_create_session_seats_members_and_puts_submitted_nominations_on_the_agenda(
        staff, submitted_proposal, campaign_award, unit_b, nine):
    draft = Proposal.objects.create(campaign=submitted_proposal.campaign, unit=unit_b, title="Nháp")
    Nomination.objects.create(proposal=draft, campaign_award=campaign_award, unit=unit_b)
    session = new_session(staff, submitted_proposal.campaign, nine)
    assert (session.status, session.unit, session.created_by) == (SessionStatus.PREPARING,
                                                                 submitted_proposal.campaign.plan.issuer, staff)
    assert [(m.user, m.role) for m in session.members.order_by("user_id")][:2] == [
        (nine[0], MemberRole.CHAIR), (nine[1], MemberRole.MEMBER)]
    assert [i.nomination for i in session.items.all()] == list(submitted_proposal.nominations.all())
    assert [i.position for i in session.items.all()] == [1, 2, 3]
    labels = list(AuditEntry.objects.filter(actor=staff).order_by("id").values_list("model_label", flat=True))
    assert labels == ["awards.CouncilSession"] + ["awards.CouncilMember"] * 9 + ["awards.AgendaItem"] * 3


def test_create_session_refuses_bad_members_and_saves_nothing(staff, submitted_proposal, nine):
    campaign = submitted_proposal.campaign
    bad = [
        [],
        seats(nine[:2]) + seats(nine[:1]),  # a user twice (and two chairs)
        [services.Seat(user=u, full_name="X", role=MemberRole.MEMBER) for u in nine[:3]],  # no chair
    ]
    for members in bad:
        with pytest.raises(ValidationError):
            services.create_session(actor=staff, seats=members, session=CouncilSession(
                campaign=campaign, title="Phiên họp", held_on=datetime.date(2024, 7, 10)))
    assert (CouncilSession.objects.count(), CouncilMember.objects.count(), AuditEntry.objects.count()) == (0, 0, 0)


def test_only_staff_of_the_issuing_unit_create_sessions(head_a, council_member, director, submitted_proposal, nine):
    for user in (head_a, council_member, director):
        with pytest.raises(PermissionDenied):
            new_session(user, submitted_proposal.campaign, nine)
    assert CouncilSession.objects.count() == 0


def test_agenda_skips_nominations_on_another_open_session_and_refresh_drops_returned_ones(
        staff, submitted_proposal, nine):
    first = new_session(staff, submitted_proposal.campaign, nine)
    second = new_session(staff, submitted_proposal.campaign, nine)
    assert (first.items.count(), second.items.count()) == (3, 0)
    Proposal.objects.filter(pk=submitted_proposal.pk).update(status=ProposalStatus.RETURNED)
    assert services.refresh_agenda(actor=staff, session=first) == 0
    assert AgendaItem.objects.count() == 0


def test_update_session_changes_members_while_preparing_only(staff, submitted_proposal, nine):
    session = new_session(staff, submitted_proposal.campaign, nine)
    session.title = "Phiên họp (sửa)"
    services.update_session(actor=staff, session=session, seats=seats(nine[:5]))
    assert (CouncilSession.objects.get().title, session.members.count()) == ("Phiên họp (sửa)", 5)
    services.open_voting(actor=staff, session=session)
    with pytest.raises(ValidationError):
        services.update_session(actor=staff, session=session, seats=seats(nine))
    assert session.members.count() == 5


def test_open_voting_needs_an_agenda(staff, province_campaign, nine):
    session = new_session(staff, province_campaign, nine)
    with pytest.raises(ValidationError, match="chưa có nội dung bình xét"):
        services.open_voting(actor=staff, session=session)
    assert CouncilSession.objects.get().status == SessionStatus.PREPARING


def test_a_member_casts_one_ballot_paper_covering_the_agenda(session, nine):
    cast = vote(nine[0], session, YES, NO, YES)
    assert (cast.session, cast.member.user) == (session, nine[0])
    positions = dict(session.items.values_list("pk", "position"))
    assert sorted((positions[item], choice) for item, choice in box(session)) == [(1, YES), (2, NO), (3, YES)]
    entry = AuditEntry.objects.get(actor=nine[0])
    assert (entry.model_label, entry.action) == ("awards.BallotCast", "create")


def test_second_ballot_paper_is_refused_and_saves_nothing(session, nine):
    vote(nine[0], session, YES, YES, YES)
    with pytest.raises(PermissionDenied, match="đã bỏ phiếu"):
        vote(nine[0], session, NO, NO, NO)
    assert (BallotCast.objects.count(), box_choices(session)) == (1, [YES] * 3)


def test_member_of_another_session_and_non_members_cannot_vote(staff, director, council_member, session, province,
                                                               submitted_proposal):
    others = council_users(province, 3, prefix="khac")
    other_session = new_session(staff, submitted_proposal.campaign, others)
    assert CouncilMember.objects.filter(session=other_session, user=others[0]).exists()
    for user in (others[0], staff, director, council_member):
        with pytest.raises(PermissionDenied, match="không phải thành viên"):
            vote(user, session, YES, YES, YES)
    assert (BallotCast.objects.count(), Ballot.objects.count()) == (0, 0)


def test_voting_outside_the_voting_status_is_refused(staff, submitted_proposal, nine):
    session = new_session(staff, submitted_proposal.campaign, nine)
    with pytest.raises(PermissionDenied, match="không trong thời gian bỏ phiếu"):
        vote(nine[0], session, YES, YES, YES)
    services.open_voting(actor=staff, session=session)
    for user in nine[:6]:
        vote(user, session, YES, YES, YES)
    services.close_session(actor=staff, session=session)
    with pytest.raises(PermissionDenied, match="không trong thời gian bỏ phiếu"):
        vote(nine[7], session, YES, YES, YES)
    assert BallotCast.objects.count() == 6


def test_ballot_paper_must_cover_every_item(session, nine):
    items = list(session.items.all())
    for choices in ({items[0].pk: YES}, {i.pk: "maybe" for i in items}, {**{i.pk: YES for i in items}, 999999: YES}):
        with pytest.raises(ValidationError):
            ballots.cast_ballot(actor=nine[0], session=session, choices=choices)
    assert (BallotCast.objects.count(), Ballot.objects.count()) == (0, 0)


def test_closing_counts_against_the_threshold_over_the_whole_membership(staff, session, nine, submitted_proposal):
    rule = submitted_proposal.nominations.first().rule
    rule.vote_threshold = 80
    rule.save()
    # 8 of 9 vote. Item 1: 8 yes (8/9 ≥ 80 %). Item 2: 7 yes (77.78 % of 9, though 87.5 % of those voting).
    # Item 3: 4 yes.
    for index, user in enumerate(nine[:8]):
        vote(user, session, YES, YES if index < 7 else NO, YES if index < 4 else NO)
    services.close_session(actor=staff, session=session)
    items = list(AgendaItem.objects.order_by("position"))
    assert [(i.yes_count, i.no_count, i.passed) for i in items] == [(8, 0, True), (7, 1, False), (4, 4, False)]
    assert [i.nomination.status for i in items] == [NominationStatus.PASSED, NominationStatus.NOT_PASSED,
                                                    NominationStatus.NOT_PASSED]
    session.refresh_from_db()
    assert session.status == SessionStatus.CLOSED and session.closed_at is not None


def test_closing_uses_the_rule_in_force_on_the_submission_date_when_none_is_stored(
        staff, session, nine, submitted_proposal, certificate):
    Nomination.objects.update(rule=None)
    nd98, nd152 = certificate.rules.order_by("valid_from")
    nd98.vote_threshold, nd152.vote_threshold = 60, 40
    nd98.save()
    nd152.save()
    for index, user in enumerate(nine[:6]):  # 5 yes of 9 = 55.56 %: fails 60 % (NĐ 98, in force on 25/06/2024)
        vote(user, session, *([YES if index < 5 else NO] * 3))
    services.close_session(actor=staff, session=session)
    assert list(AgendaItem.objects.values_list("passed", flat=True)) == [False, False, False]


def test_closing_is_refused_without_quorum(staff, session, nine):
    for user in nine[:5]:  # 5 of 9 < 2/3
        vote(user, session, YES, YES, YES)
    with pytest.raises(ValidationError, match="Chưa đủ số thành viên tham gia bỏ phiếu: 5/9"):
        services.close_session(actor=staff, session=session)
    session.refresh_from_db()
    assert session.status == SessionStatus.VOTING
    assert list(AgendaItem.objects.values_list("yes_count", flat=True)) == [None, None, None]
    assert set(Nomination.objects.values_list("status", flat=True)) == {NominationStatus.PROPOSED}


def test_only_staff_close(session, nine, director):
    for user in nine[:6]:
        vote(user, session, YES, YES, YES)
    for user in (nine[0], director):
        with pytest.raises(PermissionDenied):
            services.close_session(actor=user, session=session)
    assert CouncilSession.objects.get().status == SessionStatus.VOTING


def test_members_comment_signed_until_closing(session, nine, staff):
    item = session.items.first()
    comment = services.add_comment(actor=nine[1], item=item, text="  Thành tích nổi bật, đề nghị thông qua. ")
    assert (comment.member.user, comment.text) == (nine[1], "Thành tích nổi bật, đề nghị thông qua.")
    with pytest.raises(PermissionDenied):
        services.add_comment(actor=staff, item=item, text="Không phải thành viên")
    with pytest.raises(ValidationError):
        services.add_comment(actor=nine[1], item=item, text="   ")
    assert CouncilComment.objects.count() == 1
