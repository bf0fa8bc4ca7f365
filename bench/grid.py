"""Benchmark: saving the results grid (``campaigns:results_grid``): 90 units × (6 figures + 4 targets) in one POST.

    .venv/bin/python bench/grid.py [runs]      # PostgreSQL database thidua_bench_grid, made on first run
    BENCH_DATABASE_URL=postgres://…/db .venv/bin/python bench/grid.py

A province of 90 sub-departments takes part in a campaign with four targets entered per result (two counts,
a percentage, a yes/no); a second campaign has 10 of them. Staff of the province POST the whole grid
through Django's test client: every line new (90 results, 360 target values, 90 audit entries), then every
line changed, then the same grid again (nothing to write). Printed per case: queries per request, rows
written, min and median time. Baseline in the same run: the same 90 lines entered through the
single-result form, one POST per unit, as before the grid.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.databases import ensure_database  # noqa: E402

URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/thidua_bench_grid")
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_DEBUG", "1")
AS_OF = datetime.date(2024, 6, 30)
KINDS = ("count", "count", "percentage", "boolean")


def province(size: int):
    """The province, its staff account and a campaign of ``size`` participating units with four targets (once)."""
    from django.contrib.auth import get_user_model

    from campaigns import services
    from campaigns.models import Campaign, CampaignKind, Participation, Plan, Target
    from emulation import services as org_services
    from emulation.models import Role, RoleGrant, Unit, UnitKind

    top = Unit.objects.filter(code="BG").first() or org_services.save_unit(
        Unit(code="BG", name="Cục Thi hành án dân sự tỉnh Bắc Giang", kind=UnitKind.PROVINCIAL))
    for n in range(Unit.objects.filter(parent=top).count(), 90):
        org_services.save_unit(Unit(code=f"BG-{n:02d}", name=f"Chi cục Thi hành án dân sự số {n + 1}", parent=top,
                                     kind=UnitKind.SUB_DEPARTMENT))
    user = get_user_model().objects.filter(username="bench-grid").first()
    if user is None:
        user = get_user_model().objects.create_user("bench-grid", password="bench-only")
        RoleGrant.objects.create(user=user, role=Role.STAFF, unit=top)
    name = f"Bảng số liệu {size} đơn vị"
    campaign = Campaign.objects.filter(name=name).first()
    if campaign is None:
        plan = services.save_plan(Plan(issuer=top, number=size, symbol="KH-CTHADS", year=2024,
                                       issued_on=datetime.date(2024, 3, 20), title=f"Kế hoạch {name}"))
        campaign = services.save_campaign(Campaign(
            plan=plan, kind=CampaignKind.PEAK, name=name, starts_on=datetime.date(2024, 4, 1),
            ends_on=datetime.date(2024, 6, 30), results_starts_on=datetime.date(2023, 10, 1),
            results_ends_on=datetime.date(2024, 6, 30)))
        for unit in Unit.objects.filter(parent=top).order_by("code")[:size]:
            Participation.objects.create(campaign=campaign, unit=unit)
        for n, kind in enumerate(KINDS, start=1):
            Target.objects.create(campaign=campaign, code=f"4.{n}", title=f"Chỉ tiêu {n}", metric_kind=kind,
                                  subject_kind="unit", value=None if kind == "boolean" else 10)
    return campaign, user


def grid_post(campaign, step: int) -> dict:
    from campaigns.grid import FIGURES

    targets = list(campaign.targets.order_by("position", "pk"))
    data = {"as_of": f"{AS_OF:%d/%m/%Y}"}
    for n, participation in enumerate(campaign.participations.order_by("unit__path")):
        unit = participation.unit_id
        figures = ["1.000", "900", str(100 + n + step), "150.000.000", "120.000.000", "90.000.000"]
        data |= {f"u{unit}-{name}": value for name, value in zip(FIGURES, figures, strict=True)}
        values = [str(n), "3", f"76,{step + 1}", "Đạt" if step % 2 == 0 else "Không đạt"]
        data |= {f"u{unit}-t{t.pk}": value for t, value in zip(targets, values, strict=True)}
    return data


def clean(campaign) -> None:
    from campaigns.models import Result
    from emulation.models import AuditEntry

    ids = [str(pk) for pk in Result.objects.filter(campaign=campaign).values_list("pk", flat=True)]
    AuditEntry.objects.filter(model_label="campaigns.Result", object_id__in=ids).delete()
    Result.objects.filter(campaign=campaign).delete()


def timed(client, url, data, *, expect=302):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from emulation.submissions import new_token

    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = client.post(url, data | {"submission": new_token()})
        elapsed = time.perf_counter() - start
    assert response.status_code == expect, (response.status_code, response.content[:300])
    return elapsed, len(captured)


def written(campaign) -> str:
    from campaigns.models import Result, ResultValue
    from emulation.models import AuditEntry

    ids = [str(pk) for pk in Result.objects.filter(campaign=campaign).values_list("pk", flat=True)]
    return (f"{len(ids)} results, {ResultValue.objects.filter(result__campaign=campaign).count()} values, "
            f"{AuditEntry.objects.filter(model_label='campaigns.Result', object_id__in=ids).count()} audit entries")


def grid_runs(client, campaign, runs: int) -> dict:
    from django.urls import reverse

    url = reverse("campaigns:results_grid", args=[campaign.pk])
    cases = {"new": [], "changed": [], "unchanged": []}
    queries = {}
    for _ in range(runs):
        clean(campaign)
        for case, step in (("new", 0), ("changed", 1), ("unchanged", 1)):
            elapsed, queries[case] = timed(client, url, grid_post(campaign, step))
            cases[case].append(elapsed)
    return {case: (min(times), statistics.median(times), queries[case]) for case, times in cases.items()}


def single_form_runs(client, campaign, runs: int) -> tuple[float, float, int]:
    """The baseline: each unit's line through the single-result form (six figures; its target fields too)."""
    from django.urls import reverse

    from campaigns.grid import FIGURES

    targets = list(campaign.targets.order_by("position", "pk"))
    totals, queries = [], 0
    for _ in range(runs):
        clean(campaign)
        total = 0.0
        for n, participation in enumerate(campaign.participations.order_by("unit__path")):
            data = {"as_of": f"{AS_OF:%d/%m/%Y}", **dict(zip(FIGURES, ["1.000", "900", str(100 + n), "150.000.000",
                                                                       "120.000.000", "90.000.000"], strict=True))}
            data |= {f"target_{t.pk}": v for t, v in zip(targets, [str(n), "3", "76,1", "true"], strict=True)}
            url = reverse("campaigns:result_create", args=[campaign.pk]) + f"?unit={participation.unit_id}"
            elapsed, count = timed(client, url, data)
            total, queries = total + elapsed, queries + count
        totals.append(total)
    return min(totals), statistics.median(totals), queries // runs


def main() -> None:
    runs = int(next((a for a in sys.argv[1:] if a.isdigit()), 5))
    ensure_database(URL)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    print(f"grid save, {runs} runs; min / median")
    for size in (10, 90):
        campaign, user = province(size)
        client = Client()
        client.force_login(user)
        for case, (low, median, queries) in grid_runs(client, campaign, runs).items():
            print(f"{size:>3} units × (6 figures + 4 targets), {case:<9}: {low * 1000:7.1f} / {median * 1000:7.1f} ms, "
                  f"{queries} queries")
        print(f"    written: {written(campaign)}")
    low, median, queries = single_form_runs(client, campaign, runs)
    print(f" 90 units through the single-result form, 90 POSTs: {low * 1000:7.1f} / {median * 1000:7.1f} ms, "
          f"{queries} queries in all")
    print(f"    written: {written(campaign)}")


if __name__ == "__main__":
    main()
