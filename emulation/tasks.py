"""Thin Celery tasks: claim the job, call the importer with a progress callback, record the outcome;
deliver the email outbox (each row claimed, so a retried task sends nothing twice) and the daily digest; and
the beat's sweeps (the task outbox, jobs whose worker died)."""

import datetime

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from . import dispatch, importers, jobs, mail, outbox, reminders, submissions
from .models import Job

BROKEN_OFF = "Lỗi hệ thống khi nhập tệp; chưa nhập dữ liệu nào. Vui lòng thử lại hoặc báo quản trị hệ thống."


@shared_task(name="emulation.import_organisation", bind=True, acks_late=True, autoretry_for=(OperationalError,),
             retry_backoff=True, max_retries=3)
def import_organisation(self, *, job_id: int) -> str:
    """Import a workbook of units and officers; a finished job (or one another worker holds) is skipped."""
    if not jobs.claim(job_id, resume=self.request.retries > 0):
        return "skipped"
    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        with jobs.lease(job_id), job.input_file.open("rb") as workbook:
            outcome = importers.import_organisation(
                workbook, user=job.created_by, progress=lambda done, total: jobs.report_progress(job_id, done, total))
    except OperationalError:  # transient: retried with backoff, and the retry resumes the job
        if self.request.retries >= self.max_retries:
            jobs.fail(job_id, errors=[], message=BROKEN_OFF)
        raise
    except Exception:
        jobs.fail(job_id, errors=[], message=BROKEN_OFF)
        raise
    if outcome.errors:
        jobs.fail(job_id, errors=[e.as_dict() for e in outcome.errors],
                  message=f"Không nhập dữ liệu nào: {len(outcome.errors)} lỗi cần sửa trong tệp.")
        return "failed"
    jobs.finish(job_id, result=outcome.counts, message=outcome.summary)
    return "succeeded"


@shared_task(name="emulation.publish_held_tasks")
def publish_held_tasks() -> int:
    """Beat, every minute: publish the tasks the broker could not take when they were asked for."""
    return dispatch.send_pending()


@shared_task(name="emulation.sweep_jobs")
def sweep_jobs() -> dict:
    """Beat, every minute: hand out again (or fail) the jobs whose worker died."""
    return jobs.sweep()


@shared_task(name="emulation.deliver_emails", acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True,
             max_retries=5)
def deliver_emails(*, email_ids: list[int]) -> dict:
    """Send these outbox rows on one connection; rows already sent or not yet due are left alone."""
    return outbox.deliver(email_ids).as_dict()


@shared_task(name="emulation.sweep_outbox", acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True,
             max_retries=3)
def sweep_outbox() -> dict:
    """On the beat schedule: send every pending row whose next attempt is due (SMTP back up)."""
    return outbox.sweep().as_dict()


@shared_task(name="emulation.send_digests", acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True,
             max_retries=3)
def send_digests() -> int:
    """On the beat schedule, once a day: each user's digest for today, then its delivery."""
    ids = outbox.write_digests(day=timezone.localdate())
    mail.enqueue(ids)
    return len(ids)


@shared_task(name="emulation.send_reminders", bind=True, acks_late=True, autoretry_for=(OperationalError,),
             retry_backoff=True, max_retries=3)
def send_reminders(self, *, day: str | None = None) -> int:
    """The daily reminders (beat schedule): ``day`` as ``YYYY-MM-DD``, today by default. A retried or
    repeated run sends nothing twice (``emulation.reminders``)."""
    return reminders.send_reminders(today=datetime.date.fromisoformat(day) if day else timezone.localdate())


@shared_task(name="emulation.forget_old_submissions")
def forget_old_submissions() -> int:
    """Beat, daily: forget the one-time tokens of old form submissions."""
    return submissions.forget_old()
