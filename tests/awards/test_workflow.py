"""The awards lifecycles as tables: every (state, action, person) is allowed or refused with a reason,
refusals reach the page as 403 with that reason, date order is a guard, and each transition emits one
event after commit."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import workflow
from awards.models import (
    AgendaItem,
    CouncilSession,
    FeedbackWindow,
    NominationStatus,
    Proposal,
    ProposalStatus,
    SessionStatus,
)
from awards.services import council as council_services
from awards.services import decisions
from awards.services import proposals as proposal_services
from emulation import events
from emulation.lifecycle import Refused
from tests.awards.council_helpers import council_users, new_session, vote

D = datetime.date
PEOPLE = ("head_a", "head_b", "staff", "director", "council_member", "viewer")

# What the law and the organisation allow, written out: (lifecycle, state, action, person).
# Everything not listed here must be refused with a reason.
ALLOWED = {
    ("proposal", ProposalStatus.DRAFT, "submit", "head_a"),
    ("proposal", ProposalStatus.DRAFT, "submit", "staff"),  # staff of the province act for its units
    ("proposal", ProposalStatus.SUBMITTED, "return", "staff"),
    ("nomination", NominationStatus.PROPOSED, "pass", "staff"),
    ("nomination", NominationStatus.PROPOSED, "fail", "staff"),
    ("nomination", NominationStatus.PASSED, "award", "director"),
    ("nomination", NominationStatus.PASSED, "forward", "director"),
    ("nomination", NominationStatus.PASSED, "refuse", "director"),
    ("session", SessionStatus.PREPARING, "open", "staff"),
    ("session", SessionStatus.VOTING, "close", "staff"),
    ("session", SessionStatus.CLOSED, "decide", "director"),
}


@pytest.fixture
def session(submitted_proposal):
    return CouncilSession.objects.create(unit=submitted_proposal.campaign.plan.issuer,
                                         campaign=submitted_proposal.campaign, title="Phiên họp",
                                         held_on=D(2024, 7, 5))


@pytest.mark.django_db
def test_every_state_action_and_person_is_allowed_or_refused_with_a_reason(request, submitted_proposal, session):
    people = {name: request.getfixturevalue(name) for name in PEOPLE}
    objects = {"proposal": submitted_proposal, "nomination": submitted_proposal.nominations.first(),
               "session": session}
    seen = set()
    for lifecycle in workflow.LIFECYCLES:
        obj = objects[lifecycle.name]
        for state in lifecycle.states.values:
            setattr(obj, lifecycle.field, state)
            for action in lifecycle.actions_named:
                for name, person in people.items():
                    key = (lifecycle.name, state, action, name)
                    why = lifecycle.refusal(person, obj, action)
                    if key in ALLOWED:
                        assert why is None, key
                        seen.add(key)
                    else:
                        assert why and action not in {t.action for t in lifecycle.actions(person, obj)}, key
                        with pytest.raises(Refused, match="Không thể|không có quyền"):
                            lifecycle.check(person, obj, action, reason="lý do", today=D(2024, 7, 20),
                                            decided_on=D(2024, 7, 20))
    assert seen == ALLOWED


@pytest.mark.django_db
def test_a_refused_action_answers_403_with_its_reason(login, submitted_proposal, session, head_a, staff,
                                                      director):
    response = login(head_a).post(reverse("awards:proposal_return", args=[submitted_proposal.pk]),
                                  {"comment": "Thiếu biên bản"})
    assert response.status_code == 403
    assert "Bạn không có quyền “Trả lại để bổ sung” ở trạng thái “Đã gửi”" in response.content.decode()
    response = login(staff).post(reverse("awards:session_close", args=[session.pk]))
    assert response.status_code == 403
    assert "Không thể “Kết thúc, kiểm phiếu” khi đang ở trạng thái “Đang chuẩn bị”" in response.content.decode()
    response = login(director).post(reverse("awards:session_open", args=[session.pk]))
    assert response.status_code == 403
    assert "Bạn không có quyền “Bắt đầu bỏ phiếu”" in response.content.decode()
    session.refresh_from_db()
    submitted_proposal.refresh_from_db()
    assert (session.status, submitted_proposal.status) == (SessionStatus.PREPARING, ProposalStatus.SUBMITTED)


@pytest.mark.django_db
def test_the_page_offers_only_the_allowed_actions(login, submitted_proposal, session, staff, head_a):
    page = login(staff).get(reverse("awards:proposal_detail", args=[submitted_proposal.pk])).content.decode()
    assert ('data-testid="proposal-return"' in page, 'data-testid="proposal-submit"' in page) == (True, False)
    page = login(head_a).get(reverse("awards:proposal_detail", args=[submitted_proposal.pk])).content.decode()
    assert ('data-testid="proposal-return"' in page, 'data-testid="proposal-submit"' in page) == (False, False)


@pytest.mark.django_db
def test_the_unit_sees_why_its_previous_version_was_returned(login, submitted_proposal, staff, head_a):
    new = proposal_services.return_proposal(actor=staff, proposal=submitted_proposal,
                                            comment="Bổ sung biên bản họp xét có chữ ký")
    page = login(head_a).get(reverse("awards:proposal_detail", args=[new.pk])).content.decode()
    assert "Lần 1 đã bị trả lại để bổ sung" in page and "Bổ sung biên bản họp xét có chữ ký" in page


@pytest.mark.django_db
def test_returning_needs_a_reason_and_saves_nothing_without_one(submitted_proposal, staff):
    with pytest.raises(ValidationError) as refused:
        proposal_services.return_proposal(actor=staff, proposal=submitted_proposal, comment="  ")
    assert list(refused.value.message_dict) == ["comment"]
    submitted_proposal.refresh_from_db()
    assert (submitted_proposal.status, Proposal.objects.filter(previous=submitted_proposal).exists()) == (
        ProposalStatus.SUBMITTED, False)


# Date order


def _voting_ready(staff, campaign, count=3):
    users = council_users(campaign.plan.issuer, count)
    return new_session(staff, campaign, users, held_on=D(2024, 7, 10)), users


@pytest.mark.django_db
def test_the_vote_opens_only_after_the_feedback_window_closes(submitted_proposal, staff):
    campaign = submitted_proposal.campaign
    FeedbackWindow.objects.create(campaign=campaign, opens_on=D(2024, 7, 1), closes_on=D(2024, 7, 15))
    session, _users = _voting_ready(staff, campaign)
    with pytest.raises(ValidationError, match=r"đến hết ngày 15/07/2024: chỉ bắt đầu bỏ phiếu từ ngày 16/07/2024"):
        council_services.open_voting(actor=staff, session=session, today=D(2024, 7, 15))
    session.refresh_from_db()
    assert session.status == SessionStatus.PREPARING
    council_services.open_voting(actor=staff, session=session, today=D(2024, 7, 16))
    session.refresh_from_db()
    assert session.status == SessionStatus.VOTING


@pytest.mark.django_db
def test_the_vote_closes_and_the_minutes_are_made_only_from_the_meeting_day(submitted_proposal, staff):
    session, users = _voting_ready(staff, submitted_proposal.campaign)
    council_services.open_voting(actor=staff, session=session, today=D(2024, 7, 1))
    items = session.items.count()
    for user in users:
        vote(user, session, *["yes"] * items)
    with pytest.raises(ValidationError, match="Chưa đến ngày họp 10/07/2024"):
        council_services.close_session(actor=staff, session=session, today=D(2024, 7, 9))
    session.refresh_from_db()
    assert (session.status, session.minutes_entry_id) == (SessionStatus.VOTING, None)
    council_services.close_session(actor=staff, session=session, today=D(2024, 7, 10))
    session.refresh_from_db()
    assert (session.status, session.minutes_entry.issued_on) == (SessionStatus.CLOSED, D(2024, 7, 10))


def _closed(campaign, nominations, held_on):
    session = CouncilSession.objects.create(unit=campaign.plan.issuer, campaign=campaign, title="Phiên họp",
                                            held_on=held_on, status=SessionStatus.CLOSED)
    for position, nomination in enumerate(nominations):
        AgendaItem.objects.create(session=session, nomination=nomination, position=position, yes_count=3,
                                  no_count=0, passed=True)
        nomination.status = NominationStatus.PASSED
        nomination.save()
    return session


@pytest.mark.django_db
def test_a_decision_is_dated_neither_before_the_minutes_nor_in_the_future(submitted_proposal, director):
    session = _closed(submitted_proposal.campaign, list(submitted_proposal.nominations.all()), D(2024, 12, 5))

    def approve(decided_on):
        return decisions.approve(actor=director, session=session, decided_on=decided_on, signer_name="Lê Phước Toàn",
                                 signer_title="CỤC TRƯỞNG", today=D(2024, 12, 10))

    with pytest.raises(ValidationError, match=r"Ngày quyết định 01/12/2024 trước ngày biên bản họp Hội đồng "
                                              r"\(05/12/2024\)"):
        approve(D(2024, 12, 1))
    with pytest.raises(ValidationError, match="Ngày quyết định 11/12/2024 chưa đến"):
        approve(D(2024, 12, 11))
    session.refresh_from_db()
    assert (session.status, hasattr(session, "decision")) == (SessionStatus.CLOSED, False)
    decision = approve(D(2024, 12, 5))
    session.refresh_from_db()
    assert (session.status, decision.decided_on) == (SessionStatus.DECIDED, D(2024, 12, 5))


# Events


@pytest.fixture
def heard():
    received = []
    events.subscribe(events.ANY, received.append)
    yield received
    events.unsubscribe(events.ANY, received.append)


@pytest.mark.django_db
def test_each_transition_emits_one_event_after_commit(submitted_proposal, staff, heard,
                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        new = proposal_services.return_proposal(actor=staff, proposal=submitted_proposal, comment="Thiếu biên bản")
    assert [(e.name, e.actor_id, e.model_label, e.object_id, e.unit_id, e.source, e.target, e.reason)
            for e in heard] == [("proposal.return", staff.pk, "awards.Proposal", submitted_proposal.pk,
                                 submitted_proposal.unit_id, "submitted", "returned", "Thiếu biên bản")]
    assert new.status == ProposalStatus.DRAFT


@pytest.mark.django_db
def test_nothing_is_emitted_when_the_transition_is_rolled_back(submitted_proposal, staff, heard,
                                                                django_capture_on_commit_callbacks):
    FeedbackWindow.objects.create(campaign=submitted_proposal.campaign, opens_on=D(2024, 7, 1),
                                  closes_on=D(2024, 7, 15))
    session, _users = _voting_ready(staff, submitted_proposal.campaign)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(ValidationError):
        council_services.open_voting(actor=staff, session=session, today=D(2024, 7, 10))
    assert (heard, callbacks) == ([], [])


@pytest.mark.django_db
def test_closing_the_vote_emits_the_session_and_each_nominations_outcome(submitted_proposal, staff, heard,
                                                                         django_capture_on_commit_callbacks):
    session, users = _voting_ready(staff, submitted_proposal.campaign)
    council_services.open_voting(actor=staff, session=session, today=D(2024, 7, 10))
    items = list(session.items.order_by("position"))
    for user in users:
        vote(user, session, "yes", *["no"] * (len(items) - 1))
    heard.clear()
    with django_capture_on_commit_callbacks(execute=True):
        council_services.close_session(actor=staff, session=session, today=D(2024, 7, 10))
    names = sorted(e.name for e in heard)
    assert names == sorted(["session.close", "nomination.pass", *["nomination.fail"] * (len(items) - 1)])
    passed = next(e for e in heard if e.name == "nomination.pass")
    assert passed.object_id == items[0].nomination_id and passed.reason.startswith("Đạt: 3/3")
