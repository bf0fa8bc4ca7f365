"""The attainment page reads the latest snapshot's stored rows: scoped, filtered and paginated in the
database; a GET never recomputes, and says when the table is being recomputed or not computed yet."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from campaigns import selectors, snapshots
from campaigns.models import Result, Target, TargetBracket
from campaigns.selectors.attainment import TableFilters
from tests.factories import AttainmentRowFactory, AttainmentSnapshotFactory

pytestmark = pytest.mark.integration


@pytest.fixture
def campaign(province_plan, unit_a, unit_b):
    campaign = province_plan.campaigns.get()
    target = Target.objects.create(campaign=campaign, code="3.1", title="Chi cục – về việc",
                                   metric_kind="completion_cases", subject_kind="sub_department", basis="cases_total")
    TargetBracket.objects.create(target=target, lower=0, upper=None, value=75)
    for unit, done in ((unit_a, 500), (unit_b, 700)):
        Result.objects.create(campaign=campaign, unit=unit, as_of=datetime.date(2024, 6, 30), cases_total=900,
                              cases_with_conditions=800, cases_completed=done, status="confirmed")
    return campaign


def _page(client, campaign, **params):
    return client.get(reverse("campaigns:campaign_attainment", args=[campaign.pk]), params)


def test_the_page_reads_the_snapshot_and_never_recomputes(login, staff, campaign, unit_a, unit_b, forbid):
    snapshots.recompute(campaign.pk)
    forbid((selectors, "attainment_rows"), (snapshots, "attainment_rows_for_all"))
    response = _page(login(staff), campaign)
    assert sorted((r.unit.name, r.state) for r in response.context["page_rows"]) == sorted([
        (unit_a.name, "not_met"), (unit_b.name, "met")])
    assert response.context["counts"] == {"total": 2, "met": 1, "not_met": 1, "not_computable": 0}


def test_no_snapshot_yet_and_a_stale_one_are_said(login, staff, campaign):
    client = login(staff)
    page = _page(client, campaign).content.decode()
    assert 'data-testid="attainment-none"' in page and 'data-testid="attainment-table"' not in page
    snapshots.recompute(campaign.pk)
    assert 'data-testid="attainment-stale"' not in _page(client, campaign).content.decode()
    result = Result.objects.filter(campaign=campaign).first()
    result.cases_completed = 10
    result.save()
    snapshots.request_recompute(campaign.pk)  # what the service asks for after the commit; the task runs later
    assert 'data-testid="attainment-stale"' in _page(client, campaign).content.decode()
    snapshots.recompute(campaign.pk)  # the task
    assert 'data-testid="attainment-stale"' not in _page(client, campaign).content.decode()


def test_filters_narrow_the_rows_and_bad_values_are_ignored(login, staff, campaign, unit_a, unit_b):
    snapshots.recompute(campaign.pk)
    client = login(staff)

    def names(**params):
        response = _page(client, campaign, **params)
        assert response.status_code == 200
        return sorted(r.unit.name for r in response.context["page_rows"])

    assert names(state="met") == [unit_b.name]
    assert names(unit=str(unit_a.pk)) == [unit_a.name]
    assert names(q=unit_b.code) == [unit_b.name]
    assert names(q=unit_a.name.upper()) == [unit_a.name]
    assert names(bracket="không có khung này") == []
    assert names(state="hacked", unit="-1", page="999", q="x" * 5000) == []
    assert names(state="hacked", unit="１２") == sorted([unit_a.name, unit_b.name])


def test_a_unit_head_sees_only_their_rows_and_other_campaigns_are_missing(login, head_a, campaign, unit_a,
                                                                          province_plan):
    snapshots.recompute(campaign.pk)
    client = login(head_a)
    assert [r.unit.name for r in _page(client, campaign).context["page_rows"]] == [unit_a.name]
    snapshot = selectors.attainment.latest_snapshot(campaign)
    rows = selectors.attainment.attainment_table(head_a, campaign, snapshot, TableFilters(unit=None, state="met"))
    assert list(rows) == []  # unit B's met row is out of scope
    assert client.get(reverse("campaigns:campaign_attainment", args=[999999])).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, campaign):
    response = _page(client, campaign)
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def _row_cells(page: str, testid: str) -> list[str]:
    return re.findall(rf'data-testid="{testid}">([^<]*)<', page)


@pytest.mark.parametrize(("language", "actual", "gap_units", "gap_points", "count"), [
    ("vi", ["76,78%", "1.234"], ["1.000.000.000"], ["1,00"], "1.234"),
    ("en", ["76.78%", "1,234"], ["1,000,000,000"], ["1.00"], "1,234"),
])
def test_every_number_of_a_row_is_written_the_interface_languages_way(login, staff, client, unit_a, province_plan,
                                                                        language, actual, gap_units, gap_points,
                                                                        count):
    """The stored rows keep the Vietnamese text of the rate ("76,78%"); the page writes the number itself, so an
    English page does not mix "76,78%" with "1,000,000,000 đồng" and "1.00"."""
    snapshot = AttainmentSnapshotFactory(campaign=province_plan.campaigns.get())
    AttainmentRowFactory(snapshot=snapshot, unit=unit_a, metric_kind="completion_money", target_value=Decimal(78),
                         actual=Decimal("76.78"), actual_display="76,78%", state="not_met",
                         gap_units=1_000_000_000, gap_points=Decimal("1.00"))
    AttainmentRowFactory(snapshot=snapshot, unit=unit_a, metric_kind="count", target_value=Decimal(1000),
                         actual=Decimal(1234), actual_display="1234")
    client = login(staff)
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    page = _page(client, snapshot.campaign).content.decode()
    assert (_row_cells(page, "attainment-actual"), _row_cells(page, "attainment-gap-units"),
            _row_cells(page, "attainment-gap-points")) == (actual, gap_units, gap_points)
    assert page.count('data-testid="attainment-row"') == 2 and count in actual
