# ruff: noqa: F811 - the fixture imported from tests.reports.conftest is requested by name
"""The director opens the dashboard, reads completion by unit and year on year as charts (and their figures),
follows a chart to the campaign's standings and narrows them to a group — at 1366 and at 390 px, without a
horizontal page scroll (the tables scroll inside their own box)."""

import pytest
from django.urls import reverse

from tests.e2e.test_award_flow import signed_in
from tests.e2e.test_notifications_flow import _looked_at
from tests.reports.conftest import running  # noqa: F401 - the fixture, by name

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_the_director_reads_the_charts_and_the_standings(
    browser, live_server, director, running, unit_a, unit_b, width
):
    context, page = signed_in(browser, live_server, director)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("reports:dashboard"))
    charts = page.locator("[data-testid=director-charts] svg.chart-svg")
    assert charts.count() == 2
    assert charts.nth(0).get_attribute("role") == "img"
    page.click("[data-testid=chart-by-year] summary")
    rows = page.locator("[data-testid=chart-by-year-row]")
    assert rows.count() == 2 and unit_a.name in rows.nth(0).inner_text() and "60,00%" in rows.nth(0).inner_text()
    _looked_at(page, f"standings-dashboard-{width}")

    with page.expect_navigation():
        page.click(f"[data-testid=chart-now] a[href='{reverse('campaigns:campaign_standings', args=[running.pk])}']")
    assert "Đơn vị đạt nhiều chỉ tiêu hơn xếp trên." in page.inner_text("[data-testid=standings-rule]")
    shown = page.locator("[data-testid=standing-row]")
    assert [shown.nth(n).inner_text().split("\n")[0].split("\t")[0] for n in range(shown.count())] == ["1/2", "2/2"]
    assert unit_a.name in shown.nth(0).inner_text() and unit_b.name in shown.nth(1).inner_text()
    _looked_at(page, f"standings-page-{width}")

    page.fill("[data-testid=standings-filters] input[name=q]", "Long Mỹ")
    with page.expect_navigation():
        page.click("[data-testid=standings-filters] button[type=submit]")
    assert shown.count() == 1 and unit_b.name in shown.nth(0).inner_text()
    _looked_at(page, f"standings-filtered-{width}")
    context.close()
