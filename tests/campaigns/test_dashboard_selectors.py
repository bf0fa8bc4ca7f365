"""The selectors the dashboard reads: upcoming deadlines, sub-plan overview and pledge gaps,
scoped per user and with a fixed number of queries."""

import datetime

import pytest

from campaigns import selectors
from campaigns.cascading import StatusKind
from campaigns.models import Campaign, Milestone, SubPlanRequirement
from tests.factories import (
    CampaignFactory,
    OfficerFactory,
    ParticipationFactory,
    PlanFactory,
    PledgeFactory,
    file_subplan,
)

pytestmark = pytest.mark.integration
D = datetime.date
TODAY = D(2024, 4, 10)


@pytest.fixture
def campaign(province_plan, unit_a, unit_b):
    """The provincial peak campaign (01/04–30/06/2024) with deadlines, milestones and sub-plan
    requirements: unit B has filed its plan, unit A has not."""
    campaign = province_plan.campaigns.get()
    Campaign.objects.filter(pk=campaign.pk).update(pledges_due_on=D(2024, 4, 20), dossier_due_on=D(2024, 7, 1))
    campaign.refresh_from_db()
    Milestone.objects.create(campaign=campaign, kind="interim_review", title="Sơ kết", starts_on=D(2024, 5, 1))
    Milestone.objects.create(campaign=campaign, kind="launch", title="Phát động", starts_on=D(2024, 3, 1))
    for unit in (unit_a, unit_b):
        SubPlanRequirement.objects.create(plan=province_plan, unit=unit, due_on=D(2024, 4, 25))
    file_subplan(parent=province_plan, issuer=unit_b, issued_on=D(2024, 4, 2))
    return campaign


def _summary(items):
    return [(i["date"], i["label"], i["subject"]) for i in items]


def test_upcoming_deadlines_for_staff(staff, campaign, province_plan):
    items = selectors.upcoming_deadlines(staff, TODAY, days=30)
    assert _summary(items) == [
        (D(2024, 4, 20), "Hạn đăng ký giao ước thi đua", "Đợt thi đua cao điểm năm 2024"),
        (D(2024, 4, 25), "Hạn gửi kế hoạch thực hiện", "12/KH-CTHADS: 1 đơn vị chưa gửi kế hoạch"),
        (D(2024, 5, 1), "Sơ kết", "Sơ kết – Đợt thi đua cao điểm năm 2024"),
    ]
    assert [(i["campaign"], i["plan"]) for i in items] == [(campaign, province_plan), (None, province_plan),
                                                          (campaign, province_plan)]
    assert items[1]["url"] == f"/ke-hoach/{province_plan.pk}/ke-hoach-cap-duoi/"
    assert selectors.upcoming_deadlines(staff, TODAY, days=90)[-1]["label"] == "Hạn gửi hồ sơ đề nghị khen thưởng"


def test_upcoming_deadlines_are_scoped(head_a, head_b, campaign, campaign_b):
    Campaign.objects.filter(pk=campaign_b.pk).update(dossier_due_on=D(2024, 4, 15))
    assert [i["date"] for i in selectors.upcoming_deadlines(head_a, TODAY)] == [
        D(2024, 4, 20), D(2024, 4, 25), D(2024, 5, 1)]
    assert [i["date"] for i in selectors.upcoming_deadlines(head_b, TODAY)] == [
        D(2024, 4, 15), D(2024, 4, 20), D(2024, 5, 1)]


def test_subplan_overview_counts_by_status(staff, head_a, campaign, province_plan):
    [entry] = selectors.subplan_overview(staff, TODAY)
    assert (entry["plan"], entry["total"], entry["filed"], entry["pending"], entry["overdue"]) == (
        province_plan, 2, 1, 1, 0)
    assert entry["counts"] == {StatusKind.ON_TIME: 1, StatusKind.PENDING: 1}
    [entry] = selectors.subplan_overview(head_a, D(2024, 5, 1))
    assert (entry["total"], entry["overdue"]) == (1, 1)


def test_pledge_gaps_count_active_officers_in_scope(staff, head_a, campaign, campaign_a, unit_a, unit_b, officer_a,
                                                    officer_b):
    gone = OfficerFactory(unit=unit_b, is_active=False)
    PledgeFactory(campaign=campaign, unit=unit_a)
    PledgeFactory(campaign=campaign, unit=unit_a, officer=officer_a)
    PledgeFactory(campaign=campaign, unit=unit_b, officer=gone)
    PledgeFactory(campaign=campaign_a, unit=unit_a, officer=officer_b)
    ParticipationFactory(campaign=CampaignFactory(plan=campaign.plan, starts_on=D(2023, 1, 1),
                                                  ends_on=D(2023, 12, 31)), unit=unit_a)
    assert selectors.pledge_gaps(staff, TODAY) == [
        {"campaign": campaign, "units": 2, "units_missing": 1, "officers": 2, "officers_missing": 1}]
    assert selectors.pledge_gaps(head_a, TODAY) == [
        {"campaign": campaign, "units": 1, "units_missing": 0, "officers": 1, "officers_missing": 0}]


def _populate(rows, province, units):
    for i in range(rows):
        plan = PlanFactory(issuer=province)
        campaign = CampaignFactory(plan=plan, starts_on=D(2024, 4, 1), pledges_due_on=D(2024, 4, 20))
        Milestone.objects.create(campaign=campaign, kind="phase", title=f"Đợt {i}", starts_on=D(2024, 4, 15))
        for unit in units:
            ParticipationFactory(campaign=campaign, unit=unit)
            SubPlanRequirement.objects.create(plan=plan, unit=unit, due_on=D(2024, 4, 25))
            PledgeFactory(campaign=campaign, unit=unit, officer=OfficerFactory(unit=unit))


@pytest.mark.parametrize("rows", [10, 200])
def test_dashboard_selectors_run_a_fixed_number_of_queries(staff, province, unit_a, unit_b, rows,
                                                           django_assert_max_num_queries):
    _populate(rows, province, [unit_a, unit_b])
    selectors.upcoming_deadlines(staff, TODAY)  # warms the user's grant and scope caches
    with django_assert_max_num_queries(4):
        assert len(selectors.upcoming_deadlines(staff, TODAY)) == 3 * rows
    with django_assert_max_num_queries(1):
        assert len(selectors.subplan_overview(staff, TODAY)) == rows
    with django_assert_max_num_queries(3):  # the running campaigns, their units, their officers
        gaps = selectors.pledge_gaps(staff, TODAY)
    assert {(g["units"], g["officers"], g["officers_missing"]) for g in gaps} == {(2, 2 * rows, 2 * rows - 2)}
