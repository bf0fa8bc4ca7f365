"""Log in as each role and see the right dashboard; a unit head is refused another unit's page."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("who", "role_label", "dashboard_marker"), [
    ("staff", "Thường trực thi đua – khen thưởng", "dashboard-staff"),
    ("director", "Thủ trưởng cơ quan (Chủ tịch Hội đồng)", "dashboard-staff"),
    ("head_a", "Thủ trưởng đơn vị", "dashboard-unithead"),
    ("council_member", "Thành viên Hội đồng TĐKT", "dashboard-council"),
    ("viewer", "Chỉ xem", "dashboard-viewer"),
])
def test_each_role_lands_on_its_dashboard(request, sign_in, shot, province_plan, who, role_label, dashboard_marker):
    user = request.getfixturevalue(who)
    page = sign_in(user)
    assert role_label in page.inner_text("[data-testid=whoami]")
    assert page.locator(f"[data-testid={dashboard_marker}]").count() == 1
    shot(f"dashboard-{who}")


def test_unit_head_is_refused_another_units_officer(page, sign_in, head_a, officer_a, officer_b):
    sign_in(head_a)
    response = page.goto(page.base_url + f"/to-chuc/can-bo/{officer_b.pk}/")
    assert response.status == 404
    response = page.goto(page.base_url + f"/to-chuc/can-bo/{officer_a.pk}/")
    assert response.status == 200
    assert officer_a.full_name in page.inner_text("h1")


def test_wrong_password_shows_a_clear_message(page, sign_in, staff):
    sign_in(staff, password="sai-mat-khau")
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in page.inner_text("main")
