"""Load run: gunicorn (2 workers) on PostgreSQL, wrk with 20 connections on each main page, signed in.

    .venv/bin/python bench/load.py                 # national dataset (database of bench/pages.py), national staff
    .venv/bin/python bench/load.py --demo          # demo data, the provincial staff account "thuongtruc"
    .venv/bin/python bench/load.py --pages dashboard,audit --seconds 20 --role provincial_staff

The databases are those of ``bench/pages.py`` (run it once first: it builds them). The script signs the user in
(a session in the database, its cookie given to wrk by ``bench/load.lua``), starts gunicorn on 127.0.0.1:8104
with DEBUG off (static files collected in var/bench-static) and the cache in Redis (db 14), runs
``wrk -t2 -c20`` for each page in turn, prints p50/p95/p99 latency, requests per second and non-2xx answers
next to the goals of issue #17 (p95 < 150 ms at demo size, < 500 ms at national size), and stops gunicorn.
Needs the Debian package wrk.
"""

import argparse
import http.client
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PORT = int(os.environ.get("BENCH_PORT", "8104"))
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
DEFAULT_PAGES = ("dashboard,plan_list,plan_detail,campaign_list,campaign_detail,pledge_list,unit_list,officer_list,"
                 "officer_detail,proposals,audit,notifications,typical_list,honour_board")
GOAL_P95 = {"national": 500, "demo": 150}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--pages", default=DEFAULT_PAGES)
    parser.add_argument("--role", default="", help="national_staff (default), provincial_staff, unit_head; "
                                                   "demo: thuongtruc (default), truong_vithanh, hoidong, xem")
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=20)
    return parser.parse_args()


def server_env(url: str) -> dict:
    return {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "bench-load-not-secret",
            "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "CACHE_URL": REDIS,
            "CELERY_BROKER_URL": REDIS, "CELERY_RESULT_BACKEND": REDIS, "DJANGO_SETTINGS_MODULE": "emulation.settings",
            "STATIC_ROOT": str(ROOT / "var" / "bench-static")}


def prepare(args, url: str):
    """The user's session cookie and the pages' URLs, through Django in this process."""
    os.environ.update(server_env(url))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from bench.pages import demo_cast, national_cast, pages

    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off: the manifest of hashed names
    users, ids = demo_cast() if args.demo else national_cast()
    user = users[args.role or next(iter(users))]
    client = Client()
    client.force_login(user)
    wanted = args.pages.split(",")
    urls = [(name, path) for name, path in pages(ids) if name in wanted]
    return user.username, f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}", urls


def start_gunicorn(url: str) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "emulation.wsgi:application", "--bind",
                               f"127.0.0.1:{PORT}", "--workers", "2", "--timeout", "120", "--log-level", "warning"],
                              cwd=ROOT, env=server_env(url), start_new_session=True)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not answer /healthz")


def check_signed_in(path: str, cookie: str) -> None:
    """The page answers 200 to this cookie (not a redirect to the login page), so wrk measures the page."""
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
    conn.request("GET", path, headers={"Cookie": cookie})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f"{path} answers {response.status} to the bench session")


def run_wrk(path: str, cookie: str, args) -> dict:
    check_signed_in(path, cookie)
    out = subprocess.run(["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "30s",
                          "-s", str(ROOT / "bench" / "load.lua"), f"http://127.0.0.1:{PORT}{path}"],
                         capture_output=True, text=True, env={**os.environ, "BENCH_COOKIE": cookie}, check=True)
    line = next(line for line in out.stdout.splitlines() if line.startswith("BENCH "))
    return json.loads(line[len("BENCH "):])


def main() -> None:
    args = parse_args()
    from bench.pages import DEMO_URL, NATIONAL_URL

    size = "demo" if args.demo else "national"
    url = DEMO_URL if args.demo else NATIONAL_URL
    username, cookie, urls = prepare(args, url)
    server = start_gunicorn(url)
    try:
        print(f"{size} size, user {username}, gunicorn 2 workers, wrk -t2 -c{args.connections} "
              f"-d{args.seconds}s; goal p95 < {GOAL_P95[size]} ms")
        print(f"{'page':16s} {'p50 ms':>8s} {'p95 ms':>8s} {'p99 ms':>8s} {'req/s':>7s} {'non-2xx':>7s}")
        for name, path in urls:
            r = run_wrk(path, cookie, args)
            verdict = "ok" if r["p95"] < GOAL_P95[size] and not r["errors"] else "MISS"
            print(f"{name:16s} {r['p50']:8.1f} {r['p95']:8.1f} {r['p99']:8.1f} {r['rps']:7.1f} {r['errors']:7d}  "
                  f"{verdict}", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
