"""The demo data are the five seed plans; loading twice changes nothing."""

import datetime
import io
import unicodedata
from collections import Counter

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Campaign, Plan, Pledge, SubPlanRequirement
from emulation import demo_data
from emulation.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from emulation.models import Assignment, Officer, Unit, UnitKind, UnitSuccession
from tests.demo_fixture import demo_module

pytestmark = [pytest.mark.integration, demo_module("load")]

D = datetime.date
MODELS = ["emulation.Unit", "emulation.UnitSuccession", "emulation.Officer", "emulation.Assignment",
          "emulation.Discipline", "emulation.AwardHold", "emulation.PerformanceRating", "emulation.RoleGrant",
          "campaigns.Plan",
          "campaigns.Campaign", "campaigns.Milestone", "campaigns.Participation", "campaigns.SubPlanRequirement",
          "campaigns.Pledge", "campaigns.Target", "campaigns.TargetBracket", "campaigns.Result",
          "campaigns.AttainmentSnapshot", "awards.AwardForm", "awards.AwardRule", "awards.CampaignAward",
          "awards.Criterion", "awards.Quota", "awards.AwardRecord", "awards.TypicalExample",
          "awards.TypicalExampleNote", "awards.Proposal", "awards.Nomination", "awards.AchievementReport",
          "awards.CouncilSession", "awards.CouncilMember", "awards.AgendaItem", "awards.FeedbackWindow",
          "awards.ProposalAttachment", "awards.Initiative", "awards.InitiativeAuthor", "emulation.Reorganisation",
          "emulation.ReorganisationItem",
          "emulation.AuditEntry"]
USER_FIELDS = ["username", "password", "first_name", "last_name", "email", "is_staff", "is_superuser", "is_active"]


def _state():
    """Every row of every demo model, all fields: a second load must leave it identical."""
    state = {label: sorted(map(repr, apps.get_model(label).objects.values_list())) for label in MODELS}
    state["auth.User"] = sorted(get_user_model().objects.values_list(*USER_FIELDS))
    return state


@pytest.fixture
def demo(shared_demo):
    return shared_demo.output


def _user(username):
    return get_user_model().objects.get(username=username)


def test_load_demo_twice_changes_nothing(demo):
    first = _state()
    call_command("load_demo", stdout=io.StringIO())
    assert _state() == first
    assert all(first[label] for label in first)


def test_summary_prints_every_account_and_the_password(demo):
    assert DEMO_PASSWORD in demo
    for account in DEMO_ACCOUNTS:
        assert account["username"] in demo


def test_the_five_seed_plans_are_loaded(demo):
    plans = {(p.issuer.code, p.year, p.symbol, p.number, p.issued_on)
             for p in Plan.objects.filter(parent__isnull=True).exclude(title__startswith="[Dữ liệu minh họa]")}
    assert plans == {("BD", 2023, "KH-CTHADS", None, None), ("HG", 2024, "KH-CTHADS", None, None),
                     ("UBND-HG", 2025, "KH-UBND", None, None), ("TN", 2023, "KH-CTHADS", None, None),
                     ("LS", 2019, "KH-CTHADS", None, None)}
    bd = Plan.objects.get(issuer__code="BD", parent__isnull=True)
    assert bd.theme.startswith("Kỷ cương, trách nhiệm, đoàn kết, sáng tạo")
    assert "Quyết định số 84/QĐ-BTP ngày 31/01/2023" in bd.legal_basis_lines[0]
    assert "Quyết định số 329/QĐ-CTHADS ngày 29/12/2022" in bd.legal_basis_lines[-1]  # the province's own level
    assert bd.content.startswith("Nhằm tạo động lực mạnh mẽ")
    assert bd.recipient_lines[-1] == "- Lưu: VT, VP."
    assert (bd.signer_name, bd.signer_title) == ("Nguyễn Xuân Hồng", "CỤC TRƯỞNG")
    assert "1.1.3. Phấn đấu nâng cao chất lượng THADS, tỷ lệ thi hành xong trên 84% về việc và trên 46% về tiền" \
        in bd.campaigns.get(kind="annual").description
    ubnd = Plan.objects.get(issuer__code="UBND-HG")
    assert [line[:30] for line in ubnd.legal_basis_lines] == ["Nghị quyết số 96/2019/QH14 ngà",
                                                              "Nghị quyết số 23-NQ/BCSD ngày "]
    assert ubnd.issuer.kind == UnitKind.AUTHORITY and ubnd.signer_name == "Đồng Văn Thanh"
    assert all(line.rstrip().endswith((";", ".")) for p in Plan.objects.all() for line in p.legal_basis_lines)


