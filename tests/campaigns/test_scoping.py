"""Scope and query budget of every plans/campaigns/pledges page: anonymous users go to the login
page, another unit's objects do not exist (404), forbidden actions answer 403, and list pages run
the same number of queries for 10 rows as for 200."""

import datetime

import pytest
from django.shortcuts import resolve_url
from django.urls import reverse

from campaigns.models import SubPlanRequirement
from emulation.paging import PER_PAGE
from tests.factories import CampaignFactory, OfficerFactory, ParticipationFactory, PlanFactory, PledgeFactory

pytestmark = pytest.mark.integration


@pytest.fixture
def unit_b_objects(campaign_b, unit_b):
    """Plan, campaign and pledge of sub-department B only."""
    officer = OfficerFactory(unit=unit_b, full_name="Võ Thị Bé Ba")
    ParticipationFactory(campaign=campaign_b, unit=unit_b)
    pledge = PledgeFactory(campaign=campaign_b, unit=unit_b, officer=officer)
    return {"plan": campaign_b.plan, "campaign": campaign_b, "pledge": pledge, "officer": officer}


def _object_urls(plan, campaign, pledge):
    return [
        reverse("campaigns:plan_detail", args=[plan.pk]), reverse("campaigns:plan_edit", args=[plan.pk]),
        reverse("campaigns:plan_subplans", args=[plan.pk]), reverse("campaigns:campaign_create", args=[plan.pk]),
        reverse("campaigns:campaign_detail", args=[campaign.pk]),
        reverse("campaigns:campaign_edit", args=[campaign.pk]),
        reverse("campaigns:milestone_create", args=[campaign.pk]),
        reverse("campaigns:campaign_pledges", args=[campaign.pk]),
        reverse("campaigns:pledge_create", args=[campaign.pk]),
        reverse("campaigns:pledge_detail", args=[pledge.pk]), reverse("campaigns:pledge_edit", args=[pledge.pk]),
    ]


LIST_URLS = ["campaigns:plan_list", "campaigns:plan_create", "campaigns:campaign_list", "campaigns:pledge_list"]


def test_anonymous_users_are_sent_to_login(client, settings, unit_b_objects):
    login_url = resolve_url(settings.LOGIN_URL)
    urls = [reverse(name) for name in LIST_URLS] + _object_urls(**{k: unit_b_objects[k]
                                                                    for k in ("plan", "campaign", "pledge")})
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert (response.status_code, response["Location"].split("?")[0]) == (302, login_url), url


def test_other_units_objects_do_not_exist_for_a_unit_head(login, head_a, unit_b_objects):
    urls = _object_urls(**{k: unit_b_objects[k] for k in ("plan", "campaign", "pledge")})
    client = login(head_a)
    assert {url: client.get(url).status_code for url in urls} == {url: 404 for url in urls}
    assert {url: client.post(url, {}).status_code for url in urls} == {url: 404 for url in urls}


def test_other_units_objects_are_absent_from_lists(login, head_a, unit_b_objects):
    client = login(head_a)
    for name in ("campaigns:plan_list", "campaigns:campaign_list", "campaigns:pledge_list"):
        page = client.get(reverse(name)).content.decode()
        for text in (unit_b_objects["plan"].title, unit_b_objects["campaign"].name,
                     unit_b_objects["officer"].full_name):
            assert text not in page, (name, text)


def test_unit_head_is_refused_changes_to_the_provincial_plan(login, head_a, province_plan):
    campaign = province_plan.campaigns.get()
    client = login(head_a)
    refused = [reverse("campaigns:plan_edit", args=[province_plan.pk]),
               reverse("campaigns:campaign_create", args=[province_plan.pk]),
               reverse("campaigns:campaign_edit", args=[campaign.pk]),
               reverse("campaigns:milestone_create", args=[campaign.pk])]
    assert {url: client.get(url).status_code for url in refused} == {url: 403 for url in refused}
    response = client.post(reverse("campaigns:plan_subplans", args=[province_plan.pk]), {})
    assert response.status_code == 403


