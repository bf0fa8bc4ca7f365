"""The results page pages through units (each with its officers and their latest result, picked in SQL),
filtered by unit, status and name; the campaign page counts pledges in the database."""

import datetime

import pytest
from django.urls import reverse

from campaigns.models import Result
from tests.factories import OfficerFactory, ParticipationFactory, PledgeFactory, UnitFactory

pytestmark = pytest.mark.integration
JUNE, MARCH = datetime.date(2024, 6, 30), datetime.date(2024, 3, 31)


@pytest.fixture
def campaign(province_plan):
    return province_plan.campaigns.get()


def _results_page(client, campaign, **params):
    return client.get(reverse("campaigns:campaign_results", args=[campaign.pk]), params)


def _units_shown(response) -> list[str]:
    return [row["unit"].name for row in response.context["subjects"]]


def test_units_are_paged_and_each_subject_shows_its_latest_result(login, staff, campaign, province, unit_a, officer_a):
    for n in range(11):
        ParticipationFactory(campaign=campaign, unit=UnitFactory(parent=province, name=f"Đơn vị thêm {n:02d}"))
    Result.objects.create(campaign=campaign, unit=unit_a, officer=officer_a, as_of=MARCH, status="confirmed")
    Result.objects.create(campaign=campaign, unit=unit_a, officer=officer_a, as_of=JUNE, status="submitted")
    client = login(staff)
    first = _results_page(client, campaign)
    assert len(first.context["subjects"]) == 10 and first.context["page_obj"].paginator.count == 13
    assert len(_units_shown(_results_page(client, campaign, page="2"))) == 3
    row = next(r for r in first.context["subjects"] if r["unit"] == unit_a)
    assert [(p["officer"], p["result"].as_of, p["result"].status) for p in row["officers"]] == [
        (officer_a, JUNE, "submitted")]
    assert f'name="ids" value="{row["officers"][0]["result"].pk}"' in first.content.decode()  # bulk selection


def test_filters_by_status_name_and_unit(login, staff, campaign, unit_a, unit_b, officer_a, officer_b):
    Result.objects.create(campaign=campaign, unit=unit_b, officer=officer_b, as_of=JUNE, status="returned",
                          return_reason="Thiếu số liệu")
    Result.objects.create(campaign=campaign, unit=unit_a, as_of=JUNE, status="confirmed")
    client = login(staff)
    returned = _results_page(client, campaign, status="returned")
    assert _units_shown(returned) == [unit_b.name]
    assert [(r["show_unit"], [p["officer"] for p in r["officers"]]) for r in returned.context["subjects"]] == [
        (False, [officer_b])]
    by_name = _results_page(client, campaign, q=officer_a.code)
    assert [(r["unit"], [p["officer"] for p in r["officers"]]) for r in by_name.context["subjects"]] == [
        (unit_a, [officer_a])]
    assert _units_shown(_results_page(client, campaign, unit=str(unit_b.pk))) == [unit_b.name]
    for bad in ({"unit": "x"}, {"status": "<script>"}, {"page": "-3"}, {"q": "%" * 3000}):
        assert _results_page(client, campaign, **bad).status_code == 200


def test_a_unit_head_pages_only_through_their_units(login, head_a, campaign, unit_a, unit_b):
    client = login(head_a)
    assert _units_shown(_results_page(client, campaign)) == [unit_a.name]
    assert _units_shown(_results_page(client, campaign, unit=str(unit_b.pk))) == []
    assert client.get(reverse("campaigns:campaign_results", args=[999999])).status_code == 404


@pytest.mark.parametrize("officers", [10, 200])
def test_campaign_page_counts_pledges_in_the_database(login, staff, campaign, unit_a, unit_b, officers,
                                                      django_assert_max_num_queries):
    people = OfficerFactory.create_batch(officers, unit=unit_a)
    for officer in people[: officers // 2]:
        PledgeFactory(campaign=campaign, unit=unit_a, officer=officer)
    PledgeFactory(campaign=campaign, unit=unit_b)
    client = login(staff)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("campaigns:campaign_detail", args=[campaign.pk]))
    assert response.context["pledge_summary"] == {
        "units": 2, "units_done": 1, "units_missing": 1, "officers": officers, "officers_done": officers // 2,
        "officers_missing": officers - officers // 2}
    assert f"Cá nhân: {officers - officers // 2}/{officers} người chưa đăng ký" in response.content.decode()
