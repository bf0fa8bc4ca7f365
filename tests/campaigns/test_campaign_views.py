"""Campaigns through the views: list, detail, create under a plan, edit, milestones, unit history."""

import datetime

import pytest
from django.urls import reverse

from campaigns.models import Campaign, Milestone, Participation
from emulation.models import AuditEntry, UnitSuccession
from tests.factories import CampaignFactory, PledgeFactory, UnitFactory

pytestmark = pytest.mark.integration
D = datetime.date


def _campaign_post(*units, **overrides):
    data = {"kind": "peak", "name": "Đợt thi đua cao điểm", "starts_on": "01/04/2024", "ends_on": "30/06/2024",
            "results_starts_on": "01/10/2023", "results_ends_on": "30/06/2024", "pledges_due_on": "15/04/2024",
            "dossier_due_on": "01/07/2024", "description": "Chỉ tiêu 1.\nChỉ tiêu 2.",
            "participants": [u.pk for u in units]}
    return data | overrides


@pytest.fixture
def campaign(province_plan):
    return province_plan.campaigns.get()


def test_list_search_and_filters(login, staff, province_plan, campaign_a):
    CampaignFactory(plan=province_plan, kind="annual", name="Phong trào thi đua năm 2023",
                    starts_on=D(2023, 1, 1), ends_on=D(2023, 12, 31))
    client = login(staff)

    def names(**params):
        return [c.name for c in client.get(reverse("campaigns:campaign_list"), params).context["page_obj"]]

    assert names(q="cao diem") == ["Đợt thi đua cao điểm năm 2024"]
    assert names(kind="annual") == ["Phong trào thi đua năm 2023"]
    assert names(year="2023") == ["Phong trào thi đua năm 2023"]
    page = client.get(reverse("campaigns:campaign_list")).content.decode()
    assert "Phong trào thi đua của Chi cục Vị Thanh" in page and "12/KH-CTHADS" in page


def test_detail_shows_periods_deadlines_milestones_and_pledges(login, staff, campaign, unit_a, officer_a):
    Campaign.objects.filter(pk=campaign.pk).update(
        results_starts_on=D(2023, 10, 1), results_ends_on=D(2024, 6, 30), pledges_due_on=D(2024, 4, 15),
        dossier_due_on=D(2024, 7, 1), theme="Thi đua lập thành tích", description="Dòng một\nDòng hai")
    Milestone.objects.create(campaign=campaign, kind="final_review", title="Tổng kết đợt thi đua",
                             starts_on=D(2024, 7, 15))
    PledgeFactory(campaign=campaign, unit=unit_a)
    response = login(staff).get(reverse("campaigns:campaign_detail", args=[campaign.pk]))
    page = response.content.decode()
    for text in ["01/04/2024 – 30/06/2024", "01/10/2023 – 30/06/2024", "15/04/2024", "01/07/2024",
                 "Thi đua lập thành tích", "Dòng một\nDòng hai", "Tổng kết đợt thi đua", "15/07/2024",
                 "Chi cục Thi hành án dân sự thành phố Vị Thanh", "Chi cục Thi hành án dân sự huyện Long Mỹ",
                 "Tập thể: 1/2 đơn vị đã đăng ký", "Cá nhân: 1/1 người chưa đăng ký",
                 reverse("campaigns:campaign_pledges", args=[campaign.pk]), 'data-testid="campaign-edit"']:
        assert text in page
    assert response.context["pledge_summary"]["units_missing"] == 1


def test_unit_head_reads_provincial_campaign_without_edit_buttons(login, head_a, campaign):
    page = login(head_a).get(reverse("campaigns:campaign_detail", args=[campaign.pk])).content.decode()
    assert campaign.name in page
    assert 'data-testid="campaign-edit"' not in page and 'data-testid="milestone-create"' not in page
    assert 'data-testid="pledge-create"' in page


def test_staff_creates_campaign_with_participants_audited(login, staff, province_plan, unit_a, unit_b):
    response = login(staff).post(reverse("campaigns:campaign_create", args=[province_plan.pk]),
                                 _campaign_post(unit_a, unit_b, name="Đợt hai"))
    campaign = Campaign.objects.get(name="Đợt hai")
    assert response["Location"] == campaign.get_absolute_url()
    assert set(campaign.participants.all()) == {unit_a, unit_b}
    assert (campaign.results_starts_on, campaign.pledges_due_on) == (D(2023, 10, 1), D(2024, 4, 15))
    labels = sorted(AuditEntry.objects.filter(actor=staff).values_list("model_label", "action"))
    assert labels == [("campaigns.Campaign", "create"), ("campaigns.Participation", "create"),
                      ("campaigns.Participation", "create")]