def test_viewer_reads_but_creates_nothing(login, viewer, province_plan, unit_a):
    campaign = province_plan.campaigns.get()
    client = login(viewer)
    assert province_plan.title in client.get(province_plan.get_absolute_url()).content.decode()
    refused = [reverse("campaigns:plan_create"), reverse("campaigns:plan_edit", args=[province_plan.pk]),
               reverse("campaigns:campaign_create", args=[province_plan.pk]),
               reverse("campaigns:campaign_edit", args=[campaign.pk]),
               reverse("campaigns:pledge_create", args=[campaign.pk])]
    assert {url: client.get(url).status_code for url in refused} == {url: 403 for url in refused}


def test_unit_head_manages_their_own_units_plan(login, head_a, campaign_a):
    client = login(head_a)
    for url in [reverse("campaigns:plan_edit", args=[campaign_a.plan.pk]),
                reverse("campaigns:campaign_edit", args=[campaign_a.pk]),
                reverse("campaigns:campaign_create", args=[campaign_a.plan.pk])]:
        response = client.get(url)
        assert (response.status_code, 'data-testid="form-submit"' in response.content.decode()) == (200, True)


def _populate(rows, province, unit_a):
    """``rows`` plans, campaigns (unit A taking part), officers with pledges, and sub-plan requirements."""
    officers = OfficerFactory.create_batch(rows, unit=unit_a)
    for i in range(rows):
        plan = PlanFactory(issuer=province, parent=PlanFactory(issuer=province) if i % 2 else None)
        campaign = CampaignFactory(plan=plan, pledges_due_on=datetime.date(2024, 4, 20))
        ParticipationFactory(campaign=campaign, unit=unit_a)
        SubPlanRequirement.objects.create(plan=plan, unit=unit_a, due_on=datetime.date(2024, 2, 28))
    campaign = campaign.__class__.objects.order_by("id").first()
    for officer in officers:
        PledgeFactory(campaign=campaign, unit=unit_a, officer=officer)
    return campaign


@pytest.mark.parametrize("rows", [10, 200])
def test_list_pages_run_a_fixed_number_of_queries(login, staff, head_a, province, unit_a, rows,
                                                  django_assert_max_num_queries):
    campaign = _populate(rows, province, unit_a)
    # each page's budget counts the bell, the succession links, + 3: the idle-session refresh
    budgets = {reverse("campaigns:plan_list"): 12, reverse("campaigns:campaign_list"): 10,
               reverse("campaigns:pledge_list"): 10, reverse("campaigns:campaign_pledges", args=[campaign.pk]): 15,
               reverse("campaigns:campaign_detail", args=[campaign.pk]): 16,
               reverse("campaigns:plan_detail", args=[campaign.plan.pk]): 12,
               reverse("campaigns:plan_subplans", args=[campaign.plan.pk]): 14}
    for user in (staff, head_a):
        client = login(user)
        responses = {}
        for url, budget in budgets.items():
            with django_assert_max_num_queries(budget):
                responses[url] = client.get(url)
        for name in ("campaigns:plan_list", "campaigns:campaign_list", "campaigns:pledge_list"):
            shown, total = _listed(responses[reverse(name)])
            assert (shown, total >= rows) == (min(total, PER_PAGE), True), name
        pledging = responses[reverse("campaigns:campaign_pledges", args=[campaign.pk])]
        people = [person for row in pledging.context["rows"] for person in row["officers"]]
        assert len(people) == rows and all(p["officer"].full_name in pledging.content.decode() for p in people)
        subplans = responses[reverse("campaigns:plan_subplans", args=[campaign.plan.pk])].content.decode()
        assert subplans.count('data-testid="subplan-row"') == 1


def _listed(response) -> tuple[int, int]:
    """Rows shown on a list page (each with its link on the page) and rows in the whole list."""
    page, shown = response.content.decode(), list(response.context["page_obj"])
    assert all(f'href="{row.get_absolute_url()}"' in page for row in shown)
    return len(shown), response.context["page_obj"].paginator.count
