"""A real Celery worker process, against the same PostgreSQL test database and Redis broker."""

import contextlib
import itertools
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings

from tests.services import port_open, service_missing

ROOT = Path(__file__).resolve().parent.parent
WORKER_LEASE_SECONDS = 4  # short, so a test sees a dead worker's lease run out; renewed every 1,3 s
_started = itertools.count(1)


def _require_services():
    broker = settings.CELERY_BROKER_URL
    if not broker:
        service_missing("CELERY_BROKER_URL is not set: the real-worker test needs Redis")
    parsed = urlparse(broker)
    if not port_open(parsed.hostname or "127.0.0.1", parsed.port or 6379):
        service_missing(f"Redis is not reachable at {broker}")
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        service_missing("DATABASE_URL is not PostgreSQL: a worker process cannot share SQLite's test database")


@contextlib.contextmanager
def worker(media_root, pool: str, broker: str | None = None):
    """``broker``: another Redis than the configured one (this process must publish to it too)."""
    _require_services()
    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(media_root), "CELERY_TASK_ALWAYS_EAGER": "0",
           "JOB_LEASE_SECONDS": str(WORKER_LEASE_SECONDS)}
    if broker:
        env.update(CELERY_BROKER_URL=broker, CELERY_RESULT_BACKEND=broker)
    from emulation.celery import app

    # This run's own queues (CELERY_QUEUE_PREFIX, set by tests/celery_queues.py): purging them leaves a
    # developer's queues alone, and a developer's worker, listening on the unprefixed ones, takes nothing here.
    queues = [settings.CELERY_QUEUE_DEFAULT, settings.CELERY_QUEUE_DOCUMENTS]
    assert settings.CELERY_QUEUE_PREFIX, "tests/celery_queues.py did not give this run its own queues"
    app.control.purge()
    nodename = f"test-{os.getpid()}-{next(_started)}@{socket.gethostname()}"
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "emulation", "worker", f"--pool={pool}", "--concurrency=1",
             "--loglevel=warning", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-Q", ",".join(queues), "-n", nodename],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True,
        )
        try:
            _wait_until_ready(app, process, log, nodename)
            yield process
        finally:
            process.terminate()  # warm shutdown; a prefork worker whose child was killed may hang in it: 5 s, then gone
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def celery_worker_process(transactional_db, media_root):
    """Start ``celery worker`` (solo pool) pointed at the test database; stop it after the test."""
    with worker(media_root, "solo") as process:
        yield process


@pytest.fixture
def celery_prefork_worker(transactional_db, media_root):
    """A worker whose task runs in a child process, which a test may kill (``pool_children``)."""
    with worker(media_root, "prefork") as process:
        yield process


def pool_children(process) -> list[int]:
    """The pool's child processes of a prefork worker."""
    with open(f"/proc/{process.pid}/task/{process.pid}/children") as children:
        return [int(pid) for pid in children.read().split()]


def _wait_until_ready(app, process, log, nodename, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            pytest.fail(f"celery worker exited: {log.read()}")
        if app.control.ping(destination=[nodename], timeout=1.0):  # this worker, not any other on the broker
            return
    pytest.fail(f"celery worker did not answer a ping within {seconds} s")


def wait_for(condition, *, seconds=90, what="condition", every=0.05):
    """Poll ``condition()`` until it returns something true (returned), or fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    pytest.fail(f"{what} not reached within {seconds} s")
