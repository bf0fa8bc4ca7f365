"""Plans, campaigns, sub-plans and pledges through the views, with the fixed cast."""

import datetime

import pytest
from django.urls import reverse

from campaigns.models import Campaign, Milestone, Plan, Pledge, SubPlanRequirement
from emulation.models import AuditEntry
from tests.factories import (
    CampaignFactory,
    OfficerFactory,
    ParticipationFactory,
    PlanFactory,
    PledgeFactory,
    UserFactory,
)

pytestmark = pytest.mark.integration


def _plan_post(issuer, **overrides):
    data = {"issuer": issuer.pk, "number": "12", "symbol": "KH-CTHADS", "year": "2024", "issued_on": "20/03/2024",
            "place": "Hậu Giang", "title": "Phát động đợt thi đua cao điểm năm 2024", "theme": "Thi đua lập thành tích",
            "legal_basis": "Kế hoạch số 1046/KH-TCTHADS ngày 20/3/2024", "recipients": "- Tổng cục THADS;\n- Lưu: VT."}
    return data | overrides


def _campaign_post(*units, **overrides):
    data = {"kind": "peak", "name": "Đợt thi đua cao điểm", "starts_on": "01/04/2024", "ends_on": "30/06/2024",
            "results_starts_on": "01/10/2023", "results_ends_on": "30/06/2024", "participants": [u.pk for u in units]}
    return data | overrides


def test_anonymous_is_sent_to_login(client, province_plan):
    response = client.get(reverse("campaigns:plan_detail", args=[province_plan.pk]))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_staff_creates_plan_and_campaign_with_audit(login, staff, province, unit_a, unit_b):
    client = login(staff)
    response = client.post(reverse("campaigns:plan_create"), _plan_post(province))
    plan = Plan.objects.get(title="Phát động đợt thi đua cao điểm năm 2024")
    assert response["Location"] == reverse("campaigns:plan_detail", args=[plan.pk])
    assert plan.issued_on == datetime.date(2024, 3, 20) and plan.reference == "12/KH-CTHADS"
    response = client.post(reverse("campaigns:campaign_create", args=[plan.pk]), _campaign_post(unit_a, unit_b))
    campaign = Campaign.objects.get(plan=plan)
    assert response.status_code == 302
    assert set(campaign.participants.all()) == {unit_a, unit_b}
    assert campaign.results_starts_on == datetime.date(2023, 10, 1)
    labels = list(AuditEntry.objects.filter(actor=staff).values_list("model_label", "action"))
    assert labels.count(("campaigns.Participation", "create")) == 2
    assert ("campaigns.Plan", "create") in labels and ("campaigns.Campaign", "create") in labels
    page = client.get(reverse("campaigns:campaign_detail", args=[campaign.pk])).content.decode()
    assert "01/10/2023 – 30/06/2024" in page and "01/04/2024 – 30/06/2024" in page


def test_duplicate_plan_number_is_refused_and_nothing_saved(login, staff, province):
    PlanFactory(issuer=province, number=12, symbol="KH-CTHADS", year=2024)
    count = Plan.objects.count()
    response = login(staff).post(reverse("campaigns:plan_create"), _plan_post(province))
    assert response.status_code == 200
    assert "Đơn vị ban hành đã có kế hoạch cùng số và ký hiệu trong năm này." in response.content.decode()
    assert Plan.objects.count() == count


def test_same_number_another_year_is_fine(login, staff, province):
    PlanFactory(issuer=province, number=12, symbol="KH-CTHADS", year=2023, issued_on=datetime.date(2023, 2, 1))
    response = login(staff).post(reverse("campaigns:plan_create"), _plan_post(province))
    assert response.status_code == 302


@pytest.mark.parametrize(("field", "value", "message"), [
    ("symbol", "kh ctHADS!", "Ký hiệu gồm chữ in hoa và số"),
    ("issued_on", "20/03/2023", "Ngày ban hành phải thuộc năm 2024 của kế hoạch."),
    ("issued_on", "31/02/2024", "Nhập một ngày hợp lệ."),
])
def test_bad_plan_input_rerenders_with_message(login, staff, province, field, value, message):
    count = Plan.objects.count()
    response = login(staff).post(reverse("campaigns:plan_create"), _plan_post(province, **{field: value}))
    assert message in response.content.decode()
    assert Plan.objects.count() == count


