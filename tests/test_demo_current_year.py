"""The current statistical year of the demo, loaded as of different days (each test its own load: the shared load
of tests/test_demo.py is as of today)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.test_demo import DEMO_LABEL, _current, _state

pytestmark = pytest.mark.integration

D = datetime.date
# Today, a day in November, one in August, the last and the first day of a statistical year.
DAYS = [None, D(2026, 11, 17), D(2027, 8, 14), D(2026, 9, 30), D(2026, 10, 1)]


@pytest.mark.parametrize("day", DAYS, ids=["today", "november", "august", "30-09", "01-10"])
def test_the_current_year_shows_every_state_on_any_day(db, day):
    from awards.models import CouncilSession, Proposal
    from campaigns.models import Result, TargetBracket

    call_command("load_demo", today=day, stdout=io.StringIO())
    day = day or timezone.localdate()
    campaign = _current(day)
    assert campaign.starts_on <= day <= campaign.ends_on and campaign.plan.title.startswith(DEMO_LABEL)
    assert all(u.is_valid_on(day) and u.code.startswith("CTO-KV") for u in campaign.participants.all())
    assert TargetBracket.objects.filter(target__campaign=campaign).count() == 6
    week = D.fromordinal(day.toordinal() + 7)
    deadlines = [campaign.dossier_due_on, *campaign.milestones.filter(kind="deadline").values_list("starts_on",
                                                                                                   flat=True)]
    assert any(day < due <= week for due in deadlines)
    required = campaign.plan.subplan_requirements.filter(status="required")
    assert required.exists() and all(day < r.due_on <= week for r in required)
    assert campaign.pledges_due_on >= day
    results = Result.objects.filter(campaign=campaign)
    assert set(results.values_list("status", flat=True)) == {"draft", "submitted", "confirmed", "returned"}
    assert results.get(status="returned").return_reason
    returned = Proposal.objects.get(campaign=campaign, status="returned")
    assert returned.return_comment and returned.unit.code == "CTO-KV2"
    assert Proposal.objects.get(previous=returned).status == "draft"
    session = CouncilSession.objects.get(campaign=campaign)
    assert session.status == "voting" and campaign.feedback_window.closes_on < day == session.held_on
    assert set(session.items.values_list("nomination__proposal__unit__code", flat=True)) == {"CTO-KV1"}


def test_the_current_year_twice_on_another_day_changes_nothing(db):
    call_command("load_demo", today=D(2026, 11, 17), stdout=io.StringIO())
    first = _state()
    call_command("load_demo", today=D(2026, 11, 17), stdout=io.StringIO())
    assert _state() == first
