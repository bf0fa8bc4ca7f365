"""Staff select every row of the results page, return them with one reason, then confirm a batch in which
one row may not be confirmed: the step names it and nothing is done. At 1366 and 390 px, no sideways scroll.
The rows' ids are above 9.999, as in a database in use: a checkbox whose value were localised ("10.001") would
send no row."""

import pytest
from django.urls import reverse

from campaigns.models import Result
from tests.e2e.test_notifications_flow import _looked_at
from tests.factories import ResultFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_staff_return_all_with_a_reason_and_see_a_refused_row_named(
    page, sign_in, staff, results_campaign, unit_a, unit_b, width
):
    campaign = results_campaign
    for unit in (unit_a, unit_b):
        ResultFactory(campaign=campaign, unit=unit, status="submitted")
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(staff)
    results = page.base_url + reverse("campaigns:campaign_results", args=[campaign.pk])
    page.goto(results)
    page.check("[data-testid=bulk-all]")
    assert page.locator("[data-testid=bulk-select]:checked").count() == 2
    with page.expect_navigation():
        page.click("[data-testid=bulk-return]")
    assert "Trả lại: 2 dòng đã chọn" in page.inner_text("h1")  # ids above 9.999 (tests/db_flush.py) sent ungrouped
    with page.expect_navigation():
        page.click("[data-testid=bulk-apply]")  # no reason yet
    assert "Ghi rõ lý do khi “Trả lại”." in page.inner_text("main")
    page.fill("#id_reason", "Thiếu số liệu về tiền")
    _looked_at(page, f"bulk-return-step-{width}")
    with page.expect_navigation():
        page.click("[data-testid=bulk-apply]")
    assert "Đã thực hiện “Trả lại” cho 2 dòng." in page.inner_text("main")
    assert sorted(Result.objects.values_list("status", "return_reason")) == [("returned", "Thiếu số liệu về tiền")] * 2
    _looked_at(page, f"bulk-returned-{width}")

    Result.objects.filter(unit=unit_a).update(status="submitted")  # unit A sent its figures again, B did not
    page.goto(results)
    page.check("[data-testid=bulk-all]")
    with page.expect_navigation():
        page.click("[data-testid=bulk-confirm]")
    assert "1 dòng không đủ điều kiện" in page.inner_text("[data-testid=bulk-refused]")
    with page.expect_navigation():
        page.click("[data-testid=bulk-apply]")
    text = page.inner_text("main")
    assert f"{unit_b.name} – 30/06/2024: Không thể “Xác nhận” khi đang ở trạng thái “Đã trả lại”." in text
    assert sorted(Result.objects.values_list("status", flat=True)) == ["returned", "submitted"]
    _looked_at(page, f"bulk-refused-{width}")
