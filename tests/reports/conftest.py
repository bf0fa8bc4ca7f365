"""Shared fixtures for the signature tests: one PKI per test session, and a small two-page document; a running
campaign with a snapshot and the year before it, for the director's dashboard."""

import datetime

import pytest
from django.utils import timezone

from campaigns import snapshots
from campaigns.models import Result
from tests.factories import CampaignFactory, PlanFactory, TargetFactory
from tests.reports import pki


@pytest.fixture(scope="session")
def root_ca():
    return pki.make_root_ca("Tổ chức chứng thực thử nghiệm")


@pytest.fixture(scope="session")
def other_ca():
    return pki.make_root_ca("Unrelated Test CA")


@pytest.fixture(scope="session")
def signer(root_ca):
    return pki.make_signer(root_ca, "Nguyễn Văn An", "Cục Thi hành án dân sự tỉnh Hậu Giang")


@pytest.fixture(scope="session")
def second_signer(root_ca):
    return pki.make_signer(root_ca, "Trần Thị Bình", "Cục Thi hành án dân sự tỉnh Hậu Giang")


@pytest.fixture(scope="session")
def stranger(other_ca):
    return pki.make_signer(other_ca, "Lê Văn Cường")


@pytest.fixture(scope="session")
def two_page_document():
    """A laid-out WeasyPrint document of two pages (``write_pdf`` it, with or without signature fields)."""
    from weasyprint import HTML

    html = (
        "<style>@page { size: A4 } body { font-family: 'Liberation Serif', serif }</style>"
        "<h1>Quyết định khen thưởng</h1><p>Tặng Giấy khen cho tập thể Chi cục Vị Thanh.</p>"
        "<p style='page-break-before: always'>Trang hai: danh sách kèm theo.</p>"
    )
    return HTML(string=html).render()


@pytest.fixture(scope="session")
def two_page_pdf(two_page_document):
    return two_page_document.write_pdf()


@pytest.fixture
def running(province, unit_a, unit_b):
    """A campaign running today with a snapshot, and the same kind's campaign of the year before."""
    today = timezone.localdate()
    campaign = CampaignFactory(
        plan=PlanFactory(issuer=province, year=today.year),
        kind="annual",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=30),
    )
    TargetFactory(campaign=campaign)
    before = CampaignFactory(
        plan=PlanFactory(issuer=province, year=today.year - 1),
        kind="annual",
        starts_on=today - datetime.timedelta(days=400),
        ends_on=today - datetime.timedelta(days=370),
    )
    for target, unit, done in ((campaign, unit_a, 80), (campaign, unit_b, 70), (before, unit_a, 60)):
        Result.objects.create(
            campaign=target,
            unit=unit,
            as_of=target.starts_on,
            cases_total=100,
            cases_with_conditions=100,
            cases_completed=done,
            status="confirmed",
        )
    snapshots.recompute(campaign.pk)
    return campaign
