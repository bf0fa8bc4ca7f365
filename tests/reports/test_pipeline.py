"""The rendering pipeline: queued job with progress, cached by the inputs' hash, atomic files,
idempotent re-runs; the pages that ask for, show and download documents, and their refusals."""
# ruff: noqa: F811

import os
import threading
import time

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from emulation import dispatch
from emulation.models import AuditEntry, Job, JobStatus
from reports import pipeline
from reports.documents import KINDS
from reports.models import GeneratedDocument
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.reports.test_documents_proposal import dossier_proposal  # noqa: F401


def _request(client, kind, object_id, capture):
    with capture(execute=True):
        return client.post(reverse("reports:document_request", args=[kind, object_id]))


@pytest.mark.django_db
def test_generate_shows_progress_then_the_file_and_reuses_it_when_unchanged(
        login, head_a, dossier_proposal, media_root, django_capture_on_commit_callbacks):
    client = login(head_a)
    response = _request(client, "proposal_dossier", dossier_proposal.pk, django_capture_on_commit_callbacks)
    job = Job.objects.get()
    assert response.url == reverse("emulation:job_detail", args=[job.pk])
    assert (job.status, job.kind, job.progress, job.total) == (JobStatus.SUCCEEDED, "document:proposal_dossier", 6, 6)
    document = GeneratedDocument.objects.get()
    assert job.result["download_url"] == reverse("reports:document_download", args=[document.pk])
    assert (document.generated_by, document.pages, document.kind) == (head_a, 6, "proposal_dossier")
    assert len(document.inputs_hash) == 64 and document.size == default_storage.size(document.file.name)
    assert AuditEntry.objects.filter(model_label="reports.GeneratedDocument").count() == 1
    page = client.get(response.url).content.decode()
    assert "Tải về" in page and document.filename in page

    again = _request(client, "proposal_dossier", dossier_proposal.pk, django_capture_on_commit_callbacks)
    assert again.url == reverse("reports:document_detail", args=[document.pk])
    assert Job.objects.count() == 1 and GeneratedDocument.objects.count() == 1

    report = dossier_proposal.nominations.first().report
    report.achievements += "\nBổ sung: hoàn thành 100% chỉ tiêu về tiền."
    report.save()
    _request(client, "proposal_dossier", dossier_proposal.pk, django_capture_on_commit_callbacks)
    assert Job.objects.count() == 2 and GeneratedDocument.objects.count() == 2


@pytest.mark.django_db
def test_download_gives_the_stored_bytes(login, head_a, dossier_proposal, media_root,
                                         django_capture_on_commit_callbacks):
    client = login(head_a)
    _request(client, "proposal_letter", dossier_proposal.pk, django_capture_on_commit_callbacks)
    document = GeneratedDocument.objects.get()
    response = client.get(reverse("reports:document_download", args=[document.pk]))
    assert response.status_code == 200
    with default_storage.open(document.file.name) as stored:
        assert b"".join(response.streaming_content) == stored.read()
    response.close()
    assert response["Content-Disposition"].startswith('attachment; filename="to-trinh-01-ttr-ccthads')


@pytest.mark.django_db
def test_a_crash_while_writing_leaves_no_file_and_no_row_and_the_retry_succeeds(dossier_proposal, media_root,
                                                                                monkeypatch):
    kind = KINDS["proposal_minutes"]

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        pipeline.produce(kind=kind, object_id=dossier_proposal.pk)
    folder = media_root / "documents" / "proposal_minutes"
    assert list(folder.iterdir()) == [] and not GeneratedDocument.objects.exists()
    monkeypatch.undo()
    document = pipeline.produce(kind=kind, object_id=dossier_proposal.pk)
    assert [p.name for p in folder.iterdir()] == [document.file.name.rsplit("/", 1)[-1]]


@pytest.mark.django_db
def test_running_the_same_job_twice_records_one_file(dossier_proposal, media_root):
    kind = KINDS["proposal_minutes"]
    first = pipeline.produce(kind=kind, object_id=dossier_proposal.pk)
    second = pipeline.produce(kind=kind, object_id=dossier_proposal.pk)
    assert first == second and GeneratedDocument.objects.count() == 1


@pytest.mark.django_db
def test_a_missing_file_is_rendered_again(dossier_proposal, media_root):
    kind = KINDS["proposal_minutes"]
    first = pipeline.produce(kind=kind, object_id=dossier_proposal.pk)
    default_storage.delete(first.file.name)
    assert pipeline.cached(kind, dossier_proposal.pk, first.inputs_hash) is None
    again = pipeline.produce(kind=kind, object_id=dossier_proposal.pk)
    assert again.pk == first.pk and default_storage.exists(again.file.name)


@pytest.mark.django_db
def test_another_units_head_cannot_generate_see_or_download(login, head_a, head_b, dossier_proposal, media_root,
                                                            django_capture_on_commit_callbacks):
    _request(login(head_a), "proposal_dossier", dossier_proposal.pk, django_capture_on_commit_callbacks)
    document = GeneratedDocument.objects.get()
    other = login(head_b)
    assert _request(other, "proposal_dossier", dossier_proposal.pk,
                    django_capture_on_commit_callbacks).status_code == 404
    assert other.get(reverse("reports:document_detail", args=[document.pk])).status_code == 404
    assert other.get(reverse("reports:document_download", args=[document.pk])).status_code == 404
    assert Job.objects.count() == 1


