"""Review: who may ask for, see and be offered each document kind, beyond the fixed cast's own units."""
# ruff: noqa: F811

import pytest
from django.urls import reverse

from emulation.models import Job, Role
from reports.models import GeneratedDocument
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.factories import RoleGrantFactory
from tests.reports.test_documents_proposal import dossier_proposal  # noqa: F401

CAMPAIGN_WIDE = ["campaign_nominees_xlsx", "campaign_attainment_xlsx", "campaign_summary"]


def _request(client, kind, object_id, capture):
    with capture(execute=True):
        return client.post(reverse("reports:document_request", args=[kind, object_id]))


@pytest.fixture
def staff_a(unit_a):
    """Thường trực of sub-department A: runs its own campaigns, takes part in the province's."""
    return RoleGrantFactory(user__username="thuongtruc_a", role=Role.STAFF, unit=unit_a).user


@pytest.fixture
def director_a(unit_a):
    return RoleGrantFactory(user__username="chicuctruong_a", role=Role.DIRECTOR, unit=unit_a).user


@pytest.mark.django_db
@pytest.mark.parametrize("kind", CAMPAIGN_WIDE)
@pytest.mark.parametrize("who", ["staff_a", "director_a"])
def test_a_participating_units_staff_cannot_render_the_whole_campaigns_tables(
        request, login, who, kind, staff, dossier_proposal, media_root, django_capture_on_commit_callbacks):
    """Unit B's nominees and figures are in these files: staff of the province only, not of a unit
    that merely takes part (its role is staff, but over unit A)."""
    client = login(request.getfixturevalue(who))
    campaign_id = dossier_proposal.campaign_id
    assert _request(client, kind, campaign_id, django_capture_on_commit_callbacks).status_code == 403
    assert not Job.objects.exists()
    page = client.get(reverse("campaigns:campaign_detail", args=[campaign_id])).content.decode()
    assert f'data-testid="generate-{kind}"' not in page

    staff_client = login(staff)
    assert f'data-testid="generate-{kind}"' in staff_client.get(
        reverse("campaigns:campaign_detail", args=[campaign_id])).content.decode()


@pytest.mark.django_db
def test_a_participating_units_staff_cannot_open_the_file_staff_rendered(
        login, staff, staff_a, dossier_proposal, media_root, django_capture_on_commit_callbacks):
    campaign_id = dossier_proposal.campaign_id
    _request(login(staff), "campaign_nominees_xlsx", campaign_id, django_capture_on_commit_callbacks)
    document = GeneratedDocument.objects.get(kind="campaign_nominees_xlsx")
    client = login(staff_a)
    assert client.get(reverse("reports:document_detail", args=[document.pk])).status_code == 404
    assert client.get(reverse("reports:document_download", args=[document.pk])).status_code == 404
