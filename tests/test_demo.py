"""The demo data are the five seed plans; loading twice changes nothing."""

import datetime
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client

from campaigns.models import Campaign, Plan, SubPlanRequirement
from emulation.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from emulation.models import Unit, UnitKind, UnitSuccession

pytestmark = pytest.mark.integration

MODELS = ["emulation.Unit", "emulation.UnitSuccession", "emulation.Officer", "emulation.Assignment",
          "emulation.Discipline", "emulation.AwardHold", "emulation.RoleGrant", "auth.User", "campaigns.Plan",
          "campaigns.Campaign", "campaigns.Milestone", "campaigns.Participation", "campaigns.SubPlanRequirement",
          "campaigns.Pledge", "campaigns.Target", "campaigns.TargetBracket",
          "campaigns.Result"]


def _state():
    return {label: sorted(map(repr, apps.get_model(label).objects.values_list()))
            for label in MODELS if label != "auth.User"} | {
        "users": sorted(apps.get_model("auth.User").objects.values_list("username", "password"))}


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_load_demo_twice_changes_nothing(demo):
    first = _state()
    call_command("load_demo", stdout=io.StringIO())
    assert _state() == first
    assert all(first[label] for label in first)


def test_the_five_seed_plans_are_loaded(demo):
    plans = {(p.issuer.code, p.year, p.symbol) for p in Plan.objects.filter(parent__isnull=True)}
    assert plans == {("BD", 2023, "KH-CTHADS"), ("HG", 2024, "KH-CTHADS"), ("UBND-HG", 2025, "KH-UBND"),
                     ("TN", 2023, "KH-CTHADS"), ("LS", 2019, "KH-CTHADS")}
    bd = Plan.objects.get(issuer__code="BD", parent__isnull=True)
    assert bd.number is None and bd.issued_on is None
    assert bd.theme.startswith("Kỷ cương, trách nhiệm, đoàn kết, sáng tạo")
    assert "Quyết định số 84/QĐ-BTP ngày 31/01/2023" in bd.legal_basis_lines[0]
    assert bd.recipient_lines[-1] == "- Lưu: VT, VP."
    assert "1.1.3. Phấn đấu nâng cao chất lượng THADS, tỷ lệ thi hành xong trên 84% về việc và trên 46% về tiền" \
        in bd.campaigns.get(kind="annual").description


def test_seed_001_has_its_own_results_period_and_dossier_deadline(demo):
    campaign = Campaign.objects.get(plan__issuer__code="HG", kind="peak")
    assert (campaign.starts_on, campaign.ends_on) == (datetime.date(2024, 4, 1), datetime.date(2024, 6, 30))
    assert (campaign.results_starts_on, campaign.results_ends_on) == (datetime.date(2023, 10, 1),
                                                                      datetime.date(2024, 6, 30))
    assert campaign.dossier_due_on == datetime.date(2024, 7, 1)
    assert "từ 1.000 việc đến dưới 1.500 việc" in campaign.description


def test_organisations_and_the_reorganisation(demo):
    assert Unit.objects.filter(parent__code="LS", kind=UnitKind.SUB_DEPARTMENT).count() == 11
    assert Unit.objects.get(code="TCTHADS").successions_out.get().successor.name == "Cục Quản lý Thi hành án dân sự"
    assert UnitSuccession.objects.get(predecessor__code="BD").successor.name == "Thi hành án dân sự tỉnh Gia Lai"
    assert UnitSuccession.objects.get(predecessor__code="HG").successor.name == "Thi hành án dân sự thành phố Cần Thơ"
    assert UnitSuccession.objects.get(predecessor__code="LS").kind == "rename"
    assert UnitSuccession.objects.filter(predecessor__code__startswith="LS-CC-", kind="merge").count() == 11
    seed_002 = Campaign.objects.get(plan__issuer__code="UBND-HG")
    assert seed_002.participations.filter(unit__kind=UnitKind.EXTERNAL).exists()


def test_subplan_requirements_of_seeds_000_and_003(demo):
    assert set(SubPlanRequirement.objects.values_list("plan__issuer__code", "due_on").distinct()) == {
        ("BD", datetime.date(2023, 2, 28)), ("TN", datetime.date(2023, 2, 20))}
    assert Plan.objects.filter(parent__issuer__code="BD").count() == 5


def test_every_demo_account_can_log_in(demo):
    for account in DEMO_ACCOUNTS:
        assert Client().login(username=account["username"], password=DEMO_PASSWORD), account["username"]


def test_seed_targets_as_written_with_their_gaps(demo):
    from campaigns.brackets import coverage_problems
    from campaigns.models import Target

    assert Target.objects.filter(campaign__plan__issuer__code="BD", code__startswith="1.1.").count() == 15
    tiered = Target.objects.filter(campaign__plan__issuer__code="HG").exclude(basis="none")
    gaps = sorted(p.interval.lower for t in tiered for p in coverage_problems(t.rule_brackets()))
    assert gaps == [300, 1500, 100 * 10**9, 300 * 10**9]
    assert Target.objects.get(code="1.1.3", metric_kind="completion_cases").strict is True