def test_staff_edits_campaign_and_participants_audited(login, staff, campaign, unit_a, unit_b):
    response = login(staff).post(reverse("campaigns:campaign_edit", args=[campaign.pk]),
                                 _campaign_post(unit_a, name="Đợt thi đua đã sửa"))
    assert response.status_code == 302
    assert list(campaign.participants.all()) == [unit_a]
    entries = {(e.model_label, e.action): e for e in AuditEntry.objects.filter(actor=staff)}
    assert set(entries) == {("campaigns.Campaign", "update"), ("campaigns.Participation", "delete")}
    assert entries[("campaigns.Campaign", "update")].changes["name"] == ["Đợt thi đua cao điểm năm 2024",
                                                                         "Đợt thi đua đã sửa"]


def test_edit_keeps_participants_outside_the_editors_scope(login, head_a, plan_a, unit_a, unit_b):
    campaign = CampaignFactory(plan=plan_a)
    Participation.objects.create(campaign=campaign, unit=unit_b)
    login(head_a).post(reverse("campaigns:campaign_edit", args=[campaign.pk]), _campaign_post(unit_a))
    assert set(campaign.participants.all()) == {unit_a, unit_b}


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"ends_on": "01/03/2024"}, "ends_on", "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."),
    ({"results_ends_on": "01/09/2023"}, "results_ends_on", "Ngày cuối kỳ tính kết quả phải sau hoặc bằng ngày đầu kỳ."),
    ({"results_ends_on": ""}, "results_ends_on", "Nhập đủ cả ngày đầu và ngày cuối kỳ tính kết quả"),
])
def test_bad_periods_save_nothing(login, staff, province_plan, unit_a, overrides, field, message):
    before = (Campaign.objects.count(), Participation.objects.count(), AuditEntry.objects.count())
    response = login(staff).post(reverse("campaigns:campaign_create", args=[province_plan.pk]),
                                 _campaign_post(unit_a, **overrides))
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert (Campaign.objects.count(), Participation.objects.count(), AuditEntry.objects.count()) == before


def test_participants_outside_the_users_units_are_refused(login, head_a, plan_a, unit_b):
    response = login(head_a).post(reverse("campaigns:campaign_create", args=[plan_a.pk]), _campaign_post(unit_b))
    assert "participants" in response.context["form"].errors
    assert not Campaign.objects.filter(plan=plan_a).exists()


def test_unit_head_cannot_add_campaigns_to_the_provincial_plan(login, head_a, province_plan, unit_a):
    client = login(head_a)
    url = reverse("campaigns:campaign_create", args=[province_plan.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, _campaign_post(unit_a)).status_code == 403
    assert province_plan.campaigns.count() == 1


def test_milestone_added_audited_even_after_the_period(login, staff, campaign):
    response = login(staff).post(reverse("campaigns:milestone_create", args=[campaign.pk]), {
        "kind": "final_review", "title": "Tổng kết", "starts_on": "10/07/2024", "ends_on": "15/07/2024"})
    assert response["Location"] == campaign.get_absolute_url()
    milestone = Milestone.objects.get()
    assert (milestone.starts_on, milestone.ends_on) == (D(2024, 7, 10), D(2024, 7, 15))
    assert AuditEntry.objects.get(model_label="campaigns.Milestone").action == "create"


def test_milestone_end_before_start_saves_nothing(login, staff, campaign):
    response = login(staff).post(reverse("campaigns:milestone_create", args=[campaign.pk]), {
        "kind": "interim_review", "title": "Sơ kết", "starts_on": "10/07/2024", "ends_on": "01/07/2024"})
    assert "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu." in response.content.decode()
    assert not Milestone.objects.exists() and not AuditEntry.objects.exists()


def test_milestone_refused_to_unit_head_and_viewer(login, head_a, viewer, campaign):
    data = {"kind": "interim_review", "title": "Sơ kết", "starts_on": "10/07/2024"}
    for user in (head_a, viewer):
        assert login(user).post(reverse("campaigns:milestone_create", args=[campaign.pk]), data).status_code == 403
    assert not Milestone.objects.exists()


def test_unit_history_rolls_up_through_successors(login, staff, head_b, province, province_plan, unit_a):
    area = UnitFactory(code="HG-KV1", name="Phòng Thi hành án dân sự khu vực 1", parent=province)
    UnitSuccession.objects.create(predecessor=unit_a, successor=area, kind="merge", effective_on=D(2025, 7, 1))
    page = login(staff).get(reverse("campaigns:unit_history", args=[area.pk])).content.decode()
    assert "Đợt thi đua cao điểm năm 2024" in page and f"với tư cách {unit_a.name}" in page
    assert login(head_b).get(reverse("campaigns:unit_history", args=[unit_a.pk])).status_code == 404
