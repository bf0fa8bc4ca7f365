"""Benchmark: the whole-campaign tables (attainment, results, campaign detail, charts) at national size.

    BENCH_DATABASE_URL=postgres://…/db .venv/bin/python bench/tables.py

Uses the dataset of ``bench/dataset.py`` (built on first run) and stores its attainment snapshot first
(timed: what the Celery task does after a confirmation). Then, through Django's test client, as a staff
user over the whole tree and as the head of one sub-unit, each page is requested: printed are the queries,
the response size, min and median of 5 requests, and the tracemalloc peak of one more request. The
baseline, in the same run, is the campaign list (a small page with the same login, session and menus).
"""

import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/thidua_bench")
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_DEBUG", "1")  # as the other page benches: no collectstatic, no TLS redirect
REPEAT = 5


def measure(client, url):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(REPEAT):
        reset_queries()  # the log holds 9.000 queries at most: counted from empty
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    tracemalloc.start()
    client.get(url)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"min": min(times), "median": statistics.median(times), "queries": len(captured),
            "size": len(response.content), "peak": peak}


def _users(campaign):
    from django.contrib.auth import get_user_model

    from emulation.models import Role, RoleGrant, Unit

    users = {}
    for name, role, code in (("bench_tables_staff", Role.STAFF, "BENCH"), ("bench_tables_head", Role.UNIT_HEAD,
                                                                            "BS0000")):
        user, _ = get_user_model().objects.get_or_create(username=name, defaults={"first_name": "Bench"})
        RoleGrant.objects.get_or_create(user=user, role=role, unit=Unit.objects.get(code=code))
        users[name.rsplit("_", 1)[1]] = user
    return users


def main() -> None:
    from bench.attainment import ensure_database

    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    from django.core.signals import request_started
    from django.db import reset_queries

    request_started.disconnect(reset_queries)  # else each request empties the log the queries are counted in
    from bench.dataset import build_dataset
    from campaigns import snapshots

    campaign, counts = build_dataset()
    print(f"dataset: {counts['units']} sub-units, {counts['officers']} officers, {counts['results']} results")
    campaign.snapshots.all().delete()
    start = time.perf_counter()
    snapshots.recompute(campaign.pk)
    print(f"snapshot recompute (stores the table): {time.perf_counter() - start:.2f} s")
    pages = [("baseline: campaign list", reverse("campaigns:campaign_list")),
             ("attainment", reverse("campaigns:campaign_attainment", args=[campaign.pk])),
             ("results", reverse("campaigns:campaign_results", args=[campaign.pk])),
             ("campaign detail", reverse("campaigns:campaign_detail", args=[campaign.pk])),
             ("charts", reverse("reports:campaign_dashboard", args=[campaign.pk]))]
    for role, user in _users(campaign).items():
        client = Client()
        client.force_login(user)
        base = None
        for label, url in pages:
            m = measure(client, url)
            base = base or m["median"]
            print(f"{role:5s} {label:24s} {m['queries']:4d} queries {m['size'] / 1024:8.0f} KiB  "
                  f"min {m['min'] * 1000:8.1f} ms  median {m['median'] * 1000:8.1f} ms  "
                  f"×{m['median'] / base:6.1f} baseline  peak {m['peak'] / 2**20:7.1f} MiB")


if __name__ == "__main__":
    main()
