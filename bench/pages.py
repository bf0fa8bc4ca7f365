"""Benchmark: what each main page costs, per role, at national size and at demo size.

    .venv/bin/python bench/pages.py                    # national dataset, PostgreSQL thidua_bench_pages
    .venv/bin/python bench/pages.py --demo             # the demo data (load_demo), PostgreSQL thidua_bench_pages_demo
    .venv/bin/python bench/pages.py --pages dashboard,audit --roles national_staff -n 9

BENCH_DATABASE_URL (national) and BENCH_DEMO_DATABASE_URL (demo) choose the databases; each is created, migrated
and filled on first run (the national dataset takes about a minute). Every page is requested through Django's
test client as each role (a warm-up request first): printed are the min and median in-process time of N
requests, the queries of one request, the response size and the peak memory of one request (tracemalloc, in a
request of its own since tracing slows everything down), next to the goals of issue #17. Only URLs and the test
client are used, so the bench measures whatever the views do today.
"""

import argparse
import logging
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.databases import ensure_database  # noqa: E402

NATIONAL_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/thidua_bench_pages")
DEMO_URL = os.environ.get("BENCH_DEMO_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/thidua_bench_pages_demo")
GOALS = {"national": (150, 25), "demo": (25, None)}  # ms in-process, queries per request
DASHBOARD_DEMO_MS, PEAK_MIB = 40, 100
SLOW_SECONDS = 1.0  # a page slower than this is timed twice only
BASELINE = "/to-chuc/tai-khoan/"  # the account form: sign-in, the navbar and a form, no scoped query


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", action="store_true", help="the demo data instead of the national dataset")
    parser.add_argument("-n", type=int, default=7, help="timed requests per page (default 7)")
    parser.add_argument("--pages", default="", help="comma-separated page names (default: all)")
    parser.add_argument("--roles", default="", help="comma-separated role names (default: all)")
    return parser.parse_args()



def national_cast():
    """Users and the objects the pages show, at national size."""
    from bench.dataset import NAME, bench_users, build_page_data
    from campaigns.models import Campaign
    from emulation.models import Officer

    running = build_page_data()
    users = bench_users()
    head_unit = users["unit_head"].role_grants.get().unit
    return users, {"plan": running.plan_id, "campaign": Campaign.objects.get(name=NAME).pk, "running": running.pk,
                   "officer": Officer.objects.filter(unit=head_unit).order_by("code").first().pk}


def demo_cast():
    """The demo accounts and the campaign with the most results among those the provincial staff see."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db.models import Count
    from django.utils import timezone

    from campaigns.models import Campaign
    from emulation.models import Officer

    User = get_user_model()
    if not User.objects.filter(username="thuongtruc").exists():
        call_command("load_demo", verbosity=0)
    users = {name: User.objects.get(username=name)
             for name in ("thuongtruc", "cuctruong", "truong_vithanh", "hoidong", "xem")}
    campaign = Campaign.objects.annotate(n=Count("results")).order_by("-n", "pk").first()
    today = timezone.localdate()
    running = (Campaign.objects.filter(starts_on__lte=today, ends_on__gte=today).order_by("pk").first() or campaign)
    head_unit = users["truong_vithanh"].role_grants.get().unit
    return users, {"plan": campaign.plan_id, "campaign": campaign.pk, "running": running.pk,
                   "officer": Officer.objects.filter(unit=head_unit).order_by("code").first().pk}


def pages(ids: dict) -> list[tuple[str, str]]:
    from django.urls import reverse

    campaign, running = ids["campaign"], ids["running"]
    return [
        ("dashboard", reverse("reports:dashboard")),
        ("plan_list", reverse("campaigns:plan_list")),
        ("plan_detail", reverse("campaigns:plan_detail", args=[ids["plan"]])),
        ("campaign_list", reverse("campaigns:campaign_list")),
        ("campaign_detail", reverse("campaigns:campaign_detail", args=[campaign])),
        ("attainment", reverse("campaigns:campaign_attainment", args=[campaign])),
        ("standings", reverse("campaigns:campaign_standings", args=[campaign])),
        ("results", reverse("campaigns:campaign_results", args=[campaign])),
        ("charts", reverse("reports:campaign_dashboard", args=[campaign])),
        ("pledges", reverse("campaigns:campaign_pledges", args=[running])),
        ("pledge_list", reverse("campaigns:pledge_list")),
        ("unit_list", reverse("emulation:unit_list")),
        ("officer_list", reverse("emulation:officer_list")),
        ("officer_detail", reverse("emulation:officer_detail", args=[ids["officer"]])),
        ("proposals", reverse("awards:campaign_awards", args=[running])),
        ("audit", reverse("emulation:audit_list")),
        ("notifications", reverse("emulation:notification_list")),
        ("typical_list", reverse("awards:typical_list")),
        ("honour_board", reverse("awards:honour_board")),
    ]


def _timed(client, url: str):
    start = time.perf_counter()
    response = client.get(url)
    return time.perf_counter() - start, response


def measure(client, url: str, repeat: int) -> dict:
    """The page ``repeat`` times, each time after one request of the baseline page: on a loaded machine the two
    see the same load, and their ratio says more than either figure."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    first, response = _timed(client, url)  # warm-up: templates compiled, caches filled
    if response.status_code != 200:
        return {"status": response.status_code}
    times, base = [], []
    for _ in range(2 if first > SLOW_SECONDS else repeat):
        base.append(_timed(client, BASELINE)[0])
        reset_queries()  # each request starts by emptying the log, which would hide the queries of this one
        with CaptureQueriesContext(connection) as captured:
            elapsed, response = _timed(client, url)
        times.append(elapsed)
    tracemalloc.start()
    client.get(url)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"status": 200, "min": min(times), "median": statistics.median(times), "queries": len(captured),
            "size": len(response.content), "peak": peak, "ratio": statistics.median(times) / statistics.median(base),
            "base": min(base)}


