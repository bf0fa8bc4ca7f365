"""Eligibility judged again after submission: a case opened since stops the award when the vote
closes (flagged) and when the director decides (refused with the reason; no award written)."""

import datetime

import pytest
from django.urls import reverse

from awards.models import AgendaItem, AwardRecord, NominationStatus
from awards.services import council as council_services
from emulation.models import AuditEntry, AwardHold, HoldKind
from tests.awards.council_helpers import council_users, vote, voting_session
from tests.awards.test_decisions import approve, closed_session

pytestmark = pytest.mark.django_db
D = datetime.date
INSPECTION_REASON = ("Đang có vụ việc chưa kết luận: chưa khen thưởng, chưa đề nghị cấp trên khen thưởng. "
                     "(Nguyễn Văn An: Đang điều tra, thanh tra, kiểm tra từ 02/07/2024)")


@pytest.fixture
def inspection(officer_a):
    """Opened on 02/07/2024, a week after unit A submitted (25/06/2024)."""
    return AwardHold.objects.create(officer=officer_a, kind=HoldKind.INVESTIGATION, opened_on=D(2024, 7, 2),
                                    note="Thanh tra hồ sơ kê biên")


def statuses(proposal):
    return {n.officer.code if n.officer_id else "tập thể": n.status for n in proposal.nominations.all()}


def test_an_inspection_opened_after_submission_refuses_that_nominee_at_approval(
        submitted_proposal, director, officer_a, inspection):
    session = closed_session(submitted_proposal.campaign, list(submitted_proposal.nominations.all()))
    approve(session, director)
    assert statuses(submitted_proposal) == {"A-001": NominationStatus.REFUSED, "A-002": NominationStatus.AWARDED,
                                            "tập thể": NominationStatus.AWARDED}
    refused = submitted_proposal.nominations.get(officer=officer_a)
    assert refused.refusal_reason == INSPECTION_REASON
    assert list(AwardRecord.objects.filter(officer=officer_a)) == []
    entry = AuditEntry.objects.filter(model_label="awards.Nomination", object_id=str(refused.pk)).latest("id")
    assert (entry.changes["status"], entry.changes["reason"]) == (["passed", "refused"], [None, INSPECTION_REASON])


def test_an_inspection_closed_before_the_decision_does_not_stop_it(submitted_proposal, director, officer_a,
                                                                   inspection):
    inspection.closed_on = D(2024, 7, 8)
    inspection.save()
    approve(closed_session(submitted_proposal.campaign, list(submitted_proposal.nominations.all())), director)
    assert submitted_proposal.nominations.get(officer=officer_a).status == NominationStatus.AWARDED
    assert AwardRecord.objects.filter(officer=officer_a).count() == 1


def test_the_directors_page_shows_the_stopped_nominee_who_cannot_be_ticked(
        submitted_proposal, director, officer_a, inspection, login):
    session = closed_session(submitted_proposal.campaign, list(submitted_proposal.nominations.all()))
    stopped = submitted_proposal.nominations.get(officer=officer_a)
    client = login(director)
    page = client.get(reverse("awards:decision_create", args=[session.pk]))
    form = page.context["form"]
    others = [str(n.pk) for n in submitted_proposal.nominations.exclude(pk=stopped.pk)]
    assert [value for value, _label in form.fields["awarded"].choices] == others
    assert [(r.item.nomination_id, r.stopped) for r in page.context["stopped"]] == [(stopped.pk, INSPECTION_REASON)]
    assert INSPECTION_REASON in page.content.decode()

    crafted = client.post(reverse("awards:decision_create", args=[session.pk]), {
        "awarded": [str(stopped.pk), *others], "decided_on": "10/07/2024", "signer_name": "Lê Phước Toàn",
        "signer_title": "CỤC TRƯỞNG"})
    assert crafted.status_code == 200 and crafted.context["form"].errors["awarded"]
    assert not AwardRecord.objects.exists()

    response = client.post(reverse("awards:decision_create", args=[session.pk]), {
        "awarded": others, "decided_on": "10/07/2024", "signer_name": "Lê Phước Toàn",
        "signer_title": "CỤC TRƯỞNG"})
    assert response.status_code == 302
    stopped.refresh_from_db()
    assert (stopped.status, stopped.refusal_reason) == (NominationStatus.REFUSED, INSPECTION_REASON)
    detail = client.get(response.url).content.decode()
    assert f'<div class="small text-muted" data-testid="refusal-reason">{INSPECTION_REASON}</div>' in detail


def test_closing_the_vote_flags_the_stopped_nominee_and_keeps_the_vote(staff, submitted_proposal, province,
                                                                       officer_a, inspection, login):
    members = council_users(province, 3)
    session = voting_session(staff, submitted_proposal.campaign, members)
    for user in members:
        vote(user, session, "yes", "yes", "yes")
    council_services.close_session(actor=staff, session=session)
    items = {i.nomination.officer_id: i for i in AgendaItem.objects.filter(session=session)}
    assert [(i.passed, i.stopped_reason) for i in items.values()] == [
        (True, INSPECTION_REASON if officer_id == officer_a.pk else "") for officer_id in items]
    assert items[officer_a.pk].nomination.status == NominationStatus.PASSED  # the council's vote as cast
    page = login(staff).get(reverse("awards:session_results", args=[session.pk])).content.decode()
    assert (f'<strong>Tạm dừng khen thưởng:</strong> {INSPECTION_REASON}</div>') in page


def test_a_collective_hold_opened_from_the_unit_page_stops_the_collective_not_its_members(
        submitted_proposal, staff, director, unit_a, login):
    response = login(staff).post(reverse("emulation:unit_hold_create", args=[unit_a.pk]), {
        "kind": "investigation", "opened_on": "02/07/2024", "note": "Thanh tra công tác kê biên"})
    assert response.status_code == 302
    approve(closed_session(submitted_proposal.campaign, list(submitted_proposal.nominations.all())), director)
    assert statuses(submitted_proposal) == {"A-001": NominationStatus.AWARDED, "A-002": NominationStatus.AWARDED,
                                            "tập thể": NominationStatus.REFUSED}
    collective = submitted_proposal.nominations.get(officer__isnull=True)
    assert collective.refusal_reason == (
        "Đang có vụ việc chưa kết luận: chưa khen thưởng, chưa đề nghị cấp trên khen thưởng. "
        "(Chi cục Thi hành án dân sự thành phố Vị Thanh: Đang điều tra, thanh tra, kiểm tra từ 02/07/2024)")
    assert list(AwardRecord.objects.filter(unit=unit_a)) == []
