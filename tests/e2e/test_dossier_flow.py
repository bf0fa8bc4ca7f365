# ruff: noqa: F811 - fixtures are imported by name
"""A unit head asks for the proposal's dossier, watches the progress bar move while the worker
renders it, downloads the PDF; asking again for the unchanged dossier serves the same file."""

import threading
import time

import pytest
from django.db import connection

from emulation import dispatch, jobs
from emulation.models import Job, OutboxTask
from reports import tasks
from reports.models import GeneratedDocument
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.e2e.test_notifications_flow import _looked_at
from tests.reports import pdfcheck
from tests.reports.test_documents_proposal import dossier_proposal  # noqa: F401
from tests.reports.test_pipeline import _join_background_jobs

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_generate_a_dossier_watch_progress_and_download(page, sign_in, shot, dossier_proposal, head_a, media_root,
                                                        monkeypatch, tmp_path):
    queued = []
    monkeypatch.setattr(dispatch, "send", lambda pk, **how: queued.append(pk))  # the row stays for the "worker" below
    report_progress = jobs.report_progress

    def slow_progress(job_id, done, total, noun="dòng"):  # a worker on a long dossier, slowed to be seen
        report_progress(job_id, done, total, noun)
        time.sleep(0.6)

    monkeypatch.setattr(jobs, "report_progress", slow_progress)

    sign_in(head_a)
    page.goto(page.base_url + f"/khen-thuong/de-nghi/{dossier_proposal.pk}/")
    page.click("[data-testid=generate-proposal_dossier]")
    page.wait_for_url("**/cong-viec/*/")
    assert page.inner_text("[data-testid=job-status]") == "Đang chờ"
    assert "Tạo văn bản: Hồ sơ đề nghị đầy đủ (PDF)" in page.inner_text("h1")
    shot("dossier-queued")

    [outboxed] = queued
    kwargs = OutboxTask.objects.get(pk=outboxed).kwargs

    def work():
        try:
            tasks.render_document.apply(kwargs=kwargs)
        finally:
            connection.close()  # this thread's own database connection

    worker = threading.Thread(target=work)
    worker.start()
    page.wait_for_function(
        "() => { const w = parseInt(document.getElementById('job-bar').style.width); return w > 0 && w < 100; }",
        timeout=20000)
    assert "Đã xử lý" in page.inner_text("#job-message") and "phần" in page.inner_text("#job-message")
    page.wait_for_timeout(700)  # the bar's width transition (0,6 s) before the picture
    shot("dossier-progress")
    worker.join(timeout=60)
    page.wait_for_selector("[data-testid=job-download]", timeout=20000)
    shot("dossier-ready")

    with page.expect_download() as download:
        page.click("[data-testid=job-download]")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    data = path.read_bytes()
    assert download.value.suggested_filename == "ho-so-de-nghi-hg-vt-lan-1.pdf"
    pdfcheck.assert_in_order(pdfcheck.text(data), ["TỜ TRÌNH", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
                                                    "BÁO CÁO THÀNH TÍCH", "BIÊN BẢN"])

    # Unchanged: the same file, straight away, no new job.
    page.goto(page.base_url + f"/khen-thuong/de-nghi/{dossier_proposal.pk}/")
    page.click("[data-testid=generate-proposal_dossier]")
    page.wait_for_selector("[data-testid=document-download]")
    assert "dùng lại tệp đã tạo" in page.inner_text("main")
    assert page.locator("[data-testid=signature-fields] tr").count() == 1 + 9
    shot("dossier-document-page")
    assert Job.objects.count() == 1 and GeneratedDocument.objects.count() == 1


@pytest.mark.parametrize("width", [1366, 390])
def test_in_process_mode_answers_at_once_and_the_bar_reaches_100(page, sign_in, dossier_proposal, head_a, media_root,
                                                                  settings, width):
    """``make run`` renders in-process: "Tạo hồ sơ" leads straight to the job page (the dossier is rendered in a
    thread after the answer), whose bar follows the rendering to 100 %."""
    settings.EAGER_JOBS_IN_BACKGROUND = True
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(head_a)
    page.goto(page.base_url + f"/khen-thuong/de-nghi/{dossier_proposal.pk}/")
    with page.expect_navigation(url="**/cong-viec/*/"):
        page.click("[data-testid=generate-proposal_dossier]")
    assert page.inner_text("[data-testid=job-status]") in ("Đang chờ", "Đang xử lý")
    assert not GeneratedDocument.objects.exists()
    _looked_at(page, f"dossier-in-process-started-{width}")
    page.wait_for_selector("[data-testid=job-download]", timeout=60000)
    assert page.inner_text("[data-testid=job-status]") == "Hoàn thành"
    assert page.get_attribute("#job-bar", "data-percent") == "100"
    _looked_at(page, f"dossier-in-process-done-{width}")
    _join_background_jobs()
    assert GeneratedDocument.objects.get().kind == "proposal_dossier"
