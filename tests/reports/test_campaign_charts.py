"""The campaign charts page (``reports.campaign_charts`` and its view): the units against their targets, the
enforcement officers by band and the reporting trend as inline SVG, each named and with a table of its figures;
in the user's scope; no script."""

import datetime
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import translation

from campaigns import snapshots
from campaigns.models import Result
from emulation import access
from reports.campaign_charts import campaign_charts
from tests.factories import CampaignFactory, OfficerFactory, PlanFactory, TargetFactory, UnitFactory

pytestmark = pytest.mark.integration
SVG = "{http://www.w3.org/2000/svg}"


def _svgs(page: str) -> list:
    return [ElementTree.fromstring(part[: part.index("</svg>") + 6])
            for part in ("<svg" + chunk for chunk in page.split("<svg")[1:]) if 'class="chart-svg"' in part[:200]]


@pytest.fixture
def with_officers(running, unit_a):
    """``running`` with a target for the enforcement officers, three of them in two bands, and a later date."""
    TargetFactory(campaign=running, subject_kind="enforcement_officer", value=70)
    for done in (45, 85, 88):
        Result.objects.create(campaign=running, unit=unit_a, officer=OfficerFactory(unit=unit_a,
                              is_enforcement_officer=True), as_of=running.starts_on, cases_total=100,
                              cases_with_conditions=100, cases_completed=done, status="confirmed")
    Result.objects.create(campaign=running, unit=unit_a, as_of=running.starts_on + datetime.timedelta(days=10),
                          cases_total=200, cases_with_conditions=200, cases_completed=153, money_total=10_000,
                          money_with_conditions=8_000, money_completed=2_000, status="confirmed")
    snapshots.recompute(running.pk)
    return running


def test_the_page_draws_three_named_charts_with_their_figures(login, staff, with_officers, unit_a, unit_b):
    response = login(staff).get(reverse("reports:campaign_dashboard", args=[with_officers.pk]))
    page = response.content.decode()
    charts = _svgs(page)
    assert [(c.get("role"), c.find(f"{SVG}title").text) for c in charts] == [
        ("img", "Tỷ lệ thi hành xong về việc của đơn vị so với chỉ tiêu"),
        ("img", "Chấp hành viên theo mức đạt"),
        ("img", "Diễn biến theo kỳ báo cáo"),
    ]
    assert all(c.find(f"{SVG}desc").text for c in charts)
    marks = [e for e in charts[0].iter(f"{SVG}line") if e.get("class") == "target-mark"]
    assert len(marks) == 2  # each unit's own target
    assert f'<td>{unit_a.name}</td><td class="num">76,50%</td><td class="num">76,00%</td>' in page
    assert f'<td>{unit_b.name}</td><td class="num">70,00%</td><td class="num">76,00%</td>' in page
    assert ('<td>&lt; 50%</td><td class="num">1</td>' in page and '<td>80–90%</td><td class="num">2</td>' in page
            and page.count('data-testid="chart-officers-row"') == 6)
    first, later = with_officers.starts_on, with_officers.starts_on + datetime.timedelta(days=10)
    assert (f'<td>{first:%d/%m/%Y}</td><td class="num">75,00%</td><td class="num">—</td>' in page
            and f'<td>{later:%d/%m/%Y}</td><td class="num">76,50%</td><td class="num">25,00%</td>' in page)
    assert "<script>" not in page and "chart.umd" not in page and "campaign-dashboard.js" not in page


def test_a_campaign_without_figures_says_so(login, staff, province):
    campaign = CampaignFactory(plan=PlanFactory(issuer=province))
    page = login(staff).get(reverse("reports:campaign_dashboard", args=[campaign.pk])).content.decode()
    assert _svgs(page) == []
    assert all(f'data-testid="chart-{name}-none"' in page for name in ("units", "officers", "trend"))


