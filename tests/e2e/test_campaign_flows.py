"""Main flows in the browser: staff create a plan with a campaign; a unit head registers a pledge; staff page
through who has registered."""

import datetime
from decimal import Decimal

import pytest

from campaigns.models import Campaign, Plan, Pledge, Result
from tests.e2e.test_notifications_flow import _looked_at
from tests.factories import (
    AttainmentRowFactory,
    AttainmentSnapshotFactory,
    OfficerFactory,
    ParticipationFactory,
    PledgeFactory,
    UnitFactory,
)

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
def test_the_campaign_header_keeps_its_buttons_in_rows(page, sign_in, staff, province_plan, width):
    """The buttons of the campaign's header read as buttons (one line of text each), wrapping in rows under the
    title on a phone; the documents card sits in the page, not among them."""
    campaign = province_plan.campaigns.get()
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(staff)
    page.goto(page.base_url + campaign.get_absolute_url())
    buttons = page.locator("[data-testid=campaign-actions] > .btn")
    assert buttons.count() >= 6  # results, attainment, charts, awards, edit, milestone (+ pledge)
    heights = [buttons.nth(i).bounding_box()["height"] for i in range(buttons.count())]
    assert max(heights) < 40, heights
    assert page.locator("[data-testid=campaign-actions]").bounding_box()["height"] < (40 if width == 1366 else 120)
    assert page.locator("[data-testid=campaign-actions] [data-testid=documents-panel]").count() == 0
    assert page.locator("[data-testid=documents-panel]").is_visible()
    _looked_at(page, f"campaign-header-{width}")


@pytest.mark.parametrize("width", [1366, 390])
def test_the_results_table_scrolls_in_its_box_not_the_page(page, sign_in, staff, province_plan, unit_a, unit_b,
                                                           width):
    """A submitted row carries three buttons for staff: at 1366 px the page does not widen, at 390 px the table
    scrolls inside its card."""
    campaign = province_plan.campaigns.get()
    for unit in (unit_a, unit_b):
        Result.objects.create(campaign=campaign, unit=unit, as_of=datetime.date(2024, 6, 30), status="submitted",
                              cases_total=12_345, cases_with_conditions=10_000, cases_completed=9_876,
                              money_total=456_000_000_000, money_with_conditions=400_000_000_000,
                              money_completed=123_456_789_000)
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(staff)
    page.goto(page.base_url + f"/ke-hoach/phong-trao/{campaign.pk}/ket-qua/")
    assert page.locator("[data-testid=result-unit]").count() == 2
    row = page.locator("[data-testid=result-row]").first
    assert row.locator(".actions-cell .btn").count() >= 3
    _looked_at(page, f"results-three-buttons-{width}")
    box = page.locator("[data-testid=result-unit] .table-responsive").first
    overflows = box.evaluate("b => b.scrollWidth > b.clientWidth")
    assert overflows == (width == 390)


@pytest.mark.parametrize("width", [1366, 390])
def test_an_english_attainment_row_writes_its_numbers_one_way(page, sign_in, staff, province_plan, unit_a, width):
    snapshot = AttainmentSnapshotFactory(campaign=province_plan.campaigns.get())
    AttainmentRowFactory(snapshot=snapshot, unit=unit_a, metric_kind="completion_money", target_value=78,
                         actual=Decimal("76.78"), actual_display="76,78%", state="not_met", gap_units=1_000_000_000,
                         gap_points=Decimal("1.00"))
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(staff)
    page.goto(page.base_url + f"/ke-hoach/phong-trao/{snapshot.campaign_id}/dat-chi-tieu/")
    with page.expect_navigation():
        page.click("[data-testid=language-switch] button[value=en]")
    row = page.locator("[data-testid=attainment-row]")
    assert row.count() == 1
    cells = [row.locator(f"[data-testid={name}]").inner_text() for name in
             ("attainment-actual", "attainment-gap-units", "attainment-gap-points")]
    assert cells == ["76.78%", "1,000,000,000", "1.00"]
    _looked_at(page, f"attainment-english-{width}")


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
