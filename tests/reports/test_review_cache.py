"""Review: every change that shows in a document changes its inputs' hash, so a stale file is never
served from the cache; and nothing else does (the same data gives the same hash)."""
# ruff: noqa: F811

import pytest

from emulation.models import Officer
from reports import pipeline
from reports.documents import KINDS
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.reports.test_workbooks import attainment_campaign  # noqa: F401


def _hash(code, object_id):
    kind = KINDS[code]
    return pipeline.inputs_hash(kind, kind.prepare(object_id))


@pytest.mark.django_db
def test_the_attainment_table_is_rendered_again_when_a_unit_is_renamed(attainment_campaign, unit_a):
    before = _hash("campaign_attainment_xlsx", attainment_campaign.pk)
    assert _hash("campaign_attainment_xlsx", attainment_campaign.pk) == before
    unit_a.name = "Phòng Thi hành án dân sự khu vực 1 – tỉnh Hậu Giang"
    unit_a.save()
    assert _hash("campaign_attainment_xlsx", attainment_campaign.pk) != before


@pytest.mark.django_db
def test_the_attainment_table_is_rendered_again_when_a_target_is_renumbered(attainment_campaign):
    before = _hash("campaign_attainment_xlsx", attainment_campaign.pk)
    attainment_campaign.targets.filter(code="3.1").update(code="4.1")
    assert _hash("campaign_attainment_xlsx", attainment_campaign.pk) != before


@pytest.mark.django_db
def test_the_attainment_table_is_rendered_again_when_an_officer_is_renamed(attainment_campaign, officer_a):
    from campaigns.models import Result, Target, TargetBracket

    target = Target.objects.create(campaign=attainment_campaign, code="4.1", title="Chấp hành viên – về việc",
                                   metric_kind="completion_cases", subject_kind="officer", basis="cases_total")
    TargetBracket.objects.create(target=target, lower=0, upper=None, value=80)
    Result.objects.create(campaign=attainment_campaign, unit=officer_a.unit, officer=officer_a,
                          as_of="2024-06-30", cases_total=100, cases_with_conditions=90, cases_completed=80,
                          money_total=0, money_with_conditions=0, money_completed=0, status="confirmed")
    before = _hash("campaign_attainment_xlsx", attainment_campaign.pk)
    Officer.objects.filter(pk=officer_a.pk).update(full_name="Nguyễn Văn Ân")
    assert _hash("campaign_attainment_xlsx", attainment_campaign.pk) != before