def test_seed_000_annual_campaign_with_two_peak_phases_and_milestones(demo):
    plan = Plan.objects.get(issuer__code="BD", parent__isnull=True)
    assert (plan.campaigns.get(kind="annual").starts_on, plan.campaigns.get(kind="annual").ends_on) == (
        D(2023, 1, 1), D(2023, 12, 31))
    phases = list(plan.campaigns.filter(kind="peak").order_by("starts_on").values_list("starts_on", "ends_on"))
    assert phases == [(D(2023, 1, 1), D(2023, 6, 30)), (D(2023, 7, 1), D(2023, 12, 31))]
    assert "77 năm Ngày Truyền thống" in plan.campaigns.filter(kind="peak").order_by("starts_on")[0].description
    kinds = set(plan.campaigns.get(kind="annual").milestones.values_list("kind", flat=True))
    assert {"launch", "deadline", "phase", "interim_review", "final_review"} <= kinds


def test_seed_001_has_its_own_results_period_and_dossier_deadline(demo):
    campaign = Campaign.objects.get(plan__issuer__code="HG", kind="peak")
    assert (campaign.starts_on, campaign.ends_on) == (D(2024, 4, 1), D(2024, 6, 30))
    assert (campaign.results_starts_on, campaign.results_ends_on) == (D(2023, 10, 1), D(2024, 6, 30))
    assert campaign.dossier_due_on == D(2024, 7, 1)
    assert "từ 1.000 việc đến dưới 1.500 việc" in campaign.description
    assert set(campaign.participants.values_list("code", flat=True)) == {
        f"HG-{suffix}" for suffix, _, _ in demo_data.DIVISIONS} | {
        f"HG-CC-{suffix}" for suffix, _, _ in demo_data.PROVINCES[1]["districts"]}


def test_seed_002_reaches_units_outside_the_system(demo):
    campaign = Campaign.objects.get(plan__issuer__code="UBND-HG")
    assert (campaign.ends_on, campaign.dossier_due_on) == (D(2025, 9, 30), D(2025, 10, 10))
    codes = set(campaign.participants.values_list("code", flat=True))
    # Still running on 01/07/2025: the Cục's and the first Chi cục's participation moved to their successors.
    assert {"CTO", "HG-NV", "CTO-KV1", "HG-CC-NB", "HG-CA", "HG-TAND", "HG-VKS", "HG-SNV"} <= codes
    assert not {"HG", "HG-CC-VTH"} & codes
    assert Unit.objects.filter(code="HG-CA", kind=UnitKind.EXTERNAL, parent__code="UBND-HG").exists()


def test_seed_003_four_stages_and_seed_004_multi_year_milestones(demo):
    typical = Campaign.objects.get(plan__issuer__code="TN")
    assert typical.kind == "typical_examples"
    stages = typical.milestones.filter(kind="stage").values_list("note", flat=True)
    assert [note.split(":")[0] for note in sorted(stages)] == [
        "Giai đoạn 1 của quy trình", "Giai đoạn 2", "Giai đoạn 3", "Giai đoạn 4"]
    assert typical.milestones.get(kind="interim_review").starts_on == D(2023, 6, 11)
    culture = Campaign.objects.get(plan__issuer__code="LS")
    assert culture.kind == "multi_year" and (culture.starts_on.year, culture.ends_on.year) == (2019, 2025)
    assert [(m.kind, m.starts_on.year) for m in culture.milestones.order_by("starts_on")] == [
        ("launch", 2019), ("interim_review", 2022), ("final_review", 2025)]


