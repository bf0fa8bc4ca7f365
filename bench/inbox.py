"""Benchmark: the inbox (Thông báo) and the bell cost what a page shows, not what the user has received.

    .venv/bin/python bench/inbox.py            # PostgreSQL database thidua_bench_inbox, made on first run
    BENCH_DATABASE_URL=postgres://…/db .venv/bin/python bench/inbox.py

One unit head receives 10 notifications, then 2.000 (a year of a busy province, most of them read). For each
size the inbox page (first page, 25 rows, the bell in the navbar) and the same page filtered to unread are
requested through Django's test client; printed: queries per request, rows rendered, min and median time.
The baseline, in the same run, is the empty inbox of a second user with the same grant: what the page costs
before it shows anything.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.databases import ensure_database  # noqa: E402

URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/thidua_bench_inbox")
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_DEBUG", "1")
REPEAT = 15



def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries, rows = [], 0, 0
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
        queries, rows = len(captured), response.content.decode().count('data-testid="notification"')
    return min(times), statistics.median(times), queries, rows


def main() -> None:
    ensure_database(URL)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from emulation.models import Notification, Role, RoleGrant, Unit

    Notification.objects.all().delete()
    get_user_model().objects.filter(username__startswith="bench_inbox").delete()
    unit, _ = Unit.objects.get_or_create(code="BENCH-INBOX", defaults={"name": "Chi cục Thi hành án dân sự Bench"})
    users = []
    for name in ("bench_inbox", "bench_inbox_empty"):
        user = get_user_model().objects.create_user(name, password="bench-inbox-2026", first_name="Bench")
        RoleGrant.objects.create(user=user, role=Role.UNIT_HEAD, unit=unit)
        users.append(user)
    head, empty = users
    url = "/to-chuc/thong-bao/"
    clients = {}
    for user in users:
        clients[user.pk] = Client()
        clients[user.pk].force_login(user)

    base_best, base_median, base_queries, _ = measure(clients[empty.pk], url)
    print(f"baseline  empty inbox:            {base_queries:2d} queries            "
          f"min {base_best * 1000:6.1f} ms  median {base_median * 1000:6.1f} ms")
    made = 0
    for size in (10, 2000):
        now = timezone.now()
        Notification.objects.bulk_create([
            Notification(recipient=head, event_key=f"bench-{i}", kind="result.return",
                         verb=f"Thường trực đã trả lại số liệu kết quả số {i}. Lý do: thiếu số liệu.", url="/",
                         actor_name="Nguyễn Văn Bench", created_at=now, read_at=None if i % 10 == 0 else now)
            for i in range(made, size)])
        made = size
        for label, query in (("all", ""), ("unread", "?unread=1")):
            best, median, queries, rows = measure(clients[head.pk], url + query)
            print(f"{size:5d} notifications, {label:6s}: {queries:2d} queries, {rows:2d} rows  "
                  f"min {best * 1000:6.1f} ms  median {median * 1000:6.1f} ms  "
                  f"ratio to baseline {median / base_median:4.2f}×")


if __name__ == "__main__":
    main()
