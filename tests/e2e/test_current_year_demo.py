"""The living demo in a browser: staff of THADS thành phố Cần Thơ and the head of a Phòng THADS khu vực walk the
current statistical year, on a desktop (1366 px) and a phone (390 px) width."""


import pytest
from django.utils import timezone

from campaigns import demo_current
from emulation.demo import DEMO_PASSWORD
from emulation.models import Unit
from tests.demo_fixture import demo_module

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True), demo_module("current-year")]

WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}


@pytest.fixture
def demo(live_demo):
    """The demo as loaded today (loaded once for the module: tests/demo_fixture.py)."""
    return demo_current.current_campaign(timezone.localdate())


def _open(page, username, width):
    """Sign in with a demo account (its real password) at a viewport width."""
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    page.goto(page.base_url + "/to-chuc/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("[data-testid=login-submit]")
    return page


@pytest.mark.parametrize("width", WIDTHS)
def test_staff_walk_the_current_year(page, shot, demo, width):
    page = _open(page, "thuongtruc", width)
    main = page.inner_text("main")
    assert demo.name in main  # running campaigns
    assert page.locator("[data-testid=deadlines] li .badge").count() >= 3  # sub-plans, reports, dossiers
    assert "Phòng THADS khu vực 2" in page.inner_text("[data-testid=open-proposals]")
    shot(f"current-staff-dashboard-{width}")
    with page.expect_navigation():
        page.click(f"text={demo.name}")
    assert demo.name in page.inner_text("h1")
    shot(f"current-staff-campaign-{width}")
    page.goto(page.base_url + f"/to-chuc/don-vi/{Unit.objects.get(code='CTO').pk}/")
    assert "Thi hành án dân sự thành phố Cần Thơ" in page.inner_text("h1")
    assert "Cục Thi hành án dân sự tỉnh Hậu Giang" in page.inner_text("main")  # its predecessor, linked
    shot(f"current-staff-successor-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_phong_khu_vuc_head_sees_their_unit_only(page, shot, demo, width):
    page = _open(page, "truong_longmy", width)
    assert "Phòng THADS khu vực 2" in page.inner_text("[data-testid=open-proposals]")  # the returned one's draft
    assert demo.name in page.inner_text("main")
    shot(f"current-head-dashboard-{width}")
    mine, other = Unit.objects.get(code="CTO-KV2"), Unit.objects.get(code="CTO-KV1")
    page.goto(page.base_url + f"/to-chuc/don-vi/{mine.pk}/")
    assert mine.name in page.inner_text("h1")
    shot(f"current-head-unit-{width}")
    response = page.goto(page.base_url + f"/to-chuc/don-vi/{other.pk}/")
    assert response.status == 404
