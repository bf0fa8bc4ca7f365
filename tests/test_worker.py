"""Through a real Celery worker process, Redis broker and the PostgreSQL test database (CI)."""

import time

import pytest
from django.core.files.base import ContentFile

from emulation import jobs, tasks
from emulation.models import Job, JobStatus, Officer, Unit
from tests.emulation.workbooks import officer_row, unit_row, workbook_bytes

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _wait_for(job_id, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = Job.objects.get(pk=job_id)
        if job.finished:
            return job
        time.sleep(0.2)
    pytest.fail(f"job {job_id} did not finish within {seconds} s: {Job.objects.get(pk=job_id).status}")


def test_import_job_runs_in_a_real_worker(celery_worker_process, staff, province):
    content = workbook_bytes(
        units=[unit_row("HG-KV1", "Phòng Thi hành án dân sự khu vực 1", "HG")],
        officers=[officer_row(f"CB-{n}", f"Nguyễn Thị Hồng {n}", "HG-KV1") for n in range(120)])
    job = jobs.start_job(kind="import_organisation", user=staff,
                         input_file=ContentFile(content, name="to-chuc.xlsx"))
    result = tasks.import_organisation.delay(job_id=job.pk)
    job = _wait_for(job.pk)
    assert (job.status, job.percent, job.progress, job.total) == (JobStatus.SUCCEEDED, 100, 121, 121)
    assert result.get(timeout=10) == "succeeded"
    assert Unit.objects.get(code="HG-KV1").parent == province
    assert Officer.objects.filter(unit__code="HG-KV1").count() == 120
    again = tasks.import_organisation.delay(job_id=job.pk)
    assert again.get(timeout=30) == "skipped"
    assert Job.objects.get(pk=job.pk).attempts == 1


def test_confirmed_results_are_recomputed_once_by_the_worker(celery_worker_process, settings, staff, head_a,
                                                            province_plan, unit_a, unit_b):
    import datetime
    from decimal import Decimal

    from campaigns import services, snapshots
    from campaigns.models import AttainmentSnapshot, Result, Target

    settings.ATTAINMENT_DEBOUNCE_SECONDS = 1
    campaign = province_plan.campaigns.get()
    Target.objects.create(campaign=campaign, code="1", title="Về việc", metric_kind="completion_cases",
                          subject_kind="sub_department", value=Decimal(76))
    results = [Result.objects.create(campaign=campaign, unit=unit, as_of=datetime.date(2024, 6, 30), cases_total=100,
                                     cases_with_conditions=100, cases_completed=done, status="submitted")
               for unit, done in [(unit_a, 80), (unit_b, 70)]]
    for result in results:
        services.transition_result(actor=staff, result=result, action="confirm")
    deadline = time.monotonic() + 60
    while not AttainmentSnapshot.objects.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2)  # a second, debounced recompute would have landed by now
    snapshot = AttainmentSnapshot.objects.get()
    assert sorted((r["unit_code"], r["state"], r["rank"]) for r in snapshots.records(snapshot)) == [
        ("HG-LM", "not_met", 2), ("HG-VT", "met", 1)]
