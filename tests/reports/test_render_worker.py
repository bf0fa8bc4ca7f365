"""Document rendering through a real Celery worker (Redis broker, PostgreSQL test database; CI):
progress reported while it runs, and a worker child killed mid-render leaves no half file: the
task goes back to the queue and the next child finishes it."""
# ruff: noqa: F811

import os
import signal

import pytest

from emulation.models import Job, JobStatus
from reports import pipeline
from reports.documents import KINDS
from reports.models import GeneratedDocument
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.factories import OfficerFactory
from tests.reports.test_documents_proposal import dossier_proposal  # noqa: F401
from tests.worker_fixture import pool_children, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _bigger(proposal, unit, count):
    award = proposal.nominations.first().campaign_award
    for i in range(count):
        n = proposal.nominations.create(campaign_award=award, unit=unit, officer=OfficerFactory(
            unit=unit, code=f"W-{i}"), position=20 + i)
        n_report = "Thi hành xong các việc được giao, vượt chỉ tiêu về việc và về tiền. " * 40
        from awards.models import AchievementReport

        AchievementReport.objects.create(nomination=n, duties="Tổ chức thi hành án.", achievements=n_report)


def test_a_dossier_is_rendered_by_the_worker(celery_worker_process, head_a, dossier_proposal, media_root):
    kind = KINDS["proposal_dossier"]
    document, job = pipeline.request(kind=kind, object_id=dossier_proposal.pk, user=head_a)
    assert document is None
    from reports.tasks import render_document

    render_document.delay(job_id=job.pk, kind=kind.code, object_id=dossier_proposal.pk)  # on_commit ran already
    job = wait_for(lambda: Job.objects.get(pk=job.pk) if Job.objects.get(pk=job.pk).finished else None,
                what="job finished")
    assert (job.status, job.progress, job.total) == (JobStatus.SUCCEEDED, 6, 6)
    document = GeneratedDocument.objects.get()
    assert document.generated_by == head_a and (media_root / document.file.name).stat().st_size == document.size


def test_a_worker_killed_mid_render_leaves_no_half_file_and_the_task_is_retried(
        celery_prefork_worker, head_a, dossier_proposal, unit_a, media_root):
    _bigger(dossier_proposal, unit_a, 25)
    kind = KINDS["proposal_dossier"]
    _document, job = pipeline.request(kind=kind, object_id=dossier_proposal.pk, user=head_a)
    from reports.tasks import render_document

    render_document.delay(job_id=job.pk, kind=kind.code, object_id=dossier_proposal.pk)
    wait_for(lambda: Job.objects.get(pk=job.pk).progress >= 2, what="render under way")
    [child] = pool_children(celery_prefork_worker)
    os.kill(child, signal.SIGKILL)
    folder = media_root / "documents" / "proposal_dossier"
    assert not folder.exists() or list(folder.iterdir()) == []  # killed mid-layout: nothing written
    job = wait_for(lambda: Job.objects.get(pk=job.pk) if Job.objects.get(pk=job.pk).finished else None,
                what="job finished after the retry")
    assert job.status == JobStatus.SUCCEEDED and job.attempts == 2
    document = GeneratedDocument.objects.get()
    assert [p.name for p in folder.iterdir()] == [document.file.name.rsplit("/", 1)[-1]]
    assert (folder / document.file.name.rsplit("/", 1)[-1]).read_bytes().startswith(b"%PDF")
