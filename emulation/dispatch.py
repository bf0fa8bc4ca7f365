"""Handing work to Celery through a transactional outbox: a broker outage delays work and loses none.

``enqueue`` writes an ``OutboxTask`` row in the transaction of the change that asks for the work, so the
request is either committed with its task or not at all, and the user gets a normal page whether or not
Redis answers. After the commit the row is published at once; if the broker is down the row stays
pending with the error, and ``send_pending`` (the beat sweep, every minute) publishes it once the broker is
back. Rows are taken with ``SELECT … FOR UPDATE SKIP LOCKED``, so the request and the sweep never both
publish the same row. The tasks are idempotent: a crash between publishing and marking the row sent may
publish it twice, and that is harmless.

- ``key`` debounces: a request with the key of a row whose start time has not come yet rides along with it
  (attainment recompute: one per campaign per window).
- With tasks eager (``make run``, most tests) publishing runs the task in-process. A job's task
  (``background=True``, what ``jobs.start_job`` asks for) then runs in a thread of its own once the request's
  transaction has committed, when ``EAGER_JOBS_IN_BACKGROUND`` is on (``make run``): the button answers at once
  and the job page shows the progress, as with a worker.
"""

import datetime
import logging
import threading

from django.conf import settings
from django.db import connections, transaction
from django.db.models import F
from django.utils import timezone

from .models import OutboxStatus, OutboxTask

log = logging.getLogger(__name__)
KEEP_SENT = datetime.timedelta(days=7)
SWEEP_BATCH = 500
THREAD_PREFIX = "outbox-"  # the threads of background jobs in eager mode


def enqueue(task: str, kwargs: dict | None = None, *, countdown: int = 0, key: str = "",
            background: bool = False) -> OutboxTask | None:
    """Ask for ``task(**kwargs)`` once the current transaction commits. None when a pending request with the
    same ``key`` will run later anyway. ``background``: a job the user waits for on its progress page."""
    now = timezone.now()
    if key and OutboxTask.objects.filter(key=key, not_before__gt=now).exists():
        return None
    row = OutboxTask.objects.create(task=task, kwargs=kwargs or {}, key=key,
                                    not_before=now + datetime.timedelta(seconds=countdown))
    transaction.on_commit(lambda: send(row.pk, background=background))
    return row


def eager() -> bool:
    """Tasks run in-process (``make run``, most tests): Celery's own switch, the one ``apply_async`` obeys."""
    from .celery import app

    return bool(app.conf.task_always_eager)


def _task(name: str):
    from .celery import app

    if name not in app.tasks:  # a web process has not imported the apps' tasks modules yet
        app.loader.import_default_modules()
    return app.tasks[name]


def send(pk: int, *, background: bool = False) -> bool:
    """Publish one pending row; True when this call published it. A broker failure leaves it pending."""
    if eager():
        return _run_in_process(pk, background=background and settings.EAGER_JOBS_IN_BACKGROUND)
    try:
        with transaction.atomic():
            row = OutboxTask.objects.select_for_update(skip_locked=True).filter(
                pk=pk, status=OutboxStatus.PENDING).first()
            if row is None:
                return False
            countdown = max(0.0, (row.not_before - timezone.now()).total_seconds())
            _task(row.task).apply_async(kwargs=row.kwargs, countdown=countdown or None, retry=False,
                                        ignore_result=True)  # nobody waits on it; a dead backend must not block
            OutboxTask.objects.filter(pk=pk).update(status=OutboxStatus.SENT, sent_at=timezone.now(),
                                                    attempts=F("attempts") + 1, last_error="")
        return True
    except Exception as exc:  # the broker is down or refused: the row waits for the sweep, nothing is lost
        log.warning("outbox task %s not published yet: %s", pk, exc)
        OutboxTask.objects.filter(pk=pk, status=OutboxStatus.PENDING).update(
            attempts=F("attempts") + 1, last_error=f"{type(exc).__name__}: {exc}"[:1000])
        return False


def _run_in_process(pk: int, *, background: bool = False) -> bool:
    """Eager mode: mark the row sent, then run the task here (its errors surface as they would in a worker), or
    with ``background`` in a thread of this process, which the response does not wait for."""
    now = timezone.now()  # it runs now, whatever its countdown: a later request with its key is not debounced
    if not OutboxTask.objects.filter(pk=pk, status=OutboxStatus.PENDING).update(
            status=OutboxStatus.SENT, sent_at=now, not_before=now, attempts=F("attempts") + 1):
        return False
    row = OutboxTask.objects.get(pk=pk)
    if not background:
        _task(row.task).apply_async(kwargs=row.kwargs)
        return True
    threading.Thread(target=_run_detached, args=(row.task, row.kwargs), name=f"{THREAD_PREFIX}{pk}",
                     daemon=True).start()
    return True


def _run_detached(task: str, kwargs: dict) -> None:
    """The thread of a background job: the task's own handling records a failure on its job; what escapes it is
    logged, as a worker would; the thread's database connection is closed when it ends."""
    try:
        _task(task).apply_async(kwargs=kwargs)
    except Exception:
        log.exception("background task %s failed", task)
    finally:
        connections.close_all()


def send_pending(*, limit: int = SWEEP_BATCH) -> int:
    """The sweep: publish what is still pending (oldest first); forget rows sent a week ago. Returns how many
    rows this run published."""
    OutboxTask.objects.filter(status=OutboxStatus.SENT, sent_at__lt=timezone.now() - KEEP_SENT).delete()
    pending = list(OutboxTask.objects.filter(status=OutboxStatus.PENDING).order_by("created_at", "pk")
                   .values_list("pk", flat=True)[:limit])
    return sum(send(pk) for pk in pending)