@pytest.mark.django_db
def test_unknown_kinds_get_and_anonymous_users_are_refused(client, login, head_a, dossier_proposal):
    assert client.post(reverse("reports:document_request", args=["proposal_dossier", dossier_proposal.pk])
                       ).status_code == 302  # to the login page
    assert login(head_a).post(reverse("reports:document_request", args=["no_such_kind", 1])).status_code == 403
    assert login(head_a).get(reverse("reports:document_request", args=["proposal_dossier", dossier_proposal.pk])
                             ).status_code == 405


@pytest.mark.django_db
def test_whole_campaign_tables_are_for_staff_only(login, head_a, staff, dossier_proposal, media_root,
                                                  django_capture_on_commit_callbacks):
    campaign_id = dossier_proposal.campaign_id
    head = login(head_a)
    assert _request(head, "campaign_attainment_xlsx", campaign_id,
                    django_capture_on_commit_callbacks).status_code == 403
    assert "campaign_attainment_xlsx" not in head.get(reverse("campaigns:campaign_detail", args=[campaign_id])
                                                      ).content.decode()
    assert _request(login(staff), "campaign_attainment_xlsx", campaign_id,
                    django_capture_on_commit_callbacks).status_code == 302
    document = GeneratedDocument.objects.get(kind="campaign_attainment_xlsx")
    assert document.filename.endswith(".xlsx")
    assert head.get(reverse("reports:document_detail", args=[document.pk])).status_code == 404


@pytest.mark.django_db
def test_the_panel_lists_each_document_with_its_latest_file(login, head_a, dossier_proposal, media_root,
                                                            django_capture_on_commit_callbacks):
    client = login(head_a)
    page = client.get(reverse("awards:proposal_detail", args=[dossier_proposal.pk])).content.decode()
    assert page.count('data-testid="generate-nomination_report"') == 3
    assert 'data-testid="generate-proposal_dossier"' in page and "document-latest" not in page
    _request(client, "proposal_letter", dossier_proposal.pk, django_capture_on_commit_callbacks)
    page = client.get(reverse("awards:proposal_detail", args=[dossier_proposal.pk])).content.decode()
    assert page.count("document-latest") == 1


@pytest.mark.django_db
def test_a_failed_render_marks_the_job_failed_with_a_message(login, head_a, dossier_proposal, monkeypatch,
                                                             django_capture_on_commit_callbacks):
    def broken(*args, **kwargs):
        raise RuntimeError("WeasyPrint exploded")

    monkeypatch.setattr("reports.pdf.render_pdf", broken)
    with pytest.raises(RuntimeError):
        _request(login(head_a), "proposal_minutes", dossier_proposal.pk, django_capture_on_commit_callbacks)
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED and "Không tạo được văn bản" in job.message
    assert not GeneratedDocument.objects.exists()


@pytest.mark.django_db
def test_a_record_deleted_while_its_job_waits_fails_the_job_with_a_clear_message(head_a, dossier_proposal):
    from reports.tasks import render_document

    nomination = dossier_proposal.nominations.first()
    job = Job.objects.create(kind="document:nomination_report", created_by=head_a)
    nomination.delete()
    assert render_document.apply(kwargs={"job_id": job.pk, "kind": "nomination_report",
                                         "object_id": nomination.pk}).get() == "gone"
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "đã bị xóa" in job.message


@pytest.mark.django_db(transaction=True)
def test_in_process_mode_answers_at_once_and_the_job_page_follows_the_rendering(login, head_a, dossier_proposal,
                                                                                 media_root, settings):
    """``make run`` (eager tasks, EAGER_JOBS_IN_BACKGROUND on): "Tạo hồ sơ" answers before the dossier is rendered,
    in a thread after the commit; the page it leads to polls the job up to 100 %."""
    settings.EAGER_JOBS_IN_BACKGROUND = True
    client = login(head_a)
    response = client.post(reverse("reports:document_request", args=["proposal_dossier", dossier_proposal.pk]))
    job = Job.objects.get()
    assert response.url == reverse("emulation:job_detail", args=[job.pk])
    assert job.status in (JobStatus.PENDING, JobStatus.RUNNING) and not GeneratedDocument.objects.exists()
    seen, started = [], time.monotonic()
    while time.monotonic() - started < 120:
        status = client.get(reverse("emulation:job_status", args=[job.pk])).json()
        seen.append(status["percent"])
        if status["finished"]:
            break
        time.sleep(0.1)
    _join_background_jobs()  # what the task does after finishing the job (its event) ends inside this test
    assert (status["status"], status["percent"]) == ("succeeded", 100), status
    assert seen == sorted(seen) and GeneratedDocument.objects.get().kind == "proposal_dossier"
    assert "Tải về" in client.get(response.url).content.decode()



def _join_background_jobs() -> None:
    for thread in threading.enumerate():
        if thread.name.startswith(dispatch.THREAD_PREFIX):
            thread.join(timeout=60)