def test_organisations_and_the_reorganisation(demo):
    for province, count in (("LS", 11), ("BD", 11), ("HG", 8), ("TN", 9)):
        assert Unit.objects.filter(parent__code=province, kind=UnitKind.SUB_DEPARTMENT).count() == count
    assert Unit.objects.get(code="TCTHADS").successions_out.get().successor.name == "Cục Quản lý Thi hành án dân sự"
    assert UnitSuccession.objects.get(predecessor__code="TCTHADS").legal_basis.startswith(
        "Quyết định số 1898/QĐ-BTP ngày 25/06/2025")
    assert UnitSuccession.objects.get(predecessor__code="BD").successor.name == "Thi hành án dân sự tỉnh Gia Lai"
    assert UnitSuccession.objects.get(predecessor__code="HG").successor.name == "Thi hành án dân sự thành phố Cần Thơ"
    assert UnitSuccession.objects.get(predecessor__code="LS").kind == "rename"
    assert UnitSuccession.objects.filter(predecessor__code__startswith="LS-CC-", kind="merge").count() == 11
    assert set(UnitSuccession.objects.values_list("effective_on", flat=True)) == {D(2025, 7, 1)}
    for old in Unit.objects.filter(kind__in=[UnitKind.PROVINCIAL, UnitKind.SUB_DEPARTMENT], valid_to__isnull=False):
        assert old.valid_to == D(2025, 6, 30) and old.successions_out.exists(), old.code
    assert Unit.objects.get(code="BD-CC-AL").hardship and not Unit.objects.get(code="BD-CC-QN").hardship


def test_every_sub_department_is_fully_staffed(demo):
    for unit in Unit.objects.filter(kind=UnitKind.SUB_DEPARTMENT, valid_to__isnull=False):
        staffed = Assignment.objects.filter(unit=unit, starts_on=demo_data.ASSIGNMENT_START)  # as they were
        positions = Counter(staffed.values_list("position", flat=True))
        assert positions["Chi cục trưởng"] == positions["Phó Chi cục trưởng"] == 1, unit.code
        enforcing = staffed.filter(officer__is_enforcement_officer=True, officer__is_leader=False).count()
        assert 2 <= enforcing <= 4, unit.code
        assert staffed.filter(officer__is_enforcement_officer=False).exists(), unit.code
    for officer in Officer.objects.select_related("unit"):
        current = Assignment.objects.get(officer=officer, ends_on__isnull=True)
        assert (current.unit_id, current.hardship) == (officer.unit_id, officer.unit.hardship)


def test_people_are_fictional_with_vietnamese_names(demo):
    names = list(Officer.objects.values_list("full_name", flat=True))
    assert len(names) == len(set(names)) >= 150
    assert all(unicodedata.is_normalized("NFC", name) and len(name.split()) >= 3 for name in names)
    assert not set(names) & demo_data.REAL_NAMES
    assert 0.40 <= Officer.objects.filter(gender="female").count() / len(names) <= 0.50
    assert len({name.split()[0] for name in names}) >= 14
    forms = Counter(apps.get_model("emulation.Discipline").objects.values_list("form", flat=True))
    assert forms["reprimand"] >= 1 and forms["warning"] >= 1 and forms["salary_downgrade"] == 1
    holds = apps.get_model("emulation.AwardHold").objects
    assert holds.filter(closed_on__isnull=True).count() == holds.filter(closed_on__isnull=False).count() == 1


