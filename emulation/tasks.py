"""Thin Celery tasks: claim the job, call the importer with a progress callback, record the outcome."""

from celery import shared_task
from django.db import OperationalError

from . import importers, jobs
from .models import Job


@shared_task(name="emulation.import_organisation", bind=True, acks_late=True, max_retries=3)
def import_organisation(self, *, job_id: int) -> str:
    if not jobs.claim(job_id):
        return "skipped"
    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        with job.input_file.open("rb") as workbook:
            outcome = importers.import_organisation(
                workbook, user=job.created_by, progress=lambda done, total: jobs.report_progress(job_id, done, total))
    except OperationalError as exc:  # database briefly unavailable: try again later
        jobs.release(job_id)
        raise self.retry(exc=exc, countdown=2 ** self.request.retries * 5) from exc
    if outcome.errors:
        jobs.fail(job_id, errors=[e.as_dict() for e in outcome.errors],
                  message=f"Không nhập dữ liệu nào: {len(outcome.errors)} lỗi cần sửa trong tệp.")
        return "failed"
    jobs.finish(job_id, result=outcome.counts, message=outcome.summary)
    return "succeeded"
