"""Who may change what, for each member of the cast (reading is the selectors' business)."""

import pytest

from campaigns import access, selectors
from tests.factories import PledgeFactory

pytestmark = pytest.mark.integration

CAST = ["staff", "head_a", "head_b", "council_member", "director", "viewer"]


@pytest.fixture
def world(province_plan, plan_a, unit_a, unit_b, officer_a):
    campaign = province_plan.campaigns.get()
    return {"province_plan": province_plan, "plan_a": plan_a, "campaign": campaign, "unit_a": unit_a,
            "pledge_a": PledgeFactory(campaign=campaign, unit=unit_a, officer=officer_a)}


@pytest.mark.parametrize(("check", "allowed"), [
    (lambda u, w: access.can_create_plan(u, w["province_plan"].issuer), {"staff"}),
    (lambda u, w: access.can_create_plan(u, w["unit_a"]), {"staff", "head_a"}),
    (lambda u, w: access.can_create_any_plan(u), {"staff", "head_a", "head_b"}),
    (lambda u, w: access.can_edit_plan(u, w["province_plan"]), {"staff"}),
    (lambda u, w: access.can_edit_plan(u, w["plan_a"]), {"staff", "head_a"}),
    (lambda u, w: access.can_edit_campaign(u, w["campaign"]), {"staff"}),
    (lambda u, w: access.can_set_subplan_requirements(u, w["province_plan"]), {"staff"}),
    (lambda u, w: access.can_set_subplan_requirements(u, w["plan_a"]), {"staff"}),
    (lambda u, w: access.can_register_pledge(u, w["campaign"], w["unit_a"]), {"staff", "head_a"}),
    (lambda u, w: access.can_register_any_pledge(u, w["campaign"]), {"staff", "head_a", "head_b"}),
    (lambda u, w: access.can_edit_pledge(u, w["pledge_a"]), {"staff", "head_a"}),
], ids=["create-provincial", "create-unit-a", "create-any", "edit-provincial", "edit-plan-a", "edit-campaign",
        "require-provincial", "require-plan-a", "pledge-unit-a", "pledge-any", "edit-pledge-a"])
def test_predicates_for_the_cast(request, world, check, allowed):
    decisions = {name: check(request.getfixturevalue(name), world) for name in CAST}
    assert decisions == {name: name in allowed for name in CAST}


@pytest.mark.parametrize(("user", "plans", "pledges"), [
    ("staff", {"province", "a", "b"}, 2),
    ("head_a", {"province", "a"}, 1),
    ("head_b", {"province", "b"}, 1),
    ("viewer", {"province", "a", "b"}, 2),
])
def test_visibility(request, province_plan, plan_a, plan_b, unit_a, unit_b, user, plans, pledges):
    campaign = province_plan.campaigns.get()
    PledgeFactory(campaign=campaign, unit=unit_a)
    PledgeFactory(campaign=campaign, unit=unit_b)
    names = {province_plan.pk: "province", plan_a.pk: "a", plan_b.pk: "b"}
    who = request.getfixturevalue(user)
    assert {names[p.pk] for p in selectors.plans_visible_to(who)} == plans
    assert selectors.pledges_visible_to(who).count() == pledges
    assert list(selectors.campaigns_visible_to(who)) == [campaign]