def test_subplan_requirements_of_seeds_000_and_003(demo):
    seeds = SubPlanRequirement.objects.exclude(plan__issuer__code="CTO")
    assert set(seeds.values_list("plan__issuer__code", "due_on").distinct()) == {
        ("BD", D(2023, 2, 28)), ("TN", D(2023, 2, 20))}
    for issuer, required in (("BD", 15), ("TN", 13)):
        plan = Plan.objects.get(issuer__code=issuer, parent__isnull=True)
        requirements = plan.subplan_requirements.all()
        assert requirements.count() == required
        filed = {p.issuer_id: p.issued_on for p in plan.subplans.all()}
        on_time = [r for r in requirements if r.unit_id in filed and filed[r.unit_id] <= r.due_on]
        late = [r for r in requirements if r.unit_id in filed and filed[r.unit_id] > r.due_on]
        assert on_time and len(late) == 1 and len(filed) < required, issuer
        assert set(filed) <= {r.unit_id for r in requirements}


def test_pledges_show_registered_and_missing(demo):
    campaign = Campaign.objects.get(plan__issuer__code="HG", kind="peak")
    units = set(campaign.participants.values_list("pk", flat=True))
    pledged = set(Pledge.objects.filter(campaign=campaign, officer__isnull=True).values_list("unit_id", flat=True))
    assert pledged and pledged < units
    officers = set(Assignment.objects.filter(unit_id__in=units).values_list("officer_id", flat=True))
    individual = set(Pledge.objects.filter(campaign=campaign, officer__isnull=False).values_list("officer_id",
                                                                                                  flat=True))
    assert individual and individual < officers
    assert Pledge.objects.filter(campaign__plan__issuer__code="UBND-HG", unit__kind=UnitKind.EXTERNAL).exists()


def test_every_demo_account_can_log_in(demo):
    for account in DEMO_ACCOUNTS:
        assert _signed_in(Client(), account["username"]), account["username"]
    # The Django admin is not scoped to units: only the system administrator opens it.
    assert _user("admin").is_superuser and not _user("thuongtruc").is_staff and not _user("thuongtruc").is_superuser
    assert not _user("xem").is_staff
    head = _user("truong_vithanh")
    assert f"{head.last_name} {head.first_name}" == Officer.objects.get(code="HG-CC-VTH-01").full_name
    assert head.role_grants.get().unit.code == "CTO-KV1"  # Chi cục THADS TP Vị Thanh → Phòng THADS khu vực 1
    # Email addresses on a domain reserved for examples (RFC 2606): no real mailbox is ever written to.
    emails = sorted(get_user_model().objects.filter(username__in=[a["username"] for a in DEMO_ACCOUNTS])
                    .values_list("email", flat=True))
    assert emails == sorted(f"{a['username']}@tdkt.example" for a in DEMO_ACCOUNTS)


def test_seed_targets_as_written_with_their_gaps(demo):
    from campaigns.brackets import coverage_problems
    from campaigns.models import Target

    assert Target.objects.filter(campaign__plan__issuer__code="BD", code__startswith="1.1.").count() == 15
    tiered = Target.objects.filter(campaign__plan__issuer__code="HG").exclude(basis="none")
    gaps = sorted(p.interval.lower for t in tiered for p in coverage_problems(t.rule_brackets()))
    assert gaps == [300, 1500, 100 * 10**9, 300 * 10**9]
    assert Target.objects.get(code="1.1.3", metric_kind="completion_cases").strict is True


# --- the reorganisation and the current statistical year ------------------------------------------------------

DEMO_LABEL = "[Dữ liệu minh họa]"


def _current(day):
    from campaigns.periods import statistical_year

    start, end = statistical_year(day)
    return Campaign.objects.get(plan__issuer__code="CTO", plan__year=end.year, name__startswith=DEMO_LABEL)


