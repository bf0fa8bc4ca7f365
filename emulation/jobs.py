"""Background jobs: the ``Job`` row is claimed by one worker with a lease, reports its progress for the page
that polls it, and ends succeeded or failed.

- ``start_job`` records the job and what runs it, and hands the task to Celery through the outbox
  (``emulation.dispatch``): committed with the job, published after the commit, swept if the broker was down.
- ``claim`` takes a pending job, or a running one whose lease ran out (its worker died); the row is locked
  while it is taken, and a row locked by a live import (which writes its progress inside its transaction) is
  never taken. ``lease`` renews the claim from a thread while the task works; ``sweep`` (beat, every minute)
  hands a job whose lease ran out to a worker again, or fails it with a message after ``MAX_ATTEMPTS``.
- An import writes its rows in one transaction, and the progress it reports from inside it would stay
  invisible to the polling page until the commit (PostgreSQL). So progress also goes to the cache (Redis when
  configured), which ``live_status`` reads while the job runs; a cache that does not answer is skipped.
"""

import contextlib
import datetime
import logging
import threading

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from . import dispatch
from .models import Job, JobStatus

log = logging.getLogger(__name__)
PROGRESS_TTL = 6 * 3600
MAX_ATTEMPTS = 3
STORED_ERRORS = 200
INTERRUPTED = ("Công việc bị gián đoạn nhiều lần (máy xử lý ngừng giữa chừng); chưa có dữ liệu nào bị ghi dở. "
               "Vui lòng thử lại hoặc báo quản trị hệ thống.")
RESUMED = "Đang chạy lại sau khi máy xử lý bị gián đoạn"


def progress_key(job_id: int) -> str:
    """Per database too: databases sharing one Redis (the test processes, the benches) have the same job ids."""
    return f"job-progress:{settings.DATABASES['default']['NAME']}:{job_id}"


def _quietly(operation, default=None):
    """A cache call that never breaks the page or the task: the cache is an aid, the database is the record."""
    try:
        return operation()
    except Exception as exc:  # Redis down: the stored progress is shown instead
        log.warning("cache unavailable: %s", exc)
        return default


def _lease_seconds() -> int:
    return settings.JOB_LEASE_SECONDS


def start_job(*, kind: str, user, input_file=None, task: str = "", task_kwargs: dict | None = None,
              result: dict | None = None, total: int = 0) -> Job:
    """Record a job and, with ``task``, ask for ``task(job_id=…, **task_kwargs)`` after the commit."""
    job = Job(kind=kind, created_by=user, message="Đang chờ xử lý", result=result or {}, total=total, task=task)
    if input_file is not None:
        job.input_file.save(input_file.name, input_file, save=False)
    with transaction.atomic():
        job.save()
        if task:
            job.task_kwargs = {"job_id": job.pk, **(task_kwargs or {})}
            job.save(update_fields=["task_kwargs"])
            dispatch.enqueue(task, job.task_kwargs, background=True)
    return job


def origin(*, start_url: str, back_url: str) -> dict:
    """Where a job was started from, kept in its ``result`` while it has not succeeded: the page of a failed
    import offers "Tải lên lại" (``start_url``, the same form) and a way back (``back_url``)."""
    return {"start_url": start_url, "next_url": back_url}


def claim(job_id: int, *, resume: bool = False) -> bool:
    """Take the job; False when another live worker has it or it is finished.

    A pending job is taken, and a running one whose lease ran out (its worker was killed). ``resume`` also
    takes a running job whose lease is still on: the retry of an attempt that broke off (database
    unavailable), or a render, which may start over at any moment (it writes nothing until it is done)."""
    now = timezone.now()
    takeable = Q(status=JobStatus.PENDING) | Q(status=JobStatus.RUNNING, lease_until__lt=now) | Q(
        status=JobStatus.RUNNING, lease_until__isnull=True)
    if resume:
        takeable |= Q(status=JobStatus.RUNNING)
    with transaction.atomic():
        job = Job.objects.select_for_update(skip_locked=True).filter(takeable, pk=job_id).first()
        if job is None:
            return False
        Job.objects.filter(pk=job_id).update(
            status=JobStatus.RUNNING, attempts=F("attempts") + 1, message="Đang xử lý",
            lease_until=now + datetime.timedelta(seconds=_lease_seconds()))
    return True


