# ruff: noqa: F811 - fixtures are imported by name
"""Faults, through a real Celery worker (Redis broker, PostgreSQL test database; CI): a worker killed in the
middle of an import, the pool child or the whole worker; a web process whose Redis is down while users import,
ask for a dossier and confirm results; and the same with the one Redis of web and worker stopped and started again.
Nothing is lost, nothing is done twice, every page is normal."""

import datetime
import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import reverse

from campaigns.models import AttainmentSnapshot, Result, ResultStatus, Target
from emulation import dispatch, jobs
from emulation.models import Job, JobStatus, Officer, OutboxStatus, OutboxTask
from reports.models import GeneratedDocument
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.emulation.test_dispatch import CLOSED, point_broker_at
from tests.emulation.workbooks import officer_row, unit_row, workbook_bytes
from tests.reports.test_documents_proposal import dossier_proposal  # noqa: F401
from tests.services import port_open, service_missing
from tests.worker_fixture import WORKER_LEASE_SECONDS, pool_children, wait_for, worker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
OFFICERS = 1500  # a second or two of import: long enough to be killed in the middle


def _import_job(staff) -> Job:
    content = workbook_bytes(
        units=[unit_row("HG-KV9", "Phòng Thi hành án dân sự khu vực 9", "HG")],
        officers=[officer_row(f"KV9-{n:05d}", f"Nguyễn Thị Hồng {n}", "HG-KV9") for n in range(OFFICERS)])
    return jobs.start_job(kind="import_organisation", user=staff, task="emulation.import_organisation",
                          input_file=ContentFile(content, name="to-chuc.xlsx"))


def _mid_import(job: Job) -> bool:
    """The importer has reported rows (from inside its transaction: the cache sees them, the table not yet)."""
    progress = cache.get(jobs.progress_key(job.pk))
    return bool(progress and 0 < progress[0] < progress[1])


def _finished(job_id):
    job = Job.objects.get(pk=job_id)
    return job if job.finished else None


def _sweep_until_resumed(job_id) -> None:
    """What the beat does every minute: once the dead worker's lease ran out, the job is handed out again — unless
    the message the dead child left came back after the lease ran out (a loaded machine), and its task took the job
    over itself (a second attempt): either way one live worker has it, and it is imported once."""
    wait_for(lambda: job_id in jobs.sweep()["resumed"] or Job.objects.get(pk=job_id).attempts >= 2,
             seconds=WORKER_LEASE_SECONDS * 5, what="lease ran out", every=0.5)


def _imported_once(job_id, attempts) -> None:
    job = wait_for(lambda: _finished(job_id), what="import finished")
    assert (job.status, job.progress, job.attempts) == (JobStatus.SUCCEEDED, OFFICERS + 1, attempts)
    assert Officer.objects.filter(unit__code="HG-KV9").count() == OFFICERS  # all of it, once


def test_an_import_whose_pool_child_was_killed_is_finished_once(celery_prefork_worker, settings, staff, province):
    settings.JOB_LEASE_SECONDS = WORKER_LEASE_SECONDS
    job = _import_job(staff)
    wait_for(lambda: _mid_import(job), what="import under way")
    [child] = pool_children(celery_prefork_worker)
    os.kill(child, signal.SIGKILL)
    # The message comes back to the worker at once; the job is still leased to the dead child, so it is left
    # alone (never two imports of one file at the same time) until the lease runs out and the sweep hands it out.
    assert Officer.objects.filter(unit__code="HG-KV9").count() == 0  # the killed transaction left nothing
    _sweep_until_resumed(job.pk)
    _imported_once(job.pk, attempts=2)
    assert jobs.sweep() == {"resumed": [], "failed": []}


def test_an_import_whose_whole_worker_was_killed_is_finished_once_by_another(media_root, settings, staff, province):
    settings.JOB_LEASE_SECONDS = WORKER_LEASE_SECONDS
    with worker(media_root, "prefork") as first:
        job = _import_job(staff)
        wait_for(lambda: _mid_import(job), what="import under way")
        for pid in [*pool_children(first), first.pid]:
            os.kill(pid, signal.SIGKILL)
        first.wait(timeout=20)
    assert Job.objects.get(pk=job.pk).status == JobStatus.RUNNING  # nobody is left to say otherwise
    with worker(media_root, "solo"):
        _sweep_until_resumed(job.pk)
        _imported_once(job.pk, attempts=2)


@pytest.fixture
def redis_down_for_the_web(settings):
    """This process (the web) finds Redis down — broker and cache; the worker keeps its own connection and
    simply receives nothing. ``back()`` brings Redis back for the web."""
    real_caches = settings.CACHES
    point_broker_at(CLOSED)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CLOSED}}

    def back():
        point_broker_at(None)
        settings.CACHES = real_caches

    yield back
    point_broker_at(None)


