"""A document rendered by the worker tells whoever asked for it, once, with a link they can open."""
# ruff: noqa: F811

import pytest
from django.urls import reverse

from emulation.models import Job, Notification
from reports import tasks
from reports.models import GeneratedDocument
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.reports.test_documents_proposal import dossier_proposal  # noqa: F401
from tests.reports.test_signed_upload import _bytes, _upload, letter, trusted  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_rendered_document_tells_the_requester_once(login, head_a, staff, dossier_proposal, media_root,
                                                      django_capture_on_commit_callbacks):
    client = login(head_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:document_request", args=["proposal_minutes", dossier_proposal.pk]))
    job, document = Job.objects.get(), GeneratedDocument.objects.get()
    url = reverse("reports:document_detail", args=[document.pk])
    rows = list(Notification.objects.values_list("recipient__username", "kind", "verb", "url", "event_key"))
    assert rows == [("truong_a", "document.ready", (
        f"Văn bản “{job.result['label']}” ({document.filename}) đã được tạo xong. Việc cần làm: mở văn bản để xem, "
        "tải về hoặc ký số rồi tải bản đã ký lên."), url, f"document-ready-{job.pk}")]
    assert client.get(url).status_code == 200
    Job.objects.filter(pk=job.pk).update(status="running")  # the same job delivered again
    tasks.render_document.apply(kwargs={"job_id": job.pk, "kind": "proposal_minutes",
                                        "object_id": dossier_proposal.pk})
    assert (Job.objects.get().status, Notification.objects.count()) == ("succeeded", 1)


def test_a_refused_signed_copy_tells_the_uploader_once_with_the_reason(login, head_a, letter, trusted,
                                                                        django_capture_on_commit_callbacks):
    client = login(head_a)
    unsigned = _bytes(letter)
    with django_capture_on_commit_callbacks(execute=True):
        page = _upload(client, letter, unsigned).content.decode()
    assert "Bản ký số không được chấp nhận" in page
    url = reverse("reports:document_detail", args=[letter.pk])
    [(who, kind, verb, link)] = Notification.objects.values_list("recipient__username", "kind", "verb", "url")
    assert (who, kind, link) == ("truong_a", "signed_copy.refuse", url)
    assert verb.startswith(f"Bản ký số của văn bản “{letter.filename}” bạn tải lên không được chấp nhận. Lý do: ")
    assert "không có chữ ký số" in verb and verb.endswith("rồi tải lên lại.") and ".;" not in verb
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, letter, unsigned)  # the same file again: told once
    assert Notification.objects.count() == 1
