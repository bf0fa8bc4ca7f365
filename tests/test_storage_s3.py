# ruff: noqa: F811 - the awards fixtures are imported by name
"""Stored files in an S3-compatible bucket (django-storages), for several hosts: an attachment uploaded through
the page lands in the bucket and nowhere on disk, comes back through the scoped view only, and a generated
document is written there in one PUT and found again by its hash. The server is moto's S3 server (PyPI),
run in the test process on a free port; it speaks the S3 HTTP API, so boto3 talks to it as to any other."""

import io
import socket
import uuid
from types import SimpleNamespace

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer
from pypdf import PdfWriter

from awards.models import Proposal, ProposalStatus
from reports import pipeline
from reports.documents import KINDS
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.reports.test_documents_proposal import dossier_proposal  # noqa: F401

pytestmark = pytest.mark.django_db


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def bucket(settings, monkeypatch, media_root):
    for name, value in {"AWS_ACCESS_KEY_ID": "thidua", "AWS_SECRET_ACCESS_KEY": "thidua-secret",
                        "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(name, value)
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    name = f"thidua-media-{uuid.uuid4().hex[:12]}"  # moto keeps its buckets for the whole process
    client.create_bucket(Bucket=name)
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        **settings.S3_OPTIONS, "bucket_name": name, "endpoint_url": endpoint, "region_name": "us-east-1",
        "access_key": "thidua", "secret_key": "thidua-secret"}}}
    yield SimpleNamespace(client=client, name=name)
    server.stop()


def _keys(bucket) -> list[str]:
    return sorted(item["Key"] for item in bucket.client.list_objects_v2(Bucket=bucket.name).get("Contents", []))


def _body(bucket, key) -> bytes:
    return bucket.client.get_object(Bucket=bucket.name, Key=key)["Body"].read()


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_attachment_lands_in_the_bucket_and_comes_back_through_the_scoped_view_only(
        bucket, login, head_a, head_b, campaign_award, unit_a, media_root):
    draft = Proposal.objects.create(campaign=campaign_award.campaign, unit=unit_a, status=ProposalStatus.DRAFT,
                                    title="Đề nghị tặng Giấy khen", created_by=head_a)
    content = _pdf()
    response = login(head_a).post(reverse("awards:attachment_upload", args=[draft.pk]), {
        "kind": "minutes", "file": SimpleUploadedFile("bien-ban.pdf", content, content_type="application/pdf")})
    assert response.status_code == 302
    attachment = draft.attachments.get()
    assert _keys(bucket) == [attachment.file.name]
    assert _body(bucket, attachment.file.name) == content
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))  # nothing on disk
    url = reverse("awards:attachment_download", args=[draft.pk, attachment.pk])
    download = login(head_a).get(url)
    assert (download.status_code, b"".join(download.streaming_content)) == (200, content)
    assert download["Content-Disposition"].startswith("attachment")
    assert login(head_b).get(url).status_code == 404


def test_a_generated_document_is_put_once_and_found_again_by_its_hash(bucket, dossier_proposal):
    kind = KINDS["proposal_letter"]
    first = pipeline.produce(kind=kind, object_id=dossier_proposal.pk)
    assert _keys(bucket) == [first.file.name] and first.file.name.startswith("documents/proposal_letter/")
    assert _body(bucket, first.file.name).startswith(b"%PDF")
    again = pipeline.produce(kind=kind, object_id=dossier_proposal.pk)
    assert (again.pk, _keys(bucket)) == (first.pk, [first.file.name])