def test_the_reorganisation_is_applied_through_the_operation_once(demo):
    from emulation.models import AuditEntry, Reorganisation, RoleGrant

    reorganisation = Reorganisation.objects.get()
    assert reorganisation.is_applied and reorganisation.applied_by_name == "hệ thống"
    assert reorganisation.decision_number.startswith(DEMO_LABEL) and reorganisation.effective_on == D(2025, 7, 1)
    links = dict(UnitSuccession.objects.filter(predecessor__code__startswith="HG").values_list(
        "predecessor__code", "successor__code"))
    assert links == {"HG": "CTO", "HG-VP": "CTO", "HG-TCCB": "CTO", "HG-NV": "CTO", "HG-KT": "CTO",
                     "HG-CC-VTH": "CTO-KV1", "HG-CC-NB": "CTO-KV1", "HG-CC-LMX": "CTO-KV1", "HG-CC-LMH": "CTO-KV2",
                     "HG-CC-VTY": "CTO-KV2", "HG-CC-CT": "CTO-KV2", "HG-CC-CTA": "CTO-KV3", "HG-CC-PH": "CTO-KV3"}
    assert not Officer.objects.filter(unit__code__startswith="HG-CC-").exists()
    head = Officer.objects.get(code="HG-CC-VTH-01")
    assert (head.unit.code, head.position) == ("CTO-KV1", "Trưởng Phòng Thi hành án dân sự khu vực")
    old, new = Assignment.objects.filter(officer=head).order_by("starts_on")
    assert (old.unit.code, old.ends_on, new.unit.code, new.starts_on) == ("HG-CC-VTH", D(2025, 6, 30), "CTO-KV1",
                                                                          D(2025, 7, 1))
    grants = dict(RoleGrant.objects.filter(user__username__in=["thuongtruc", "cuctruong", "hoidong", "truong_vithanh",
                                                                "truong_longmy"]).values_list("user__username",
                                                                                              "unit__code"))
    assert grants == {"thuongtruc": "CTO", "cuctruong": "CTO", "hoidong": "CTO", "truong_vithanh": "CTO-KV1",
                      "truong_longmy": "CTO-KV2"}
    assert AuditEntry.objects.filter(object_id=str(reorganisation.pk), actor__isnull=True).exists()


def _signed_in(client, username) -> bool:
    """Signs in through the login page (the sign-in backend needs the request)."""
    response = client.post(reverse("emulation:login"), {"username": username, "password": DEMO_PASSWORD})
    return response.status_code == 302 and "_auth_user_id" in client.session


def _client(username):
    client = Client()
    assert _signed_in(client, username)
    return client


def test_staff_of_the_successor_see_it_and_the_running_campaign(demo):
    client, campaign = _client("thuongtruc"), _current(timezone.localdate())
    page = client.get(reverse("emulation:unit_detail", args=[Unit.objects.get(code="CTO").pk]))
    assert page.status_code == 200 and "Thi hành án dân sự thành phố Cần Thơ" in page.content.decode()
    dashboard = client.get(reverse("reports:dashboard")).content.decode()
    assert campaign.name in dashboard


def test_staff_of_the_successor_open_the_archive_of_hau_giang_2024(demo):
    """Cần Thơ took over Hậu Giang: its staff read the 2024 plan and campaign (results too), read only."""
    client = _client("thuongtruc")
    plan = Plan.objects.get(issuer__code="HG", year=2024)
    campaign = plan.campaigns.first()
    for url in (reverse("campaigns:plan_detail", args=[plan.pk]),
                reverse("campaigns:campaign_detail", args=[campaign.pk]),
                reverse("campaigns:campaign_results", args=[campaign.pk])):
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("campaigns:campaign_edit", args=[campaign.pk])).status_code in (403, 404)


def test_a_head_of_a_phong_khu_vuc_sees_their_unit_and_not_another(demo):
    client = _client("truong_longmy")
    mine, other = Unit.objects.get(code="CTO-KV2"), Unit.objects.get(code="CTO-KV1")
    page = client.get(reverse("emulation:unit_detail", args=[mine.pk]))
    assert page.status_code == 200 and mine.name in page.content.decode()
    assert client.get(reverse("emulation:unit_detail", args=[other.pk])).status_code == 404
    assert _current(timezone.localdate()).name in client.get(reverse("reports:dashboard")).content.decode()


