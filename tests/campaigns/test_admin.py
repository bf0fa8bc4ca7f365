"""Changes made in the Django admin show up in the audit trail, inlines included."""

import datetime

import pytest
from django.urls import reverse

from campaigns.models import Campaign, Milestone, Participation, Plan, Pledge, SubPlanRequirement
from emulation.models import AuditEntry
from tests.factories import PlanFactory, PledgeFactory, UserFactory

pytestmark = pytest.mark.integration


@pytest.fixture
def superuser_client(db, client):
    user = UserFactory(username="quantri", is_superuser=True, is_staff=True)
    client.force_login(user)
    client.user = user
    return client


def _inline(prefix, rows=(), initial=0):
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial)}
    for i, row in enumerate(rows):
        data |= {f"{prefix}-{i}-{key}": value for key, value in row.items()}
    return data


def _audit(superuser_client):
    return sorted(AuditEntry.objects.filter(actor=superuser_client.user).values_list("model_label", "action"))


def test_plan_created_with_a_campaign_inline(superuser_client, province):
    response = superuser_client.post(reverse("admin:campaigns_plan_add"), {
        "issuer": province.pk, "number": "5", "symbol": "KH-CTHADS", "year": "2024", "issued_on": "20/03/2024",
        "title": "Kế hoạch  phát động thi đua cao điểm", **_inline("campaigns", [
            {"kind": "peak", "name": "Đợt cao điểm", "starts_on": "01/04/2024", "ends_on": "30/06/2024"}])})
    assert response.status_code == 302
    plan = Plan.objects.get()
    campaign = plan.campaigns.get()
    assert plan.search_key.startswith("05/kh-cthads ke hoach phat dong") and campaign.search_key == "dot cao diem"
    assert _audit(superuser_client) == [("campaigns.Campaign", "create"), ("campaigns.Plan", "create")]


def test_plan_change_records_before_and_after(superuser_client, province):
    plan = PlanFactory(issuer=province, title="Kế hoạch cũ")
    response = superuser_client.post(reverse("admin:campaigns_plan_change", args=[plan.pk]), {
        "issuer": province.pk, "number": plan.number, "symbol": "KH-CTHADS", "year": "2024",
        "issued_on": "20/03/2024", "title": "Kế hoạch mới", **_inline("campaigns")})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(model_label="campaigns.Plan", actor=superuser_client.user)
    assert (entry.action, entry.changes["title"]) == ("update", ["Kế hoạch cũ", "Kế hoạch mới"])


def test_duplicate_plan_number_refused_in_the_admin(superuser_client, province):
    PlanFactory(issuer=province, number=5, symbol="KH-CTHADS", year=2024)
    response = superuser_client.post(reverse("admin:campaigns_plan_add"), {
        "issuer": province.pk, "number": "5", "symbol": "KH-CTHADS", "year": "2024", "title": "Trùng số",
        **_inline("campaigns")})
    assert "Đơn vị ban hành đã có kế hoạch cùng số và ký hiệu trong năm này." in response.content.decode()
    assert Plan.objects.count() == 1 and not AuditEntry.objects.filter(model_label="campaigns.Plan").exists()


def test_campaign_milestone_and_participation_inlines_audited(superuser_client, province_plan, unit_a, unit_b):
    campaign = province_plan.campaigns.get()
    existing = Participation.objects.get(campaign=campaign, unit=unit_b)
    response = superuser_client.post(reverse("admin:campaigns_campaign_change", args=[campaign.pk]), {
        "plan": province_plan.pk, "kind": "peak", "name": campaign.name, "starts_on": "01/04/2024",
        "ends_on": "30/06/2024",
        **_inline("milestones", [{"kind": "interim_review", "title": "Sơ kết", "starts_on": "15/07/2024"}]),
        **_inline("participations", [
            {"id": Participation.objects.get(campaign=campaign, unit=unit_a).pk, "campaign": campaign.pk,
             "unit": unit_a.pk},
            {"id": existing.pk, "campaign": campaign.pk, "unit": unit_b.pk, "DELETE": "on"}], initial=2)})
    assert response.status_code == 302
    assert Milestone.objects.get().starts_on == datetime.date(2024, 7, 15)
    assert list(campaign.participants.all()) == [unit_a]
    assert _audit(superuser_client) == [("campaigns.Campaign", "update"), ("campaigns.Milestone", "create"),
                                    ("campaigns.Participation", "delete")]


def test_pledge_and_requirement_add_and_delete_audited(superuser_client, province_plan, unit_a):
    campaign = province_plan.campaigns.get()
    response = superuser_client.post(reverse("admin:campaigns_pledge_add"), {
        "campaign": campaign.pk, "unit": unit_a.pk, "registered_on": "05/04/2024", "content": "Phấn đấu"})
    assert response.status_code == 302 and Pledge.objects.count() == 1
    response = superuser_client.post(reverse("admin:campaigns_subplanrequirement_add"), {
        "plan": province_plan.pk, "unit": unit_a.pk, "due_on": "28/02/2024"})
    assert response.status_code == 302 and SubPlanRequirement.objects.count() == 1
    pledge = PledgeFactory(campaign=campaign, unit=province_plan.issuer)
    response = superuser_client.post(reverse("admin:campaigns_pledge_delete", args=[pledge.pk]), {"post": "yes"})
    assert response.status_code == 302 and not Pledge.objects.filter(pk=pledge.pk).exists()
    assert _audit(superuser_client) == [("campaigns.Pledge", "create"), ("campaigns.Pledge", "delete"),
                                    ("campaigns.SubPlanRequirement", "create")]
    deleted = AuditEntry.objects.get(action="delete")
    assert deleted.changes["content"] == [pledge.content, None]


def test_bulk_delete_of_plans_audited_one_by_one(superuser_client, province):
    plans = [PlanFactory(issuer=province) for _ in range(2)]
    response = superuser_client.post(reverse("admin:campaigns_plan_changelist"), {
        "action": "delete_selected", "_selected_action": [p.pk for p in plans], "post": "yes"})
    assert response.status_code == 302 and not Plan.objects.exists()
    assert _audit(superuser_client) == [("campaigns.Plan", "delete"), ("campaigns.Plan", "delete")]


def test_deleting_a_campaign_records_what_cascades(superuser_client, province_plan, unit_a):
    campaign = province_plan.campaigns.get()
    PledgeFactory(campaign=campaign, unit=unit_a)
    response = superuser_client.post(reverse("admin:campaigns_campaign_delete", args=[campaign.pk]), {"post": "yes"})
    assert response.status_code == 302 and not Campaign.objects.exists()
    assert _audit(superuser_client) == [("campaigns.Campaign", "delete"), ("campaigns.Participation", "delete"),
                                    ("campaigns.Participation", "delete"), ("campaigns.Pledge", "delete")]


def test_admin_lists_render(superuser_client, province_plan, unit_a):
    campaign = province_plan.campaigns.get()
    PledgeFactory(campaign=campaign, unit=unit_a)
    SubPlanRequirement.objects.create(plan=province_plan, unit=unit_a, due_on=datetime.date(2024, 2, 28))
    expected = {"plan": "12/KH-CTHADS", "campaign": campaign.name, "pledge": unit_a.name,
                "subplanrequirement": unit_a.name}
    for model, text in expected.items():
        response = superuser_client.get(reverse(f"admin:campaigns_{model}_changelist"))
        assert text in response.content.decode(), model
