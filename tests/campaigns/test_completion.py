"""The director's chart figures (``campaigns.selectors.completion``): running campaigns from the stored rows, year on
year from confirmed figures, with heirs, kinds and scope."""

import datetime
from decimal import Decimal

import pytest

from campaigns import snapshots
from campaigns.models import Result
from campaigns.selectors.completion import completion_by_year, completion_now
from tests.factories import (
    CampaignFactory,
    PlanFactory,
    RoleGrantFactory,
    TargetFactory,
    UnitFactory,
    UnitSuccessionFactory,
)

pytestmark = pytest.mark.integration
TODAY = datetime.date(2026, 12, 1)


def _campaign(issuer, year, *, kind="annual", units=()):
    plan = PlanFactory(issuer=issuer, year=year)
    campaign = CampaignFactory(
        plan=plan,
        kind=kind,
        name=f"Phong trào thi đua năm {year}",
        starts_on=datetime.date(year - 1, 10, 1),
        ends_on=datetime.date(year, 9, 30),
    )
    for unit in units:
        campaign.participations.create(unit=unit)
    return campaign


def _confirmed(campaign, unit, done, cond=100, as_of=None):
    return Result.objects.create(
        campaign=campaign,
        unit=unit,
        as_of=as_of or campaign.ends_on,
        cases_total=cond,
        cases_with_conditions=cond,
        cases_completed=done,
        status="confirmed",
    )


def test_year_on_year_per_unit_with_predecessors_summed(director, province, unit_a, unit_b):
    area = UnitFactory(
        code="HG-KV1", name="Phòng Thi hành án dân sự khu vực 1", parent=province, valid_from=datetime.date(2025, 7, 1)
    )
    for old in (unit_a, unit_b):
        old.valid_to = datetime.date(2025, 6, 30)
        old.save()
        UnitSuccessionFactory(predecessor=old, successor=area)
    old_year = _campaign(province, 2025)
    _confirmed(old_year, unit_a, 90, as_of=datetime.date(2025, 3, 31))  # an older report of the same year
    _confirmed(old_year, unit_a, 70, as_of=datetime.date(2025, 6, 30))
    _confirmed(old_year, unit_b, 30, as_of=datetime.date(2025, 6, 30))
    _confirmed(_campaign(province, 2026), area, 81)
    _confirmed(_campaign(province, 2026, kind="peak"), area, 99)  # another kind: another comparison
    data = completion_by_year(director, TODAY)
    assert (data["kind"], data["kinds"], data["years"]) == ("annual", ["annual", "peak"], [2025, 2026])
    assert data["lines"] == [(area.name, [Decimal("50.00"), Decimal("81.00")])]
    assert completion_by_year(director, TODAY, kind="peak")["lines"] == [(area.name, [Decimal("99.00")])]
    assert completion_by_year(director, TODAY, kind="nonsense")["kind"] == "annual"


def test_year_on_year_keeps_to_the_users_units(province, unit_a, unit_b):
    campaign = _campaign(province, 2026, units=(unit_a, unit_b))
    _confirmed(campaign, unit_a, 80)
    _confirmed(campaign, unit_b, 60)
    Result.objects.create(
        campaign=campaign,
        unit=unit_a,
        as_of=datetime.date(2026, 10, 1),
        cases_total=100,
        cases_with_conditions=100,
        cases_completed=1,
        status="submitted",
    )  # not confirmed
    head_director = RoleGrantFactory(role="director", unit=unit_a).user
    assert completion_by_year(head_director, TODAY)["lines"] == [(unit_a.name, [Decimal("80.00")])]


def test_running_campaigns_read_the_latest_snapshot_rows(director, province_plan, unit_a, unit_b):
    campaign = province_plan.campaigns.get()
    TargetFactory(campaign=campaign, value=75)
    _confirmed(campaign, unit_a, 80)
    _confirmed(campaign, unit_b, 70)
    snapshots.recompute(campaign.pk)
    (chart,) = completion_now(director, [campaign])
    assert (chart["metric"], chart["labels"], chart["actual"], chart["target"], chart["more"]) == (
        "completion_cases",
        [unit_a.name, unit_b.name],
        [Decimal("80.00"), Decimal("70.00")],
        [Decimal("75.00"), Decimal("75.00")],
        0,
    )
    head_director = RoleGrantFactory(role="director", unit=unit_b).user
    assert [c["labels"] for c in completion_now(head_director, [campaign])] == [[unit_b.name]]
    assert completion_now(director, [CampaignFactory(plan=province_plan)]) == []  # no snapshot yet