def test_the_walk_through_of_the_readme_reaches_a_decision(demo, media_root):
    """Vote as the two members, close as staff, approve as the director; resubmit the returned proposal."""
    from awards.models import AwardRecord, CouncilSession, Proposal
    from awards.services import ballots, council, decisions
    from awards.services import proposals as proposal_services

    today, campaign = timezone.localdate(), _current(timezone.localdate())
    session = CouncilSession.objects.get(campaign=campaign)
    for username in ("hoidong", "cuctruong"):
        ballots.cast_ballot(actor=_user(username), session=session,
                            choices={item.pk: "yes" for item in session.items.all()})
    council.close_session(actor=_user("thuongtruc"), session=session, today=today)
    decisions.approve(actor=_user("cuctruong"), session=session, decided_on=today, signer_name="Người ký",
                      signer_title="TRƯỞNG THI HÀNH ÁN DÂN SỰ THÀNH PHỐ")
    awarded = AwardRecord.objects.filter(year=today.year, decided_on=today)
    assert {(r.unit.code if r.unit else r.officer.code) for r in awarded} == {"CTO-KV1", "HG-CC-VTH-03"}
    draft = Proposal.objects.get(campaign=campaign, unit__code="CTO-KV2", status="draft")
    proposal_services.submit(actor=_user("truong_longmy"), proposal=draft)
    assert Proposal.objects.get(pk=draft.pk).status == "submitted"


def test_the_demo_has_deadlines_that_remind_on_the_day_it_is_loaded(demo):
    """``load_demo`` dates its current year from today: ``send_reminders`` on it has something to say."""
    from django.utils import timezone

    from emulation import reminders
    from emulation.models import Notification

    today = timezone.localdate()
    assert reminders.send_reminders(today=today) > 0
    told = set(Notification.objects.filter(kind__startswith="remind.").values_list("recipient__username", "kind"))
    assert ("truong_longmy", "remind.results") in told  # Phòng khu vực 2: its figures were returned
    assert ("truong_vithanh", "remind.results") not in told  # Phòng khu vực 1: confirmed
    count = Notification.objects.count()
    reminders.send_reminders(today=today)
    assert Notification.objects.count() == count


def test_seed_000_chien_si_thi_dua_co_so_reads_the_register_of_initiatives(demo):
    from awards.candidates import assess_all
    from awards.models import CampaignAward

    award = CampaignAward.objects.get(campaign__plan__issuer__code="BD", campaign__kind="annual",
                                      award_form__code="CSTDCS")
    officers = list(Officer.objects.filter(code__in=["BD-CC-AL-03", "BD-CC-PC-03", "BD-CC-AL-04"])
                    .select_related("unit"))
    found = {a.subject.code: next(f for f in a.assessment.findings if f.criterion.startswith("Hoàn thành xuất sắc"))
             for a in assess_all(award, [], officers, D(2024, 1, 15))}
    assert (found["BD-CC-AL-03"].outcome, found["BD-CC-AL-03"].cites[1]) == (
        "met", "Sáng kiến “Sổ theo dõi tiến độ thi hành án điện tử tại Chi cục” (phạm vi cơ sở, tỷ lệ đóng góp 70%): "
        "QĐ 215/QĐ-CTHADS ngày 20/12/2023 của Cục Thi hành án dân sự tỉnh Bình Định")
    # Luật 2022 Điều 23 (law.md §1.2): hoàn thành xuất sắc nhiệm vụ *or* a recognised initiative
    assert (found["BD-CC-PC-03"].outcome, found["BD-CC-PC-03"].text) == (
        "met", "Đạt mức hoàn thành xuất sắc nhiệm vụ.")
    assert (found["BD-CC-AL-04"].outcome, found["BD-CC-AL-04"].text) == (  # rated tốt, co-author (30%)
        "met", "Có 1 sáng kiến, đề tài được công nhận phạm vi cơ sở trở lên.")
