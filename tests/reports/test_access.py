"""Who may queue a render (``can_render_kind``): those who make the paper; readers download what exists."""
# ruff: noqa: F811

import pytest
from django.urls import reverse

from emulation.models import Job
from reports import pipeline
from reports.access import can_render_kind
from reports.documents import KINDS
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.reports.test_documents_proposal import dossier_proposal  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("who", "kind", "owner", "render"), [
    ("staff", "proposal_letter", "proposal", True),
    ("director", "proposal_letter", "proposal", True),
    ("head_a", "proposal_letter", "proposal", True),        # the proposing unit's head
    ("viewer", "proposal_letter", "proposal", False),
    ("council_member", "proposal_letter", "proposal", False),
    ("staff", "campaign_summary", "campaign", True),
    ("head_a", "campaign_summary", "campaign", False),       # a participating unit: the province's paper
    ("viewer", "campaign_summary", "campaign", False),
    ("head_a", "proposal_dossier", "proposal", True),
    ("council_member", "proposal_dossier", "proposal", False),
])
def test_who_may_render(request, who, kind, owner, render, dossier_proposal):
    record = dossier_proposal if owner == "proposal" else dossier_proposal.campaign
    user = request.getfixturevalue(who)
    assert can_render_kind(user, KINDS[kind], record) == render


@pytest.mark.parametrize("who", ["viewer", "council_member"])
def test_a_reader_cannot_queue_a_render_but_downloads_the_existing_file(
        request, login, who, dossier_proposal, media_root, django_capture_on_commit_callbacks):
    client = login(request.getfixturevalue(who))
    url = reverse("reports:document_request", args=["proposal_letter", dossier_proposal.pk])
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(url)
    assert (refused.status_code, Job.objects.count()) == (403, 0)

    document = pipeline.produce(kind=KINDS["proposal_letter"], object_id=dossier_proposal.pk)
    page = client.get(reverse("awards:proposal_detail", args=[dossier_proposal.pk])).content.decode()
    assert ('data-testid="generate-proposal_letter"' in page, 'data-testid="document-latest"' in page) == (
        False, True)
    download = client.get(reverse("reports:document_download", args=[document.pk]))
    assert (download.status_code, download["Content-Disposition"].startswith("attachment;")) == (200, True)
    download.close()