def test_numbers_follow_the_interface_language():
    figures = {"units": {"labels": ["A"], "actual": [1234.5], "target": [None]},
               "officers": {"labels": ["< 50%"], "counts": [1200]}, "trend": {"labels": [], "cases": [], "money": []}}
    with translation.override("vi"):
        vi = campaign_charts(figures)
    with translation.override("en"):
        en = campaign_charts(figures)
    assert (vi["units"]["rows"], vi["officers"]["rows"], vi["trend"]) == ([("A", "1.234,50%", "—")],
                                                                          [("< 50%", "1.200")], None)
    assert (en["units"]["rows"], en["officers"]["rows"]) == ([("A", "1,234.50%", "—")], [("< 50%", "1,200")])


def test_the_page_is_in_the_users_scope(client, login, head_b, plan_a):
    campaign = CampaignFactory(plan=plan_a)
    url = reverse("reports:campaign_dashboard", args=[campaign.pk])
    assert client.get(url).url.startswith(reverse("emulation:login"))
    response = login(head_b).get(url)  # another unit's own campaign: as if it did not exist
    assert response.status_code == 404 and "Không tìm thấy trang hoặc dữ liệu" in response.content.decode()


def test_the_chart_names_a_unit_short_and_the_table_in_full():
    figures = {"units": {"labels": ["Phòng THADS khu vực 1 (THADS Cần Thơ)"], "actual": [78.98], "target": [78.0]},
               "officers": {"labels": ["< 50%"], "counts": [0]},
               "trend": {"labels": ["30/11/2026"], "cases": [78.98], "money": [43.0]}}
    with translation.override("vi"):
        drawn = campaign_charts(figures)
    labels = [t.text for t in ElementTree.fromstring(drawn["units"]["svg"]).iter(f"{SVG}text")]
    assert "Phòng THADS khu vực 1" in labels and "78,98%" in labels
    assert drawn["units"]["rows"] == [("Phòng THADS khu vực 1 (THADS Cần Thơ)", "78,98%", "78,00%")]
    assert drawn["officers"] is None  # no officer counted: the page says so instead of drawing empty bars
    assert drawn["trend"]["rows"] == [("30/11/2026", "78,98%", "43,00%")]


@pytest.mark.parametrize(("units", "drawn", "more"), [(1, 1, 0), (20, 20, 0), (21, 20, 1), (200, 20, 180)])
def test_at_most_twenty_units_are_drawn_and_the_rest_counted(units, drawn, more):
    labels = [f"Chi cục {n:03d}" for n in range(units)]
    figures = {"units": {"labels": labels, "actual": [50.0] * units, "target": [76.0] * units},
               "officers": {"labels": [], "counts": []}, "trend": {"labels": [], "cases": [], "money": []}}
    chart = campaign_charts(figures)["units"]
    bars = [e for e in ElementTree.fromstring(chart["svg"]).iter(f"{SVG}rect") if e.get("class") == "bar"]
    assert (len(bars), len(chart["rows"]), chart["more"]) == (drawn, drawn, more)
    assert chart["rows"][-1][0] == labels[drawn - 1]  # in table order: the first ones


@pytest.mark.parametrize("units", [10, 200])
def test_the_page_queries_stay_fixed_and_the_rest_goes_to_the_standings(login, staff, province, running, units,
                                                                        django_assert_max_num_queries):
    Result.objects.bulk_create([
        Result(campaign=running, unit=unit, as_of=running.starts_on, cases_total=10, cases_with_conditions=10,
               cases_completed=8, status="confirmed") for unit in UnitFactory.create_batch(units, parent=province)])
    snapshots.recompute(running.pk)
    access.forget(staff)
    client = login(staff)
    client.get(reverse("reports:dashboard"))  # the first request after signing in also writes the session
    with django_assert_max_num_queries(12):  # 12 at 10 and at 200 units: the drawing reads nothing
        page = client.get(reverse("reports:campaign_dashboard", args=[running.pk])).content.decode()
    assert page.count('data-testid="chart-units-row"') == min(units + 2, 20)
    assert (f"Còn {units + 2 - 20} đơn vị khác: xem bảng xếp hạng." in page) == (units > 18)
    assert (reverse("campaigns:campaign_standings", args=[running.pk]) in page) == (units > 18)