def test_campaign_end_before_start_saves_nothing(login, staff, province_plan, unit_a):
    before = (Campaign.objects.count(), AuditEntry.objects.count())
    response = login(staff).post(reverse("campaigns:campaign_create", args=[province_plan.pk]),
                                 _campaign_post(unit_a, ends_on="01/03/2024", results_ends_on="01/09/2023"))
    page = response.content.decode()
    assert "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu." in page
    assert "Ngày cuối kỳ tính kết quả phải sau hoặc bằng ngày đầu kỳ." in page
    assert (Campaign.objects.count(), AuditEntry.objects.count()) == before


def test_milestone_end_before_start_refused(login, staff, province_plan):
    campaign = province_plan.campaigns.get()
    response = login(staff).post(reverse("campaigns:milestone_create", args=[campaign.pk]), {
        "kind": "interim_review", "title": "Sơ kết", "starts_on": "10/07/2024", "ends_on": "01/07/2024"})
    assert "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu." in response.content.decode()
    assert not Milestone.objects.exists()


def test_unit_head_sees_provincial_plan_but_cannot_edit_it(login, head_a, province_plan):
    client = login(head_a)
    assert province_plan.title in client.get(reverse("campaigns:plan_list")).content.decode()
    assert client.get(reverse("campaigns:plan_edit", args=[province_plan.pk])).status_code == 403
    assert client.get(reverse("campaigns:campaign_create", args=[province_plan.pk])).status_code == 403


def test_viewer_cannot_create_anything(login, viewer, province_plan):
    client = login(viewer)
    assert client.get(reverse("campaigns:plan_create")).status_code == 403
    campaign = province_plan.campaigns.get()
    assert client.get(reverse("campaigns:pledge_create", args=[campaign.pk])).status_code == 403


def test_other_units_objects_are_404_for_a_unit_head(login, head_a, campaign_b, unit_b):
    officer = OfficerFactory(unit=unit_b)
    ParticipationFactory(campaign=campaign_b, unit=unit_b)
    pledge = PledgeFactory(campaign=campaign_b, unit=unit_b, officer=officer)
    plan = campaign_b.plan
    urls = [
        reverse("campaigns:plan_detail", args=[plan.pk]), reverse("campaigns:plan_edit", args=[plan.pk]),
        reverse("campaigns:plan_subplans", args=[plan.pk]), reverse("campaigns:campaign_create", args=[plan.pk]),
        reverse("campaigns:campaign_detail", args=[campaign_b.pk]),
        reverse("campaigns:campaign_edit", args=[campaign_b.pk]),
        reverse("campaigns:milestone_create", args=[campaign_b.pk]),
        reverse("campaigns:campaign_pledges", args=[campaign_b.pk]),
        reverse("campaigns:pledge_create", args=[campaign_b.pk]),
        reverse("campaigns:pledge_detail", args=[pledge.pk]), reverse("campaigns:pledge_edit", args=[pledge.pk]),
    ]
    client = login(head_a)
    statuses = {url: client.get(url).status_code for url in urls}
    assert statuses == {url: 404 for url in urls}
    for name in ["plan_list", "campaign_list", "pledge_list"]:
        page = client.get(reverse(f"campaigns:{name}")).content.decode()
        assert plan.title not in page and campaign_b.name not in page and officer.full_name not in page


def test_unit_head_registers_pledges_for_own_unit_only(login, head_a, province_plan, unit_a, unit_b, officer_a):
    campaign = province_plan.campaigns.get()
    client = login(head_a)
    url = reverse("campaigns:pledge_create", args=[campaign.pk])
    response = client.post(url, {"unit": unit_a.pk, "registered_on": "05/04/2024", "content": "Phấn đấu đạt 77%."})
    assert response.status_code == 302
    response = client.post(url, {"unit": unit_a.pk, "officer": officer_a.pk, "registered_on": "05/04/2024",
                                 "content": "Chấp hành viên phấn đấu vượt chỉ tiêu."})
    assert response.status_code == 302
    duplicate = client.post(url, {"unit": unit_a.pk, "registered_on": "06/04/2024", "content": "Lần hai"})
    assert "đã đăng ký giao ước thi đua cho phong trào này" in duplicate.content.decode()
    other = client.post(url, {"unit": unit_b.pk, "registered_on": "05/04/2024", "content": "Hộ đơn vị B"})
    assert other.status_code == 200 and "unit" in other.context["form"].errors
    assert Pledge.objects.filter(campaign=campaign).count() == 2
    assert AuditEntry.objects.filter(model_label="campaigns.Pledge", actor=head_a).count() == 2


