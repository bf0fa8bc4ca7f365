"""Benchmark: what the user's scope costs on the list pages at national size.

    BENCH_DATABASE_URL=postgres://…/db .venv/bin/python bench/scope.py     # default database thidua_bench

On the national dataset (``bench/dataset.py``: 735 units, 10.000 officers) and its users (``bench_users``),
requests the plan, campaign, officer and unit lists through Django's test client as national staff (the
whole tree), provincial staff (one province) and a unit head; prints queries, response size, min and median
time of REPEAT requests. The baseline, measured in the same run, is the same page for a superuser (no scope
filter since scope is a path filter; before that, an IN list of every unit id): the ratio is what scoping
adds. Then prints EXPLAIN ANALYZE of the plan list's page query for national and provincial staff.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.databases import ensure_database  # noqa: E402

URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/thidua_bench")
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_DEBUG", "1")
REPEAT = 15
PAGES = {"plan list": "/ke-hoach/", "campaign list": "/ke-hoach/phong-trao/", "officer list": "/to-chuc/can-bo/",
         "unit list": "/to-chuc/don-vi/"}



def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return min(times), statistics.median(times), captured.captured_queries, len(response.content)


def explain_plan_list(client, role) -> None:
    """EXPLAIN ANALYZE of the query that reads the plan list's page of rows."""
    from django.db import connection

    _, _, queries, _ = measure(client, PAGES["plan list"])
    main = next(q["sql"] for q in queries if q["sql"].startswith('SELECT "campaigns_plan"."id"'))
    print(f"\nplan list, {role}, the page's rows:\n" + main + "\n")
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN ANALYZE " + main)
        print("\n".join(row[0] for row in cursor.fetchall()))


def main() -> None:
    ensure_database(URL)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    from bench.dataset import bench_users, build_dataset

    build_dataset()
    users = bench_users()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would leave them: the plans depend on them
    users["superuser (baseline)"], _ = get_user_model().objects.get_or_create(
        username="bench_superuser", defaults={"is_superuser": True, "is_staff": True})
    clients = {}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    for page, url in PAGES.items():
        base = measure(clients["superuser (baseline)"], url)
        for name in ("superuser (baseline)", "national_staff", "provincial_staff", "unit_head"):
            best, median, queries, size = base if name.startswith("superuser") else measure(clients[name], url)
            print(f"{page:13s} {name:20s} {len(queries):2d} queries {size / 1024:6.1f} KB  "
                  f"min {best * 1000:6.1f} ms  median {median * 1000:6.1f} ms  "
                  f"ratio to baseline {best / base[0]:4.2f}×")
    for role in ("national_staff", "provincial_staff"):
        explain_plan_list(clients[role], role)


if __name__ == "__main__":
    main()
