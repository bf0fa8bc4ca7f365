"""Jobs: claimed with a lease, taken over once the lease of a dead worker ran out, swept by the beat, and
never stuck "running" forever. A cache that does not answer never breaks the progress page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from emulation import jobs
from emulation.models import Job, JobStatus, OutboxTask

pytestmark = pytest.mark.django_db


def _job(**fields) -> Job:
    return Job.objects.create(kind="import_organisation", task="emulation.import_organisation",
                              task_kwargs={"job_id": 0}, **fields)


def _ago(seconds):
    return timezone.now() - datetime.timedelta(seconds=seconds)


@pytest.mark.parametrize("status, lease, resume, taken", [
    (JobStatus.PENDING, None, False, True),
    (JobStatus.RUNNING, 60, False, False),    # a live worker holds it
    (JobStatus.RUNNING, -1, False, True),     # its worker died: the lease ran out
    (JobStatus.RUNNING, None, False, True),   # a job claimed before leases existed
    (JobStatus.RUNNING, 60, True, True),      # the retry of an attempt that broke off
    (JobStatus.SUCCEEDED, None, True, False),
    (JobStatus.FAILED, -1, True, False),
])
def test_claim(status, lease, resume, taken):
    job = _job(status=status, lease_until=None if lease is None else _ago(-lease), attempts=1)
    assert jobs.claim(job.pk, resume=resume) is taken
    job.refresh_from_db()
    if taken:
        assert (job.status, job.attempts) == (JobStatus.RUNNING, 2)
        assert job.lease_until > timezone.now() + datetime.timedelta(seconds=jobs._lease_seconds() - 5)
    else:
        assert (job.status, job.attempts) == (status, 1)


def test_renew_extends_a_running_lease_only():
    running, done = _job(status=JobStatus.RUNNING, lease_until=_ago(1)), _job(status=JobStatus.SUCCEEDED)
    assert (jobs.renew(running.pk), jobs.renew(done.pk)) == (True, False)
    running.refresh_from_db()
    assert running.lease_until > timezone.now()


def test_start_job_records_the_task_and_puts_it_in_the_outbox(staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = jobs.start_job(kind="document:x", user=staff, task="reports.render_document",
                             task_kwargs={"kind": "x", "object_id": 7}, total=3, result={"label": "Hồ sơ"})
    row = OutboxTask.objects.get()
    assert (job.task, job.task_kwargs, job.total, job.result) == (
        "reports.render_document", {"job_id": job.pk, "kind": "x", "object_id": 7}, 3, {"label": "Hồ sơ"})
    assert (row.task, row.kwargs, row.status, len(callbacks)) == ("reports.render_document", job.task_kwargs,
                                                                  "pending", 1)


def test_sweep_hands_out_again_a_job_whose_worker_died_and_fails_it_after_three_attempts(
        django_capture_on_commit_callbacks):
    dead = _job(status=JobStatus.RUNNING, lease_until=_ago(5), attempts=1)
    worn = _job(status=JobStatus.RUNNING, lease_until=_ago(5), attempts=3)
    orphan = Job.objects.create(kind="old", status=JobStatus.RUNNING, lease_until=_ago(5), attempts=1)
    alive = _job(status=JobStatus.RUNNING, lease_until=_ago(-60), attempts=1)
    waiting = _job(status=JobStatus.PENDING)
    with django_capture_on_commit_callbacks(execute=False):
        outcome = jobs.sweep()
    assert (outcome["resumed"], sorted(outcome["failed"])) == ([dead.pk], sorted([worn.pk, orphan.pk]))
    states = {j.pk: (j.status, j.message) for j in Job.objects.all()}
    assert states[dead.pk] == (JobStatus.PENDING, jobs.RESUMED)
    assert states[worn.pk] == states[orphan.pk] == (JobStatus.FAILED, jobs.INTERRUPTED)
    assert states[alive.pk][0] == JobStatus.RUNNING and states[waiting.pk][0] == JobStatus.PENDING
    assert list(OutboxTask.objects.values_list("task", "kwargs")) == [(dead.task, dead.task_kwargs)]
    with django_capture_on_commit_callbacks(execute=False):
        assert jobs.sweep() == {"resumed": [], "failed": []}  # nothing twice


class DeadCache:
    """A cache whose server is down: every call raises, as Django's RedisCache does."""

    def __getattr__(self, name):
        def broken(*args, **kwargs):
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
        return broken


def test_progress_and_the_job_page_survive_a_dead_cache(monkeypatch, login, staff):
    job = _job(status=JobStatus.RUNNING, lease_until=_ago(-60), created_by=staff, total=10)
    monkeypatch.setattr(jobs, "cache", DeadCache())
    jobs.report_progress(job.pk, 4, 10)
    status = login(staff).get(reverse("emulation:job_status", args=[job.pk]))
    assert status.status_code == 200 and status.json()["percent"] == 40  # the stored progress
    assert login(staff).get(reverse("emulation:job_detail", args=[job.pk])).status_code == 200
    jobs.finish(job.pk, result={}, message="Xong")
    assert Job.objects.get(pk=job.pk).status == JobStatus.SUCCEEDED
