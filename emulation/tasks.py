"""Thin Celery tasks: claim the job, call the importer with a progress callback, record the outcome."""

import datetime

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from . import importers, jobs, reminders
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
        with job.input_file.open("rb") as workbook:
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


@shared_task(name="emulation.send_reminders", bind=True, acks_late=True, autoretry_for=(OperationalError,),
             retry_backoff=True, max_retries=3)
def send_reminders(self, *, day: str | None = None) -> int:
    """The daily reminders (beat schedule): ``day`` as ``YYYY-MM-DD``, today by default. A retried or
    repeated run sends nothing twice (``emulation.reminders``)."""
    return reminders.send_reminders(today=datetime.date.fromisoformat(day) if day else timezone.localdate())
