"""A unit head enters results, staff confirm, the attainment table shows the new figures."""

import datetime
from decimal import Decimal

import pytest

from campaigns.models import Target, TargetBracket
from tests.e2e.conftest import ARTIFACTS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_results_entered_confirmed_and_attained(page, sign_in, browser, live_server, head_a, staff,
                                                province_plan, unit_a):
    campaign = province_plan.campaigns.get()
    campaign.results_starts_on, campaign.results_ends_on = datetime.date(2023, 10, 1), datetime.date(2024, 6, 30)
    campaign.save()
    target = Target.objects.create(campaign=campaign, code="3.1", title="Chi cục – về việc",
                                   metric_kind="completion_cases", subject_kind="sub_department", basis="cases_total")
    TargetBracket.objects.create(target=target, lower=0, upper=800, value=Decimal(77))
    TargetBracket.objects.create(target=target, lower=800, upper=None, value=Decimal(76))

    sign_in(head_a)
    page.goto(page.base_url + f"/ke-hoach/phong-trao/{campaign.pk}/ket-qua/")
    page.click("text=Nhập số liệu >> nth=0")
    for field, value in {"as_of": "30/06/2024", "cases_total": "650", "cases_with_conditions": "600",
                         "cases_completed": "700"}.items():
        page.fill(f"#id_{field}", value)
    page.click("[data-testid=form-submit]")
    assert "Số thi hành xong không được lớn hơn số có điều kiện thi hành. (về việc)" in page.inner_text("main")
    page.fill("#id_cases_completed", "480")
    page.click("[data-testid=form-submit]")
    assert "Đã lưu số liệu." in page.inner_text("main")
    page.click("[data-testid=action-submit]")
    assert page.locator("[data-status=submitted]").count() == 1

    staff_context = browser.new_context(locale="vi-VN")
    staff_page = staff_context.new_page()
    staff_page.base_url = live_server.url
    staff_page.goto(live_server.url + "/to-chuc/dang-nhap/")
    staff_page.fill("#id_username", staff.username)
    staff_page.fill("#id_password", "matkhau-123")
    staff_page.click("[data-testid=login-submit]")
    staff_page.goto(live_server.url + f"/ke-hoach/phong-trao/{campaign.pk}/ket-qua/")
    staff_page.click("[data-testid=action-confirm]")
    assert staff_page.locator("[data-status=confirmed]").count() == 1
    staff_page.goto(live_server.url + f"/ke-hoach/phong-trao/{campaign.pk}/dat-chi-tieu/")
    table = staff_page.inner_text("[data-testid=attainment-table]")
    assert "dưới 800" in table and "80,00%" in table and "Đạt" in table
    ARTIFACTS.mkdir(exist_ok=True)
    staff_page.screenshot(path=str(ARTIFACTS / "attainment.png"), full_page=True)
    staff_context.close()
