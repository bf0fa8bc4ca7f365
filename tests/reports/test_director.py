"""The director's dashboard draws completion by unit and year on year as inline SVG with a table of the figures;
staff and unit heads keep their dashboards; the queries stay fixed whatever the number of units."""

import datetime
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns import snapshots
from campaigns.models import Result
from emulation import access, pagecache
from tests.factories import UnitFactory

pytestmark = pytest.mark.integration
SVG = "{http://www.w3.org/2000/svg}"


def _svgs(page: str) -> list:
    """The charts (not the icons) of a page, parsed."""
    return [
        ElementTree.fromstring(part[: part.index("</svg>") + 6])
        for part in ("<svg" + chunk for chunk in page.split("<svg")[1:])
        if 'class="chart-svg"' in part[:200]
    ]


def test_the_director_sees_the_charts_with_names_and_figures(login, director, running, unit_a, unit_b):
    page = login(director).get(reverse("reports:dashboard")).content.decode()
    assert 'data-testid="director-charts"' in page and page.count('data-testid="chart-now-row"') == 2
    charts = _svgs(page)
    assert [c.get("role") for c in charts] == ["img", "img"]
    assert [c.find(f"{SVG}title").text for c in charts] == [
        "Tỷ lệ thi hành xong về việc",
        "Tỷ lệ thi hành xong về việc qua các năm",
    ]
    assert all(c.find(f"{SVG}desc").text for c in charts)
    assert "80,00%" in page and "76,00%" in page
    years = [str((timezone.localdate() - datetime.timedelta(days=370)).year), str(running.ends_on.year)]
    assert page.count('data-testid="chart-by-year-row"') == 2 and all(f">{y}</th>" in page for y in years)
    assert f'<td>{unit_a.name}</td><td class="num">60,00%</td><td class="num">80,00%</td>' in page
    assert f'<td>{unit_b.name}</td><td class="num">—</td><td class="num">70,00%</td>' in page


def test_staff_and_unit_heads_keep_their_dashboards(login, staff, head_a, running):
    for user in (staff, head_a):
        response = login(user).get(reverse("reports:dashboard"))
        assert response.status_code == 200 and "director" not in response.context
        assert 'data-testid="director-charts"' not in response.content.decode()


def test_a_kind_without_figures_or_a_bad_one_shows_the_default(login, director, running):
    client = login(director)
    for value in ("peak", "x" * 500, "\u00a0"):
        response = client.get(reverse("reports:dashboard"), {"loai": value})
        assert response.status_code == 200 and response.context["director"]["kind"] == "annual"


@pytest.mark.parametrize("units", [10, 200])
def test_director_dashboard_queries_stay_fixed(
    login, director, province, running, units, django_assert_max_num_queries
):
    created = UnitFactory.create_batch(units, parent=province)
    Result.objects.bulk_create(
        [
            Result(
                campaign=running,
                unit=unit,
                as_of=running.starts_on,
                cases_total=10,
                cases_with_conditions=10,
                cases_completed=8,
                status="confirmed",
            )
            for unit in created
        ]
    )
    snapshots.recompute(running.pk)
    access.forget(director)
    client = login(director)
    client.get(reverse("reports:dashboard"))  # the first request after signing in also writes the session
    pagecache.changed()  # measured uncached: what the first director after a change pays
    with django_assert_max_num_queries(26):  # the pledge counts are two grouped queries since the #17 pages work
        page = client.get(reverse("reports:dashboard")).content.decode()
    assert page.count('data-testid="chart-now-row"') == min(units + 2, 20)  # at most 20; the rest: the standings
    assert (f"Còn {units + 2 - 20} đơn vị khác" in page) == (units > 18)


def test_a_new_snapshot_reaches_the_cached_charts(login, director, running, unit_b, django_capture_on_commit_callbacks):
    client = login(director)
    assert "70,00%" in client.get(reverse("reports:dashboard")).content.decode()  # now cached
    Result.objects.filter(campaign=running, unit=unit_b).update(cases_completed=90)  # the task's input, no audit
    with django_capture_on_commit_callbacks(execute=True):
        snapshots.recompute(running.pk)
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert "90,00%" in page and "70,00%" not in page
