"""The director approves a closed session: decision, award history, forwarding, quotas again."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from awards.models import (
    AgendaItem,
    AuthorityLevel,
    AwardForm,
    AwardKind,
    AwardRecord,
    CampaignAward,
    CouncilSession,
    Decision,
    NominationStatus,
    ProposalStatus,
    Quota,
    SessionStatus,
    SubjectType,
)
from awards.services import decisions
from awards.services import proposals as proposal_services
from emulation.lifecycle import Refused
from emulation.models import Role
from tests.factories import RoleGrantFactory
from tests.services import service_missing

D = datetime.date


def closed_session(campaign, nominations, title="Phiên họp xét khen thưởng"):
    session = CouncilSession.objects.create(unit=campaign.plan.issuer, campaign=campaign, title=title,
                                            held_on=D(2024, 7, 5), status=SessionStatus.CLOSED)
    for position, nomination in enumerate(nominations):
        AgendaItem.objects.create(session=session, nomination=nomination, position=position, yes_count=8,
                                  no_count=1, passed=True)
        nomination.status = NominationStatus.PASSED
        nomination.save()
    return session


def approve(session, actor):
    return decisions.approve(actor=actor, session=session, decided_on=D(2024, 7, 10),
                             signer_name="Lê Phước Toàn", signer_title="CỤC TRƯỞNG")


@pytest.mark.django_db
def test_approval_writes_the_award_history(submitted_proposal, director, officer_a):
    nominations = list(submitted_proposal.nominations.all())
    session = closed_session(submitted_proposal.campaign, nominations[:2])
    decision = approve(session, director)
    assert decision.reference == "01/QĐ-CTHADS"
    record = AwardRecord.objects.get(officer=officer_a)
    assert (record.year, record.decision_reference, record.campaign) == (2024, "01/QĐ-CTHADS", session.campaign)
    assert {n.status for n in submitted_proposal.nominations.all()[:2]} == {NominationStatus.AWARDED}
    assert nominations[2].agenda_items.count() == 0


@pytest.mark.django_db
def test_only_the_director_approves_a_closed_session(submitted_proposal, staff, council_member, director):
    session = closed_session(submitted_proposal.campaign, list(submitted_proposal.nominations.all()))
    for someone in (staff, council_member):
        with pytest.raises(PermissionDenied):
            approve(session, someone)
    session.status = SessionStatus.VOTING
    session.save()
    with pytest.raises(Refused, match="khi đang ở trạng thái “Đang bỏ phiếu”"):
        approve(session, director)
    assert not Decision.objects.exists()
    session.status = SessionStatus.CLOSED
    session.save()
    approve(session, director)
    session.refresh_from_db()
    assert session.status == SessionStatus.DECIDED
    with pytest.raises(Refused, match="“Đã có quyết định”"):
        approve(session, director)
    assert Decision.objects.count() == 1


@pytest.mark.django_db
def test_forwarded_nominations_get_no_award_here(submitted_proposal, director, campaign_award):
    campaign_award.decided_here = False
    campaign_award.save()
    session = closed_session(submitted_proposal.campaign, list(submitted_proposal.nominations.all()))
    approve(session, director)
    assert set(submitted_proposal.nominations.values_list("status", flat=True)) == {NominationStatus.FORWARDED}
    assert not AwardRecord.objects.exists()


@pytest.mark.django_db
def test_decisions_take_consecutive_numbers_from_the_register(submitted_proposal, director):
    first, second = list(submitted_proposal.nominations.all())[:2]
    one = approve(closed_session(submitted_proposal.campaign, [first], "Phiên 1"), director)
    two = approve(closed_session(submitted_proposal.campaign, [second], "Phiên 2"), director)
    assert (one.reference, two.reference) == ("01/QĐ-CTHADS", "02/QĐ-CTHADS")
    assert two.registered.subject.startswith("Về việc khen thưởng") and two.registered.issued_by == director


@pytest.mark.django_db
def test_quota_is_checked_again_at_decision(submitted_proposal, director, campaign_award):
    Quota.objects.create(campaign_award=campaign_award, subject_kind="officer", limit=1, text="01 cá nhân")
    officers = [n for n in submitted_proposal.nominations.all() if n.officer_id]
    with pytest.raises(ValidationError, match="Vượt chỉ tiêu"):
        approve(closed_session(submitted_proposal.campaign, officers), director)
    assert not AwardRecord.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_approvals_racing_for_the_last_place_one_wins(submitted_proposal, director, campaign_award):
    """PostgreSQL, two real transactions in parallel: the row lock on the campaign award serialises
    them and the second sees the first's award."""
    if connection.vendor != "postgresql":
        service_missing("the quota race needs PostgreSQL (set DATABASE_URL)")
    Quota.objects.create(campaign_award=campaign_award, subject_kind="officer", limit=1, text="01 cá nhân")
    first, second = [n for n in submitted_proposal.nominations.all() if n.officer_id]
    sessions = [closed_session(submitted_proposal.campaign, [first], "Phiên 1"),
                closed_session(submitted_proposal.campaign, [second], "Phiên 2")]
    barrier, outcomes = threading.Barrier(2), []

    def run(session):
        try:
            barrier.wait()
            approve(session, director)
            outcomes.append("won")
        except ValidationError as exc:
            outcomes.append(exc.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes)[-1] == "won" and outcomes.count("won") == 1, outcomes
    assert "Vượt chỉ tiêu" in next(o for o in outcomes if o != "won")
    assert AwardRecord.objects.count() == 1