def test_redis_down_delays_import_dossier_and_recompute_and_loses_nothing(
        celery_worker_process, redis_down_for_the_web, login, settings, staff, head_a, province, unit_a,
        dossier_proposal):
    _while_redis_is_down(redis_down_for_the_web, login, settings, staff, head_a, unit_a, dossier_proposal)


class PrivateRedis:
    """A redis-server of this test's own, which the test stops and starts again on the same port."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen([shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1",
                                         "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
        wait_for(lambda: port_open("127.0.0.1", self.port), what="redis-server")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        assert not port_open("127.0.0.1", self.port)


@pytest.fixture
def private_redis():
    if not shutil.which("redis-server"):
        service_missing("redis-server is not installed: the Redis-outage test stops a Redis of its own")
    server = PrivateRedis()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


def test_redis_stopped_for_web_and_worker_delays_the_work_and_loses_none(
        private_redis, media_root, login, settings, staff, head_a, province, unit_a, dossier_proposal):
    """The real outage: the one Redis of web and worker is stopped while users work, then started again (empty, as
    a Redis without persistence comes back); the worker reconnects and the sweep publishes what waited."""
    real_caches = settings.CACHES
    point_broker_at(private_redis.url)
    try:
        with worker(media_root, "solo", broker=private_redis.url):
            settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                           "LOCATION": private_redis.url}}
            private_redis.stop()
            _while_redis_is_down(private_redis.start, login, settings, staff, head_a, unit_a, dossier_proposal)
    finally:
        settings.CACHES = real_caches
        point_broker_at(None)


def _while_redis_is_down(bring_back, login, settings, staff, head_a, unit_a, dossier_proposal):
    settings.ATTAINMENT_DEBOUNCE_SECONDS = 0
    client = login(staff)
    # Import of units and officers
    upload = ContentFile(workbook_bytes(units=[unit_row("HG-KV9", "Phòng Thi hành án dân sự khu vực 9", "HG")],
                                        officers=[officer_row("KV9-1", "Trần Văn Bình", "HG-KV9")]), name="tc.xlsx")
    response = client.post(reverse("emulation:import_start"), {"file": upload})
    assert response.status_code == 302
    imported = Job.objects.get(kind="import_organisation")
    page = client.get(response["Location"])
    assert page.status_code == 200 and "Đang chờ" in page.content.decode()
    # Tạo hồ sơ (the unit head asks for the dossier)
    response = login(head_a).post(reverse("reports:document_request", args=["proposal_dossier",
                                                                            dossier_proposal.pk]))
    assert response.status_code == 302
    rendered = Job.objects.get(kind="document:proposal_dossier")
    assert login(head_a).get(reverse("emulation:job_status", args=[rendered.pk])).status_code == 200
    # Confirming a result (attainment is recomputed in the background)
    campaign = dossier_proposal.campaign
    Target.objects.create(campaign=campaign, code="1", title="Về việc", metric_kind="completion_cases",
                          subject_kind="sub_department", value=76)
    result = Result.objects.create(campaign=campaign, unit=unit_a, as_of=datetime.date(2024, 6, 30),
                                   cases_total=100, cases_with_conditions=100, cases_completed=80,
                                   status=ResultStatus.SUBMITTED)
    response = client.post(reverse("campaigns:result_action", args=[campaign.pk, result.pk, "confirm"]))
    assert response.status_code == 302
    assert Result.objects.get(pk=result.pk).status == ResultStatus.CONFIRMED

    waiting = OutboxTask.objects.filter(status=OutboxStatus.PENDING)
    assert sorted(waiting.values_list("task", flat=True)) == [
        "campaigns.recompute_attainment", "emulation.import_organisation", "reports.render_document"]
    assert all(row.last_error for row in waiting)
    time.sleep(1)
    assert (Job.objects.get(pk=imported.pk).status, Job.objects.get(pk=rendered.pk).status) == (
        JobStatus.PENDING, JobStatus.PENDING)  # the worker got nothing

    bring_back()  # Redis is back: the beat's next sweep publishes what waited
    assert dispatch.send_pending() == 3
    assert dispatch.send_pending() == 0
    assert wait_for(lambda: _finished(imported.pk), what="import").status == JobStatus.SUCCEEDED
    assert wait_for(lambda: _finished(rendered.pk), what="dossier").status == JobStatus.SUCCEEDED
    wait_for(lambda: AttainmentSnapshot.objects.filter(campaign=campaign).exists(), what="snapshot")
    time.sleep(1)
    assert Officer.objects.filter(code="KV9-1").count() == 1
    assert GeneratedDocument.objects.filter(kind="proposal_dossier").count() == 1
    assert AttainmentSnapshot.objects.filter(campaign=campaign).count() == 1
