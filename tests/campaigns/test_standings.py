"""Ranks in peer groups (same target and bracket) and overall, with ties."""

import datetime
from decimal import Decimal

import pytest

from campaigns.models import Result, Target, TargetBracket
from campaigns.selectors import attainment_rows_for_all
from tests.factories import UnitFactory

pytestmark = pytest.mark.integration


def test_ranks_within_bracket_and_overall_with_ties(province_plan, province):
    campaign = province_plan.campaigns.get()
    target = Target.objects.create(campaign=campaign, code="3.1", title="về việc", metric_kind="completion_cases",
                                   subject_kind="sub_department", basis="cases_total")
    TargetBracket.objects.create(target=target, lower=0, upper=800, value=Decimal(77))
    TargetBracket.objects.create(target=target, lower=800, upper=None, value=Decimal(76))
    figures = {"S1": (500, 80), "S2": (500, 90), "S3": (900, 90), "S4": (900, 70), "S5": (500, 80)}
    for code, (total, done) in figures.items():
        unit = UnitFactory(code=code, parent=province)
        Result.objects.create(campaign=campaign, unit=unit, as_of=datetime.date(2024, 6, 30), cases_total=total,
                              cases_with_conditions=100, cases_completed=done, status="confirmed")
    ranks = {r.result.unit.code: (r.rank, r.peers, r.overall_rank, r.overall_peers)
             for r in attainment_rows_for_all(campaign)}
    assert ranks == {"S2": (1, 3, 1, 5), "S1": (2, 3, 3, 5), "S5": (2, 3, 3, 5), "S3": (1, 2, 1, 5),
                     "S4": (2, 2, 5, 5)}