@pytest.mark.django_db
def test_one_achievement_is_not_awarded_twice(submitted_proposal, director, campaign_award, head_a, unit_a):
    """After the award, the same officer cannot be nominated again in the campaign, with another form either."""
    other = AwardForm.objects.create(code="GK_TCUC", name="Giấy khen của Tổng Cục trưởng", kind=AwardKind.COMMENDATION,
                                     subject_type=SubjectType.BOTH, authority="Tổng Cục trưởng Tổng cục THADS",
                                     authority_level=AuthorityLevel.NATIONAL, rank=20)
    higher = CampaignAward.objects.create(campaign=campaign_award.campaign, award_form=other, decided_here=False)
    first = submitted_proposal.nominations.filter(officer__isnull=False).first()
    approve(closed_session(submitted_proposal.campaign, [first], "Phiên 1"), director)
    submitted_proposal.status = ProposalStatus.RETURNED
    submitted_proposal.save()
    later = proposal_services.open_proposal(actor=head_a, campaign=campaign_award.campaign, unit=unit_a,
                                            title="Đề nghị bổ sung")
    with pytest.raises(ValidationError, match="một thành tích không khen nhiều lần"):
        proposal_services.nominate(actor=head_a, proposal=later, campaign_award=higher, officer=first.officer)


@pytest.mark.django_db
def test_over_quota_the_director_awards_the_highest_votes_and_declines_the_rest(submitted_proposal, director,
                                                                                campaign_award, login):
    Quota.objects.create(campaign_award=campaign_award, subject_kind="officer", limit=1, text="01 cá nhân")
    first, second = [n for n in submitted_proposal.nominations.all() if n.officer_id]
    session = closed_session(submitted_proposal.campaign, [first, second])
    session.items.filter(nomination=second).update(yes_count=9)
    page = login(director).get(reverse("awards:decision_create", args=[session.pk]))
    body = page.content.decode()
    assert body.index("(9 phiếu đồng ý)") < body.index("(8 phiếu đồng ý)")  # ranked by yes votes
    response = login(director).post(reverse("awards:decision_create", args=[session.pk]), {
        "awarded": [str(second.pk)], "decided_on": "10/07/2024",
        "signer_name": "Lê Phước Toàn", "signer_title": "CỤC TRƯỞNG"})
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (NominationStatus.REFUSED, NominationStatus.AWARDED)
    assert AwardRecord.objects.get().officer == second.officer


@pytest.mark.django_db
def test_the_system_administrator_does_not_sign_awards(submitted_proposal, province):
    admin_user = RoleGrantFactory(user__username="quantri", role=Role.ADMIN, unit=province).user
    session = closed_session(submitted_proposal.campaign, list(submitted_proposal.nominations.all()))
    with pytest.raises(PermissionDenied):
        approve(session, admin_user)


@pytest.mark.django_db
def test_a_unit_head_opens_the_decision_from_their_officers_history(submitted_proposal, director, head_a, head_b,
                                                                   officer_a, login):
    decision = approve(closed_session(submitted_proposal.campaign, list(submitted_proposal.nominations.all())),
                       director)
    page = login(head_a).get(officer_a.get_absolute_url()).content.decode()
    assert reverse("awards:decision_detail", args=[decision.pk]) in page
    assert login(head_a).get(reverse("awards:decision_detail", args=[decision.pk])).status_code == 200
    assert login(head_b).get(reverse("awards:decision_detail", args=[decision.pk])).status_code == 404
