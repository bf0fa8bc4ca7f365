"""Background jobs: the ``Job`` row is claimed by one worker with a conditional UPDATE, reports its
progress for the page that polls it, and ends succeeded or failed.

An import writes its rows in one transaction, and the progress it reports from inside it would stay
invisible to the polling page until the commit (PostgreSQL). So progress also goes to the cache (Redis
when configured), which ``live_status`` reads while the job runs."""

from django.core.cache import cache
from django.db.models import F

from .models import Job, JobStatus

PROGRESS_TTL = 6 * 3600


def _progress_key(job_id: int) -> str:
    return f"job-progress:{job_id}"


def start_job(*, kind: str, user, input_file=None) -> Job:
    job = Job(kind=kind, created_by=user, message="Đang chờ xử lý")
    if input_file is not None:
        job.input_file.save(input_file.name, input_file, save=False)
    job.save()
    return job


def claim(job_id: int, *, resume: bool = False) -> bool:
    """Take a pending job; False when another worker has it or it is already finished.

    ``resume`` is for the retry of an attempt that broke off (database unavailable): that attempt may
    have left the job running, and only the retry message can pick it up again."""
    statuses = [JobStatus.PENDING, JobStatus.RUNNING] if resume else [JobStatus.PENDING]
    return Job.objects.filter(pk=job_id, status__in=statuses).update(
        status=JobStatus.RUNNING, attempts=F("attempts") + 1, message="Đang xử lý") == 1


def release(job_id: int) -> None:
    """Give a running job back (before a retry) so the next attempt can claim it."""
    Job.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(status=JobStatus.PENDING)


def _progress_message(done: int, total: int, noun: str = "dòng") -> str:
    return f"Đã xử lý {done}/{total} {noun}"


def report_progress(job_id: int, done: int, total: int, noun: str = "dòng") -> None:
    """``noun`` names what is counted: rows of an import, parts of a document."""
    cache.set(_progress_key(job_id), (done, total, noun), PROGRESS_TTL)
    Job.objects.filter(pk=job_id).update(progress=done, total=total, message=_progress_message(done, total, noun))


def finish(job_id: int, *, result: dict, message: str) -> None:
    cache.delete(_progress_key(job_id))
    Job.objects.filter(pk=job_id).update(status=JobStatus.SUCCEEDED, result=result, message=message, errors=[])


def fail(job_id: int, *, errors: list, message: str) -> None:
    cache.delete(_progress_key(job_id))
    Job.objects.filter(pk=job_id).update(status=JobStatus.FAILED, errors=errors, message=message)


def live_status(job: Job) -> dict:
    """What the progress page polls: the stored job, with the latest progress while it runs."""
    percent, message = job.percent, job.message
    cached = cache.get(_progress_key(job.pk)) if job.status == JobStatus.RUNNING else None
    if cached and cached[1]:
        done, total, noun = cached
        percent, message = int(done * 100 / total), _progress_message(done, total, noun)
    return {"status": job.status, "status_label": job.get_status_display(), "percent": percent,
            "message": message, "errors": len(job.errors), "finished": job.finished}
