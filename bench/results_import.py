"""Benchmark: importing a 10.700-row results workbook (the Celery task's work), on PostgreSQL.

    .venv/bin/python bench/results_import.py [runs]            # in-process, as the task calls it
    .venv/bin/python bench/results_import.py [runs] --worker   # through a real `celery -A emulation worker`

Uses the dataset of ``bench/attainment.py`` (built on first run). Times reading + checking + writing
10.000 officer rows and 700 unit rows (committed, ANALYZE included), then deletes what the run wrote,
and the baseline of only reading the same workbook with openpyxl (read-only mode), in the same run.
``--worker`` starts a worker on the documents queue against Redis (``BENCH_REDIS_URL``, db 13 by
default) and times each job from ``start_job`` to its status "succeeded", as a user waits for it.
"""

import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKER = "--worker" in sys.argv
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/thidua_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("MEDIA_ROOT", str(Path(tempfile.gettempdir()) / "thidua-results-bench-media"))
if WORKER:
    os.environ.update(CELERY_BROKER_URL=REDIS, CELERY_RESULT_BACKEND=REDIS, CELERY_QUEUE_PREFIX="bench-import-")
AS_OF = "15/09/2024"


def workbook(campaign) -> tuple[bytes, int]:
    from openpyxl import Workbook

    from campaigns.importers import OFFICER_COLUMNS, UNIT_COLUMNS
    from emulation.models import Officer
    from emulation.spreadsheets import workbook_bytes

    book = Workbook()
    book.remove(book.active)
    units = book.create_sheet("Đơn vị")
    units.append(UNIT_COLUMNS)
    for participation in campaign.participations.select_related("unit"):
        units.append([participation.unit.code, "", AS_OF, 900, 800, 700, 10**11, 6 * 10**10, 3 * 10**10])
    people = book.create_sheet("Cá nhân")
    people.append(OFFICER_COLUMNS)
    for officer in Officer.objects.filter(unit__participations__campaign=campaign).select_related("unit"):
        people.append([officer.code, "", officer.unit.code, AS_OF, 120, 100, 80, 10**10, 5 * 10**9, 2 * 10**9])
    return workbook_bytes(book), units.max_row + people.max_row - 2


def clean(campaign, audit_from: int) -> None:
    """Delete what a run wrote: the results of the benchmark's date and the audit entries after ``audit_from``."""
    import datetime

    from campaigns.models import Result
    from emulation.models import AuditEntry

    Result.objects.filter(campaign=campaign, as_of=datetime.date(2024, 9, 15)).delete()
    AuditEntry.objects.filter(pk__gt=audit_from).delete()


def in_process(content: bytes, campaign, user) -> float:
    from django.db import transaction

    from campaigns.importers import import_results

    start = time.perf_counter()
    with transaction.atomic():  # as the task: one transaction, then ANALYZE on commit
        outcome = import_results(io.BytesIO(content), campaign=campaign, user=user)
    elapsed = time.perf_counter() - start
    assert not outcome.errors and outcome.created == 10_700, (outcome.errors[:3], outcome.created)
    return elapsed


def through_worker(content: bytes, campaign, user) -> float:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from emulation import jobs
    from emulation.models import Job, JobStatus

    start = time.perf_counter()
    job = jobs.start_job(kind="import_results", user=user, input_file=SimpleUploadedFile("bench.xlsx", content),
                         task="campaigns.import_results", task_kwargs={"campaign_id": campaign.pk})
    while (status := Job.objects.values_list("status", flat=True).get(pk=job.pk)) in (JobStatus.PENDING,
                                                                                      JobStatus.RUNNING):
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    assert status == JobStatus.SUCCEEDED, Job.objects.get(pk=job.pk).errors[:3]
    return elapsed


def start_worker() -> subprocess.Popen:
    from django.conf import settings

    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "emulation", "worker", "-Q", settings.CELERY_QUEUE_DOCUMENTS,
         "--concurrency=1", "--pool=solo", "--loglevel=warning", "-n", "bench-import@%h", "--without-mingle",
         "--without-gossip"], cwd=ROOT, env=os.environ.copy())
    from emulation.celery import app

    for _ in range(200):  # ready when it answers a ping
        if app.control.ping(timeout=0.5, destination=[f"bench-import@{os.uname().nodename}"]):
            return worker
    worker.terminate()
    raise RuntimeError("the worker did not start")


def main() -> None:
    runs = int(next((a for a in sys.argv[1:] if a.isdigit()), 3))
    from bench.attainment import ensure_database

    ensure_database()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from openpyxl import load_workbook

    from bench.dataset import build_dataset
    from emulation.models import AuditEntry

    call_command("migrate", verbosity=0)
    campaign, _ = build_dataset()
    users = get_user_model().objects
    user = users.filter(is_superuser=True).first() or users.create_superuser("bench", password="bench-only")
    content, rows = workbook(campaign)
    reading, importing = [], []
    worker = start_worker() if WORKER else None
    try:
        for _ in range(runs):
            start = time.perf_counter()
            for sheet in load_workbook(io.BytesIO(content), read_only=True).worksheets:
                sum(1 for _ in sheet.iter_rows(values_only=True))
            reading.append(time.perf_counter() - start)
            audit_from = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            try:
                importing.append((through_worker if WORKER else in_process)(content, campaign, user))
            finally:
                clean(campaign, audit_from)
    finally:
        if worker:
            worker.terminate()
            worker.wait(timeout=30)
    mode = "through a worker (start_job → succeeded)" if WORKER else "in-process (read + check + write + ANALYZE)"
    print(f"workbook: {rows} rows, {len(content) // 1024} KiB; {runs} runs; load average {os.getloadavg()[0]:.1f}")
    print(f"import {mode}: min {min(importing):.2f} s  median {statistics.median(importing):.2f} s")
    print(f"reading the workbook only: min {min(reading):.2f} s  median {statistics.median(reading):.2f} s")
    print(f"ratio import / reading (min): {min(importing) / min(reading):.1f}×   goal < 5 s: "
          f"{'met' if min(importing) < 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