def test_pledge_status_page_lists_who_has_not_registered(login, staff, province_plan, unit_a, unit_b, officer_a,
                                                         officer_b):
    campaign = province_plan.campaigns.get()
    PledgeFactory(campaign=campaign, unit=unit_a)
    PledgeFactory(campaign=campaign, unit=unit_a, officer=officer_a)
    rows = login(staff).get(reverse("campaigns:campaign_pledges", args=[campaign.pk])).context["rows"]
    summary = {r["unit"].code: (r["pledge"] is not None, r["missing_officers"]) for r in rows}
    assert summary == {"HG-VT": (True, 0), "HG-LM": (False, 1)}


def test_subplan_tracking_and_filing(login, staff, head_a, province_plan, unit_a, unit_b):
    client = login(staff)
    response = client.post(reverse("campaigns:plan_subplans", args=[province_plan.pk]),
                           {"due_on": "28/02/2024", "units": [unit_a.pk, unit_b.pk]})
    assert response.status_code == 302
    assert SubPlanRequirement.objects.filter(plan=province_plan).count() == 2
    response = login(head_a).post(reverse("campaigns:plan_create") + f"?parent={province_plan.pk}", _plan_post(
        unit_a, number="3", symbol="KH-CCTHADS", issued_on="05/03/2024", parent=province_plan.pk))
    assert response.status_code == 302
    rows = client.get(reverse("campaigns:plan_subplans", args=[province_plan.pk])).context["rows"]
    assert {r["unit"].code: r["status"].label for r in rows} == {
        "HG-VT": "Nộp muộn 6 ngày", "HG-LM": rows[1]["status"].label}
    assert rows[1]["status"].state == "overdue"


def test_head_cannot_set_subplan_requirements(login, head_a, province_plan, unit_a):
    response = login(head_a).post(reverse("campaigns:plan_subplans", args=[province_plan.pk]),
                                  {"due_on": "28/02/2024", "units": [unit_a.pk]})
    assert response.status_code == 403
    assert not SubPlanRequirement.objects.exists()


def test_accent_insensitive_search(login, staff, province):
    PlanFactory(issuer=province, title="Phát động đợt thi đua cao điểm năm 2024")
    PlanFactory(issuer=province, title="Kế hoạch văn hóa công sở")
    page = login(staff).get(reverse("campaigns:plan_list"), {"q": "cao diem"}).content.decode()
    assert "Phát động đợt thi đua cao điểm năm 2024" in page and "văn hóa công sở" not in page


def test_admin_changes_are_audited(client, province):
    admin_user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin_user)
    plan = PlanFactory(issuer=province, title="Kế hoạch cũ")
    response = client.post(reverse("admin:campaigns_plan_change", args=[plan.pk]), {
        "issuer": province.pk, "number": plan.number, "symbol": "KH-CTHADS", "year": 2024, "issued_on": "20/03/2024",
        "title": "Kế hoạch mới", "campaigns-TOTAL_FORMS": "0", "campaigns-INITIAL_FORMS": "0"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(model_label="campaigns.Plan", actor=admin_user)
    assert entry.changes["title"] == ["Kế hoạch cũ", "Kế hoạch mới"]


@pytest.mark.parametrize("rows", [10, 200])
def test_list_pages_query_count_is_constant(login, staff, province, unit_a, rows, django_assert_max_num_queries):
    officers = OfficerFactory.create_batch(rows, unit=unit_a)
    for _ in range(rows):
        plan = PlanFactory(issuer=province)
        campaign = CampaignFactory(plan=plan)
        ParticipationFactory(campaign=campaign, unit=unit_a)
    campaign = Campaign.objects.first()
    for officer in officers:
        PledgeFactory(campaign=campaign, unit=unit_a, officer=officer)
    client = login(staff)
    for url in [reverse("campaigns:plan_list"), reverse("campaigns:campaign_list"), reverse("campaigns:pledge_list"),
                reverse("campaigns:campaign_pledges", args=[campaign.pk]),
                reverse("campaigns:campaign_detail", args=[campaign.pk]), reverse("reports:dashboard")]:
        with django_assert_max_num_queries(16):
            assert client.get(url).status_code == 200


def test_unit_history_rolls_up_through_successors(login, staff, head_b, province, province_plan, unit_a):
    from emulation.models import UnitSuccession
    from tests.factories import UnitFactory

    area = UnitFactory(code="HG-KV1", name="Phòng Thi hành án dân sự khu vực 1", parent=province)
    UnitSuccession.objects.create(predecessor=unit_a, successor=area, kind="merge",
                                  effective_on=datetime.date(2025, 7, 1))
    page = login(staff).get(reverse("campaigns:unit_history", args=[area.pk])).content.decode()
    assert "Đợt thi đua cao điểm năm 2024" in page and f"với tư cách {unit_a.name}" in page
    assert login(head_b).get(reverse("campaigns:unit_history", args=[unit_a.pk])).status_code == 404
