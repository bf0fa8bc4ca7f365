"""Main flows in the browser: staff create a plan with a campaign; a unit head registers a pledge; staff page
through who has registered."""

import pytest

from campaigns.models import Campaign, Plan, Pledge
from tests.e2e.test_notifications_flow import _looked_at
from tests.factories import OfficerFactory, ParticipationFactory, PledgeFactory, UnitFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_staff_creates_a_plan_and_launches_a_campaign(page, sign_in, shot, staff, province, unit_a, unit_b):
    sign_in(staff)
    page.goto(page.base_url + "/ke-hoach/")
    page.click("[data-testid=plan-create]")
    page.select_option("#id_issuer", label=province.name)
    page.fill("#id_number", "12")
    page.fill("#id_symbol", "KH-CTHADS")
    page.fill("#id_year", "2024")
    page.fill("#id_issued_on", "20/03/2024")
    page.fill("#id_title", "Phát động đợt thi đua cao điểm chào mừng 78 năm Ngày Truyền thống THADS")
    page.fill("#id_theme", "Thi đua lập thành tích hoàn thành các chỉ tiêu, nhiệm vụ THADS")
    page.click("[data-testid=form-submit]")
    assert "Đã lưu kế hoạch 12/KH-CTHADS." in page.inner_text("main")
    page.click("[data-testid=campaign-create]")
    page.select_option("#id_kind", "peak")
    page.fill("#id_name", "Đợt thi đua cao điểm 01/04 – 30/06/2024")
    page.fill("#id_starts_on", "01/04/2024")
    page.fill("#id_ends_on", "30/03/2024")
    page.select_option("#id_participants", [str(unit_a.pk), str(unit_b.pk)])
    page.click("[data-testid=form-submit]")
    assert "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu." in page.inner_text("main")
    assert page.input_value("#id_name") == "Đợt thi đua cao điểm 01/04 – 30/06/2024"
    page.fill("#id_ends_on", "30/06/2024")
    page.fill("#id_results_starts_on", "01/10/2023")
    page.fill("#id_results_ends_on", "30/06/2024")
    page.click("[data-testid=form-submit]")
    assert "Đã tạo phong trào thi đua." in page.inner_text("main")
    assert "01/10/2023 – 30/06/2024" in page.inner_text("[data-testid=campaign-periods]")
    shot("campaign-created")
    campaign = Campaign.objects.get(plan=Plan.objects.get(number=12))
    assert set(campaign.participants.values_list("code", flat=True)) == {unit_a.code, unit_b.code}


def test_unit_head_registers_a_pledge(page, sign_in, shot, head_a, province_plan, unit_a, officer_a):
    campaign = province_plan.campaigns.get()
    sign_in(head_a)
    page.goto(page.base_url + f"/ke-hoach/phong-trao/{campaign.pk}/")
    page.click("[data-testid=pledge-create]")
    assert page.locator("#id_unit option").all_inner_texts() == ["---------", unit_a.name]
    page.select_option("#id_unit", label=unit_a.name)
    page.fill("#id_registered_on", "05/04/2024")
    page.fill("#id_target_title", "Giấy khen của Cục trưởng")
    page.fill("#id_content", "Phấn đấu đạt tỷ lệ thi hành xong 77% về việc và 40% về tiền.")
    page.click("[data-testid=form-submit]")
    assert "Đã đăng ký giao ước thi đua." in page.inner_text("main")
    shot("pledge-registered")
    pledge = Pledge.objects.get(campaign=campaign)
    assert (pledge.unit, pledge.officer, pledge.registered_by) == (unit_a, None, head_a)


@pytest.mark.parametrize("width", [1366, 390])
def test_staff_page_through_who_has_registered_a_pledge(page, sign_in, staff, province, province_plan, width):
    campaign = province_plan.campaigns.get()
    for n in range(11):
        unit = UnitFactory(parent=province, name=f"Phòng Thi hành án dân sự khu vực {n + 1:02d}")
        ParticipationFactory(campaign=campaign, unit=unit)
        officer = OfficerFactory(unit=unit, full_name=f"Lê Thị Thu {n + 1:02d}")
        if n % 3 == 0:
            PledgeFactory(campaign=campaign, unit=unit)
            PledgeFactory(campaign=campaign, unit=unit, officer=officer)
    sign_in(staff)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page.base_url + f"/ke-hoach/phong-trao/{campaign.pk}/giao-uoc/")
    assert page.inner_text("[data-testid=units-done]") == "4/13"
    assert page.locator("[data-testid=pledge-unit]").count() == 10
    _looked_at(page, f"pledges-page-1-{width}")
    with page.expect_navigation():
        page.click("text=Sau ›")
    assert page.locator("[data-testid=pledge-unit]").count() == 3
    assert "Phòng Thi hành án dân sự khu vực 11" in page.inner_text("main")
    with page.expect_navigation():
        page.click("[data-testid=filter-missing]")
    assert page.locator("[data-testid=pledge-unit]").count() == 9  # the two fixture units and seven of eleven
    _looked_at(page, f"pledges-missing-{width}")