def verdict(name: str, figures: dict, size: str) -> str:
    goal_ms, goal_queries = GOALS[size]
    if size == "demo" and name == "dashboard":
        goal_ms = DASHBOARD_DEMO_MS
    misses = []
    if figures["min"] * 1000 >= goal_ms:
        misses.append(f"time ≥ {goal_ms} ms")
    if goal_queries and figures["queries"] >= goal_queries:
        misses.append(f"queries ≥ {goal_queries}")
    if figures["peak"] >= PEAK_MIB * 2**20:
        misses.append(f"peak ≥ {PEAK_MIB} MiB")
    return "ok" if not misses else "MISS: " + ", ".join(misses)


def main() -> None:
    args = parse_args()
    size = "demo" if args.demo else "national"
    url = DEMO_URL if args.demo else NATIONAL_URL
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation.settings")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    ensure_database(url)
    import django

    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the refusals are printed as such
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    users, ids = demo_cast() if args.demo else national_cast()
    wanted_pages = set(filter(None, args.pages.split(",")))
    wanted_roles = set(filter(None, args.roles.split(",")))
    goal_ms, goal_queries = GOALS[size]
    print(f"{size} size; goals: < {goal_ms} ms in-process"
          + (f" (dashboard < {DASHBOARD_DEMO_MS} ms)" if args.demo else "")
          + (f", < {goal_queries} queries" if goal_queries else "") + f", peak < {PEAK_MIB} MiB; n = {args.n}")
    print(f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[1]}; baseline: the account page "
          f"({BASELINE}), one request before each timed request; ratio: median / baseline median")
    print(f"{'role':17s} {'page':16s} {'min ms':>9s} {'median':>9s} {'queries':>7s} {'KiB':>8s} {'peak MiB':>8s} "
          f"{'base ms':>7s} {'ratio':>6s}")
    for role, user in users.items():
        if wanted_roles and role not in wanted_roles:
            continue
        client = Client()
        client.force_login(user)
        for name, page_url in pages(ids):
            if wanted_pages and name not in wanted_pages:
                continue
            figures = measure(client, page_url, args.n)
            if figures["status"] != 200:
                print(f"{role:17s} {name:16s} answers {figures['status']}")
                continue
            print(f"{role:17s} {name:16s} {figures['min'] * 1000:9.1f} {figures['median'] * 1000:9.1f} "
                  f"{figures['queries']:7d} {figures['size'] / 1024:8.1f} {figures['peak'] / 2**20:8.1f} "
                  f"{figures['base'] * 1000:7.1f} {figures['ratio']:5.1f}×  {verdict(name, figures, size)}", flush=True)


if __name__ == "__main__":
    main()