def renew(job_id: int) -> bool:
    """Extend a running job's lease; a row locked by its own live transaction needs none and is left alone."""
    with transaction.atomic():
        if Job.objects.select_for_update(skip_locked=True).filter(pk=job_id, status=JobStatus.RUNNING).exists():
            return Job.objects.filter(pk=job_id).update(
                lease_until=timezone.now() + datetime.timedelta(seconds=_lease_seconds())) == 1
    return False


@contextlib.contextmanager
def lease(job_id: int):
    """Keep the claim alive while the block runs (a thread renews it every third of the lease, on its own
    database connection). Nothing to renew in-process (eager): the job cannot lose its worker there."""
    if dispatch.eager():
        yield
        return
    stop = threading.Event()

    def keep_alive():
        try:
            while not stop.wait(_lease_seconds() / 3):
                try:
                    renew(job_id)
                except Exception as exc:  # the database blinked: the next beat tries again
                    log.warning("lease of job %s not renewed: %s", job_id, exc)
        finally:
            connection.close()

    thread = threading.Thread(target=keep_alive, name=f"lease-job-{job_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


def release(job_id: int) -> None:
    """Give a running job back (before a retry) so the next attempt can claim it."""
    Job.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(status=JobStatus.PENDING, lease_until=None)


def sweep() -> dict:
    """Jobs whose worker died (running, lease over, row not locked): handed out again, or failed with a
    message once they have had ``MAX_ATTEMPTS``. Returns the ids of each."""
    outcome = {"resumed": [], "failed": []}
    with transaction.atomic():
        stale = list(Job.objects.select_for_update(skip_locked=True).filter(
            status=JobStatus.RUNNING, lease_until__lt=timezone.now()))
        for job in stale:
            if job.task and job.attempts < MAX_ATTEMPTS:
                Job.objects.filter(pk=job.pk).update(status=JobStatus.PENDING, lease_until=None, message=RESUMED)
                dispatch.enqueue(job.task, job.task_kwargs)
                outcome["resumed"].append(job.pk)
            else:
                Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, lease_until=None, message=INTERRUPTED)
                outcome["failed"].append(job.pk)
    for job_id in outcome["failed"]:
        _quietly(lambda job_id=job_id: cache.delete(progress_key(job_id)))
    return outcome


def _progress_message(done: int, total: int, noun: str = "dòng") -> str:
    return f"Đã xử lý {done}/{total} {noun}"


def report_progress(job_id: int, done: int, total: int, noun: str = "dòng") -> None:
    """``noun`` names what is counted: rows of an import, parts of a document."""
    _quietly(lambda: cache.set(progress_key(job_id), (done, total, noun), PROGRESS_TTL))
    Job.objects.filter(pk=job_id).update(progress=done, total=total, message=_progress_message(done, total, noun))


def finish(job_id: int, *, result: dict, message: str) -> None:
    _quietly(lambda: cache.delete(progress_key(job_id)))
    Job.objects.filter(pk=job_id).update(status=JobStatus.SUCCEEDED, result=result, message=message, errors=[],
                                         lease_until=None)


def fail(job_id: int, *, errors: list, message: str) -> None:
    """At most ``STORED_ERRORS`` errors are kept (the first ones, in file order), with the total count."""
    _quietly(lambda: cache.delete(progress_key(job_id)))
    result = Job.objects.values_list("result", flat=True).get(pk=job_id) or {}
    Job.objects.filter(pk=job_id).update(status=JobStatus.FAILED, errors=errors[:STORED_ERRORS], message=message,
                                         lease_until=None, result={**result, "error_count": len(errors)})


def live_status(job: Job) -> dict:
    """What the progress page polls: the stored job, with the latest progress while it runs."""
    percent, message = job.percent, job.message
    cached = _quietly(lambda: cache.get(progress_key(job.pk))) if job.status == JobStatus.RUNNING else None
    if cached and cached[1]:
        done, total, noun = cached
        percent, message = int(done * 100 / total), _progress_message(done, total, noun)
    return {"status": job.status, "status_label": job.get_status_display(), "percent": percent,
            "message": message, "errors": job.error_count, "finished": job.finished}
