"""Thin Celery tasks of the campaigns app."""

from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import OperationalError
from django.urls import reverse

from emulation import jobs
from emulation.events import Event
from emulation.models import Job

from . import exports, importers, notifications, snapshots
from .models import Campaign


@shared_task(name="campaigns.recompute_attainment", bind=True, acks_late=True, max_retries=3)
def recompute_attainment(self, *, campaign_id: int) -> str:
    try:
        snapshot = snapshots.recompute(campaign_id)
    except OperationalError as exc:
        raise self.retry(exc=exc, countdown=2 ** self.request.retries * 5) from exc
    return f"snapshot {snapshot.pk}" if snapshot else "unchanged"


@shared_task(name="campaigns.import_results", bind=True, acks_late=True, max_retries=3)
def import_results(self, *, job_id: int, campaign_id: int) -> str:
    if not jobs.claim(job_id):
        return "skipped"
    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        with jobs.lease(job_id), job.input_file.open("rb") as workbook:
            outcome = importers.import_results(
                workbook, campaign=Campaign.objects.get(pk=campaign_id), user=job.created_by,
                progress=lambda done, total: jobs.report_progress(job_id, done, total))
    except OperationalError as exc:
        jobs.release(job_id)
        raise self.retry(exc=exc, countdown=2 ** self.request.retries * 5) from exc
    if outcome.errors:
        jobs.fail(job_id, errors=[e.as_dict() for e in outcome.errors],
                  message=f"Không nhập dữ liệu nào: {len(outcome.errors)} lỗi cần sửa trong tệp.")
        return "failed"
    jobs.finish(job_id, message=outcome.summary, result={
        "created": outcome.created, "updated": outcome.updated,
        "next_url": reverse("campaigns:campaign_results", args=[campaign_id])})
    return "succeeded"


@shared_task(name="campaigns.notify_participants", bind=True, acks_late=True, autoretry_for=(OperationalError,),
             retry_backoff=True, max_retries=3)
def notify_participants(self, *, event: dict, batch_size: int | None = None) -> int:
    """Tell a campaign's new participants (``notifications.tell_participants``); a retry writes nothing twice."""
    return notifications.tell_participants(Event(**event), batch_size=batch_size or settings.NOTIFY_BATCH_UNITS)


@shared_task(name="campaigns.export_attainment", bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3)
def export_attainment(self, *, job_id: int, campaign_id: int, filters: dict, fmt: str,
                      table: str = "attainment") -> str:
    """The attainment table (or, ``table="standings"``, the overall standings) of the latest snapshot, in the job
    creator's scope, as a file on the job. A second run writes the file again (it only reads)."""
    if not jobs.claim(job_id, resume=True):
        return "skipped"
    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        with jobs.lease(job_id):
            name, data = exports.TABLES[table](campaign_id, user=job.created_by, filters=filters, fmt=fmt)
            job.result_file.save(name, ContentFile(data), save=False)
            Job.objects.filter(pk=job_id).update(result_file=job.result_file.name)
    except OperationalError as exc:
        jobs.release(job_id)
        raise self.retry(exc=exc, countdown=2 ** self.request.retries * 5) from exc
    except Campaign.DoesNotExist:
        jobs.fail(job_id, errors=[], message="Không xuất được: phong trào không còn trong phạm vi của bạn.")
        return "gone"
    result = Job.objects.values_list("result", flat=True).get(pk=job_id)
    jobs.finish(job_id, message=f"Đã xuất {name}", result={
        **result, "download_url": reverse("campaigns:attainment_export_file", args=[campaign_id, job_id])})
    return "succeeded"
