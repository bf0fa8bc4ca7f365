# ruff: noqa: F811 - the fixtures imported from tests.reports are requested by name
"""Staff open a campaign's charts from its page: three charts drawn on the server (no script), each named and
with its figures behind "Số liệu của biểu đồ" — at 1366 and at 390 px, without a horizontal page scroll and with
the charts' text still readable on the phone (the SVG scales with its viewBox)."""

import pytest
from django.urls import reverse

from tests.e2e.test_notifications_flow import _looked_at
from tests.reports.conftest import running  # noqa: F401 - the fixture, by name
from tests.reports.test_campaign_charts import with_officers  # noqa: F401 - the fixture, by name

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TEXT_MM = 2.8  # the smallest text in the charts (reports.charts): the bar charts' axis ticks


@pytest.mark.parametrize("width", [1366, 390])
def test_staff_read_the_campaign_charts_and_their_figures(page, sign_in, staff, with_officers, unit_a, width):
    sign_in(staff)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page.base_url + reverse("campaigns:campaign_detail", args=[with_officers.pk]))
    with page.expect_navigation():
        page.click(f"a[href='{reverse('reports:campaign_dashboard', args=[with_officers.pk])}']")
    charts = page.locator("svg.chart-svg")
    assert [charts.nth(n).locator("title").text_content() for n in range(charts.count())] == [
        "Tỷ lệ thi hành xong về việc của đơn vị so với chỉ tiêu", "Chấp hành viên theo mức đạt",
        "Diễn biến theo kỳ báo cáo"]
    assert page.locator("canvas, script[src*=chart]").count() == 0
    for n in range(3):
        box = charts.nth(n).bounding_box()
        view_mm = float(charts.nth(n).get_attribute("viewBox").split()[2])
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert box["width"] / view_mm * TEXT_MM >= 9, f"chart {n}: text under 9 px"
    page.click("[data-testid=chart-units] summary")
    rows = page.locator("[data-testid=chart-units-row]")
    assert rows.count() == 2 and rows.nth(0).inner_text().split("\t") == [unit_a.name, "76,50%", "76,00%"]
    page.click("[data-testid=chart-trend] summary")
    assert page.locator("[data-testid=chart-trend-row]").nth(1).inner_text().split("\t")[1:] == ["76,50%", "25,00%"]
    _looked_at(page, f"campaign-charts-{width}")
