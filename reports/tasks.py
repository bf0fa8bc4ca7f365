"""Thin Celery tasks of the reports app."""

from celery import shared_task
from django.core.exceptions import ObjectDoesNotExist
from django.db import OperationalError
from django.http import Http404
from django.urls import reverse

from emulation import events, jobs
from emulation.models import Job

from . import pipeline


@shared_task(name="reports.render_document", bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3)
def render_document(self, *, job_id: int, kind: str, object_id: int) -> str:
    """Idempotent: a re-delivered or retried job renders again and records one file (see pipeline)."""
    if not jobs.claim(job_id, resume=True):
        return "skipped"
    try:
        with jobs.lease(job_id):
            document = pipeline.run_job(job_id, kind, object_id)
    except OperationalError as exc:
        jobs.release(job_id)
        raise self.retry(exc=exc, countdown=2 ** self.request.retries * 5) from exc
    except (ObjectDoesNotExist, Http404):
        jobs.fail(job_id, errors=[], message="Không tạo được văn bản: hồ sơ đã bị xóa trong lúc chờ.")
        return "gone"
    except Exception as exc:
        jobs.fail(job_id, errors=[{"message": str(exc)}], message="Không tạo được văn bản: lỗi khi dựng tệp.")
        raise
    label = Job.objects.values_list("result", flat=True).get(pk=job_id).get("label", "")
    jobs.finish(job_id, message=f"Đã tạo {document.filename}", result={"label": label,
        "document_id": document.pk, "document_kind": kind, "object_id": object_id,
        "next_url": reverse("reports:document_detail", args=[document.pk]),
        "download_url": reverse("reports:document_download", args=[document.pk])})
    events.emit(events.Event(name="document.ready", actor_id=None, model_label="reports.GeneratedDocument",
                             object_id=document.pk, unit_id=None, source="", target="", data={"job_id": job_id},
                             key=f"document-ready-{job_id}"))
    return "succeeded"
