"""Stored files (signed copies, attachments, photos, evidence) go out only through views that check the
user's scope or the honour board's publication: ``/media/`` is never mounted, in DEBUG either."""
# ruff: noqa: F811 - the fixtures imported from typical_fixtures are requested by name

import importlib

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches, reverse
from django.utils import timezone

import emulation.root_urls
from awards.models import AttachmentKind, Proposal, ProposalAttachment, PublicationState
from tests.awards.typical_fixtures import PNG, example_a, typical_campaign  # noqa: F401
from tests.samples import PDF

pytestmark = pytest.mark.integration
SCAN = PDF


@pytest.fixture
def debug_urls(settings, media_root):
    """The URLs as ``DJANGO_DEBUG=1`` builds them (``root_urls`` read DEBUG when it was imported)."""
    settings.DEBUG = True
    importlib.reload(emulation.root_urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(emulation.root_urls)
    clear_url_caches()


def attachment_of(unit, campaign) -> ProposalAttachment:
    proposal = Proposal.objects.create(campaign=campaign, unit=unit, title=f"Đề nghị của {unit.code}")
    attachment = ProposalAttachment(proposal=proposal, kind=AttachmentKind.MINUTES, original_name="bien-ban.pdf",
                                    content_type="application/pdf", size=len(SCAN))
    attachment.file.save("bien-ban.pdf", ContentFile(SCAN), save=False)
    attachment.save()
    return attachment


@pytest.fixture
def attachments(province_plan, unit_a, unit_b, media_root):
    campaign = province_plan.campaigns.get()
    return attachment_of(unit_a, campaign), attachment_of(unit_b, campaign)


def download(client, attachment):
    return client.get(reverse("awards:attachment_download", args=[attachment.proposal_id, attachment.pk]))


def test_media_of_another_unit_answers_404_even_in_debug(debug_urls, login, head_a, attachments):
    own, other = attachments
    client = login(head_a)
    assert client.get(f"/media/{other.file.name}").status_code == 404
    assert client.get(f"/media/{own.file.name}").status_code == 404  # no mount at all, even for one's own file
    assert download(client, other).status_code == 404


def test_own_units_attachment_is_served_as_a_download(debug_urls, login, head_a, attachments):
    own, _ = attachments
    response = download(login(head_a), own)
    assert response.status_code == 200 and b"".join(response.streaming_content) == SCAN
    assert response["Content-Disposition"] == 'attachment; filename="bien-ban.pdf"'
    assert (response["Content-Type"], response["X-Content-Type-Options"]) == ("application/pdf", "nosniff")


def test_anonymous_is_sent_to_login_for_an_attachment(client, attachments):
    response = download(client, attachments[0])
    assert response.status_code == 302 and response["Location"].startswith(reverse("emulation:login"))


def test_unpublished_photo_is_404_to_anonymous_and_published_one_is_shown_inline(debug_urls, client, example_a):
    photo = reverse("awards:honour_board_photo", args=[example_a.pk])
    assert example_a.publication != PublicationState.PUBLISHED
    assert client.get(photo).status_code == 404
    assert client.get(f"/media/{example_a.photo.name}").status_code == 404
    example_a.publication, example_a.published_at = PublicationState.PUBLISHED, timezone.now()
    example_a.save()
    response = client.get(photo)
    assert (response.status_code, response["Content-Type"], response["X-Content-Type-Options"]) == (
        200, "image/png", "nosniff")
    assert response["Content-Disposition"].startswith("inline") and b"".join(response.streaming_content) == PNG
    assert client.get(f"/media/{example_a.photo.name}").status_code == 404
