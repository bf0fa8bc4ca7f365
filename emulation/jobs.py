"""Background jobs: the ``Job`` row is claimed by one worker with a conditional UPDATE, reports its
progress for the page that polls it, and ends succeeded or failed."""

from django.db.models import F

from .models import Job, JobStatus


def start_job(*, kind: str, user, input_file=None) -> Job:
    job = Job(kind=kind, created_by=user, message="Đang chờ xử lý")
    if input_file is not None:
        job.input_file.save(input_file.name, input_file, save=False)
    job.save()
    return job


def claim(job_id: int) -> bool:
    """Take a pending job; False when another worker has it or it is already finished."""
    return Job.objects.filter(pk=job_id, status=JobStatus.PENDING).update(
        status=JobStatus.RUNNING, attempts=F("attempts") + 1, message="Đang xử lý") == 1


def release(job_id: int) -> None:
    """Give a running job back (before a retry) so the next attempt can claim it."""
    Job.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(status=JobStatus.PENDING)


def report_progress(job_id: int, done: int, total: int) -> None:
    Job.objects.filter(pk=job_id).update(progress=done, total=total, message=f"Đã xử lý {done}/{total} dòng")


def finish(job_id: int, *, result: dict, message: str) -> None:
    Job.objects.filter(pk=job_id).update(status=JobStatus.SUCCEEDED, result=result, message=message, errors=[])


def fail(job_id: int, *, errors: list, message: str) -> None:
    Job.objects.filter(pk=job_id).update(status=JobStatus.FAILED, errors=errors, message=message)
